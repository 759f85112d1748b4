#include "dicom/geometry.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace dicom {
namespace {

// A component below this share of the direction adds no letter (about 15 degrees off-axis).
constexpr double kLetterThreshold = 0.25;

std::string millimetres(double row, double column) {
    char text[96];
    std::snprintf(text, sizeof text, "%.4g x %.4g mm", row, column);
    return text;
}

char opposite(char letter) {
    switch (letter) {
    case 'L': return 'R';
    case 'R': return 'L';
    case 'A': return 'P';
    case 'P': return 'A';
    case 'H': return 'F';
    case 'F': return 'H';
    default: return letter;
    }
}

std::string oppositeOf(const std::string& letters) {
    std::string out = letters;
    std::transform(out.begin(), out.end(), out.begin(), opposite);
    return out;
}

std::string calibrated(const PixelSpacing& s) {
    std::string text = "calibrated Pixel Spacing (" + s.calibrationType + ")";
    if (!s.calibrationDescription.empty()) text += ": " + s.calibrationDescription;
    return text;
}

std::string atDetector(const PixelSpacing& s) {
    std::string text = "Imager Pixel Spacing: at the detector, not calibrated (";
    if (s.magnificationFactor > 0) {
        char estimate[160];
        std::snprintf(estimate, sizeof estimate,
                      "about %s in the patient by the Estimated Radiographic Magnification Factor %.4g)",
                      millimetres(s.row / s.magnificationFactor, s.column / s.magnificationFactor).c_str(),
                      s.magnificationFactor);
        return text + estimate;
    }
    return text + "sizes in the patient are smaller by the geometric magnification)";
}

}  // namespace

std::string describeSpacing(const PixelSpacing& s) {
    const std::string size = millimetres(s.row, s.column);
    switch (s.source) {
    case SpacingSource::None: return "no pixel spacing: measurements in pixels";
    case SpacingSource::PixelSpacing: return size + ", Pixel Spacing";
    case SpacingSource::ImagerPixelSpacing: return size + ", " + atDetector(s);
    case SpacingSource::NominalScannedPixelSpacing:
        return size + ", Nominal Scanned Pixel Spacing: of the scanned film, not the patient";
    case SpacingSource::Calibrated: return size + ", " + calibrated(s);
    }
    return size;
}

std::string directionLetters(double x, double y, double z) {
    const double length = std::sqrt(x * x + y * y + z * z);
    if (!(length > 0)) return {};
    std::array<std::pair<double, char>, 3> parts = {std::make_pair(x / length, x > 0 ? 'L' : 'R'),
                                                    std::make_pair(y / length, y > 0 ? 'P' : 'A'),
                                                    std::make_pair(z / length, z > 0 ? 'H' : 'F')};
    std::stable_sort(parts.begin(), parts.end(),
                     [](const auto& a, const auto& b) { return std::fabs(a.first) > std::fabs(b.first); });
    std::string letters;
    for (const auto& [share, letter] : parts)
        if (std::fabs(share) > kLetterThreshold) letters += letter;
    return letters;
}

std::optional<EdgeLabels> edgeLabels(const InstanceInfo& instance) {
    std::string row, column;  // directions of increasing column index and increasing row index
    if (instance.imageOrientation) {
        const auto& o = *instance.imageOrientation;
        row = directionLetters(o[0], o[1], o[2]);
        column = directionLetters(o[3], o[4], o[5]);
    } else if (const auto slash = instance.patientOrientation.find('\\'); slash != std::string::npos) {
        row = instance.patientOrientation.substr(0, slash);
        column = instance.patientOrientation.substr(slash + 1);
    }
    if (row.empty() || column.empty()) return std::nullopt;
    return EdgeLabels{oppositeOf(row), row, oppositeOf(column), column};
}

}  // namespace dicom
