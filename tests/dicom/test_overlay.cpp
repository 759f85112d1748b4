// Overlay planes as a separate 1-bit layer: Overlay Data (single and multi-frame, origins,
// several groups, OB and big endian OW), overlays embedded in unused high bits of native and
// RLE-compressed pixels, planes that are inconsistent and left out, and drawing with clipping.

#include <functional>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcvrobow.h>

#include <QTemporaryDir>
#include <QtTest>

#include "dicom/loader.h"
#include "dicom/overlay.h"
#include "synthetic_codec.h"

using Edit = std::function<void(DcmDataset&)>;

Q_DECLARE_METATYPE(Edit)
Q_DECLARE_METATYPE(E_TransferSyntax)
Q_DECLARE_METATYPE(std::vector<int>)

namespace {

constexpr int kRows = 6, kColumns = 10, kFrames = 3;

// A distinctive pattern per plane frame: bit set where (x + 2y + frame) % 3 == 0.
bool patternBit(int x, int y, int frame) {
    return (x + 2 * y + frame) % 3 == 0;
}

// Overlay Data bits packed from the least significant bit, frames one after the other.
std::vector<std::uint8_t> packedPlane(int rows, int columns, int frames) {
    std::vector<std::uint8_t> bytes(std::size_t((rows * columns * frames + 15) / 16 * 2), 0);
    std::size_t bit = 0;
    for (int f = 0; f < frames; ++f)
        for (int y = 0; y < rows; ++y)
            for (int x = 0; x < columns; ++x, ++bit)
                if (patternBit(x, y, f))
                    bytes[bit / 8] |= std::uint8_t(1u << (bit % 8));
    return bytes;
}

DcmTagKey tag(int group, unsigned element) {
    return DcmTagKey(Uint16(group), Uint16(element));
}

Edit plane(int group, int rows, int columns, int originRow, int originColumn, int frames = 0,
           int frameOrigin = 1, bool asWords = false) {
    return [=](DcmDataset& ds) {
        ds.putAndInsertUint16(tag(group, 0x0010), Uint16(rows));
        ds.putAndInsertUint16(tag(group, 0x0011), Uint16(columns));
        ds.putAndInsertString(tag(group, 0x0040), "G");
        const Sint16 origin[2] = {Sint16(originRow), Sint16(originColumn)};
        ds.putAndInsertSint16Array(tag(group, 0x0050), origin, 2);
        ds.putAndInsertUint16(tag(group, 0x0100), 1);
        ds.putAndInsertUint16(tag(group, 0x0102), 0);
        ds.putAndInsertString(tag(group, 0x1500), "MARKS");
        if (frames > 0) {
            ds.putAndInsertString(tag(group, 0x0015), std::to_string(frames).c_str());
            ds.putAndInsertUint16(tag(group, 0x0051), Uint16(frameOrigin));
        }
        const auto bytes = packedPlane(rows, columns, std::max(frames, 1));
        auto* data =
            new DcmOtherByteOtherWord(DcmTag(tag(group, 0x3000), asWords ? EVR_OW : EVR_OB));
        if (asWords) {
            std::vector<Uint16> words(bytes.size() / 2);
            for (std::size_t i = 0; i < words.size(); ++i)
                words[i] = Uint16(bytes[2 * i] | bytes[2 * i + 1] << 8);
            data->putUint16Array(words.data(), words.size());
        } else {
            data->putUint8Array(bytes.data(), Uint32(bytes.size()));
        }
        ds.insert(data, OFTrue);
    };
}

// An overlay in bit `bit` of 16-bit cells holding 12-bit values (no Overlay Data).
Edit embedded(int group, int bit) {
    return [=](DcmDataset& ds) {
        ds.putAndInsertUint16(tag(group, 0x0010), kRows);
        ds.putAndInsertUint16(tag(group, 0x0011), kColumns);
        ds.putAndInsertString(tag(group, 0x0040), "R");
        ds.putAndInsertUint16(tag(group, 0x0100), 16);
        ds.putAndInsertUint16(tag(group, 0x0102), Uint16(bit));
    };
}

Edit both(Edit a, Edit b) {
    return [a, b](DcmDataset& ds) {
        a(ds);
        b(ds);
    };
}

// 12 bits stored in 16, with the embedded overlay bits 12..15 set by the pattern of the frame.
std::vector<std::uint8_t> pixelsWithEmbeddedBits(const synthetic::PixelSpec& s) {
    std::vector<std::uint8_t> stream;
    for (int f = 0; f < s.frames; ++f)
        for (int y = 0; y < s.rows; ++y)
            for (int x = 0; x < s.columns; ++x) {
                unsigned cell = unsigned((x * 37 + y * 11 + f) % 4096);
                for (int bit = 12; bit < 16; ++bit)
                    if (patternBit(x, y, f + bit))
                        cell |= 1u << bit;
                stream.push_back(std::uint8_t(cell));
                stream.push_back(std::uint8_t(cell >> 8));
            }
    return stream;
}

}  // namespace

class OverlayTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void planes_data() {
        QTest::addColumn<Edit>("edit");
        QTest::addColumn<E_TransferSyntax>("syntax");
        QTest::addColumn<int>("frame");
        // Per expected plane: group, rows, columns, origin row, origin column, the pattern's
        // frame (Overlay Data) or bit position (embedded: the pattern of frame + bit), embedded.
        QTest::addColumn<std::vector<int>>("expected");
        using V = std::vector<int>;
        const auto le = EXS_LittleEndianExplicit, be = EXS_BigEndianExplicit, rle = EXS_RLELossless;
        QTest::newRow("single plane")
            << plane(0x6000, kRows, kColumns, 1, 1) << le << 0 << V{0x6000, 6, 10, 1, 1, 0, 0};
        QTest::newRow("single plane applies to every frame")
            << plane(0x6000, kRows, kColumns, 1, 1) << le << 2 << V{0x6000, 6, 10, 1, 1, 0, 0};
        QTest::newRow("small plane with an origin")
            << plane(0x6000, 3, 4, 2, 5) << le << 0 << V{0x6000, 3, 4, 2, 5, 0, 0};
        QTest::newRow("origin outside the image")
            << plane(0x6000, 3, 4, -1, 8) << le << 0 << V{0x6000, 3, 4, -1, 8, 0, 0};
        QTest::newRow("multi-frame plane, before its frames")
            << plane(0x6000, kRows, kColumns, 1, 1, 2, 2) << le << 0 << V{};
        QTest::newRow("multi-frame plane, its first frame")
            << plane(0x6000, kRows, kColumns, 1, 1, 2, 2) << le << 1
            << V{0x6000, 6, 10, 1, 1, 0, 0};
        QTest::newRow("multi-frame plane, its second frame")
            << plane(0x6000, kRows, kColumns, 1, 1, 2, 2) << le << 2
            << V{0x6000, 6, 10, 1, 1, 1, 0};
        QTest::newRow("odd-sized multi-frame plane")
            << plane(0x6000, 3, 5, 1, 1, 3) << le << 2 << V{0x6000, 3, 5, 1, 1, 2, 0};
        QTest::newRow("two groups")
            << both(plane(0x6000, kRows, kColumns, 1, 1), plane(0x6002, 2, 2, 3, 3)) << le << 0
            << V{0x6000, 6, 10, 1, 1, 0, 0, 0x6002, 2, 2, 3, 3, 0, 0};
        QTest::newRow("OW data in big endian")
            << plane(0x6004, 5, 7, 1, 1, 0, 1, true) << be << 0 << V{0x6004, 5, 7, 1, 1, 0, 0};
        QTest::newRow("embedded in bit 12")
            << embedded(0x6000, 12) << le << 1 << V{0x6000, 6, 10, 1, 1, 12, 1};
        QTest::newRow("embedded in bit 15, big endian")
            << embedded(0x6006, 15) << be << 2 << V{0x6006, 6, 10, 1, 1, 15, 1};
        QTest::newRow("embedded in RLE pixels")
            << embedded(0x6002, 14) << rle << 0 << V{0x6002, 6, 10, 1, 1, 14, 1};
        QTest::newRow("embedded bit inside the stored value")
            << embedded(0x6000, 11) << le << 0 << V{};
        const Edit claimsThreeFrames = [](DcmDataset& ds) {
            ds.putAndInsertString(tag(0x6000, 0x0015), "3");
        };
        QTest::newRow("data too short for its frames")
            << both(plane(0x6000, kRows, kColumns, 1, 1, 1), claimsThreeFrames) << le << 2 << V{};
        QTest::newRow("no overlays") << Edit([](DcmDataset&) {}) << le << 0 << V{};
    }

    void planes() {
        QFETCH(Edit, edit);
        QFETCH(E_TransferSyntax, syntax);
        QFETCH(int, frame);
        QFETCH(std::vector<int>, expected);
        synthetic::PixelSpec spec;
        spec.rows = kRows;
        spec.columns = kColumns;
        spec.frames = kFrames;
        spec.bitsStored = 12;
        spec.highBit = 11;
        DcmFileFormat file;
        synthetic::putIdentity(*file.getDataset(), {});
        synthetic::putPixels(*file.getDataset(), spec, pixelsWithEmbeddedBits(spec));
        edit(*file.getDataset());
        if (syntax == EXS_RLELossless) {
            synthetic::CodecSpec rle;
            QVERIFY(synthetic::compress(*file.getDataset(), spec, {}, rle));
        }
        const std::string path =
            m_dir.filePath(QString::number(++m_counter) + QStringLiteral(".dcm")).toStdString();
        QVERIFY(synthetic::save(file, path, syntax));
        const auto c = dicom::scanPaths({path});
        QCOMPARE(c.instanceCount(), std::size_t(1));
        const auto overlays =
            dicom::decodeOverlays(c.patients[0].studies[0].series[0].instances[0], frame);
        QVERIFY2(overlays.ok(), overlays.error().message.c_str());
        QCOMPARE(overlays->size(), expected.size() / 7);
        for (std::size_t i = 0; i < overlays->size(); ++i) {
            const dicom::Overlay& o = (*overlays)[i];
            const int* e = expected.data() + 7 * i;
            QCOMPARE(o.group, e[0]);
            QCOMPARE(o.rows, e[1]);
            QCOMPARE(o.columns, e[2]);
            QCOMPARE(o.originRow, e[3]);
            QCOMPARE(o.originColumn, e[4]);
            QCOMPARE(o.embedded, e[6] == 1);
            QCOMPARE(o.bits.size(), std::size_t(o.rows * o.columns));
            const int patternFrame = o.embedded ? frame + e[5] : e[5];
            for (int y = 0; y < o.rows; ++y)
                for (int x = 0; x < o.columns; ++x)
                    QCOMPARE(int(o.bits[std::size_t(y * o.columns + x)]),
                             int(patternBit(x, y, patternFrame)));
        }
    }

    void frameOutOfRange() {
        const std::string path = m_dir.filePath(QStringLiteral("range.dcm")).toStdString();
        synthetic::PixelSpec spec;
        QVERIFY(synthetic::writeImage(path, spec, synthetic::patternSamples(spec),
                                      EXS_LittleEndianExplicit));
        const auto c = dicom::scanPaths({path});
        const auto overlays =
            dicom::decodeOverlays(c.patients[0].studies[0].series[0].instances[0], 1);
        QVERIFY(!overlays.ok());
        QCOMPARE(overlays.error().code, dicom::ErrorCode::FrameOutOfRange);
    }

    void drawsWithClipping() {
        dicom::Image8 image{4, 3, 3, std::vector<std::uint8_t>(4 * 3 * 3, 7)};
        dicom::Overlay overlay;
        overlay.rows = 2;
        overlay.columns = 3;
        overlay.originRow = 0;     // first overlay row lies above the image
        overlay.originColumn = 3;  // third overlay column lies beyond it
        overlay.bits = {1, 1, 1, 1, 0, 1};
        dicom::drawOverlay(image, overlay, 200);
        // Image row 0 is overlay row 1 (bits 1 0 1) at image columns 2, 3 and 4 (outside).
        const auto at = [&](int x, int y) {
            return int(image.pixels[std::size_t((y * 4 + x) * 3)]);
        };
        QCOMPARE(at(2, 0), 200);
        QCOMPARE(at(3, 0), 7);
        QCOMPARE(at(1, 0), 7);
        QCOMPARE(at(2, 1), 7);
        dicom::Overlay broken = overlay;
        broken.bits.resize(2);  // inconsistent: ignored rather than read out of bounds
        dicom::drawOverlay(image, broken);
    }

private:
    QTemporaryDir m_dir;
    int m_counter = 0;
};

QTEST_APPLESS_MAIN(OverlayTest)
#include "test_overlay.moc"
