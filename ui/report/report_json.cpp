#include "ui/report/report_json.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include "ui/report/report_provenance.h"
#include "ui/report/word_diff.h"

namespace ui {
namespace {

class Text {
    Q_DECLARE_TR_FUNCTIONS(ui::ReportJson)
};

const QString kFormat = QStringLiteral("medgemma-workstation-report");
constexpr int kPictureSide = 512;

QString kindKey(SectionKind kind) {
    switch (kind) {
        case SectionKind::Findings:
            return QStringLiteral("findings");
        case SectionKind::Impression:
            return QStringLiteral("impression");
        case SectionKind::Other:
            break;
    }
    return QStringLiteral("other");
}

QString pictureToDataUrl(const QImage& picture) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    picture.save(&buffer, "JPEG", 90);
    return QStringLiteral("data:image/jpeg;base64,") + QString::fromLatin1(bytes.toBase64());
}

QImage pictureFromDataUrl(const QString& url) {
    const int comma = int(url.indexOf(QLatin1Char(',')));
    return comma < 0 ? QImage()
                     : QImage::fromData(QByteArray::fromBase64(url.mid(comma + 1).toLatin1()));
}

// Fields are listed once, as (key, member) pairs, so writing and reading cannot drift apart.
template <typename T>
using Fields = QList<QPair<QString, QString T::*>>;

const Fields<PatientStudyLink>& studyFields() {
    static const Fields<PatientStudyLink> fields{
        {QStringLiteral("patientName"), &PatientStudyLink::patientName},
        {QStringLiteral("patientId"), &PatientStudyLink::patientId},
        {QStringLiteral("birthDate"), &PatientStudyLink::birthDate},
        {QStringLiteral("sex"), &PatientStudyLink::sex},
        {QStringLiteral("studyInstanceUid"), &PatientStudyLink::studyInstanceUid},
        {QStringLiteral("studyId"), &PatientStudyLink::studyId},
        {QStringLiteral("accessionNumber"), &PatientStudyLink::accessionNumber},
        {QStringLiteral("studyDate"), &PatientStudyLink::studyDate},
        {QStringLiteral("studyTime"), &PatientStudyLink::studyTime},
        {QStringLiteral("studyDescription"), &PatientStudyLink::studyDescription},
        {QStringLiteral("referringPhysician"), &PatientStudyLink::referringPhysician}};
    return fields;
}

const Fields<ImageLink>& imageFields() {
    static const Fields<ImageLink> fields{
        {QStringLiteral("studyInstanceUid"), &ImageLink::studyInstanceUid},
        {QStringLiteral("seriesInstanceUid"), &ImageLink::seriesInstanceUid},
        {QStringLiteral("sopClassUid"), &ImageLink::sopClassUid},
        {QStringLiteral("sopInstanceUid"), &ImageLink::sopInstanceUid},
        {QStringLiteral("recipe"), &ImageLink::recipe},
        {QStringLiteral("label"), &ImageLink::label},
        {QStringLiteral("modality"), &ImageLink::modality},
        {QStringLiteral("sourcePath"), &ImageLink::sourcePath}};
    return fields;
}

template <typename T>
QJsonObject writeFields(const T& value, const Fields<T>& fields) {
    QJsonObject o;
    for (const auto& [key, member] : fields) {
        o.insert(key, value.*member);
    }
    return o;
}

template <typename T>
void readFields(const QJsonObject& o, T& value, const Fields<T>& fields) {
    for (const auto& [key, member] : fields) {
        value.*member = o.value(key).toString();
    }
}

QJsonObject imageToJson(const ImageLink& image, bool pictures) {
    QJsonObject o = writeFields(image, imageFields());
    o.insert(QStringLiteral("frame"), image.frame);
    o.insert(QStringLiteral("frameCount"), image.frameCount);
    o.insert(QStringLiteral("region"), regionToJson(image.region));
    if (pictures && !image.picture.isNull()) {
        o.insert(QStringLiteral("picture"), pictureToDataUrl(image.picture));
    }
    return o;
}

ImageLink imageFromJson(const QJsonObject& o) {
    ImageLink image;
    readFields(o, image, imageFields());
    image.frame = o.value(QStringLiteral("frame")).toInt();
    image.frameCount = o.value(QStringLiteral("frameCount")).toInt(1);
    image.region = regionFromJson(o.value(QStringLiteral("region")));
    image.picture = pictureFromDataUrl(o.value(QStringLiteral("picture")).toString());
    return image;
}

QJsonObject draftToJson(const DraftRecord& d) {
    return {{QStringLiteral("outcome"), outcomeKey(d.outcome)},
            {QStringLiteral("output"), d.output},
            {QStringLiteral("outputSha256"), sha256Hex(d.output)},
            {QStringLiteral("promptTokens"), d.promptTokens},
            {QStringLiteral("generatedTokens"), d.generatedTokens},
            {QStringLiteral("provenance"), provenanceToJson(d.provenance)}};
}

DraftRecord draftFromJson(const QJsonObject& o) {
    DraftRecord d;
    const QString outcome = o.value(QStringLiteral("outcome")).toString();
    for (DraftOutcome k :
         {DraftOutcome::Completed, DraftOutcome::LengthLimit, DraftOutcome::Stopped}) {
        if (outcomeKey(k) == outcome) {
            d.outcome = k;
        }
    }
    d.output = o.value(QStringLiteral("output")).toString();
    d.promptTokens = o.value(QStringLiteral("promptTokens")).toInt();
    d.generatedTokens = o.value(QStringLiteral("generatedTokens")).toInt();
    d.provenance = provenanceFromJson(o.value(QStringLiteral("provenance")).toObject());
    return d;
}

QJsonObject versionToJson(const ReportVersion& v) {
    return {{QStringLiteral("number"), v.number},
            {QStringLiteral("status"), statusKey(v.status)},
            {QStringLiteral("time"), isoUtc(v.time)},
            {QStringLiteral("note"), v.note},
            {QStringLiteral("text"), v.text}};
}

ReportVersion versionFromJson(const QJsonObject& o) {
    ReportVersion v;
    v.number = o.value(QStringLiteral("number")).toInt();
    statusFromKey(o.value(QStringLiteral("status")).toString(), &v.status);
    v.time = QDateTime::fromString(o.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs)
                 .toUTC();
    v.note = o.value(QStringLiteral("note")).toString();
    v.text = o.value(QStringLiteral("text")).toString();
    return v;
}

QJsonArray sectionsToJson(const QList<SectionText>& sections) {
    QJsonArray array;
    for (const SectionText& s : sections) {
        array.append(QJsonObject{{QStringLiteral("kind"), kindKey(s.kind)},
                                 {QStringLiteral("title"), s.title},
                                 {QStringLiteral("text"), s.text}});
    }
    return array;
}

QJsonValue changesToJson(const ReportDocument& doc) {
    const ReportVersion* ai = doc.lastAiVersion();
    if (!ai) {
        return QJsonValue::Null;
    }
    const QList<DiffOp> ops = wordDiff(ai->text, doc.text);
    const DiffSummary s = summariseDiff(ops);
    return QJsonObject{{QStringLiteral("equalWords"), s.equalWords},
                       {QStringLiteral("insertedWords"), s.insertedWords},
                       {QStringLiteral("deletedWords"), s.deletedWords},
                       {QStringLiteral("markup"), diffMarkup(ops)}};
}

template <typename T, typename F>
QJsonArray arrayOf(const QList<T>& items, F convert) {
    QJsonArray array;
    for (const T& item : items) {
        array.append(convert(item));
    }
    return array;
}

}  // namespace

