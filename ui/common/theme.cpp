#include "ui/common/theme.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

#include "ui/common/settings_keys.h"

namespace ui {
namespace {

Theme g_current = Theme::Light;

QPalette darkPalette() {
    const QColor window(45, 47, 51);
    const QColor base(32, 33, 36);
    const QColor text(225, 228, 232);
    const QColor disabled(128, 131, 136);
    const QColor highlight(61, 132, 204);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(255, 110, 110));
    p.setColor(QPalette::Link, QColor(120, 175, 240));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Light, QColor(70, 72, 77));
    p.setColor(QPalette::Midlight, QColor(60, 62, 66));
    p.setColor(QPalette::Mid, QColor(38, 39, 42));
    p.setColor(QPalette::Dark, QColor(25, 26, 28));
    p.setColor(QPalette::Shadow, Qt::black);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        p.setColor(QPalette::Disabled, role, disabled);
    }
    p.setColor(QPalette::Disabled, QPalette::Base, window);
    return p;
}

}  // namespace

QPalette themePalette(Theme theme) {
    if (theme == Theme::Dark) {
        return darkPalette();
    }
    QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion"));
    const QPalette light = fusion ? fusion->standardPalette() : QPalette();
    delete fusion;
    return light;
}

void applyTheme(Theme theme) {
    QApplication::setStyle(QStringLiteral("Fusion"));
    QApplication::setPalette(themePalette(theme));
    g_current = theme;
}

Theme savedTheme() {
    return QSettings().value(settings::theme()).toString() == QLatin1String("dark") ? Theme::Dark
                                                                                    : Theme::Light;
}

void saveTheme(Theme theme) {
    QSettings().setValue(settings::theme(),
                         theme == Theme::Dark ? QStringLiteral("dark") : QStringLiteral("light"));
}

Theme currentTheme() {
    return g_current;
}

void bindThemeActions(QAction* light, QAction* dark) {
    auto* group = new QActionGroup(light->parent());
    group->addAction(light);
    group->addAction(dark);
    light->setChecked(currentTheme() == Theme::Light);
    dark->setChecked(currentTheme() == Theme::Dark);
    for (auto [action, theme] : {std::pair{light, Theme::Light}, std::pair{dark, Theme::Dark}}) {
        QObject::connect(action, &QAction::triggered, action, [theme = theme] {
            applyTheme(theme);
            saveTheme(theme);
        });
    }
}

}  // namespace ui
