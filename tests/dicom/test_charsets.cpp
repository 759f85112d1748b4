// Specific Character Set: names and descriptions written in each character set DCMTK converts
// (single-byte ISO 8859 parts, Thai, JIS X 0201, GB18030, GBK, UTF-8, and ISO 2022 code
// extensions for Japanese, Korean, Chinese and Latin-1) come out as the same UTF-8 text from
// the scan and from the tag dump. The encoded bytes follow PS3.5 Annexes H to K (escape
// sequences per component), produced with Python's codecs.

#include <dcmtk/dcmdata/dcdeftag.h>

#include <QTemporaryDir>
#include <QtTest>

#include "dicom/loader.h"
#include "dicom/tag_dump.h"
#include "synthetic_dicom.h"

namespace {

std::string writeFile(const QTemporaryDir& dir, const std::string& charset, const std::string& name,
                      const std::string& description) {
    synthetic::PixelSpec spec;
    spec.rows = spec.columns = 2;
    DcmFileFormat file;
    DcmDataset& ds = *file.getDataset();
    synthetic::putIdentity(ds, synthetic::Identity{});
    if (!charset.empty()) ds.putAndInsertString(DCM_SpecificCharacterSet, charset.c_str());
    ds.putAndInsertString(DCM_PatientName, name.c_str());
    ds.putAndInsertString(DCM_StudyDescription, description.c_str());
    ds.putAndInsertString(DCM_SeriesDescription, description.c_str());
    synthetic::putPixels(ds, spec, synthetic::packSamples(spec, std::vector<std::int64_t>(4, 1)));
    const std::string path = dir.filePath(QStringLiteral("charset.dcm")).toStdString();
    return synthetic::save(file, path, EXS_LittleEndianExplicit) ? path : std::string();
}

const dicom::TagNode* findNode(const std::vector<dicom::TagNode>& nodes, std::uint16_t g, std::uint16_t e) {
    for (const auto& n : nodes)
        if (n.group == g && n.element == e) return &n;
    return nullptr;
}

bool validUtf8(const std::string& s) {
    return QString::fromUtf8(s.data(), int(s.size())).toUtf8() == QByteArray(s.data(), int(s.size()));
}

}  // namespace

class CharsetTest : public QObject {
    Q_OBJECT

