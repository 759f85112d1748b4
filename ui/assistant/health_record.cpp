#include "ui/assistant/health_record.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QStringList>

namespace ui {
namespace {

constexpr qint64 kMaxFileBytes = 32LL * 1024 * 1024;

QString str(const QJsonObject& o, const char* key) {
    return o.value(QLatin1String(key)).toString();
}
QJsonObject obj(const QJsonObject& o, const char* key) {
    return o.value(QLatin1String(key)).toObject();
}

// CodeableConcept: its text, else the first coding's display, else its code.
QString concept(const QJsonObject& c) {
    if (!str(c, "text").isEmpty()) {
        return str(c, "text");
    }
    const QJsonObject coding = c.value(QLatin1String("coding")).toArray().first().toObject();
    return !str(coding, "display").isEmpty() ? str(coding, "display") : str(coding, "code");
}

QString quantity(const QJsonObject& q) {
    const QJsonValue value = q.value(QLatin1String("value"));
    if (value.isUndefined()) {
        return {};
    }
    const QString unit = !str(q, "unit").isEmpty() ? str(q, "unit") : str(q, "code");
    return QString(QString::number(value.toDouble()) + QLatin1Char(' ') + unit).trimmed();
}

QString observationValue(const QJsonObject& o) {
    if (o.contains(QLatin1String("valueQuantity"))) {
        return quantity(obj(o, "valueQuantity"));
    }
    if (o.contains(QLatin1String("valueCodeableConcept"))) {
        return concept(obj(o, "valueCodeableConcept"));
    }
    for (const char* key : {"valueString", "valueDateTime"}) {
        if (o.contains(QLatin1String(key))) {
            return str(o, key);
        }
    }
    QStringList parts;  // e.g. blood pressure: systolic and diastolic components
    for (const QJsonValue& c : o.value(QLatin1String("component")).toArray()) {
        parts << concept(obj(c.toObject(), "code")) + QStringLiteral(" ") +
                     observationValue(c.toObject());
    }
    return parts.join(QStringLiteral(", "));
}

QString firstDate(const QJsonObject& o, std::initializer_list<const char*> keys) {
    for (const char* key : keys) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isString()) {
            return v.toString().left(10);
        }
        if (v.isObject() && !str(v.toObject(), "start").isEmpty()) {
            return str(v.toObject(), "start").left(10);
        }
    }
    return {};
}

QString withDate(QString text, const QString& date) {
    return date.isEmpty() ? text : text + QStringLiteral(" (") + date + QLatin1Char(')');
}

QString patientLine(const QJsonObject& p) {
    const QJsonObject name = p.value(QLatin1String("name")).toArray().first().toObject();
    QStringList given;
    for (const QJsonValue& g : name.value(QLatin1String("given")).toArray()) {
        given << g.toString();
    }
    const QString full =
        !str(name, "text").isEmpty()
            ? str(name, "text")
            : QString(given.join(QLatin1Char(' ')) + QLatin1Char(' ') + str(name, "family"))
                  .trimmed();
    return QStringLiteral("%1, %2, born %3").arg(full, str(p, "gender"), str(p, "birthDate"));
}

QString medicationName(const QJsonObject& m) {
    const QString name = concept(obj(m, "medicationCodeableConcept"));
    return name.isEmpty() ? str(obj(m, "medicationReference"), "display") : name;
}

QString dosage(const QJsonObject& m) {
    for (const char* key : {"dosageInstruction", "dosage"}) {
        const QString text = str(m.value(QLatin1String(key)).toArray().first().toObject(), "text");
        if (!text.isEmpty()) {
            return QStringLiteral(" — ") + text;
        }
    }
    return {};
}

QString status(const QJsonObject& r, const char* key) {
    const QJsonValue v = r.value(QLatin1String(key));
    const QString s = v.isObject() ? concept(v.toObject()) : v.toString();
    return s.isEmpty() ? QString() : QStringLiteral(" [") + s + QLatin1Char(']');
}

// One readable line per resource; empty for types without a useful summary.
QString resourceLine(const QString& type, const QJsonObject& r) {
    if (type == QLatin1String("Patient")) {
        return patientLine(r);
    }
    if (type == QLatin1String("Condition")) {
        return withDate(concept(obj(r, "code")),
                        firstDate(r, {"onsetDateTime", "onsetPeriod", "recordedDate"})) +
               status(r, "clinicalStatus");
    }
    if (type == QLatin1String("Observation")) {
        const QString value = observationValue(r);
        const QString interpretation =
            concept(r.value(QLatin1String("interpretation")).toArray().first().toObject());
        return withDate(concept(obj(r, "code")) +
                            (value.isEmpty() ? QString() : QStringLiteral(": ") + value) +
                            (interpretation.isEmpty()
                                 ? QString()
                                 : QStringLiteral(" (") + interpretation + QLatin1Char(')')),
                        firstDate(r, {"effectiveDateTime", "effectivePeriod", "issued"}));
    }
    if (type == QLatin1String("MedicationRequest") ||
        type == QLatin1String("MedicationStatement")) {
        return withDate(medicationName(r) + dosage(r),
                        firstDate(r, {"authoredOn", "effectiveDateTime", "effectivePeriod"})) +
               status(r, "status");
    }
    if (type == QLatin1String("AllergyIntolerance")) {
        const QJsonObject reaction =
            r.value(QLatin1String("reaction")).toArray().first().toObject();
        const QString manifestation =
            concept(reaction.value(QLatin1String("manifestation")).toArray().first().toObject());
        return concept(obj(r, "code")) +
               (manifestation.isEmpty() ? QString() : QStringLiteral(" → ") + manifestation) +
               status(r, "criticality");
    }
    if (type == QLatin1String("Procedure")) {
        return withDate(concept(obj(r, "code")),
                        firstDate(r, {"performedDateTime", "performedPeriod"}));
    }
    if (type == QLatin1String("Encounter")) {
        const QString kind = concept(r.value(QLatin1String("type")).toArray().first().toObject());
        return withDate(kind.isEmpty() ? str(obj(r, "class"), "display") : kind,
                        firstDate(r, {"period"}));
    }
    if (type == QLatin1String("DiagnosticReport")) {
        const QString conclusion = str(r, "conclusion");
        return withDate(concept(obj(r, "code")), firstDate(r, {"effectiveDateTime", "issued"})) +
               (conclusion.isEmpty() ? QString() : QStringLiteral(": ") + conclusion);
    }
    if (type == QLatin1String("Immunization")) {
        return withDate(concept(obj(r, "vaccineCode")), firstDate(r, {"occurrenceDateTime"}));
    }
    return concept(obj(r, "code"));
}

