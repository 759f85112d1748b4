#pragma once
// What a left-drag on the image does. Window/level is the default; the others draw the
// annotation of the same name.

#include <optional>

#include "ui/measure/annotation.h"

namespace ui {

enum class MeasureTool { WindowLevel, Length, Angle, Ellipse, Rectangle, Arrow, Text };

// The annotation a tool draws; none for window/level.
inline std::optional<AnnotationKind> kindDrawnBy(MeasureTool tool) {
    switch (tool) {
        case MeasureTool::Length:
            return AnnotationKind::Length;
        case MeasureTool::Angle:
            return AnnotationKind::Angle;
        case MeasureTool::Ellipse:
            return AnnotationKind::Ellipse;
        case MeasureTool::Rectangle:
            return AnnotationKind::Rectangle;
        case MeasureTool::Arrow:
            return AnnotationKind::Arrow;
        case MeasureTool::Text:
            return AnnotationKind::Text;
        case MeasureTool::WindowLevel:
            break;
    }
    return std::nullopt;
}

}  // namespace ui
