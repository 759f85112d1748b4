#include "ui/viewer/overlay_corners.h"

#include <algorithm>

#include <QFontMetrics>
#include <QPainter>
#include <QStringList>

namespace ui {
namespace {

const QColor kText(235, 225, 140);
const QColor kOutline(0, 0, 0, 220);
constexpr int kGap = 12;  // between the left and right columns, pixels

QString elided(const QString& text, const QFontMetrics& metrics, int width) {
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString& line : lines) {
        line = metrics.elidedText(line, Qt::ElideRight, width);
    }
    return lines.join(QLatin1Char('\n'));
}

void paintCorner(QPainter& painter, const QRect& box, int flags, const QString& text) {
    const QString shown = elided(text, painter.fontMetrics(), box.width());
    painter.setPen(kOutline);
    for (const QPoint offset : {QPoint(-1, -1), QPoint(1, -1), QPoint(-1, 1), QPoint(1, 1)}) {
        painter.drawText(box.translated(offset), flags, shown);
    }
    painter.setPen(kText);
    painter.drawText(box, flags, shown);
}

}  // namespace

void paintOverlayCorners(QPainter& painter, const QRect& area, const CornerTexts& texts) {
    const int half = std::max(1, (area.width() - kGap) / 2);
    const QRect left(area.left(), area.top(), half, area.height());
    const QRect right(area.right() - half + 1, area.top(), half, area.height());
    paintCorner(painter, left, Qt::AlignLeft | Qt::AlignTop, texts.topLeft);
    paintCorner(painter, right, Qt::AlignRight | Qt::AlignTop, texts.topRight);
    paintCorner(painter, left, Qt::AlignLeft | Qt::AlignBottom, texts.bottomLeft);
    paintCorner(painter, right, Qt::AlignRight | Qt::AlignBottom, texts.bottomRight);
}

}  // namespace ui
