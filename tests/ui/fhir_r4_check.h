#pragma once
// A small structural check of FHIR R4 JSON for the resources the report export writes
// (Bundle, DiagnosticReport, Device, Provenance), after the R4 specification
// (hl7.org/fhir/R4): required elements and cardinalities, the value sets of the codes used,
// primitive formats (id, instant, date/dateTime, uri, base64Binary), reference forms
// (a "urn:uuid:" full URL of the bundle, or a logical identifier), and JSON rules (no null,
// no empty string, array or object). Returns every problem found, as "path: problem".

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>

namespace testutil {

class FhirR4Check {
public:
    QStringList check(const QJsonObject& bundle) {
        m_problems.clear();
        noEmptyValues(bundle, QStringLiteral("Bundle"));
        checkBundle(bundle);
        return m_problems;
    }

private:
    void problem(const QString& path, const QString& what) {
        m_problems << path + QStringLiteral(": ") + what;
    }

    static bool matches(const QString& pattern, const QString& value) {
        return QRegularExpression(QStringLiteral("^(?:%1)$").arg(pattern)).match(value).hasMatch();
    }

    void noEmptyValues(const QJsonValue& v, const QString& path) {
        if (v.isNull()) {
            problem(path, QStringLiteral("null is not allowed"));
        }
        if (v.isString() && v.toString().isEmpty()) {
            problem(path, QStringLiteral("empty string"));
        }
        if (v.isArray()) {
            if (v.toArray().isEmpty()) {
                problem(path, QStringLiteral("empty array"));
            }
            int i = 0;
            for (const QJsonValue& item : v.toArray()) {
                noEmptyValues(item, path + QStringLiteral("[%1]").arg(i++));
            }
        }
        if (v.isObject()) {
            const QJsonObject o = v.toObject();
            if (o.isEmpty()) {
                problem(path, QStringLiteral("empty object"));
            }
            for (auto it = o.begin(); it != o.end(); ++it) {
                noEmptyValues(it.value(), path + QLatin1Char('.') + it.key());
            }
        }
    }

    void required(const QJsonObject& o, const QString& path, const QStringList& keys) {
        for (const QString& key : keys) {
            if (!o.contains(key)) {
                problem(path, QStringLiteral("missing required %1").arg(key));
            }
        }
    }

    void inSet(const QString& path, const QString& value, const QStringList& set) {
        if (!set.contains(value)) {
            problem(path, QStringLiteral("'%1' is not in the value set").arg(value));
        }
    }

    void format(const QString& path, const QJsonValue& v, const QString& pattern,
                const QString& type) {
        if (!v.isUndefined() && !matches(pattern, v.toString())) {
            problem(path, QStringLiteral("'%1' is not a valid %2").arg(v.toString(), type));
        }
    }

    void instant(const QString& path, const QJsonValue& v) {
        format(path, v,
               QStringLiteral(
                   "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})"),
               QStringLiteral("instant"));
    }

    void dateTime(const QString& path, const QJsonValue& v) {
        format(path, v,
               QStringLiteral("\\d{4}(-\\d{2}(-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{"
                              "2}:\\d{2}))?)?)?"),
               QStringLiteral("dateTime"));
    }

    void codeableConcept(const QString& path, const QJsonValue& v) {
        const QJsonObject o = v.toObject();
        for (const QJsonValue& c : o.value(QStringLiteral("coding")).toArray()) {
            const QJsonObject coding = c.toObject();
            format(path + QStringLiteral(".coding.system"), coding.value(QStringLiteral("system")),
                   QStringLiteral("\\S+:\\S+"), QStringLiteral("uri"));
            format(path + QStringLiteral(".coding.code"), coding.value(QStringLiteral("code")),
                   QStringLiteral("[^\\s]+( [^\\s]+)*"), QStringLiteral("code"));
        }
        if (!o.contains(QStringLiteral("coding")) && !o.contains(QStringLiteral("text"))) {
            problem(path, QStringLiteral("neither coding nor text"));
        }
    }

