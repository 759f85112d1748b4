#include "ui/measure/measurement_label.h"

#include <QCoreApplication>
#include <QLocale>

#include "ui/measure/measurement.h"
#include "ui/viewer/window_presets.h"

namespace ui {
namespace {

// The translation context of the texts in this file.
class Text {
    Q_DECLARE_TR_FUNCTIONS(ui::Measurement)
};

QString number(double value, int decimals = 1) {
    // The locale's decimal mark, but no group separator: "1000.0 HU" cannot be misread as a
    // decimal in locales where the separators are swapped.
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    return locale.toString(value, 'f', decimals);
}

// Where the millimetres come from when it is not the patient plane.
QString spacingCaveat(const dicom::PixelSpacing& spacing) {
    switch (spacing.source) {
        case dicom::SpacingSource::ImagerPixelSpacing:
            return Text::tr("at detector");
        case dicom::SpacingSource::NominalScannedPixelSpacing:
            return Text::tr("nominal");
        case dicom::SpacingSource::Calibrated:
            return Text::tr("calibrated");
        default:
            return {};
    }
}

QString areaText(double area, const dicom::PixelSpacing& spacing) {
    if (!hasSpacing(spacing)) {
        return Text::tr("Area %1 px²").arg(number(area, 0));
    }
    return area >= 100.0 ? Text::tr("Area %1 cm²").arg(number(area / 100.0, 2))
                         : Text::tr("Area %1 mm²").arg(number(area, 1));
}

QString valueText(double value, const QString& unit) {
    return unit.isEmpty() ? number(value) : QStringLiteral("%1 %2").arg(number(value), unit);
}

QString regionLabel(const Annotation& a, const MeasureContext& context) {
    const RegionShape shape =
        a.kind == AnnotationKind::Ellipse ? RegionShape::Ellipse : RegionShape::Rectangle;
    static const dicom::Image kNoValues;
    const dicom::Image& frame = context.frame ? *context.frame : kNoValues;
    const RegionStats s = regionStats(frame, shape, a.bounds(), context.spacing);
    QStringList lines;
    if (s.hasValues) {
        lines << Text::tr("Mean %1  SD %2").arg(valueText(s.mean, context.unit), number(s.sd));
        lines << Text::tr("Min %1  Max %2").arg(number(s.min), number(s.max));
    }
    QString area = areaText(s.area, context.spacing);
    const QString caveat = spacingCaveat(context.spacing);
    if (!caveat.isEmpty()) {
        area += QStringLiteral(" (%1)").arg(caveat);
    }
    lines << area;
    return lines.join(QLatin1Char('\n'));
}

}  // namespace

QString modalityUnit(const dicom::InstanceInfo& instance, const dicom::SeriesInfo& series) {
    if (usesHounsfieldUnits(instance, series)) {
        return Text::tr("HU");
    }
    const QString type = QString::fromStdString(instance.rescaleType).trimmed();
    return type == QLatin1String("US") ? QString() : type;  // "US" = unspecified
}

QString lengthText(double value, const dicom::PixelSpacing& spacing) {
    if (!hasSpacing(spacing)) {
        return Text::tr("%1 px").arg(number(value));
    }
    const QString caveat = spacingCaveat(spacing);
    const QString mm = Text::tr("%1 mm").arg(number(value));
    return caveat.isEmpty() ? mm : QStringLiteral("%1 (%2)").arg(mm, caveat);
}

QString measurementLabel(const Annotation& a, const MeasureContext& context) {
    if (a.points.size() < pointCount(a.kind)) {
        return {};  // still being drawn
    }
    switch (a.kind) {
        case AnnotationKind::Length:
            return lengthText(distance(a.points[0], a.points[1], context.spacing), context.spacing);
        case AnnotationKind::Angle:
            return Text::tr("%1°").arg(
                number(angleDegrees(a.points[0], a.points[1], a.points[2], context.spacing)));
        case AnnotationKind::Ellipse:
        case AnnotationKind::Rectangle:
            return regionLabel(a, context);
        case AnnotationKind::Text:
            return a.text;
        case AnnotationKind::Arrow:
            return {};
    }
    return {};
}

}  // namespace ui
