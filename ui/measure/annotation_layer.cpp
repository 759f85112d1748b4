#include "ui/measure/annotation_layer.h"

#include <QInputDialog>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

#include "ui/viewer/image_viewer.h"
#include "ui/viewer/series_viewer.h"

namespace ui {
namespace {

constexpr double kHitTolerance = 6.0;  // widget pixels
constexpr double kMinimumDrag = 3.0;   // widget pixels: less is a click

std::optional<QString> askWithDialog(QWidget* parent, const QString& current) {
    bool ok = false;
    const QString text =
        QInputDialog::getText(parent, AnnotationLayer::tr("Text annotation"),
                              AnnotationLayer::tr("Text:"), QLineEdit::Normal, current, &ok);
    return ok ? std::optional<QString>(text) : std::nullopt;
}

}  // namespace

AnnotationLayer::AnnotationLayer(SeriesViewer& series, AnnotationStore& store)
    : QWidget(series.viewer()), m_series(series), m_store(store), m_textPrompt(&askWithDialog) {
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setFocusPolicy(Qt::NoFocus);
    resize(series.viewer()->size());
    series.viewer()->installEventFilter(this);
    connect(&series, &SeriesViewer::frameShown, this, &AnnotationLayer::onFrameShown);
    connect(&series, &SeriesViewer::seriesChanged, this, &AnnotationLayer::onFrameShown);
    connect(&store, &AnnotationStore::changed, this, [this](const ImageKey& key) {
        if (key.studyUid == m_key.studyUid && key.sopInstanceUid == m_key.sopInstanceUid &&
            key.frame == m_key.frame && !m_editor.isBusy()) {
            reload();
        }
    });
}

void AnnotationLayer::setTool(MeasureTool tool) {
    m_tool = tool;
    m_editor.cancel();
    m_series.viewer()->setCursor(kindDrawnBy(tool) ? Qt::CrossCursor : Qt::ArrowCursor);
    update();
}

void AnnotationLayer::onFrameShown() {
    const dicom::InstanceInfo* instance = m_series.currentInstance();
    ImageViewer* viewer = m_series.viewer();
    if (!instance || !viewer->hasImage()) {
        m_key = {};
        m_context = {};
    } else {
        const SeriesRef& ref = m_series.series();
        m_key = {QString::fromStdString(ref.study->studyInstanceUid),
                 QString::fromStdString(instance->sopInstanceUid), m_series.currentFrame().frame};
        m_context = {instance->spacing, modalityUnit(*instance, *ref.series), viewer->framePtr()};
    }
    m_labelCache.clear();
    reload();
}

void AnnotationLayer::reload() {
    const QUuid selected = m_editor.selected();
    m_editor.setAnnotations(m_store.annotations(m_key));
    if (m_editor.selected() != selected) {
        Q_EMIT selectionChanged();
    }
    update();
}

bool AnnotationLayer::deleteSelected() {
    const auto id = m_editor.removeSelected();
    if (!id) {
        return false;
    }
    m_store.remove(m_key, *id);
    Q_EMIT selectionChanged();
    update();
    return true;
}

QPointF AnnotationLayer::toImage(QPointF widgetPoint) const {
    return m_series.viewer()->geometryState().mapToImage(widgetPoint);
}

double AnnotationLayer::widgetToImageScale() const {
    return 1.0 / std::max(1e-6, m_series.viewer()->geometryState().zoom());
}

QUuid AnnotationLayer::labelAt(QPointF widgetPoint) const {
    for (auto it = m_labels.crbegin(); it != m_labels.crend(); ++it) {
        if (it->rect.contains(widgetPoint)) {
            return it->id;
        }
    }
    return {};
}

bool AnnotationLayer::eventFilter(QObject* watched, QEvent* event) {
    if (watched != m_series.viewer()) {
        return QWidget::eventFilter(watched, event);
    }
    switch (event->type()) {
        case QEvent::Resize:
            resize(m_series.viewer()->size());
            return false;
        case QEvent::MouseButtonPress:
            return mousePress(static_cast<QMouseEvent*>(event));
        case QEvent::MouseMove:
            return mouseMove(static_cast<QMouseEvent*>(event));
        case QEvent::MouseButtonRelease:
            return mouseRelease(static_cast<QMouseEvent*>(event));
        case QEvent::MouseButtonDblClick:
            return doubleClick(static_cast<QMouseEvent*>(event));
        case QEvent::ShortcutOverride:
            // Esc is also the window's "stop drafting" key; while drawing it cancels the drawing.
            if (m_editor.isBusy() && static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape) {
                event->accept();
                return true;
            }
            return false;
        case QEvent::KeyPress:
            if (m_editor.isBusy() && static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape) {
                m_editor.cancel();
                m_series.viewer()->setMouseTracking(false);
                update();
                return true;
            }
            return false;
        default:
            return false;
    }
}

bool AnnotationLayer::mousePress(QMouseEvent* event) {
    m_pressTaken = false;
    if (event->button() != Qt::LeftButton || (event->modifiers() & Qt::ShiftModifier) ||
        !m_key.isValid()) {
        return false;
    }
    const QUuid before = m_editor.selected();
    const auto outcome =
        m_editor.press(toImage(event->position()), kHitTolerance * widgetToImageScale(), m_tool,
                       labelAt(event->position()));
    m_pressTaken = outcome.consumed;
    if (m_editor.selected() != before) {
        Q_EMIT selectionChanged();
    }
    apply(outcome);
    if (outcome.needsText) {
        askText();
    }
    update();
    return m_pressTaken;
}

bool AnnotationLayer::mouseMove(QMouseEvent* event) {
    if (!m_pressTaken && !m_editor.wantsHover()) {
        return false;
    }
    m_editor.move(toImage(event->position()));
    update();
    return true;
}

bool AnnotationLayer::mouseRelease(QMouseEvent* event) {
    if (!m_pressTaken || event->button() != Qt::LeftButton) {
        return false;
    }
    m_pressTaken = false;
    apply(m_editor.release(toImage(event->position()), kMinimumDrag * widgetToImageScale()));
    update();
    return true;
}

bool AnnotationLayer::doubleClick(QMouseEvent* event) {
    const QUuid label = labelAt(event->position());
    const QPointF at = toImage(event->position());
    const double tolerance = kHitTolerance * widgetToImageScale();
    for (const Annotation& a : m_editor.annotations()) {
        if (a.id != label && outlineDistance(a, at) > tolerance) {
            continue;
        }
        if (a.kind == AnnotationKind::Text) {
            if (const auto text = m_textPrompt(this, a.text); text && !text->trimmed().isEmpty()) {
                Annotation edited = a;
                edited.text = text->trimmed();
                m_store.update(m_key, edited);
            }
        }
        return true;  // a double click on an annotation is not "fit to window"
    }
    return false;
}

void AnnotationLayer::apply(const AnnotationEditor::Outcome& outcome) {
    m_series.viewer()->setMouseTracking(m_editor.wantsHover());
    if (outcome.finished) {
        m_store.add(m_key, *outcome.finished);
        Q_EMIT selectionChanged();
    }
    if (outcome.changed) {
        m_store.update(m_key, *outcome.changed);
    }
}

void AnnotationLayer::askText() {
    const auto text = m_textPrompt(this, QString());
    apply(m_editor.finishText(text.value_or(QString())));
    m_pressTaken = false;  // the dialog took the release
}

QString AnnotationLayer::labelOf(const Annotation& annotation) {
    auto it = m_labelCache.find(annotation.id);
    if (it != m_labelCache.end() && it->first == annotation) {
        return it->second;
    }
    const QString label = measurementLabel(annotation, m_context);
    m_labelCache.insert(annotation.id, {annotation, label});
    return label;
}

void AnnotationLayer::paintEvent(QPaintEvent*) {
    m_labels.clear();
    if (!m_key.isValid() || !m_series.viewer()->hasImage()) {
        return;
    }
    QPainter painter(this);
    QFont font = painter.font();
    font.setPointSizeF(std::max(8.0, font.pointSizeF() - 0.5));
    painter.setFont(font);
    AnnotationPainter paint(painter, m_series.viewer()->geometryState().imageToWidget(), rect());
    for (const Annotation& a : m_editor.annotations()) {
        const QRectF box = paint.paint(a, a.id == m_editor.selected(), labelOf(a));
        if (!box.isEmpty()) {
            m_labels.append({a.id, box});
        }
    }
    if (const auto& draft = m_editor.draft()) {
        paint.paint(*draft, false, measurementLabel(*draft, m_context));
    }
}

}  // namespace ui
