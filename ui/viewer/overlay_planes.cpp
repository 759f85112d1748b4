#include "ui/viewer/overlay_planes.h"

#include <QPainter>
#include <QResizeEvent>
#include <QtConcurrent>

#include "dicom/overlay.h"
#include "ui/viewer/frame_cache.h"
#include "ui/viewer/image_viewer.h"
#include "ui/viewer/series_viewer.h"

namespace ui {
namespace {

constexpr int kRecentFrames = 64;
// Graphics planes in an opaque light colour distinct from the yellow measurements; region
// planes (type "R") half transparent, so the pixels under them stay visible.
constexpr QRgb kGraphics = 0xFFB4F0FF;
constexpr QRgb kRegion = 0x805A7880;  // premultiplied: 50 % of (180, 240, 255)

// Runs on a worker thread: decodes the planes and composes them at their origins.
OverlayPicture compose(const dicom::InstanceInfo& instance, int frame, const QString& key) {
    OverlayPicture out{key, {}, {}};
    auto decoded = dicom::decodeOverlays(instance, frame);
    if (!decoded) {
        out.error = QString::fromStdString(decoded.error().message);
        return out;
    }
    if (decoded->empty() || instance.rows <= 0 || instance.columns <= 0) {
        return out;
    }
    QImage image(instance.columns, instance.rows, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    for (const dicom::Overlay& plane : *decoded) {
        const QRgb colour = plane.type == "R" ? kRegion : kGraphics;
        for (int r = 0; r < plane.rows; ++r) {
            const int y = plane.originRow - 1 + r;
            for (int c = 0; c < plane.columns; ++c) {
                const int x = plane.originColumn - 1 + c;
                if (plane.bits[std::size_t(r) * std::size_t(plane.columns) + std::size_t(c)] &&
                    x >= 0 && y >= 0 && x < image.width() && y < image.height()) {
                    image.setPixel(x, y, colour);
                }
            }
        }
    }
    out.planes = image;
    return out;
}

}  // namespace

OverlayPlanes::OverlayPlanes(SeriesViewer& series) : QWidget(series.viewer()), m_series(series) {
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setFocusPolicy(Qt::NoFocus);
    resize(series.viewer()->size());
    series.viewer()->installEventFilter(this);
    connect(&series, &SeriesViewer::frameShown, this, &OverlayPlanes::onFrameShown);
    connect(&series, &SeriesViewer::seriesChanged, this, &OverlayPlanes::onFrameShown);
    connect(&m_watcher, &QFutureWatcher<OverlayPicture>::finished, this, &OverlayPlanes::onDecoded);
}

OverlayPlanes::~OverlayPlanes() {
    m_watcher.waitForFinished();
}

void OverlayPlanes::setShown(bool shown) {
    m_shown = shown;
    setVisible(shown);
    onFrameShown();
}

bool OverlayPlanes::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::Resize) {
        resize(static_cast<QResizeEvent*>(event)->size());
    }
    return QWidget::eventFilter(watched, event);
}

void OverlayPlanes::onFrameShown() {
    const dicom::InstanceInfo* instance = m_series.currentInstance();
    const bool dicom =
        instance && instance->kind == dicom::SourceKind::Dicom && m_series.viewer()->hasImage();
    m_shownKey = dicom ? FrameCache::keyOf(*instance, m_series.currentFrame().frame) : QString();
    m_current = m_recent.value(m_shownKey);
    update();
    if (m_shown && dicom && !m_recent.contains(m_shownKey) && !m_watcher.isRunning()) {
        start(*instance, m_series.currentFrame().frame, m_shownKey);
    }
}

void OverlayPlanes::start(const dicom::InstanceInfo& instance, int frame, const QString& key) {
    m_watcher.setFuture(QtConcurrent::run(&compose, instance, frame, key));
}

void OverlayPlanes::onDecoded() {
    const OverlayPicture picture = m_watcher.result();
    if (m_recent.size() >= kRecentFrames) {
        m_recent.clear();
    }
    // A frame whose planes cannot be read shows none; the image itself is unaffected.
    m_recent.insert(picture.key, picture.planes);
    if (picture.key == m_shownKey) {
        m_current = picture.planes;
        update();
        Q_EMIT planesChanged();
    } else {
        onFrameShown();  // the reader moved on while this decoded: decode the newest frame
    }
}

void OverlayPlanes::paintEvent(QPaintEvent*) {
    if (!m_shown || m_current.isNull() || !m_series.viewer()->hasImage()) {
        return;
    }
    QPainter painter(this);
    painter.setTransform(m_series.viewer()->geometryState().imageToWidget());
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter.drawImage(QPointF(0, 0), m_current);
}

}  // namespace ui
