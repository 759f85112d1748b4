#include "app/core/translation_setup.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include "translations/available_languages.h"

namespace app {

QString catalogueForLocale(const QString& localeName) {
    const QString language = localeName.section(QLatin1Char('_'), 0, 0);
    QString sameLanguage;
    for (const auto& available : translations::availableLanguages()) {
        if (available.code == localeName) {
            return available.code == QLatin1String("en") ? QString() : available.code;
        }
        if (sameLanguage.isEmpty() &&
            available.code.section(QLatin1Char('_'), 0, 0) == language) {
            sameLanguage = available.code;
        }
    }
    return sameLanguage == QLatin1String("en") ? QString() : sameLanguage;
}

QString installTranslations(QCoreApplication& application, const QString& languageSetting) {
    const QString code = catalogueForLocale(languageSetting.isEmpty() ? QLocale::system().name()
                                                                      : languageSetting);
    if (code.isEmpty()) {
        return QStringLiteral("en");
    }
    auto* ours = new QTranslator(&application);
    if (!ours->load(translations::catalogueResource(code))) {
        delete ours;
        return QStringLiteral("en");
    }
    application.installTranslator(ours);
    // Qt's own strings (standard buttons, file dialogs) when the system provides them.
    auto* qt = new QTranslator(&application);
    if (qt->load(QLocale(code), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        application.installTranslator(qt);
    } else {
        delete qt;
    }
    QLocale::setDefault(QLocale(code));
    return code;
}

}  // namespace app
