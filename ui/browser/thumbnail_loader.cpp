#include "ui/browser/thumbnail_loader.h"

#include <QGuiApplication>
#include <QRunnable>

#include "dicom/display.h"
#include "dicom/loader.h"
#include "ui/viewer/qimage_conversion.h"

namespace ui {
namespace {

// The image a reader recognises a series by: the middle one, as PACS browsers show.
std::pair<dicom::InstanceInfo, int> representativeFrame(const dicom::SeriesInfo& series) {
    const dicom::InstanceInfo& instance = series.instances[series.instances.size() / 2];
    const int frame = series.instances.size() == 1 ? std::max(0, instance.frames / 2) : 0;
    return {instance, frame};
}

// Runs on a pool thread: decode, default display, scale. Null when the decode fails.
QImage render(const FrameDecoder& decoder, const dicom::InstanceInfo& instance, int frame,
              int pixels) {
    dicom::Result<dicom::Image> image = decoder(instance, frame);
    if (!image) {
        return {};
    }
    const dicom::Image8 shown =
        dicom::renderForDisplay(*image, dicom::defaultDisplay(instance, *image));
    return toQImage(shown).scaled(pixels, pixels, Qt::KeepAspectRatio, Qt::SmoothTransformation);
}

}  // namespace

ThumbnailLoader::ThumbnailLoader(int edge, QObject* parent)
    : QObject(parent),
      m_decoder([](const dicom::InstanceInfo& instance, int frame) {
          return dicom::decodeFrame(instance, frame);
      }),
      m_edge(edge) {
    m_pool.setMaxThreadCount(1);
    // Below the viewer's decodes: the image being read comes before the browser's pictures.
    m_pool.setThreadPriority(QThread::LowPriority);
}

ThumbnailLoader::~ThumbnailLoader() {
    m_pool.clear();
    m_pool.waitForDone();
}

void ThumbnailLoader::setDecoder(FrameDecoder decoder) { m_decoder = std::move(decoder); }

QImage ThumbnailLoader::thumbnail(const QString& seriesUid, const dicom::SeriesInfo& series) {
    const auto found = m_done.constFind(seriesUid);
    if (found != m_done.constEnd()) {
        return *found;
    }
    if (!series.instances.empty() && !m_pending.contains(seriesUid) &&
        !m_failed.contains(seriesUid)) {
        start(seriesUid, series);
    }
    return {};
}

void ThumbnailLoader::start(const QString& seriesUid, const dicom::SeriesInfo& series) {
    m_pending.insert(seriesUid);
    const qreal ratio = qGuiApp ? qGuiApp->devicePixelRatio() : 1.0;
    const int pixels = qRound(m_edge * ratio);
    // Copies, not pointers: the session may replace its collection while the render runs.
    auto [instance, frame] = representativeFrame(series);
    m_pool.start([this, decoder = m_decoder, instance = std::move(instance), frame, pixels,
                  ratio, seriesUid, generation = m_generation] {
        QImage image = render(decoder, instance, frame, pixels);
        image.setDevicePixelRatio(ratio);
        // Queued to the GUI thread; the destructor waits for this job, so `this` is alive.
        QMetaObject::invokeMethod(
            this, [this, generation, seriesUid, image] { finish(generation, seriesUid, image); },
            Qt::QueuedConnection);
    });
}

void ThumbnailLoader::finish(quint64 generation, const QString& seriesUid, const QImage& image) {
    if (generation != m_generation) {
        return;  // rendered for a session that has been cleared since
    }
    m_pending.remove(seriesUid);
    if (image.isNull()) {
        m_failed.insert(seriesUid);
        return;
    }
    m_done.insert(seriesUid, image);
    Q_EMIT thumbnailReady(seriesUid);
}

void ThumbnailLoader::clear() {
    m_pool.clear();
    ++m_generation;
    m_done.clear();
    m_pending.clear();
    m_failed.clear();
}

}  // namespace ui
