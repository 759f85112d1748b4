#pragma once
// The task template that suits a series, by modality: the one rule behind both the prompt
// panel's automatic choice in the workstation and `medgemma-cli draft` without --template.
// Thread-safety: pure function.

#include <QString>

#include "dicom/study.h"

namespace ui {

// The id of the built-in template for a series: ct-report (CT), mr-report (MR),
// derm-description (photographs, XC), cxr-report (any other modality).
QString defaultTemplateId(const dicom::SeriesInfo& series);

}  // namespace ui
