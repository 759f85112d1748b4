#pragma once
// ImageViewer: shows one frame fitted to the viewport, with window/level by left-drag, pan by
// middle-drag (or Shift+left-drag), zoom by Ctrl+wheel or right-drag, and the four-corner
// overlay. Grey frames keep their modality values so window/level re-renders from real units.
// Thread-safety: GUI thread only.

#include <functional>

#include <QImage>
#include <QPoint>
#include <QWidget>

#include "dicom/display.h"
#include "dicom/image.h"
#include "dicom/study.h"
#include "ui/viewer/frame_ptr.h"
#include "ui/viewer/view_geometry.h"

namespace ui {

struct OverlayText {
    QString topLeft;      // patient
    QString topRight;     // study and series
    QString bottomLeft;   // slice n/N, position
    QString bottomRightExtra;  // spacing and its source; W/L and zoom are added by the viewer
};

class ImageViewer : public QWidget {
    Q_OBJECT
public:
    explicit ImageViewer(QWidget* parent = nullptr);

    // Shows `image` (shared, not copied). The window is kept when `keepWindow` (scrolling
    // within a series), otherwise it becomes `window`.
    void setFrame(FramePtr image, const dicom::WindowPreset& window, double pixelAspect,
                  bool keepWindow);
    void clear();
    bool hasImage() const { return m_image != nullptr; }
    // While nothing is shown: say that a frame is being decoded instead of the empty message.
    void setLoading(bool loading);

    void setWindow(const dicom::WindowPreset& window);
    dicom::WindowPreset window() const { return m_window; }
    void setInverted(bool inverted);
    bool inverted() const { return m_inverted; }
    void setOverlayText(const OverlayText& text);
    void setOverlayVisible(bool visible);
    bool overlayVisible() const { return m_overlayVisible; }
    void setEmptyMessage(const QString& message);
    // Painted over the image and under the corner texts, in widget coordinates, so that the
    // texts stay legible over it (e.g. the dimming around the model's region). Empty: none.
    // Whoever sets it clears it before the objects it captures go away.
    using Underlay = std::function<void(QPainter&)>;
    void setUnderlay(Underlay underlay);

    ViewGeometry& geometryState() { return m_geometry; }
    const ViewGeometry& geometryState() const { return m_geometry; }
    void fitToWindow();
    void zoomIn();
    void zoomOut();
    void resetView();
    void rotateClockwise();
    void flipHorizontal();

    // The 8-bit picture currently displayed (before zoom), for tests and "copy image".
    const QImage& renderedImage() const { return m_rendered; }
    // The frame shown, in modality units; an empty image when none.
    const dicom::Image& frame() const;
    FramePtr framePtr() const { return m_image; }

Q_SIGNALS:
    void windowChanged(const dicom::WindowPreset& window);
    void stepRequested(int delta);  // wheel or keys: next/previous slice
    void viewChanged();             // zoom, pan, rotation

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;

private:
    enum class Drag { None, WindowLevel, Pan, Zoom };

    void rerender();
    void dragWindowLevel(QPoint delta);
    void paintOverlay(QPainter& painter) const;
    QString windowLevelText() const;

    FramePtr m_image;
    dicom::WindowPreset m_window;
    double m_valueSpan = 1.0;  // max - min of the frame, scales the drag sensitivity
    bool m_inverted = false;
    QImage m_rendered;
    ViewGeometry m_geometry;
    OverlayText m_overlay;
    bool m_overlayVisible = true;
    QString m_emptyMessage;
    Underlay m_underlay;
    bool m_loading = false;
    Drag m_drag = Drag::None;
    QPoint m_lastMouse;
    int m_wheelRemainder = 0;
};

}  // namespace ui