QImage keyImagePicture(const QImage& modelPicture) {
    if (modelPicture.isNull()) {
        return {};
    }
    const QImage rgb = modelPicture.convertToFormat(QImage::Format_RGB888);
    return qMax(rgb.width(), rgb.height()) <= kPictureSide
               ? rgb
               : rgb.scaled(kPictureSide, kPictureSide, Qt::KeepAspectRatio,
                            Qt::SmoothTransformation);
}

QJsonObject reportToJson(const ReportDocument& doc, bool pictures) {
    QJsonObject o{{QStringLiteral("format"), kFormat},
                  {QStringLiteral("formatVersion"), kReportFormatVersion},
                  {QStringLiteral("id"), doc.id},
                  {QStringLiteral("title"), doc.title},
                  {QStringLiteral("language"), doc.language},
                  {QStringLiteral("status"), statusKey(doc.status)},
                  {QStringLiteral("created"), isoUtc(doc.created)},
                  {QStringLiteral("modified"), isoUtc(doc.modified)},
                  {QStringLiteral("text"), doc.text},
                  {QStringLiteral("sections"), sectionsToJson(doc.sections())},
                  {QStringLiteral("study"), writeFields(doc.study, studyFields())}};
    o.insert(QStringLiteral("images"), arrayOf(doc.images, [pictures](const ImageLink& i) {
                 return imageToJson(i, pictures);
             }));
    o.insert(QStringLiteral("drafts"), arrayOf(doc.drafts, draftToJson));
    o.insert(QStringLiteral("versions"), arrayOf(doc.versions, versionToJson));
    o.insert(QStringLiteral("changesFromAiDraft"), changesToJson(doc));
    return o;
}

