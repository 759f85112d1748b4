#pragma once
// OverlayPlanes: the DICOM overlay planes (groups 60xx) of the frame a series viewer shows,
// drawn over the image in image coordinates (they follow zoom, pan, rotation and flips) and
// shown or hidden as a whole. Planes are decoded on a worker thread, one frame at a time: while
// the reader scrolls, only the newest frame on screen is decoded next, so a fast scroll never
// queues hundreds of reads. Recently seen frames keep their planes in memory.
// Ownership: a child of the viewer's ImageViewer. Thread-safety: GUI thread only.

#include <QFutureWatcher>
#include <QHash>
#include <QImage>
#include <QString>
#include <QWidget>

#include "dicom/study.h"

namespace ui {

class SeriesViewer;

// The planes of one frame composed into one transparent picture of the frame's size.
struct OverlayPicture {
    QString key;    // FrameCache::keyOf of the frame
    QImage planes;  // ARGB32 premultiplied, frame size; null when the frame has no planes
    QString error;  // why the planes could not be read; empty on success
};

class OverlayPlanes : public QWidget {
    Q_OBJECT
public:
    explicit OverlayPlanes(SeriesViewer& series);
    ~OverlayPlanes() override;

    void setShown(bool shown);
    bool isShown() const { return m_shown; }
    // The planes of the frame on screen (null when none or not decoded yet).
    const QImage& planes() const { return m_current; }

Q_SIGNALS:
    void planesChanged();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    void onFrameShown();
    void start(const dicom::InstanceInfo& instance, int frame, const QString& key);  // worker
    void onDecoded();

    SeriesViewer& m_series;
    bool m_shown = true;
    QString m_shownKey;  // the frame on screen
    QImage m_current;    // its planes
    QHash<QString, QImage> m_recent;
    QFutureWatcher<OverlayPicture> m_watcher;
};

}  // namespace ui
