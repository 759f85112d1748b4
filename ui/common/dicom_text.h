#pragma once
// Human-readable forms of DICOM values for display: person names, dates, modalities, spacing.
// Thread-safety: pure functions.

#include <QString>

#include "dicom/study.h"

namespace ui {

QString personName(const std::string& dicomPersonName);  // "DOE^JANE^^DR" -> "DOE, JANE"
QString dicomDate(const std::string& yyyymmdd);          // "20240131" -> locale short date
QString seriesTitle(const dicom::SeriesInfo& series);    // "CT #2 — Abdomen (12)"
QString spacingText(const dicom::PixelSpacing& spacing); // "0.80 × 0.80 mm (Pixel Spacing)"
QString fromDicom(const std::string& utf8);

}  // namespace ui
