#pragma once
// Where an image sits in the viewport: zoom, pan, rotation, flips and non-square pixels, as one
// transform from image pixel coordinates to widget coordinates (device-independent pixels).
// Thread-safety: a plain value.

#include <QPointF>
#include <QSizeF>
#include <QTransform>

namespace ui {

class ViewGeometry {
public:
    void setImageSize(QSizeF size, double pixelAspect);  // pixelAspect = row spacing / column spacing
    void setViewportSize(QSizeF size);

    void fit();                            // whole image visible, centred
    void zoomBy(double factor, QPointF anchorInWidget);  // keeps the anchor point still
    void setZoom(double zoom);             // widget pixels per image pixel (horizontal)
    void panBy(QPointF deltaInWidget);
    void rotateClockwise();                // by 90 degrees
    void rotateCounterClockwise();
    void flipHorizontal();
    void flipVertical();
    void reset();                          // fit, no rotation or flip

    double zoom() const { return m_zoom; }
    int rotationDegrees() const { return m_rotation; }
    bool flippedHorizontally() const { return m_flipH; }
    bool flippedVertically() const { return m_flipV; }
    bool isFitted() const { return m_fitted; }

    QTransform imageToWidget() const;
    QPointF mapToImage(QPointF widgetPoint) const;
    QPointF mapToWidget(QPointF imagePoint) const;

private:
    double fitZoom() const;

    QSizeF m_image{1, 1};
    QSizeF m_viewport{1, 1};
    double m_pixelAspect = 1.0;
    double m_zoom = 1.0;
    QPointF m_pan;  // offset of the image centre from the viewport centre, widget pixels
    int m_rotation = 0;
    bool m_flipH = false;
    bool m_flipV = false;
    bool m_fitted = true;  // keep fitting when the viewport is resized, until the user zooms
};

}  // namespace ui
