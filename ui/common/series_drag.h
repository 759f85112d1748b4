#pragma once
// Dragging a series from the study browser onto a viewport: the MIME type and payload (the
// Series Instance UID, UTF-8).

#include <QMimeData>
#include <QString>

namespace ui {

inline QString seriesMimeType() {
    return QStringLiteral("application/x-medgemma-series-uid");
}

inline QString draggedSeriesUid(const QMimeData* mime) {
    return mime && mime->hasFormat(seriesMimeType())
               ? QString::fromUtf8(mime->data(seriesMimeType()))
               : QString();
}

}  // namespace ui
