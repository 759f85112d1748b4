#pragma once
// The user-interface languages shipped with the application.
// Thread-safety: safe from any thread.

#include <QList>
#include <QString>

namespace translations {

struct Language {
    QString code;        // BCP 47-like code used in QSettings and file names, e.g. "pt_BR"
    QString nativeName;  // the language's own name, e.g. "Português (Brasil)"
};

// English first (the source language), then every catalogue in :/i18n.
QList<Language> availableLanguages();

// Resource path of the compiled catalogue for `code`, e.g. ":/i18n/medgemma_pt_BR.qm".
QString catalogueResource(const QString& code);

}  // namespace translations
