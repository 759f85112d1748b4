#include "translations/available_languages.h"

namespace translations {

QList<Language> availableLanguages() {
    return {
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("pt_BR"), QStringLiteral("Português (Brasil)")},
        {QStringLiteral("zh_CN"), QStringLiteral("中文（简体）")},
    };
}

QString catalogueResource(const QString& code) {
    return QStringLiteral(":/i18n/medgemma_%1.qm").arg(code);
}

}  // namespace translations
