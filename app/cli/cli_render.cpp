// medgemma-cli render FILE [--frame N] [--window CENTER,WIDTH] [--model-input] -o OUT.png: one
// frame as the viewer first shows it, through the same display pipeline, or the padded RGB
// image that the MedGemma input recipe hands to the engine.

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "command.h"
#include "dicom/display.h"
#include "dicom/image_io.h"
#include "dicom/loader.h"
#include "dicom/model_input.h"

namespace app::cli {
namespace {

constexpr const char* kUsage =
    "Usage: medgemma-cli render FILE [--frame N] [--window CENTER,WIDTH] [--model-input] -o OUT.png\n\n"
    "Decodes one frame of FILE (a DICOM file or a photograph) and writes it as the viewer first\n"
    "shows it: an 8-bit grey PNG for monochrome images, RGB for colour.\n\n"
    "Options:\n"
    "  --frame N               frame to render, 1 = first (default 1)\n"
    "  --window CENTER,WIDTH   VOI window in modality units (HU for CT), e.g. -600,1500;\n"
    "                          default: the first window in the file, else the first VOI LUT,\n"
    "                          else the frame's min/max without pixel padding\n"
    "  --model-input           write what the MedGemma input recipe hands to the engine instead:\n"
    "                          8-bit RGB padded to a square with centred black bars, before the\n"
    "                          engine's own resize. The recipe follows the series: CT in three\n"
    "                          windows (R -1024..1024, G -135..215, B 0..80 HU), MR min/max of\n"
    "                          this frame, radiographs the first window (else min/max) with\n"
    "                          MONOCHROME1 inverted, colour images as they are; not with\n"
    "                          --window\n"
    "  -o, --output OUT.png    where to write the PNG (required)\n\n"
    "Exit status: 0 on success, 1 if FILE cannot be read or decoded or OUT.png cannot be\n"
    "written (one line on standard error says why), 2 on wrong arguments.\n";

struct Options {
    std::string input;
    std::string output;
    int frame = 1;
    std::optional<std::pair<double, double>> window;  // centre, width
    bool modelInput = false;
};

std::optional<double> number(const std::string& text) {
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0') return std::nullopt;
    return v;
}

std::optional<std::pair<double, double>> parseWindow(const std::string& text) {
    const auto comma = text.find(',');
    if (comma == std::string::npos) return std::nullopt;
    const auto centre = number(text.substr(0, comma)), width = number(text.substr(comma + 1));
    if (!centre || !width || !(*width > 0)) return std::nullopt;
    return std::make_pair(*centre, *width);
}

// Returns an error text, or nothing when the arguments are complete.
std::optional<std::string> parse(const std::vector<std::string>& args, Options& o) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        const bool hasValue = i + 1 < args.size();
        if ((a == "-o" || a == "--output") && hasValue) {
            o.output = args[++i];
        } else if (a == "--frame" && hasValue) {
            const auto n = number(args[++i]);
            if (!n || *n < 1 || *n != int(*n)) return "--frame needs a whole number from 1";
            o.frame = int(*n);
        } else if (a == "--window" && hasValue) {
            o.window = parseWindow(args[++i]);
            if (!o.window) return "--window needs CENTER,WIDTH with WIDTH > 0";
        } else if (a == "--model-input") {
            o.modelInput = true;
        } else if (!a.empty() && a[0] != '-' && o.input.empty()) {
            o.input = a;
        } else {
            return "unexpected argument '" + a + "'";
        }
    }
    if (o.input.empty() || o.output.empty()) return "FILE and -o OUT.png are required";
    if (o.modelInput && o.window) return "--window cannot be combined with --model-input (the recipe sets the window)";
    return std::nullopt;
}

// Image libraries (libpng, libjpeg) print their own diagnostics on damaged files; the
// command promises exactly one line on a failure, so their stderr goes to /dev/null meanwhile.
class QuietStderr {
public:
    QuietStderr() {
        std::fflush(stderr);
        m_saved = dup(STDERR_FILENO);
        const int null = open("/dev/null", O_WRONLY);
        if (null >= 0) {
            dup2(null, STDERR_FILENO);
            close(null);
        }
    }
    ~QuietStderr() {
        std::fflush(stderr);
        if (m_saved >= 0) {
            dup2(m_saved, STDERR_FILENO);
            close(m_saved);
        }
    }
    QuietStderr(const QuietStderr&) = delete;
    QuietStderr& operator=(const QuietStderr&) = delete;

private:
    int m_saved = -1;
};

// The frame as the viewer first shows it, with the user's window if given.
dicom::Image8 displayed(const dicom::InstanceInfo& instance, const dicom::Image& image, const Options& o) {
    dicom::DisplayParams params = dicom::defaultDisplay(instance, image);
    if (o.window) {
        dicom::WindowPreset window;
        window.center = o.window->first;
        window.width = o.window->second;
        params.window = window;
        params.voiLut.reset();
    }
    return dicom::renderForDisplay(image, params);
}

// The frame under its series' input recipe, padded to a square (CT and MR per frame: one file
// is one slice here).
dicom::Image8 modelInput(const dicom::SeriesInfo& series, const dicom::InstanceInfo& instance,
                         const dicom::Image& image) {
    return dicom::modelInputForFrame(image, instance, dicom::recipeFor(series, instance, image));
}

// The reason as one line: messages of the toolkits may carry line breaks.
std::string oneLine(std::string text) {
    for (char& c : text)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return text;
}

// Returns the reason on failure.
std::optional<std::string> render(const Options& o) {
    const QuietStderr quiet;
    const dicom::Collection scanned = dicom::scanPaths({o.input});
    if (!scanned.errors.empty()) return scanned.errors.front().path + ": " + scanned.errors.front().message;
    if (scanned.instanceCount() != 1) return o.input + ": render takes one image file";
    const dicom::SeriesInfo& series = scanned.patients[0].studies[0].series[0];
    const dicom::InstanceInfo& instance = series.instances[0];
    const auto image = dicom::decodeFrame(instance, o.frame - 1);
    if (!image) return image.error().message;
    const dicom::Image8 out = o.modelInput ? modelInput(series, instance, *image) : displayed(instance, *image, o);
    const dicom::Status written = dicom::writePng(out, o.output);
    if (!written) return written.error().message;
    return std::nullopt;
}

int run(const std::vector<std::string>& args) {
    Options options;
    if (const auto problem = parse(args, options)) {
        std::cerr << "medgemma-cli render: " << *problem << "\n" << kUsage;
        return 2;
    }
    std::optional<std::string> problem;
    try {
        problem = render(options);
    } catch (const std::exception& e) {  // e.g. memory exhausted by a damaged or huge file
        problem = options.input + ": " + e.what();
    }
    if (problem) {
        std::cerr << "medgemma-cli render: " << oneLine(*problem) << "\n";
        return 1;
    }
    return 0;
}

const CommandRegistration registration({
    "render",
    "render one frame of a DICOM file or photograph to PNG, as the viewer shows it or as the model sees it",
    kUsage,
    run,
});

}  // namespace
}  // namespace app::cli
