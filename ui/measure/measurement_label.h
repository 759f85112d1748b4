#pragma once
// The text shown beside a measurement: "20.0 mm", "20.0 mm (at detector)" when the spacing is
// the detector's, "25.0 px" without spacing, "45.0°", and for regions the mean, SD, minimum,
// maximum in modality units (HU for CT) and the area.
// Thread-safety: GUI thread (translations are looked up per call).

#include <QString>

#include "dicom/study.h"
#include "ui/measure/annotation.h"
#include "ui/viewer/frame_ptr.h"

namespace ui {

struct MeasureContext {
    dicom::PixelSpacing spacing;  // of the frame the annotations are on
    QString unit;                 // of its modality values, e.g. "HU"; may be empty
    FramePtr frame;               // its values, for region statistics; may be null
};

// The unit of an instance's modality values: "HU" for CT, the Rescale Type otherwise.
QString modalityUnit(const dicom::InstanceInfo& instance, const dicom::SeriesInfo& series);

// "20.0 mm" / "20.0 mm (at detector)" / "25.0 px".
QString lengthText(double value, const dicom::PixelSpacing& spacing);

// Empty for arrows; the note for text.
QString measurementLabel(const Annotation& annotation, const MeasureContext& context);

}  // namespace ui
