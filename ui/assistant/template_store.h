#pragma once
// TemplateStore: the prompt templates in use, i.e. the built-ins with the clinician's edits laid
// over them plus templates the clinician created, saved as JSON in the application data folder
// (prompt-templates.json). Only edits and new templates are written, so a built-in whose wording
// improves in a later release reaches users who never changed it; an edited built-in can be
// restored to the shipped wording.
// Thread-safety: GUI thread only (plain file I/O of a few kB).
// Failure modes: an unreadable or malformed file is ignored (built-ins only) and reported by
// lastError(); a failed write returns false and keeps the edit in memory.

#include <QList>
#include <QString>

#include "ui/assistant/prompt_templates.h"

namespace ui {

class TemplateStore {
public:
    // `path` empty: <AppDataLocation>/prompt-templates.json.
    explicit TemplateStore(const QString& path = {});

    static QString defaultPath();

    const QList<PromptTemplate>& templates() const { return m_templates; }
    const PromptTemplate* find(const QString& id) const { return findTemplate(m_templates, id); }

    // Saves `edited` under its id (a new id adds a user template); bumps its version.
    bool save(PromptTemplate edited);
    // Puts the shipped wording back for a built-in; removes a user template.
    bool restoreOrRemove(const QString& id);
    // A fresh id for a new user template ("user-1", "user-2", ...).
    QString newId() const;

    QString lastError() const { return m_error; }
    QString path() const { return m_path; }

private:
    void load();
    bool write();

    QString m_path;
    QList<PromptTemplate> m_templates;
    QString m_error;
};

}  // namespace ui
