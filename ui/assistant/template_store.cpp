#include "ui/assistant/template_store.h"

#include <algorithm>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace ui {
namespace {

constexpr int kFileFormat = 1;

QJsonObject toJson(const PromptTemplate& t) {
    return {{QStringLiteral("id"), t.id},
            {QStringLiteral("name"), t.name},
            {QStringLiteral("systemPrompt"), t.systemPrompt},
            {QStringLiteral("instruction"), t.instruction},
            {QStringLiteral("question"), t.question},
            {QStringLiteral("placement"), placementKey(t.placement)},
            {QStringLiteral("version"), t.version},
            {QStringLiteral("builtIn"), t.builtIn}};
}

PromptTemplate fromJson(const QJsonObject& o) {
    PromptTemplate t;
    t.id = o.value(QStringLiteral("id")).toString();
    t.name = o.value(QStringLiteral("name")).toString();
    t.systemPrompt = o.value(QStringLiteral("systemPrompt")).toString();
    t.instruction = o.value(QStringLiteral("instruction")).toString();
    t.question = o.value(QStringLiteral("question")).toString();
    t.placement = placementFromKey(o.value(QStringLiteral("placement")).toString());
    t.version = o.value(QStringLiteral("version")).toInt(1);
    t.builtIn = o.value(QStringLiteral("builtIn")).toBool();
    t.edited = t.builtIn;
    return t;
}

}  // namespace

TemplateStore::TemplateStore(const QString& path) : m_path(path.isEmpty() ? defaultPath() : path) {
    load();
}

QString TemplateStore::defaultPath() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("prompt-templates.json"));
}

void TemplateStore::load() {
    m_templates = builtInTemplates();
    QFile file(m_path);
    if (!file.exists()) {
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = file.open(QIODevice::ReadOnly)
                                  ? QJsonDocument::fromJson(file.readAll(), &parseError)
                                  : QJsonDocument();
    if (!doc.isObject()) {
        m_error = file.errorString().isEmpty() || file.error() == QFile::NoError
                      ? parseError.errorString()
                      : file.errorString();
        return;
    }
    for (const QJsonValue& value : doc.object().value(QStringLiteral("templates")).toArray()) {
        const PromptTemplate t = fromJson(value.toObject());
        if (t.id.isEmpty()) {
            continue;
        }
        auto it = std::find_if(m_templates.begin(), m_templates.end(),
                               [&](const PromptTemplate& b) { return b.id == t.id; });
        if (it != m_templates.end() && it->builtIn) {
            *it = t;
        } else if (!t.builtIn) {
            m_templates.append(t);
        }
    }
}

bool TemplateStore::write() {
    QJsonArray changed;
    for (const PromptTemplate& t : m_templates) {
        if (t.edited || !t.builtIn) {
            changed.append(toJson(t));
        }
    }
    const QJsonObject root{{QStringLiteral("format"), kFileFormat},
                           {QStringLiteral("templates"), changed}};
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(root).toJson()) < 0 ||
        !file.commit()) {
        m_error = file.errorString();
        return false;
    }
    m_error.clear();
    return true;
}

bool TemplateStore::save(PromptTemplate edited) {
    auto it = std::find_if(m_templates.begin(), m_templates.end(),
                           [&](const PromptTemplate& t) { return t.id == edited.id; });
    if (it == m_templates.end()) {
        edited.builtIn = false;
        edited.edited = false;
        edited.version = 1;
        m_templates.append(edited);
        return write();
    }
    edited.builtIn = it->builtIn;
    edited.edited = it->builtIn;
    edited.version = it->version + 1;
    *it = edited;
    return write();
}

bool TemplateStore::restoreOrRemove(const QString& id) {
    const QList<PromptTemplate> shipped = builtInTemplates();
    for (int i = 0; i < m_templates.size(); ++i) {
        if (m_templates[i].id != id) {
            continue;
        }
        if (const PromptTemplate* original = findTemplate(shipped, id)) {
            m_templates[i] = *original;
        } else {
            m_templates.removeAt(i);
        }
        return write();
    }
    return false;
}

QString TemplateStore::newId() const {
    for (int n = 1;; ++n) {
        const QString id = QStringLiteral("user-%1").arg(n);
        if (!find(id)) {
            return id;
        }
    }
}

}  // namespace ui
