#pragma once
// Series thumbnails for the study browser, rendered off the GUI thread: the tree is listed at
// once and each series' picture fills in when it is ready. One small render per series: its
// middle image (the middle frame of a single multi-frame instance) in the default display,
// scaled to the requested edge times the screen's device pixel ratio so it is sharp on HiDPI.
// Thread-safety: GUI thread only; decoding runs on a private single-thread pool (so thumbnails
// never compete with the viewer's own decodes for more than one core) and results come back
// as queued calls. Ownership: the loader owns its pool and the rendered images.
// Failure modes: a series whose image cannot be decoded gets no thumbnail (thumbnailReady is
// not emitted for it) and is not tried again until clear().

#include <QHash>
#include <QImage>
#include <QObject>
#include <QSet>
#include <QString>
#include <QThreadPool>

#include "dicom/study.h"
#include "ui/viewer/frame_cache.h"

namespace ui {

class ThumbnailLoader : public QObject {
    Q_OBJECT
public:
    // `edge`: the longer side of a thumbnail, in logical pixels.
    explicit ThumbnailLoader(int edge, QObject* parent = nullptr);
    ~ThumbnailLoader() override;  // drops queued renders and waits for a running one

    // Replaces the decoder (dicom::decodeFrame by default), e.g. to observe the thread that
    // decodes. Call before the first request.
    void setDecoder(FrameDecoder decoder);

    // The thumbnail when it is rendered; otherwise a null image, and a render starts unless one
    // is under way or failed before (thumbnailReady follows on success).
    QImage thumbnail(const QString& seriesUid, const dicom::SeriesInfo& series);
    // True while the series' render is queued or running.
    bool isRendering(const QString& seriesUid) const { return m_pending.contains(seriesUid); }
    // Forgets every thumbnail; renders still under way are discarded when they end.
    void clear();
    int edge() const { return m_edge; }

Q_SIGNALS:
    void thumbnailReady(const QString& seriesUid);

private:
    void start(const QString& seriesUid, const dicom::SeriesInfo& series);
    void finish(quint64 generation, const QString& seriesUid, const QImage& image);

    QThreadPool m_pool;
    FrameDecoder m_decoder;
    QHash<QString, QImage> m_done;
    QSet<QString> m_pending;
    QSet<QString> m_failed;
    quint64 m_generation = 0;
    int m_edge;
};

}  // namespace ui
