#include "ui/assistant/default_template.h"

namespace ui {

QString defaultTemplateId(const dicom::SeriesInfo& series) {
    if (series.modality == "CT") {
        return QStringLiteral("ct-report");
    }
    if (series.modality == "MR") {
        return QStringLiteral("mr-report");
    }
    // Photographs opened from plain image files carry no modality of their own.
    const bool photographs =
        !series.instances.empty() && series.instances.front().kind == dicom::SourceKind::Photograph;
    if (series.modality == "XC" || photographs) {
        return QStringLiteral("derm-description");
    }
    return QStringLiteral("cxr-report");
}

}  // namespace ui