    static void row(const char* label, const char* charset, const char* name, const char* description,
                    const char* expectedName, const char* expectedDescription) {
        QTest::newRow(label) << QByteArray(charset) << QByteArray(name) << QByteArray(description)
                             << QString::fromUtf8(expectedName) << QString::fromUtf8(expectedDescription);
    }

private Q_SLOTS:
    void convertedToUtf8_data() {
        QTest::addColumn<QByteArray>("charset");
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("description");
        QTest::addColumn<QString>("expectedName");
        QTest::addColumn<QString>("expectedDescription");
        row("no character set (ASCII)", "", "Doe^Jane", "Chest PA", "Doe^Jane", "Chest PA");
        row("ISO_IR 100 Latin-1", "ISO_IR 100", "Buc^J\xE9r\xF4me", "Thorax de face", "Buc^Jérôme", "Thorax de face");
        row("ISO_IR 101 Latin-2", "ISO_IR 101", "Dvo\xF8\xE1k^Anton\xEDn", "Hrudn\xEDk", "Dvořák^Antonín", "Hrudník");
        row("ISO_IR 109 Latin-3", "ISO_IR 109", "Bor\xF5^\xD5u\xBF""eppi", "Sider", "Borġ^Ġużeppi", "Sider");
        row("ISO_IR 110 Latin-4", "ISO_IR 110", "Kalni\xF1\xB9^J\xE0nis", "Kr\xFE\xB9kurvis", "Kalniņš^Jānis", "Krūškurvis");
        row("ISO_IR 144 Cyrillic", "ISO_IR 144", "\xB8\xD2\xD0\xDD\xDE\xD2^\xBF\xF1\xE2\xE0", "\xB3\xE0\xE3\xD4\xDD\xD0\xEF \xDA\xDB\xD5\xE2\xDA\xD0", "Иванов^Пётр", "Грудная клетка");
        row("ISO_IR 127 Arabic", "ISO_IR 127", "\xE2\xC8\xC7\xE6\xEA^\xE4\xE6\xD2\xC7\xD1", "\xD5\xCF\xD1", "قباني^لنزار", "صدر");
        row("ISO_IR 126 Greek", "ISO_IR 126", "\xC4\xE9\xEF\xED\xF5\xF3\xE9\xEF\xF2", "\xC8\xFE\xF1\xE1\xEA\xE1\xF2", "Διονυσιος", "Θώρακας");
        row("ISO_IR 138 Hebrew", "ISO_IR 138", "\xF9\xF8\xE5\xEF^\xE3\xE1\xE5\xF8\xE4", "\xE7\xE6\xE4", "שרון^דבורה", "חזה");
        row("ISO_IR 148 Latin-5", "ISO_IR 148", "\xC7""elik^Ay\xFE""e", "G\xF6\xF0\xFCs", "Çelik^Ayşe", "Göğüs");
        row("ISO_IR 166 Thai", "ISO_IR 166", "\xCA\xC1\xAA\xD2\xC2^\xE3\xA8\xB4\xD5", "\xB7\xC3\xC7\xA7\xCD\xA1", "สมชาย^ใจดี", "ทรวงอก");
        row("ISO_IR 13 Katakana", "ISO_IR 13", "\xD4\xCF\xC0\xDE^\xC0\xDB\xB3", "\xB7\xAE\xB3\xCC\xDE", "ﾔﾏﾀﾞ^ﾀﾛｳ", "ｷｮｳﾌﾞ");
        row("GB18030", "GB18030", "Wang^XiaoDong=\xCD\xF5^\xD0\xA1\xB6\xAB=", "\xD0\xD8\xB2\xBF", "Wang^XiaoDong=王^小东=", "胸部");
        row("GBK", "GBK", "Wang^XiaoDong=\xCD\xF5^\xD0\xA1\xB6\xAB=", "\xD0\xD8\xB2\xBF", "Wang^XiaoDong=王^小东=", "胸部");
        row("ISO_IR 192 UTF-8", "ISO_IR 192", "Wang^XiaoDong=\xE7\x8E\x8B^\xE5\xB0\x8F\xE6\x9D\xB1=", "\xE8\x83\xB8\xE9\x83\xA8 \xF0\x9F\xAB\x81", "Wang^XiaoDong=王^小東=", "胸部 🫁");
        row("ISO 2022 IR 87 Japanese", "\x5CISO 2022 IR 87", "Yamada^Tarou=\x1B$B;3ED\x1B(B^\x1B$BB@O:\x1B(B=\x1B$B$d$^$@\x1B(B^\x1B$B$\x3F$m$&\x1B(B", "\x1B$B6;It\x1B(B", "Yamada^Tarou=山田^太郎=やまだ^たろう", "胸部");
        row("ISO 2022 IR 13 and IR 87 Japanese", "ISO 2022 IR 13\x5CISO 2022 IR 87", "\xD4\xCF\xC0\xDE^\xC0\xDB\xB3=\x1B$B;3ED\x1B(J^\x1B$BB@O:\x1B(J=\x1B$B$d$^$@\x1B(J^\x1B$B$\x3F$m$&\x1B(J", "\x1B$B6;It\x1B(J", "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう", "胸部");
        row("ISO 2022 IR 87 and IR 159 (JIS X 0212)", "\\ISO 2022 IR 87\\ISO 2022 IR 159",
            "Deng^Xiaoping=\x1B$(DbG\x1B(B^\x1B$B>.J?\x1B(B", "\x1B$(D0!\x1B(B", "Deng^Xiaoping=鄧^小平", "丂");
        row("ISO 2022 IR 149 Korean", "\x5CISO 2022 IR 149", "Hong^Gildong=\x1B$)C\xFB\xF3^\x1B$)C\xD1\xCE\xD4\xD7=\x1B$)C\xC8\xAB^\x1B$)C\xB1\xE6\xB5\xBF", "\x1B$)C\xC8\xE4\xBA\xCE", "Hong^Gildong=洪^吉洞=홍^길동", "흉부");
        row("ISO 2022 IR 58 Chinese", "\x5CISO 2022 IR 58", "Zhang^XiaoDong=\x1B$)A\xD5\xC5^\x1B$)A\xD0\xA1\xB6\xAB=", "\x1B$)A\xD0\xD8\xB2\xBF", "Zhang^XiaoDong=张^小东=", "胸部");
        row("ISO 2022 IR 100 Latin-1", "ISO 2022 IR 100", "\x1B-ABuc^J\xE9r\xF4me", "\x1B-AThorax de face", "Buc^Jérôme", "Thorax de face");
    }

    void convertedToUtf8() {
        QFETCH(QByteArray, charset);
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, description);
        QFETCH(QString, expectedName);
        QFETCH(QString, expectedDescription);
        QTemporaryDir dir;
        const std::string path = writeFile(dir, charset.toStdString(), name.toStdString(), description.toStdString());
        QVERIFY(!path.empty());
        const auto c = dicom::scanPaths({path});
        QCOMPARE(c.instanceCount(), std::size_t(1));
        QCOMPARE(QString::fromStdString(c.patients[0].name), expectedName);
        QCOMPARE(QString::fromStdString(c.patients[0].studies[0].description), expectedDescription);
        QCOMPARE(QString::fromStdString(c.patients[0].studies[0].series[0].description), expectedDescription);
        const auto dump = dicom::dumpTags(path);
        QVERIFY(dump.ok());
        QVERIFY(dump->characterSetConverted);
        QCOMPARE(QString::fromStdString(findNode(dump->dataset, 0x0010, 0x0010)->value), expectedName);
        QCOMPARE(QString::fromStdString(findNode(dump->dataset, 0x0008, 0x1030)->value), expectedDescription);
        if (!charset.isEmpty()) QCOMPARE(QByteArray::fromStdString(findNode(dump->dataset, 0x0008, 0x0005)->value), charset);
    }

    // A character set nobody knows still gives valid UTF-8 (replacement characters), no crash.
    void unknownCharacterSetStaysValidUtf8() {
        QTemporaryDir dir;
        const std::string path = writeFile(dir, "ISO_IR 999", "M\xFC\xFFller^Anna", "Thorax \xFE");
        const auto c = dicom::scanPaths({path});
        QCOMPARE(c.instanceCount(), std::size_t(1));
        QVERIFY(validUtf8(c.patients[0].name));
        QVERIFY(c.patients[0].name.find("ller^Anna") != std::string::npos);
        const auto dump = dicom::dumpTags(path);
        QVERIFY(dump.ok());
        QVERIFY(!dump->characterSetConverted);
        QVERIFY(validUtf8(findNode(dump->dataset, 0x0010, 0x0010)->value));
    }
};

QTEST_APPLESS_MAIN(CharsetTest)
#include "test_charsets.moc"
