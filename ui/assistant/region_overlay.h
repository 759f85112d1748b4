#pragma once
// A transparent layer over the image viewer for the model selection: shows whether the frame on
// screen is marked for the model, shows the region the model will receive (dashed, the outside
// dimmed, under the viewer's corner texts), and, while drawing, turns a left-drag into a rectangle in image pixels. Outside the
// drawing mode it lets every mouse event through to the viewer.
// Ownership: a child of the viewer it covers.
// Thread-safety: GUI thread only.

#include <QRect>
#include <QWidget>

namespace ui {

class ImageViewer;

class RegionOverlay : public QWidget {
    Q_OBJECT
public:
    explicit RegionOverlay(ImageViewer* viewer);
    ~RegionOverlay() override;

    void setRegion(const QRect& imageRect);  // empty: none on this series
    QRect region() const { return m_region; }
    void setMarked(bool marked);
    void setDrawing(bool drawing);
    bool isDrawing() const { return m_drawing; }

Q_SIGNALS:
    void regionDrawn(const QRect& imageRect);  // image pixels, clipped to the frame
    void drawingChanged(bool drawing);

protected:
    bool event(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    QRect imageRectBetween(QPointF a, QPointF b) const;
    QPolygonF toWidget(const QRect& imageRect) const;
    void repaintAll();
    QRect shownRegion() const;  // the region, or the rectangle being dragged
    void paintDimming(QPainter& painter) const;  // the viewer's underlay
    void paintRegion(QPainter& painter, const QRect& shown) const;
    void paintBadge(QPainter& painter) const;

    ImageViewer* m_viewer;
    QRect m_region;
    QRect m_rubber;  // image pixels, while dragging
    QPointF m_pressAt;
    bool m_drawing = false;
    bool m_dragging = false;
    bool m_marked = false;
};

}  // namespace ui
