#include "ui/report/audit_log.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QSysInfo>

#include "ui/report/file_sync.h"
#include "ui/report/report_provenance.h"

namespace ui {
namespace {

QString endKey(DraftEnd end) {
    switch (end) {
        case DraftEnd::Completed:
            return QStringLiteral("completed");
        case DraftEnd::LengthLimit:
            return QStringLiteral("length-limit");
        case DraftEnd::Stopped:
            break;
    }
    return QStringLiteral("stopped");
}

QString fileSha256(const QString& path) {
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file)) {
        return {};
    }
    return QString::fromLatin1(hash.result().toHex());
}

QJsonArray exportInputs(const ReportDocument& doc) {
    QJsonArray inputs;
    for (const ImageLink& image : doc.images) {
        inputs.append(QJsonObject{{QStringLiteral("studyInstanceUid"), image.studyInstanceUid},
                                  {QStringLiteral("seriesInstanceUid"), image.seriesInstanceUid},
                                  {QStringLiteral("sopInstanceUid"), image.sopInstanceUid},
                                  {QStringLiteral("frame"), image.frame}});
    }
    return inputs;
}

}  // namespace

QString AuditLog::defaultPath() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("audit.jsonl"));
}

QString AuditLog::userName() {
    for (const char* variable : {"USER", "USERNAME", "LOGNAME"}) {
        const QString name = qEnvironmentVariable(variable);
        if (!name.isEmpty()) {
            return name;
        }
    }
    return QDir::home().dirName();
}

AuditLog::AuditLog(const QString& path) : m_path(path) {}

bool AuditLog::append(const QString& event, QJsonObject fields) {
    fields.insert(QStringLiteral("v"), 1);
    fields.insert(QStringLiteral("event"), event);
    fields.insert(QStringLiteral("time"), isoUtc(QDateTime::currentDateTimeUtc()));
    fields.insert(QStringLiteral("user"), userName());
    fields.insert(QStringLiteral("host"), QSysInfo::machineHostName());
    fields.insert(QStringLiteral("app"), QCoreApplication::applicationVersion());
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QFile file(m_path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append)) {
        m_error = file.errorString();
        return false;
    }
    // One write per line: with O_APPEND, lines of concurrent writers never interleave.
    const QByteArray line = QJsonDocument(fields).toJson(QJsonDocument::Compact) + '\n';
    if (file.write(line) != line.size() || !syncFileToDisk(file)) {
        m_error = file.errorString();
        return false;
    }
    return true;
}

bool AuditLog::appendInference(int requestId, const DraftProvenance& p, const QString& output,
                               DraftEnd end, const DraftStats& stats) {
    const QJsonObject parameters{{QStringLiteral("template"), p.templateName},
                                 {QStringLiteral("sampling"), samplingToJson(p.sampling)},
                                 {QStringLiteral("promptSha256"), sha256Hex(p.renderedPrompt)},
                                 {QStringLiteral("promptTokens"), stats.promptTokens}};
    const QJsonObject result{{QStringLiteral("outcome"), endKey(end)},
                             {QStringLiteral("sha256"), sha256Hex(output)},
                             {QStringLiteral("chars"), int(output.size())},
                             {QStringLiteral("generatedTokens"), stats.generatedTokens}};
    return append(QStringLiteral("inference"), {{QStringLiteral("requestId"), requestId},
                                                {QStringLiteral("inputs"), inputsToJson(p.images)},
                                                {QStringLiteral("model"), modelToJson(p)},
                                                {QStringLiteral("parameters"), parameters},
                                                {QStringLiteral("output"), result}});
}

bool AuditLog::appendExport(const ReportDocument& doc, const QString& format,
                            const QString& filePath, bool deidentified,
                            const QString& exportedText) {
    const DraftRecord* draft = doc.lastDraft();
    const QJsonObject parameters{{QStringLiteral("format"), format},
                                 {QStringLiteral("deidentified"), deidentified},
                                 {QStringLiteral("path"), filePath},
                                 {QStringLiteral("status"), statusKey(doc.status)}};
    QJsonObject result{{QStringLiteral("sha256"), sha256Hex(exportedText)}};
    if (!filePath.isEmpty()) {
        result.insert(QStringLiteral("fileSha256"), fileSha256(filePath));
        result.insert(QStringLiteral("bytes"), double(QFileInfo(filePath).size()));
    }
    return append(QStringLiteral("export"),
                  {{QStringLiteral("report"), doc.id},
                   {QStringLiteral("inputs"), exportInputs(doc)},
                   {QStringLiteral("model"),
                    draft ? QJsonValue(modelToJson(draft->provenance)) : QJsonValue()},
                   {QStringLiteral("parameters"), parameters},
                   {QStringLiteral("output"), result}});
}

}  // namespace ui