    void reference(const QString& path, const QJsonValue& v, bool mustResolve) {
        const QJsonObject o = v.toObject();
        if (o.contains(QStringLiteral("reference"))) {
            const QString ref = o.value(QStringLiteral("reference")).toString();
            if (!m_fullUrls.contains(ref)) {
                problem(path, QStringLiteral("'%1' resolves to no entry").arg(ref));
            }
        } else if (o.contains(QStringLiteral("identifier"))) {
            if (mustResolve) {
                problem(path, QStringLiteral("must reference an entry"));
            }
            const QJsonObject id = o.value(QStringLiteral("identifier")).toObject();
            required(id, path + QStringLiteral(".identifier"), {QStringLiteral("value")});
            if (id.value(QStringLiteral("system")).toString() == QLatin1String("urn:dicom:uid"))
                format(path + QStringLiteral(".identifier.value"),
                       id.value(QStringLiteral("value")),
                       QStringLiteral("urn:oid:[0-2](\\.(0|[1-9][0-9]*))+"),
                       QStringLiteral("urn:oid"));
        } else if (!o.contains(QStringLiteral("display"))) {
            problem(path, QStringLiteral("a Reference needs reference, identifier or display"));
        }
    }

    void checkBundle(const QJsonObject& b) {
        if (b.value(QStringLiteral("resourceType")).toString() != QLatin1String("Bundle")) {
            problem(QStringLiteral("Bundle"), QStringLiteral("not a Bundle"));
        }
        required(b, QStringLiteral("Bundle"), {QStringLiteral("type")});
        inSet(QStringLiteral("Bundle.type"), b.value(QStringLiteral("type")).toString(),
              {QStringLiteral("document"), QStringLiteral("message"), QStringLiteral("transaction"),
               QStringLiteral("transaction-response"), QStringLiteral("batch"),
               QStringLiteral("batch-response"), QStringLiteral("history"),
               QStringLiteral("searchset"), QStringLiteral("collection")});
        instant(QStringLiteral("Bundle.timestamp"), b.value(QStringLiteral("timestamp")));
        const QJsonArray entries = b.value(QStringLiteral("entry")).toArray();
        for (const QJsonValue& e : entries) {
            m_fullUrls.insert(e.toObject().value(QStringLiteral("fullUrl")).toString());
        }
        for (int i = 0; i < entries.size(); ++i) {
            checkEntry(entries[i].toObject(), QStringLiteral("Bundle.entry[%1]").arg(i));
        }
    }

