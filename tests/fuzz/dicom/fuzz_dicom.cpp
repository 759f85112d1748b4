// Fuzzes the DICOM loader and decoders: the input becomes a file (the dicom/ API reads files),
// is scanned, and every DICOM image found has its first frames decoded, rendered through the
// default display and searched for overlays. Nothing may crash, leak out of bounds or hang;
// errors are the expected outcome for most inputs.
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "dicom/display.h"
#include "dicom/loader.h"
#include "dicom/overlay.h"

namespace {

// Frames beyond this many samples are skipped: the allocation their header asks for, not
// their parsing, would dominate each run.
constexpr double kMaxSamples = 1 << 22;
constexpr int kMaxFrames = 3;

void removeInput();

const std::string& inputPath() {
    static const std::string path = [] {
        std::atexit(removeInput);  // the run ends through exit(); leave no file behind
        return (std::filesystem::temp_directory_path() /
                ("fuzz_dicom_" + std::to_string(getpid()) + ".dcm"))
            .string();
    }();
    return path;
}

void removeInput() { std::remove(inputPath().c_str()); }

bool writeInput(const std::uint8_t* data, std::size_t size) {
    std::FILE* file = std::fopen(inputPath().c_str(), "wb");
    if (!file)
        return false;
    const bool written = std::fwrite(data, 1, size, file) == size;
    return std::fclose(file) == 0 && written;
}

void exercise(const dicom::InstanceInfo& instance) {
    if (instance.kind != dicom::SourceKind::Dicom)
        return;
    const double samples =
        double(instance.rows) * double(instance.columns) * double(instance.samplesPerPixel);
    if (samples > kMaxSamples)
        return;
    for (int frame = 0; frame < std::min(instance.frames, kMaxFrames); ++frame) {
        const auto image = dicom::decodeFrame(instance, frame);
        if (image.ok()) {
            auto shown = dicom::renderForDisplay(*image, dicom::defaultDisplay(instance, *image));
            if (const auto overlays = dicom::decodeOverlays(instance, frame); overlays.ok())
                for (const auto& overlay : *overlays)
                    dicom::drawOverlay(shown, overlay);
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (!writeInput(data, size))
        return 0;
    const dicom::Collection collection = dicom::scanPaths({inputPath()});
    for (const auto& patient : collection.patients)
        for (const auto& study : patient.studies)
            for (const auto& series : study.series)
                for (const auto& instance : series.instances)
                    exercise(instance);
    return 0;
}
