#include "ui/common/value_keys.h"

#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QKeyEvent>

namespace ui {
namespace {

bool isValueKey(const QKeyEvent& key) {
    if (key.modifiers() & ~Qt::KeypadModifier) {
        return false;
    }
    switch (key.key()) {
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown:
        case Qt::Key_Home:
        case Qt::Key_End:
            return true;
        default:
            return false;
    }
}

bool isValueWidget(const QObject* o) {
    return qobject_cast<const QComboBox*>(o) || qobject_cast<const QAbstractSpinBox*>(o) ||
           qobject_cast<const QAbstractSlider*>(o);
}

// The value widget itself, or the one whose line edit has the focus (an editable combo box,
// a spin box).
bool editsAValue(const QObject* target) {
    return isValueWidget(target) || (target->parent() && isValueWidget(target->parent()));
}

class ValueKeyPriority : public QObject {
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::ShortcutOverride && watched->isWidgetType() &&
            isValueKey(*static_cast<QKeyEvent*>(event)) && editsAValue(watched)) {
            event->accept();  // the key goes to the widget, not to a shortcut
            return true;
        }
        return false;
    }
};

}  // namespace

void installValueKeyPriority(QObject* owner) {
    qApp->installEventFilter(new ValueKeyPriority(owner));
}

}  // namespace ui
