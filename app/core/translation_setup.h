#pragma once
// Chooses and installs the user-interface language: the setting when one is made, else the
// system locale, falling back to English.
// Thread-safety: GUI thread, once at start-up.

#include <QString>

class QCoreApplication;

namespace app {

// Installs the translators on `application`; returns the language code in use ("en" when none).
QString installTranslations(QCoreApplication& application, const QString& languageSetting);

// The catalogue code ("pt_BR", "zh_CN") that best serves a locale name such as "pt_PT" or "zh_TW";
// empty when only English fits.
QString catalogueForLocale(const QString& localeName);

}  // namespace app
