#include "dicom/detail/geometry_read.h"

#include <cmath>
#include <vector>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcitem.h>

#include "dicom/detail/dataset_fields.h"

namespace dicom::detail {
namespace {

DcmItem* firstItem(DcmItem& parent, const DcmTagKey& sequence) {
    DcmItem* item = nullptr;
    if (parent.findAndGetSequenceItem(sequence, item, 0).bad()) return nullptr;
    return item;
}

// The value of `tag` at the top level, else inside macro `macro` of the shared functional
// groups, else of the first frame's functional groups (PS3.3 C.7.6.16).
std::vector<double> groupValues(DcmItem& ds, const DcmTagKey& macro, const DcmTagKey& tag) {
    auto values = doubleValues(ds, tag);
    if (!values.empty()) return values;
    for (const DcmTagKey& groups : {DCM_SharedFunctionalGroupsSequence, DCM_PerFrameFunctionalGroupsSequence}) {
        DcmItem* frame = firstItem(ds, groups);
        DcmItem* item = frame ? firstItem(*frame, macro) : nullptr;
        if (item && !(values = doubleValues(*item, tag)).empty()) return values;
    }
    return {};
}

std::optional<std::pair<double, double>> pairOf(const std::vector<double>& v) {
    if (v.size() != 2 || !(v[0] > 0) || !(v[1] > 0) || !std::isfinite(v[0]) || !std::isfinite(v[1]))
        return std::nullopt;
    return std::make_pair(v[0], v[1]);
}

bool same(const std::pair<double, double>& a, const std::pair<double, double>& b) {
    return std::fabs(a.first - b.first) < 1e-6 && std::fabs(a.second - b.second) < 1e-6;
}

template <std::size_t N>
std::optional<std::array<double, N>> fixed(const std::vector<double>& v) {
    if (v.size() != N) return std::nullopt;
    std::array<double, N> out{};
    for (std::size_t i = 0; i < N; ++i) out[i] = v[i];
    return out;
}

PixelSpacing spacing(const std::pair<double, double>& rowColumn, SpacingSource source) {
    PixelSpacing s;
    s.row = rowColumn.first;
    s.column = rowColumn.second;
    s.source = source;
    return s;
}

// Spacing at the detector stays the measure (with its caveat); the ERMF only lets the
// description estimate the size in the patient.
PixelSpacing fromDetector(const std::pair<double, double>& detector, double ermf) {
    PixelSpacing s = spacing(detector, SpacingSource::ImagerPixelSpacing);
    if (ermf > 0 && std::isfinite(ermf)) s.magnificationFactor = ermf;
    return s;
}

}  // namespace

PixelSpacing readPixelSpacing(DcmItem& ds) {
    const auto patient = pairOf(groupValues(ds, DCM_PixelMeasuresSequence, DCM_PixelSpacing));
    const auto detector = pairOf(doubleValues(ds, DCM_ImagerPixelSpacing));
    const auto scanned = pairOf(doubleValues(ds, DCM_NominalScannedPixelSpacing));
    const double ermf = doubleValue(ds, DCM_EstimatedRadiographicMagnificationFactor).value_or(0);
    const std::string calibration = stringValue(ds, DCM_PixelSpacingCalibrationType);
    PixelSpacing s;
    if (patient && !calibration.empty()) {
        s = spacing(*patient, SpacingSource::Calibrated);
        s.calibrationType = calibration;
        s.calibrationDescription = stringValue(ds, DCM_PixelSpacingCalibrationDescription);
    } else if (patient && !(detector && same(*patient, *detector))) {
        s = spacing(*patient, SpacingSource::PixelSpacing);
    } else if (detector) {
        s = fromDetector(*detector, ermf);
    } else if (scanned) {
        s = spacing(*scanned, SpacingSource::NominalScannedPixelSpacing);
    }
    if (detector) {
        s.detectorRow = detector->first;
        s.detectorColumn = detector->second;
    }
    return s;
}

std::optional<std::array<double, 6>> readOrientation(DcmItem& ds) {
    return fixed<6>(groupValues(ds, DCM_PlaneOrientationSequence, DCM_ImageOrientationPatient));
}

std::optional<std::array<double, 3>> readPosition(DcmItem& ds) {
    return fixed<3>(groupValues(ds, DCM_PlanePositionSequence, DCM_ImagePositionPatient));
}

}  // namespace dicom::detail
