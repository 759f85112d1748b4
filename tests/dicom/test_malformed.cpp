// Malformed input: every broken file gets its own error with a reason, nothing crashes, and
// decodeFrame refuses what it cannot decode. Ends with a deterministic mutation sweep.

#include <fstream>
#include <functional>
#include <random>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcpixseq.h>
#include <dcmtk/dcmdata/dcpxitem.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <QTemporaryDir>
#include <QtTest>

#include "dicom/loader.h"
#include "synthetic_dicom.h"

using dicom::ErrorCode;
using Builder = std::function<void(const std::string& path)>;

Q_DECLARE_METATYPE(Builder)
Q_DECLARE_METATYPE(dicom::ErrorCode)

namespace {

constexpr int kLoads = -1;  // "no error expected" in the code columns

std::string readAll(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

void writeAll(const std::string& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }

synthetic::PixelSpec grey16() {
    synthetic::PixelSpec s;
    s.rows = 16;
    s.columns = 16;
    return s;
}

// A valid image whose dataset `edit` then breaks.
Builder image(const std::function<void(DcmDataset&)>& edit, E_TransferSyntax xfer = EXS_LittleEndianExplicit) {
    return [edit, xfer](const std::string& path) {
        const auto spec = grey16();
        DcmFileFormat file;
        synthetic::putIdentity(*file.getDataset(), {});
        synthetic::putPixels(*file.getDataset(), spec, synthetic::packSamples(spec, synthetic::patternSamples(spec)));
        edit(*file.getDataset());
        synthetic::save(file, path, xfer);
    };
}

Builder bytes(std::string content) {
    return [content](const std::string& path) { writeAll(path, content); };
}

Builder truncatedAt(long keep) {  // keep < 0: that many bytes from the end are cut
    return [keep](const std::string& path) {
        image([](DcmDataset&) {})(path);
        const std::string all = readAll(path);
        writeAll(path, all.substr(0, keep >= 0 ? std::size_t(keep) : all.size() - std::size_t(-keep)));
    };
}

std::string randomBytes(std::size_t n, unsigned seed) {
    std::mt19937 random(seed);
    std::string out(n, '\0');
    for (auto& c : out) c = char(random() & 0xFF);
    return out;
}

// Encapsulated Pixel Data in `xfer` whose one fragment holds `codestream`.
std::function<void(DcmDataset&)> encapsulated(E_TransferSyntax xfer, std::vector<Uint8> codestream) {
    return [xfer, codestream](DcmDataset& ds) {
        ds.findAndDeleteElement(DCM_PixelData);
        auto* sequence = new DcmPixelSequence(DCM_PixelSequenceTag);
        sequence->insert(new DcmPixelItem(DCM_PixelItemTag));  // empty basic offset table
        auto* fragment = new DcmPixelItem(DCM_PixelItemTag);
        fragment->putUint8Array(codestream.data(), Uint32(codestream.size()));
        sequence->insert(fragment);
        auto* pixels = new DcmPixelData(DCM_PixelData);
        pixels->putOriginalRepresentation(xfer, nullptr, sequence);
        ds.insert(pixels, true);
    };
}

// An RLE header (PS3.5 G.5) announcing `segments` segments at `offsets`, then `tail` bytes.
std::vector<Uint8> rleHeader(Uint32 segments, std::vector<Uint32> offsets, std::vector<Uint8> tail) {
    std::vector<Uint8> out(64, 0);
    offsets.insert(offsets.begin(), segments);
    for (std::size_t i = 0; i < offsets.size() && i < 16; ++i)
        for (int b = 0; b < 4; ++b) out[4 * i + std::size_t(b)] = Uint8(offsets[i] >> (8 * b));
    out.insert(out.end(), tail.begin(), tail.end());
    return out;
}

// A file whose meta header names a compressed syntax while its Pixel Data is native.
Builder nativeLabelledAs(const char* transferSyntaxUid) {
    return [transferSyntaxUid](const std::string& path) {
        image([](DcmDataset&) {})(path);
        DcmFileFormat file;
        if (file.loadFile(path.c_str()).bad()) return;
        file.getMetaInfo()->putAndInsertString(DCM_TransferSyntaxUID, transferSyntaxUid);
        file.saveFile(path.c_str(), EXS_LittleEndianExplicit, EET_ExplicitLength, EGL_recalcGL, EPD_noChange, 0, 0,
                      EWM_dontUpdateMeta);
    };
}

Builder pngThenCut() {
    return [](const std::string& path) {
        const std::string header = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x02\0\0\0", 29);
        writeAll(path, header + "\x12\x34");
    };
}

}  // namespace

class MalformedTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void reportsEachProblem_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<Builder>("build");
        QTest::addColumn<int>("scanError");    // ErrorCode or kLoads
        QTest::addColumn<int>("decodeError");  // ErrorCode or kLoads; only when the scan loads
        const auto row = [](const char* name, const char* file, Builder b, int scan, int decode = kLoads) {
            QTest::newRow(name) << QString::fromLatin1(file) << b << scan << decode;
        };
        row("zero-length file", "empty.dcm", bytes(""), int(ErrorCode::NotDicom));
        row("plain text", "notes.dcm", bytes("Patient seen today, see report."), int(ErrorCode::NotDicom));
        row("random bytes", "random.bin", bytes(randomBytes(4096, 1)), int(ErrorCode::NotDicom));
        row("DICM mark, then garbage", "garbage.dcm", bytes(std::string(128, '\0') + "DICM" + randomBytes(600, 2)),
            int(ErrorCode::Corrupt));
        row("truncated in the meta header", "cut1.dcm", truncatedAt(150), int(ErrorCode::Corrupt));
        row("truncated in the dataset", "cut2.dcm", truncatedAt(400), int(ErrorCode::Corrupt));
        row("truncated in the pixel data", "cut3.dcm", truncatedAt(-11), int(ErrorCode::Corrupt));
        row("absurd rows, columns, frames", "huge.dcm", image([](DcmDataset& ds) {
                ds.putAndInsertUint16(DCM_Rows, 65535);
                ds.putAndInsertUint16(DCM_Columns, 65535);
                ds.putAndInsertString(DCM_NumberOfFrames, "100000");
            }), int(ErrorCode::TooLarge));
        row("zero rows", "rows0.dcm", image([](DcmDataset& ds) { ds.putAndInsertUint16(DCM_Rows, 0); }),
            int(ErrorCode::Corrupt));
        row("bits allocated 12", "bits12.dcm", image([](DcmDataset& ds) { ds.putAndInsertUint16(DCM_BitsAllocated, 12); }),
            int(ErrorCode::UnsupportedPixels));
        row("high bit beyond the cell", "highbit.dcm", image([](DcmDataset& ds) { ds.putAndInsertUint16(DCM_HighBit, 16); }),
            int(ErrorCode::Corrupt));
        row("image without pixel data", "nopixels.dcm",
            image([](DcmDataset& ds) { ds.findAndDeleteElement(DCM_PixelData); }), int(ErrorCode::NoPixelData));
        row("pixel data shorter than its frames", "frames.dcm",
            image([](DcmDataset& ds) { ds.putAndInsertString(DCM_NumberOfFrames, "10"); }), int(ErrorCode::Corrupt));
        row("MONOCHROME2 with 3 samples", "samples.dcm",
            image([](DcmDataset& ds) { ds.putAndInsertUint16(DCM_SamplesPerPixel, 3); }), int(ErrorCode::Corrupt));
        row("unsupported photometric", "hsv.dcm",
            image([](DcmDataset& ds) { ds.putAndInsertString(DCM_PhotometricInterpretation, "HSV"); }),
            int(ErrorCode::UnsupportedPixels));
        row("JPEG codestream without a frame", "jpeg.dcm",
            image(encapsulated(EXS_JPEGProcess1, {0xFF, 0xD8, 0xFF, 0xD9}), EXS_JPEGProcess1), kLoads,
            int(ErrorCode::Corrupt));
        row("JPEG lossless codestream without a frame", "jpeg14.dcm",
            image(encapsulated(EXS_JPEGProcess14SV1, {0xFF, 0xD8, 0xFF, 0xD9}), EXS_JPEGProcess14SV1), kLoads,
            int(ErrorCode::Corrupt));
        row("JPEG-LS codestream without a frame", "jpegls.dcm",
            image(encapsulated(EXS_JPEGLSLossless, {0xFF, 0xD8, 0xFF, 0xD9}), EXS_JPEGLSLossless), kLoads,
            int(ErrorCode::Corrupt));
        row("JPEG 2000 codestream without a tile", "j2k.dcm",
            image(encapsulated(EXS_JPEG2000LosslessOnly, {0xFF, 0x4F, 0xFF, 0xD9}), EXS_JPEG2000LosslessOnly),
            kLoads, int(ErrorCode::Corrupt));
        row("JPEG 2000 fragment of garbage", "j2k-noise.dcm",
            image(encapsulated(EXS_JPEG2000, {0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC}), EXS_JPEG2000), kLoads,
            int(ErrorCode::Corrupt));
        row("RLE header without segments", "rle0.dcm",
            image(encapsulated(EXS_RLELossless, rleHeader(0, {}, {})), EXS_RLELossless), kLoads,
            int(ErrorCode::Corrupt));
        row("RLE segment offset beyond the fragment", "rle-offset.dcm",
            image(encapsulated(EXS_RLELossless, rleHeader(2, {64, 100000}, {0x00, 0x01})), EXS_RLELossless),
            kLoads, int(ErrorCode::Corrupt));
        row("RLE segment shorter than its frame", "rle-short.dcm",
            image(encapsulated(EXS_RLELossless, rleHeader(2, {64, 66}, {0x00, 0x01, 0x00, 0x02})),
                  EXS_RLELossless),
            kLoads, int(ErrorCode::Corrupt));
        row("JPEG 2000 label on native pixel data", "j2k-native.dcm", nativeLabelledAs("1.2.840.10008.1.2.4.90"),
            int(ErrorCode::Corrupt));
        row("RLE label on native pixel data", "rle-native.dcm", nativeLabelledAs("1.2.840.10008.1.2.5"),
            int(ErrorCode::Corrupt));
        row("PALETTE COLOR without tables", "palette.dcm",
            image([](DcmDataset& ds) { ds.putAndInsertString(DCM_PhotometricInterpretation, "PALETTE COLOR"); }),
            kLoads, int(ErrorCode::Corrupt));
        row("structured report (no image)", "sr.dcm", image([](DcmDataset& ds) {
                for (const auto& tag : {DCM_PixelData, DCM_Rows, DCM_Columns}) ds.findAndDeleteElement(tag);
                ds.putAndInsertString(DCM_SOPClassUID, UID_BasicTextSRStorage);
            }), kLoads, int(ErrorCode::NoPixelData));
        row("text named .png", "photo.png", bytes("this is not a picture"), int(ErrorCode::Corrupt));
        row("PNG cut after its header", "cut.png", pngThenCut(), kLoads, int(ErrorCode::Corrupt));
    }

    void reportsEachProblem() {
        QFETCH(QString, name);
        QFETCH(Builder, build);
        QFETCH(int, scanError);
        QFETCH(int, decodeError);
        const std::string path = m_dir.filePath(name).toStdString();
        build(path);
        const auto c = dicom::scanPaths({path});
        if (scanError != kLoads) {
            QCOMPARE(c.instanceCount(), std::size_t(0));
            QCOMPARE(c.errors.size(), std::size_t(1));
            QCOMPARE(c.errors[0].path, path);
            QVERIFY(!c.errors[0].message.empty());
            QVERIFY2(int(c.errors[0].code) == scanError, c.errors[0].message.c_str());
            return;
        }
        QVERIFY2(c.errors.empty(), c.errors.empty() ? "" : c.errors[0].message.c_str());
        QCOMPARE(c.instanceCount(), std::size_t(1));
        const auto image = dicom::decodeFrame(c.patients[0].studies[0].series[0].instances[0]);
        QCOMPARE(image.ok(), decodeError == kLoads);
        if (!image.ok()) {
            QVERIFY2(int(image.error().code) == decodeError, image.error().message.c_str());
            QVERIFY(image.error().message.rfind(path + ": ", 0) == 0);
        }
    }

    void restOfFolderLoads() {
        QTemporaryDir dir;
        image([](DcmDataset&) {})(dir.filePath(QStringLiteral("good1.dcm")).toStdString());
        writeAll(dir.filePath(QStringLiteral("bad.dcm")).toStdString(), "broken");
        image([](DcmDataset&) {})(dir.filePath(QStringLiteral("good2.dcm")).toStdString());
        const auto c = dicom::scanPaths({dir.path().toStdString()});
        QCOMPARE(c.errors.size(), std::size_t(1));
        // good1 and good2 share their synthetic SOP Instance UID: the second is the same object.
        QCOMPARE(c.instanceCount(), std::size_t(1));
    }

    // Flipped bytes and cuts anywhere in valid files (grey, palette, deflated): each either
    // loads or fails with an error; none may crash or hang.
    void mutationsNeverCrash() {
        const std::string base = m_dir.filePath(QStringLiteral("base.dcm")).toStdString();
        const std::string target = m_dir.filePath(QStringLiteral("mutant.dcm")).toStdString();
        std::mt19937 random(20240102);
        int loaded = 0, failed = 0;
        for (int variant = 0; variant < 3; ++variant) {
            image([variant](DcmDataset& ds) {
                if (variant != 1) return;
                const Uint16 descriptor[3] = {0, 0, 16};  // 65536 entries promised, 4 given
                const Uint16 data[4] = {1, 2, 3, 4};
                ds.putAndInsertString(DCM_PhotometricInterpretation, "PALETTE COLOR");
                ds.putAndInsertUint16Array(DCM_RedPaletteColorLookupTableDescriptor, descriptor, 3);
                ds.putAndInsertUint16Array(DCM_RedPaletteColorLookupTableData, data, 4);
            }, variant == 2 ? EXS_DeflatedLittleEndianExplicit : EXS_LittleEndianExplicit)(base);
            const std::string original = readAll(base);
            for (int i = 0; i < 150; ++i) {
                std::string mutant = original;
                const int flips = 1 + int(random() % 8);
                for (int f = 0; f < flips; ++f) mutant[random() % mutant.size()] = char(random() & 0xFF);
                if (i % 5 == 0) mutant.resize(random() % mutant.size());
                writeAll(target, mutant);
                const auto c = dicom::scanPaths({target});
                for (const auto& p : c.patients)
                    for (const auto& s : p.studies)
                        for (const auto& r : s.series)
                            for (const auto& instance : r.instances) (dicom::decodeFrame(instance).ok() ? loaded : failed)++;
                failed += int(c.errors.size());
            }
        }
        qInfo("mutants: %d decoded, %d refused with an error", loaded, failed);
        QVERIFY(loaded + failed >= 450);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_APPLESS_MAIN(MalformedTest)
#include "test_malformed.moc"