QString sectionTitle(const QString& type) {
    static const QMap<QString, QString> titles{
        {QStringLiteral("Patient"), QStringLiteral("Patient")},
        {QStringLiteral("Condition"), QStringLiteral("Conditions")},
        {QStringLiteral("MedicationRequest"), QStringLiteral("Medications")},
        {QStringLiteral("MedicationStatement"), QStringLiteral("Medications")},
        {QStringLiteral("AllergyIntolerance"), QStringLiteral("Allergies")},
        {QStringLiteral("Observation"), QStringLiteral("Observations")},
        {QStringLiteral("Procedure"), QStringLiteral("Procedures")},
        {QStringLiteral("Encounter"), QStringLiteral("Encounters")},
        {QStringLiteral("DiagnosticReport"), QStringLiteral("Reports")},
        {QStringLiteral("Immunization"), QStringLiteral("Immunizations")}};
    return titles.value(type, type);
}

}  // namespace

QString summariseFhir(const QJsonObject& root, int* resourceCount) {
    const QString rootType = str(root, "resourceType");
    if (rootType.isEmpty()) {
        return {};
    }
    QList<QJsonObject> resources;
    if (rootType == QLatin1String("Bundle")) {
        for (const QJsonValue& entry : root.value(QLatin1String("entry")).toArray()) {
            resources << obj(entry.toObject(), "resource");
        }
    } else {
        resources << root;
    }
    // Sections in a fixed clinical order; unknown types keep their first appearance order.
    QStringList order{QStringLiteral("Patient"),      QStringLiteral("Conditions"),
                      QStringLiteral("Allergies"),    QStringLiteral("Medications"),
                      QStringLiteral("Observations"), QStringLiteral("Reports"),
                      QStringLiteral("Procedures"),   QStringLiteral("Immunizations"),
                      QStringLiteral("Encounters")};
    QMap<QString, QStringList> sections;
    int count = 0;
    for (const QJsonObject& r : resources) {
        const QString type = str(r, "resourceType");
        const QString line = resourceLine(type, r).trimmed();
        if (type.isEmpty() || line.isEmpty()) {
            continue;
        }
        ++count;
        const QString title = sectionTitle(type);
        if (!order.contains(title)) {
            order << title;
        }
        sections[title] << QStringLiteral("- ") + line;
    }
    if (resourceCount) {
        *resourceCount = count;
    }
    QStringList out;
    for (const QString& title : order) {
        if (sections.contains(title)) {
            out << title + QLatin1Char(':') + QLatin1Char('\n') +
                       sections[title].join(QLatin1Char('\n'));
        }
    }
    return out.join(QStringLiteral("\n\n"));
}

HealthRecord healthRecordFromText(const QString& title, const QByteArray& bytes, bool json) {
    HealthRecord record;
    record.title = title;
    if (!json) {
        record.text = QString::fromUtf8(bytes);
        return record;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (doc.isNull()) {
        record.error = error.errorString();
        return record;
    }
    record.text = doc.isObject() ? summariseFhir(doc.object(), &record.resources) : QString();
    record.fhir = !record.text.isEmpty();
    if (!record.fhir) {
        record.text = QString::fromUtf8(doc.toJson(QJsonDocument::Compact));
    }
    return record;
}

HealthRecord loadHealthRecord(const QString& path) {
    QFile file(path);
    const QString title = QFileInfo(path).fileName();
    if (file.size() > kMaxFileBytes) {
        return {title,
                {},
                0,
                false,
                QCoreApplication::translate("ui::HealthRecord", "larger than 32 MB")};
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return {title, {}, 0, false, file.errorString()};
    }
    return healthRecordFromText(title, file.readAll(),
                                path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive));
}

QString trimToChars(const QString& text, int maxChars) {
    if (maxChars <= 0 || text.size() <= maxChars) {
        return text;
    }
    qsizetype cut = text.lastIndexOf(QLatin1Char('\n'), maxChars);
    if (cut < maxChars / 2) {
        cut = maxChars;
    }
    return text.left(cut) +
           QStringLiteral(
               "\n[… %1 more characters of the record were left out to fit the model's context]")
               .arg(text.size() - cut);
}

}  // namespace ui
