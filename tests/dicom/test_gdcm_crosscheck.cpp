// Cross-check against GDCM, an independent DICOM toolkit: each synthetic file is converted by
// `gdcmconv` to explicit VR little endian, planar configuration 0, RGB (GDCM's own byte
// swapping, inflation, planar reordering, YBR_FULL to RGB and palette application), and the
// samples GDCM produced must equal what dicom::decodeFrame makes of the original file.
// Every frame of multi-frame files is compared. A High Bit below the top of the cell goes
// through `gdcmconv -X` without `--raw` (with `--raw` GDCM 3.0.21 rewrites High Bit to Bits
// Stored - 1 without moving the bits; without it GDCM does not convert big endian, so that pair
// is left out); 1-bit files are compared bit by bit. Left out, because GDCM 3.0.21 cannot
// convert them: deflated files with 8 bits allocated but fewer stored (an assertion aborts
// gdcmconv), native YBR_FULL_422 (no conversion to RGB) and segmented palettes (assertions abort
// it; its linear segments also start at the previous entry instead of ending at the segment's
// value, PS3.3 C.7.9.2). test_native_decode and test_lut_decode check those against the
// generating values; test_pydicom_palette_crosscheck checks segmented palettes against pydicom.

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "dicom/loader.h"
#include "synthetic_dicom.h"

using synthetic::PixelSpec;

Q_DECLARE_METATYPE(PixelSpec)
Q_DECLARE_METATYPE(E_TransferSyntax)

namespace {

// Samples of a little-endian native file, unpacked with the textbook rule (shift by
// HighBit + 1 - BitsStored, mask, sign-extend): the reference side of the comparison.
struct Reference {
    int samplesPerPixel = 1;
    int bitsAllocated = 0;
    std::string photometric;
    std::vector<std::int64_t> samples;
};

Reference readReference(const std::string& path) {
    Reference r;
    DcmFileFormat file;
    if (file.loadFile(path.c_str()).bad()) return r;
    DcmDataset& ds = *file.getDataset();
    Uint16 spp = 0, allocated = 0, stored = 0, high = 0, representation = 0;
    OFString photometric;
    ds.findAndGetUint16(DCM_SamplesPerPixel, spp);
    ds.findAndGetUint16(DCM_BitsAllocated, allocated);
    ds.findAndGetUint16(DCM_BitsStored, stored);
    ds.findAndGetUint16(DCM_HighBit, high);
    ds.findAndGetUint16(DCM_PixelRepresentation, representation);
    ds.findAndGetOFString(DCM_PhotometricInterpretation, photometric);
    r.samplesPerPixel = spp;
    r.bitsAllocated = allocated;
    r.photometric = photometric.c_str();
    const Uint8* bytes = nullptr;
    unsigned long length = 0;
    DcmElement* pixels = nullptr;
    if (ds.findAndGetElement(DCM_PixelData, pixels).bad()) return r;
    Uint8* raw = nullptr;
    if (pixels->getUint8Array(raw).good()) bytes = raw;
    Uint16* words = nullptr;
    if (!bytes && pixels->getUint16Array(words).good()) bytes = reinterpret_cast<const Uint8*>(words);
    length = pixels->getLength();
    if (allocated == 1) {  // PS3.5 8.1.1: pixel i is bit (i % 8) of byte i / 8
        for (unsigned long bit = 0; bytes && bit < length * 8; ++bit)
            r.samples.push_back((bytes[bit / 8] >> (bit % 8)) & 1);
        return r;
    }
    const int cellBytes = allocated / 8;
    for (unsigned long at = 0; bytes && at + std::size_t(cellBytes) <= length; at += std::size_t(cellBytes)) {
        std::uint64_t cell = 0;
        for (int b = 0; b < cellBytes; ++b) cell |= std::uint64_t(bytes[at + std::size_t(b)]) << (8 * b);
        std::int64_t v = std::int64_t((cell >> (high + 1 - stored)) & ((std::uint64_t(1) << stored) - 1));
        if (representation == 1 && v >= (std::int64_t(1) << (stored - 1))) v -= std::int64_t(1) << stored;
        r.samples.push_back(v);
    }
    return r;
}

PixelSpec make(const char* photometric, int allocated, int stored, int high, bool isSigned, int samples = 1,
               int planar = 0, int frames = 1) {
    PixelSpec s;
    s.frames = frames;
    s.rows = 16;
    s.columns = 20;
    s.photometric = photometric;
    s.bitsAllocated = allocated;
    s.bitsStored = stored;
    s.highBit = high;
    s.isSigned = isSigned;
    s.samplesPerPixel = samples;
    s.planar = planar;
    return s;
}

void putPalette(DcmDataset& ds) {
    const Uint16 descriptor[3] = {256, 0, 16};
    std::vector<Uint16> red(256), green(256), blue(256);
    for (int i = 0; i < 256; ++i) {
        red[std::size_t(i)] = Uint16(i * 200 + 7);
        green[std::size_t(i)] = Uint16(65535 - i * 199);
        blue[std::size_t(i)] = Uint16((i * 97) % 256 * 256);
    }
    const DcmTagKey d[] = {DCM_RedPaletteColorLookupTableDescriptor, DCM_GreenPaletteColorLookupTableDescriptor,
                           DCM_BluePaletteColorLookupTableDescriptor};
    const DcmTagKey t[] = {DCM_RedPaletteColorLookupTableData, DCM_GreenPaletteColorLookupTableData,
                           DCM_BluePaletteColorLookupTableData};
    const std::vector<Uint16>* tables[] = {&red, &green, &blue};
    for (int c = 0; c < 3; ++c) {
        ds.putAndInsertUint16Array(d[c], descriptor, 3);
        ds.putAndInsertUint16Array(t[c], tables[c]->data(), tables[c]->size());
    }
}

// Our value for sample `i` in the units GDCM produced: modality values for grey, RGB samples
// for colour (GDCM applies 16-bit palettes as their high byte).
double ours(const dicom::Image& image, std::size_t i, bool palette) {
    if (image.format == dicom::PixelFormat::Grey32F) return image.grey[i];
    if (image.format == dicom::PixelFormat::Rgb8) return image.rgb8[i];
    return palette ? double(image.rgb16[i] >> 8) : double(image.rgb16[i]);
}

}  // namespace

class GdcmCrossCheckTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_gdcmconv = QStandardPaths::findExecutable(QStringLiteral("gdcmconv"));
        QVERIFY2(!m_gdcmconv.isEmpty(), "gdcmconv (libgdcm-tools) is needed for the cross-check");
    }

    void sameSamplesAsGdcm_data() {
        QTest::addColumn<PixelSpec>("spec");
        QTest::addColumn<E_TransferSyntax>("syntax");
        QTest::addColumn<int>("tolerance");
        const std::pair<const char*, E_TransferSyntax> syntaxes[] = {
            {"implicit-le", EXS_LittleEndianImplicit},
            {"explicit-be", EXS_BigEndianExplicit},
            {"deflated", EXS_DeflatedLittleEndianExplicit},
        };
        const std::tuple<const char*, PixelSpec, int> cases[] = {
            {"mono8u", make("MONOCHROME2", 8, 8, 7, false), 0},
            {"mono8s-7bit", make("MONOCHROME2", 8, 7, 6, true), 0},
            {"mono16u-12bit", make("MONOCHROME2", 16, 12, 11, false), 0},
            {"mono16s-12bit", make("MONOCHROME2", 16, 12, 11, true), 0},
            {"mono16u-10bit-monochrome1", make("MONOCHROME1", 16, 10, 9, false), 0},
            {"mono32s", make("MONOCHROME2", 32, 32, 31, true), 0},
            {"rgb8-planar1", make("RGB", 8, 8, 7, false, 3, 1), 0},
            {"rgb16-planar1", make("RGB", 16, 16, 15, false, 3, 1), 0},
            // GDCM converts YBR with integer arithmetic; rounding may differ by one step.
            {"ybr-full-planar0", make("YBR_FULL", 8, 8, 7, false, 3, 0), 1},
            {"ybr-full-planar1", make("YBR_FULL", 8, 8, 7, false, 3, 1), 1},
            {"palette-16bit-entries", make("PALETTE COLOR", 8, 8, 7, false), 0},
            {"mono16s-12bit-3frames", make("MONOCHROME2", 16, 12, 11, true, 1, 0, 3), 0},
            {"rgb8-planar1-2frames", make("RGB", 8, 8, 7, false, 3, 1, 2), 0},
            {"mono1-3frames", make("MONOCHROME2", 1, 1, 0, false, 1, 0, 3), 0},
            {"mono16s-12bit-highbit13", make("MONOCHROME2", 16, 12, 13, true), 0},
            {"mono16u-10bit-highbit14", make("MONOCHROME2", 16, 10, 14, false), 0},
        };
        for (const auto& [syntaxName, syntax] : syntaxes) {
            for (const auto& [name, spec, tolerance] : cases) {
                if (syntax == EXS_DeflatedLittleEndianExplicit && spec.bitsAllocated == 8 &&
                    spec.bitsStored != 8)
                    continue;
                // GDCM converts big endian only with --raw, which loses a High Bit below the top.
                if (syntax == EXS_BigEndianExplicit && spec.highBit != spec.bitsStored - 1) continue;
                QTest::addRow("%s/%s", syntaxName, name) << spec << syntax << tolerance;
            }
        }
    }

    void sameSamplesAsGdcm() {
        QFETCH(PixelSpec, spec);
        QFETCH(E_TransferSyntax, syntax);
        QFETCH(int, tolerance);
        const QString base = m_dir.filePath(QString::number(++m_counter));
        const std::string original = QString(base + QStringLiteral(".dcm")).toStdString();
        const std::string converted = QString(base + QStringLiteral("-gdcm.dcm")).toStdString();
        const bool palette = spec.photometric == "PALETTE COLOR";
        DcmFileFormat file;
        synthetic::putIdentity(*file.getDataset(), {});
        synthetic::putPixels(*file.getDataset(), spec, synthetic::packSamples(spec, synthetic::patternSamples(spec, m_counter)));
        if (palette) putPalette(*file.getDataset());
        // GDCM refuses to write several frames of 12-bit grey under the single-frame SOP class.
        if (spec.frames > 1 && spec.bitsAllocated == 16 && spec.samplesPerPixel == 1)
            file.getDataset()->putAndInsertString(DCM_SOPClassUID, UID_MultiframeGrayscaleWordSecondaryCaptureImageStorage);
        QVERIFY(synthetic::save(file, original, syntax));

        // Pass 1: native little endian, interleaved, palette applied; pass 2: YBR to RGB
        // (GDCM converts the photometric interpretation only of interleaved data).
        const QString step = QString::fromStdString(converted) + QStringLiteral(".step");
        const bool highBitBelowTop = spec.highBit != spec.bitsStored - 1;
        QStringList first{QStringLiteral("-X")};
        if (!highBitBelowTop) first << QStringLiteral("--raw");
        if (spec.samplesPerPixel == 3) first << QStringLiteral("--planar-configuration") << QStringLiteral("0");
        if (palette) first << QStringLiteral("-l");
        const bool ybr = spec.photometric == "YBR_FULL";
        first << QString::fromStdString(original) << (ybr ? step : QString::fromStdString(converted));
        QVERIFY(runGdcmconv(first));
        if (ybr)
            QVERIFY(runGdcmconv({QStringLiteral("--raw"), QStringLiteral("-P"), QStringLiteral("RGB"), step,
                                 QString::fromStdString(converted)}));

        const Reference reference = readReference(converted);
        QVERIFY(!reference.samples.empty());
        const auto scanned = dicom::scanPaths({original});
        QCOMPARE(scanned.instanceCount(), std::size_t(1));
        const auto& instance = scanned.patients[0].studies[0].series[0].instances[0];
        QCOMPARE(instance.frames, spec.frames);
        std::size_t offset = 0;  // into reference.samples, which holds every frame in turn
        for (int frame = 0; frame < spec.frames; ++frame) {
            const auto image = dicom::decodeFrame(instance, frame);
            QVERIFY2(image.ok(), image.error().message.c_str());
            const std::size_t count = image->pixelCount() * (image->isGrey() ? 1 : 3);
            QVERIFY(reference.samples.size() >= offset + count);
            for (std::size_t i = 0; i < count; ++i) {
                // Grey frames hold float: 32-bit samples beyond 2^24 keep float precision only.
                const std::int64_t raw = reference.samples[offset + i];
                const double theirs = image->isGrey() ? double(float(raw)) : double(raw);
                const double mine = ours(image.value(), i, palette);
                if (std::abs(mine - theirs) > tolerance)
                    QFAIL(qPrintable(QStringLiteral("frame %1, sample %2: ours %3, GDCM %4")
                                         .arg(frame).arg(i).arg(mine).arg(raw)));
            }
            offset += count;
        }
        // Nothing beyond the last frame, except for 1-bit data, whose Pixel Data GDCM may pad
        // (its deflated-input output carries trailing bytes).
        if (spec.bitsAllocated != 1) QCOMPARE(reference.samples.size(), offset);
    }

private:
    bool runGdcmconv(const QStringList& args) {
        QProcess gdcm;
        gdcm.start(m_gdcmconv, args);
        if (!gdcm.waitForFinished(30000) || gdcm.exitStatus() != QProcess::NormalExit || gdcm.exitCode() != 0) {
            qWarning("gdcmconv %s: %s", qPrintable(args.join(QLatin1Char(' '))),
                     gdcm.readAllStandardError().constData());
            return false;
        }
        return true;
    }

    QTemporaryDir m_dir;
    QString m_gdcmconv;
    int m_counter = 0;
};

QTEST_APPLESS_MAIN(GdcmCrossCheckTest)
#include "test_gdcm_crosscheck.moc"
