#include "ui/report/report_fhir.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QUuid>

#include "ui/report/audit_log.h"
#include "ui/report/report_provenance.h"
#include "ui/report/report_text.h"

namespace ui {
namespace {

const QString kDicomUidSystem = QStringLiteral("urn:dicom:uid");

// FHIR JSON has no empty strings, arrays or objects: such values are left out.
void put(QJsonObject& o, const QString& key, const QJsonValue& value) {
    const bool empty = value.isNull() || value.isUndefined() ||
                       (value.isString() && value.toString().isEmpty()) ||
                       (value.isArray() && value.toArray().isEmpty()) ||
                       (value.isObject() && value.toObject().isEmpty());
    if (!empty) {
        o.insert(key, value);
    }
}

QJsonObject coding(const QString& system, const QString& code, const QString& display) {
    return {{QStringLiteral("system"), system},
            {QStringLiteral("code"), code},
            {QStringLiteral("display"), display}};
}

QJsonObject concept(const QJsonObject& codingValue, const QString& text = {}) {
    QJsonObject o{{QStringLiteral("coding"), QJsonArray{codingValue}}};
    put(o, QStringLiteral("text"), text);
    return o;
}

QString entryUuid(const ReportDocument& doc, const char* role) {
    const QUuid base = QUuid::fromString(doc.id).isNull() ? QUuid() : QUuid::fromString(doc.id);
    return QUuid::createUuidV5(base, QString::fromLatin1(role)).toString(QUuid::WithoutBraces);
}

QString instantOf(const QDateTime& time) {
    const QDateTime t = time.isValid() ? time : QDateTime::currentDateTimeUtc();
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QJsonObject uidReference(const QString& uid, const QString& display) {
    QJsonObject o{
        {QStringLiteral("identifier"), QJsonObject{{QStringLiteral("system"), kDicomUidSystem},
                                                   {QStringLiteral("value"), urnOid(uid)}}}};
    put(o, QStringLiteral("display"), display);
    return o;
}

QJsonObject subjectOf(const PatientStudyLink& study) {
    QJsonObject o;
    if (!study.patientId.isEmpty()) {
        o.insert(QStringLiteral("identifier"),
                 QJsonObject{{QStringLiteral("value"), study.patientId}});
    }
    put(o, QStringLiteral("display"), formatPersonName(study.patientName));
    return o;
}

QJsonObject presentedForm(const ReportDocument& doc) {
    QJsonObject o{
        {QStringLiteral("contentType"), QStringLiteral("text/plain; charset=utf-8")},
        {QStringLiteral("data"), QString::fromLatin1(plainTextReport(doc).toUtf8().toBase64())},
        {QStringLiteral("title"), doc.displayTitle()},
        {QStringLiteral("creation"), instantOf(doc.modified)}};
    put(o, QStringLiteral("language"), doc.language);
    return o;
}

QJsonObject diagnosticReport(const ReportDocument& doc, const QString& id) {
    QJsonObject r{{QStringLiteral("resourceType"), QStringLiteral("DiagnosticReport")},
                  {QStringLiteral("id"), id},
                  {QStringLiteral("status"), doc.status == ReportStatus::Final
                                                 ? QStringLiteral("final")
                                                 : QStringLiteral("preliminary")}};
    if (!doc.drafts.isEmpty()) {
        r.insert(
            QStringLiteral("meta"),
            QJsonObject{
                {QStringLiteral("tag"),
                 QJsonArray{coding(
                     QStringLiteral("http://terminology.hl7.org/CodeSystem/v3-ObservationValue"),
                     QStringLiteral("AIAST"),
                     QStringLiteral("Artificial Intelligence asserted"))}}});
    }
    r.insert(QStringLiteral("identifier"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("system"), QStringLiteral("urn:ietf:rfc:3986")},
                 {QStringLiteral("value"), QString(QStringLiteral("urn:uuid:") + doc.id)}}});
    r.insert(
        QStringLiteral("category"),
        QJsonArray{concept(coding(QStringLiteral("http://terminology.hl7.org/CodeSystem/v2-0074"),
                                  QStringLiteral("RAD"), QStringLiteral("Radiology")))});
    r.insert(QStringLiteral("code"),
             concept(coding(QStringLiteral("http://loinc.org"), QStringLiteral("18748-4"),
                            QStringLiteral("Diagnostic imaging study")),
                     doc.displayTitle()));
    put(r, QStringLiteral("subject"), subjectOf(doc.study));
    put(r, QStringLiteral("effectiveDateTime"), formatDicomDate(doc.study.studyDate));
    r.insert(QStringLiteral("issued"), instantOf(doc.modified));
    if (!doc.study.studyInstanceUid.isEmpty()) {
        r.insert(QStringLiteral("imagingStudy"),
                 QJsonArray{uidReference(doc.study.studyInstanceUid, doc.study.studyDescription)});
    }
    const QList<SectionText> sections = doc.sections();
    const QString impression = sectionBody(sections, SectionKind::Impression);
    put(r, QStringLiteral("conclusion"), impression.isEmpty() ? doc.text.trimmed() : impression);
    r.insert(QStringLiteral("presentedForm"), QJsonArray{presentedForm(doc)});
    return r;
}

QString deviceTypeText(const DraftProvenance& p) {
    const QString text = QStringLiteral("AI language model");
    return p.dtype.isEmpty() ? text : text + QStringLiteral(" (%1, %2)").arg(p.dtype, p.device);
}

QJsonObject device(const DraftProvenance& p, const QString& id) {
    QJsonArray names{
        QJsonObject{{QStringLiteral("name"),
                     p.modelVariant.isEmpty() ? QStringLiteral("MedGemma") : p.modelVariant},
                    {QStringLiteral("type"), QStringLiteral("user-friendly-name")}}};
    if (!p.modelId.isEmpty()) {
        names.append(QJsonObject{{QStringLiteral("name"), p.modelId},
                                 {QStringLiteral("type"), QStringLiteral("model-name")}});
    }
    QJsonArray versions;
    if (!p.applicationVersion.isEmpty()) {
        versions.append(QJsonObject{
            {QStringLiteral("type"),
             QJsonObject{{QStringLiteral("text"), QStringLiteral("MedGemma Workstation")}}},
            {QStringLiteral("value"), p.applicationVersion}});
    }
    for (const WeightDigest& w : p.weights) {
        versions.append(QJsonObject{
            {QStringLiteral("type"),
             QJsonObject{{QStringLiteral("text"),
                          QString(QStringLiteral("SHA-256 of ") + QFileInfo(w.path).fileName())}}},
            {QStringLiteral("value"),
             w.sha256.isEmpty() ? QStringLiteral("not yet computed") : w.sha256}});
    }
    QJsonObject d{
        {QStringLiteral("resourceType"), QStringLiteral("Device")},
        {QStringLiteral("id"), id},
        {QStringLiteral("deviceName"), names},
        {QStringLiteral("manufacturer"), QStringLiteral("Google")},
        {QStringLiteral("type"), QJsonObject{{QStringLiteral("text"), deviceTypeText(p)}}}};
    put(d, QStringLiteral("modelNumber"), p.modelId);
    put(d, QStringLiteral("version"), versions);
    return d;
}

QJsonObject agent(const QString& type, const QString& display, const QJsonObject& who) {
    return {
        {QStringLiteral("type"),
         concept(coding(
             QStringLiteral("http://terminology.hl7.org/CodeSystem/provenance-participant-type"),
             type, display))},
        {QStringLiteral("who"), who}};
}

QJsonObject provenance(const ReportDocument& doc, const DraftRecord& draft, const QString& id,
                       const QString& reportUrl, const QString& deviceUrl) {
    QJsonArray agents{agent(QStringLiteral("author"), QStringLiteral("Author"),
                            {{QStringLiteral("reference"), deviceUrl}})};
    if (doc.status == ReportStatus::Final) {
        agents.append(agent(QStringLiteral("verifier"), QStringLiteral("Verifier"),
                            {{QStringLiteral("display"), AuditLog::userName()}}));
    }
    QJsonArray entities;
    for (const ImageLink& image : doc.images) {
        entities.append(
            QJsonObject{{QStringLiteral("role"), QStringLiteral("source")},
                        {QStringLiteral("what"), uidReference(image.sopInstanceUid, image.label)}});
    }
    QJsonObject p{
        {QStringLiteral("resourceType"), QStringLiteral("Provenance")},
        {QStringLiteral("id"), id},
        {QStringLiteral("target"),
         QJsonArray{QJsonObject{{QStringLiteral("reference"), reportUrl}}}},
        {QStringLiteral("recorded"), instantOf(draft.provenance.finished)},
        {QStringLiteral("activity"),
         concept(coding(QStringLiteral("http://terminology.hl7.org/CodeSystem/v3-DataOperation"),
                        QStringLiteral("CREATE"), QStringLiteral("create")))},
        {QStringLiteral("agent"), agents}};
    if (draft.provenance.started.isValid()) {
        p.insert(QStringLiteral("occurredPeriod"),
                 QJsonObject{{QStringLiteral("start"), instantOf(draft.provenance.started)},
                             {QStringLiteral("end"), instantOf(draft.provenance.finished)}});
    }
    put(p, QStringLiteral("entity"), entities);
    return p;
}

QJsonObject entry(const QString& uuid, const QJsonObject& resource) {
    return {{QStringLiteral("fullUrl"), QString(QStringLiteral("urn:uuid:") + uuid)},
            {QStringLiteral("resource"), resource}};
}

}  // namespace

QString urnOid(const QString& uid) {
    return QStringLiteral("urn:oid:") + uid;
}

QJsonObject fhirBundle(const ReportDocument& doc) {
    const QString reportId = entryUuid(doc, "DiagnosticReport");
    QJsonArray entries{entry(reportId, diagnosticReport(doc, reportId))};
    if (const DraftRecord* draft = doc.lastDraft()) {
        const QString deviceId = entryUuid(doc, "Device");
        const QString provenanceId = entryUuid(doc, "Provenance");
        entries.append(entry(deviceId, device(draft->provenance, deviceId)));
        entries.append(entry(provenanceId, provenance(doc, *draft, provenanceId,
                                                      QStringLiteral("urn:uuid:") + reportId,
                                                      QStringLiteral("urn:uuid:") + deviceId)));
    }
    return {{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
            {QStringLiteral("id"), entryUuid(doc, "Bundle")},
            {QStringLiteral("type"), QStringLiteral("collection")},
            {QStringLiteral("timestamp"), instantOf(QDateTime::currentDateTimeUtc())},
            {QStringLiteral("entry"), entries}};
}

}  // namespace ui
