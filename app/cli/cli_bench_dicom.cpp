// medgemma-cli bench-dicom FOLDER: the speed figures the DICOM issue promises, measured the way
// the viewer works (header scan, first image, decode + window, model inputs of a volume).

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include "arguments.h"
#include "command.h"
#include "dicom/benchmark_series.h"
#include "dicom/display.h"
#include "dicom/loader.h"
#include "dicom/volume_input.h"

namespace app::cli {
namespace {

constexpr const char* kUsage =
    "Usage: medgemma-cli bench-dicom FOLDER [--synthesize N] [--size PIXELS] [--runs R]\n\n"
    "Measures, on FOLDER (a study folder; with --synthesize, N synthetic CT slices written there\n"
    "first):\n"
    "  scan         reading every header and listing the series (what the browser waits for)\n"
    "  first image  decoding and windowing the first slice of the largest series\n"
    "  browsable    scan + first image\n"
    "  slice        decode, window, and both, of the middle slice (medians of R runs)\n"
    "  volume       the model inputs of the largest series (at most 85 slices, recipe applied)\n"
    "Files are read through the operating system's cache: run twice for warm-cache figures.\n\n"
    "Options:\n"
    "  --synthesize N   write N slices of the sample study's CT phantom into FOLDER first\n"
    "  --size PIXELS    rows and columns of the synthesized slices (default 512)\n"
    "  --runs R         repetitions for the slice medians (default 31)\n\n"
    "Exit status: 0 on success, 1 if FOLDER holds no decodable series, 2 on wrong arguments.\n";

constexpr const char* kPrefix = "medgemma-cli bench-dicom: ";

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double medianMs(const std::function<void()>& work, int runs) {
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        work();
        times.push_back(msSince(start));
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

const dicom::SeriesInfo* largestSeries(const dicom::Collection& c) {
    const dicom::SeriesInfo* best = nullptr;
    for (const auto& p : c.patients)
        for (const auto& s : p.studies)
            for (const auto& r : s.series)
                if (!best || r.instances.size() > best->instances.size()) best = &r;
    return best;
}

void line(const char* label, const std::string& text) { std::printf("%-12s %s\n", label, text.c_str()); }

std::string ms(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f ms", value);
    return text;
}

int bench(const std::string& folder, int runs) {
    auto start = Clock::now();
    const dicom::Collection collection = dicom::scanPaths({folder});
    const double scanMs = msSince(start);
    const dicom::SeriesInfo* series = largestSeries(collection);
    if (!series || series->instances.empty()) {
        std::cerr << kPrefix << folder << ": no series found\n";
        return 1;
    }
    line("scan", ms(scanMs) + " (" + std::to_string(collection.instanceCount()) + " instances, " +
                     std::to_string(collection.errors.size()) + " unreadable)");
    const dicom::InstanceInfo& first = series->instances.front();
    start = Clock::now();
    const auto firstImage = dicom::decodeFrame(first);
    if (!firstImage) {
        std::cerr << kPrefix << firstImage.error().message << "\n";
        return 1;
    }
    dicom::renderForDisplay(*firstImage, dicom::defaultDisplay(first, *firstImage));
    const double firstMs = msSince(start);
    line("first image", ms(firstMs));
    line("browsable", ms(scanMs + firstMs));
    const dicom::InstanceInfo& middle = series->instances[series->instances.size() / 2];
    const auto image = dicom::decodeFrame(middle);
    if (!image) return 1;
    const dicom::DisplayParams params = dicom::defaultDisplay(middle, *image);
    const double decodeMs = medianMs([&] { (void)dicom::decodeFrame(middle); }, runs);
    const double windowMs = medianMs([&] { dicom::renderForDisplay(*image, params); }, runs);
    const double bothMs = medianMs([&] { dicom::renderForDisplay(*dicom::decodeFrame(middle), params); }, runs);
    line("slice", std::to_string(image->width) + " x " + std::to_string(image->height) + ": decode " + ms(decodeMs) +
                      ", window " + ms(windowMs) + ", both " + ms(bothMs) + " (medians of " + std::to_string(runs) + ")");
    start = Clock::now();
    const auto volume = dicom::prepareVolumeInputs(*series);
    line("volume", volume ? ms(msSince(start)) + ", " + volume->description : volume.error().message);
    return 0;
}

int run(const std::vector<std::string>& argv) {
    Arguments args(argv, {"synthesize", "size", "runs"}, {});
    const long long slices = args.integer("synthesize", 0), size = args.integer("size", 512);
    const long long runs = args.integer("runs", 31);
    if (!args.ok() || args.positional().size() != 1 || slices < 0 || size < 16 || size > 4096 || runs < 1) {
        std::cerr << kPrefix << (args.ok() ? "FOLDER is required; N >= 0, 16 <= PIXELS <= 4096, R >= 1" : args.error())
                  << "\n" << kUsage;
        return 2;
    }
    const std::string folder = args.positional()[0];
    if (slices > 0) {
        const auto start = Clock::now();
        if (const dicom::Status s = dicom::writeBenchmarkCtSeries(folder, int(slices), int(size)); !s) {
            std::cerr << kPrefix << s.error().message << "\n";
            return 1;
        }
        line("synthesize", std::to_string(slices) + " slices of " + std::to_string(size) + " x " +
                               std::to_string(size) + " in " + ms(msSince(start)));
    }
    return bench(folder, int(runs));
}

const CommandRegistration registration({
    "bench-dicom",
    "measure scan, decode, window and model-input speed on a folder (optionally synthesized)",
    kUsage,
    run,
});

}  // namespace
}  // namespace app::cli