std::optional<ReportDocument> reportFromJson(const QJsonObject& o, QString* error) {
    if (o.value(QStringLiteral("format")).toString() != kFormat) {
        *error = Text::tr("This is not a MedGemma Workstation report.");
        return std::nullopt;
    }
    if (o.value(QStringLiteral("formatVersion")).toInt() > kReportFormatVersion) {
        *error = Text::tr("The report was saved by a newer version of the workstation.");
        return std::nullopt;
    }
    ReportDocument doc;
    doc.id = o.value(QStringLiteral("id")).toString();
    doc.title = o.value(QStringLiteral("title")).toString();
    doc.language = o.value(QStringLiteral("language")).toString(QStringLiteral("en"));
    statusFromKey(o.value(QStringLiteral("status")).toString(), &doc.status);
    doc.created =
        QDateTime::fromString(o.value(QStringLiteral("created")).toString(), Qt::ISODateWithMs)
            .toUTC();
    doc.modified =
        QDateTime::fromString(o.value(QStringLiteral("modified")).toString(), Qt::ISODateWithMs)
            .toUTC();
    doc.text = o.value(QStringLiteral("text")).toString();
    readFields(o.value(QStringLiteral("study")).toObject(), doc.study, studyFields());
    for (const QJsonValue& v : o.value(QStringLiteral("images")).toArray()) {
        doc.images << imageFromJson(v.toObject());
    }
    for (const QJsonValue& v : o.value(QStringLiteral("drafts")).toArray()) {
        doc.drafts << draftFromJson(v.toObject());
    }
    for (const QJsonValue& v : o.value(QStringLiteral("versions")).toArray()) {
        doc.versions << versionFromJson(v.toObject());
    }
    return doc;
}

bool saveReportFile(const ReportDocument& doc, const QString& path, QString* error) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    file.write(QJsonDocument(reportToJson(doc)).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

std::optional<ReportDocument> loadReportFile(const QString& path, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return std::nullopt;
    }
    QJsonParseError parse;
    const QJsonDocument json = QJsonDocument::fromJson(file.readAll(), &parse);
    if (!json.isObject()) {
        *error = Text::tr("The report file is damaged: %1").arg(parse.errorString());
        return std::nullopt;
    }
    return reportFromJson(json.object(), error);
}

}  // namespace ui