    void checkEntry(const QJsonObject& e, const QString& path) {
        format(
            path + QStringLiteral(".fullUrl"), e.value(QStringLiteral("fullUrl")),
            QStringLiteral("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
            QStringLiteral("urn:uuid"));
        const QJsonObject r = e.value(QStringLiteral("resource")).toObject();
        const QString type = r.value(QStringLiteral("resourceType")).toString();
        format(path + QStringLiteral(".resource.id"), r.value(QStringLiteral("id")),
               QStringLiteral("[A-Za-z0-9\\-\\.]{1,64}"), QStringLiteral("id"));
        if (type == QLatin1String("DiagnosticReport")) {
            checkReport(r, path + QStringLiteral(".resource"));
        } else if (type == QLatin1String("Provenance")) {
            checkProvenance(r, path + QStringLiteral(".resource"));
        } else if (type == QLatin1String("Device")) {
            checkDevice(r, path + QStringLiteral(".resource"));
        } else
            problem(path, QStringLiteral("unexpected resource %1").arg(type));
    }

    void checkReport(const QJsonObject& r, const QString& path) {
        required(r, path, {QStringLiteral("status"), QStringLiteral("code")});
        inSet(path + QStringLiteral(".status"), r.value(QStringLiteral("status")).toString(),
              {QStringLiteral("registered"), QStringLiteral("partial"),
               QStringLiteral("preliminary"), QStringLiteral("final"), QStringLiteral("amended"),
               QStringLiteral("corrected"), QStringLiteral("appended"), QStringLiteral("cancelled"),
               QStringLiteral("entered-in-error"), QStringLiteral("unknown")});
        codeableConcept(path + QStringLiteral(".code"), r.value(QStringLiteral("code")));
        for (const QJsonValue& c : r.value(QStringLiteral("category")).toArray()) {
            codeableConcept(path + QStringLiteral(".category"), c);
        }
        if (r.contains(QStringLiteral("subject"))) {
            reference(path + QStringLiteral(".subject"), r.value(QStringLiteral("subject")), false);
        }
        dateTime(path + QStringLiteral(".effectiveDateTime"),
                 r.value(QStringLiteral("effectiveDateTime")));
        instant(path + QStringLiteral(".issued"), r.value(QStringLiteral("issued")));
        for (const QJsonValue& s : r.value(QStringLiteral("imagingStudy")).toArray()) {
            reference(path + QStringLiteral(".imagingStudy"), s, false);
        }
        for (const QJsonValue& f : r.value(QStringLiteral("presentedForm")).toArray()) {
            const QJsonObject a = f.toObject();
            format(path + QStringLiteral(".presentedForm.contentType"),
                   a.value(QStringLiteral("contentType")),
                   QStringLiteral("[a-z]+/[a-z0-9.+-]+(;.*)?"), QStringLiteral("MIME type"));
            format(path + QStringLiteral(".presentedForm.data"), a.value(QStringLiteral("data")),
                   QStringLiteral("[A-Za-z0-9+/]*={0,2}"), QStringLiteral("base64Binary"));
            dateTime(path + QStringLiteral(".presentedForm.creation"),
                     a.value(QStringLiteral("creation")));
        }
    }

    void checkProvenance(const QJsonObject& p, const QString& path) {
        required(p, path,
                 {QStringLiteral("target"), QStringLiteral("recorded"), QStringLiteral("agent")});
        if (p.contains(QStringLiteral("signature"))) {
            problem(path, QStringLiteral("carries a signature"));
        }
        for (const QJsonValue& t : p.value(QStringLiteral("target")).toArray()) {
            reference(path + QStringLiteral(".target"), t, true);
        }
        instant(path + QStringLiteral(".recorded"), p.value(QStringLiteral("recorded")));
        const QJsonObject period = p.value(QStringLiteral("occurredPeriod")).toObject();
        dateTime(path + QStringLiteral(".occurredPeriod.start"),
                 period.value(QStringLiteral("start")));
        dateTime(path + QStringLiteral(".occurredPeriod.end"), period.value(QStringLiteral("end")));
        for (const QJsonValue& a : p.value(QStringLiteral("agent")).toArray()) {
            const QJsonObject agent = a.toObject();
            required(agent, path + QStringLiteral(".agent"), {QStringLiteral("who")});
            reference(path + QStringLiteral(".agent.who"), agent.value(QStringLiteral("who")),
                      false);
            codeableConcept(path + QStringLiteral(".agent.type"),
                            agent.value(QStringLiteral("type")));
        }
        for (const QJsonValue& e : p.value(QStringLiteral("entity")).toArray()) {
            const QJsonObject entity = e.toObject();
            required(entity, path + QStringLiteral(".entity"),
                     {QStringLiteral("role"), QStringLiteral("what")});
            inSet(
                path + QStringLiteral(".entity.role"),
                entity.value(QStringLiteral("role")).toString(),
                {QStringLiteral("derivation"), QStringLiteral("revision"),
                 QStringLiteral("quotation"), QStringLiteral("source"), QStringLiteral("removal")});
            reference(path + QStringLiteral(".entity.what"), entity.value(QStringLiteral("what")),
                      false);
        }
    }

    void checkDevice(const QJsonObject& d, const QString& path) {
        for (const QJsonValue& n : d.value(QStringLiteral("deviceName")).toArray()) {
            const QJsonObject name = n.toObject();
            required(name, path + QStringLiteral(".deviceName"),
                     {QStringLiteral("name"), QStringLiteral("type")});
            inSet(path + QStringLiteral(".deviceName.type"),
                  name.value(QStringLiteral("type")).toString(),
                  {QStringLiteral("udi-label-name"), QStringLiteral("user-friendly-name"),
                   QStringLiteral("patient-reported-name"), QStringLiteral("manufacturer-name"),
                   QStringLiteral("model-name"), QStringLiteral("other")});
        }
        for (const QJsonValue& v : d.value(QStringLiteral("version")).toArray()) {
            required(v.toObject(), path + QStringLiteral(".version"), {QStringLiteral("value")});
        }
    }

    QStringList m_problems;
    QSet<QString> m_fullUrls;
};

}  // namespace testutil
