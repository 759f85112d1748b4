// medgemma-cli make-sample-study OUT_DIR: writes the synthetic sample study (no patient data).
// The build runs it to produce <build>/sample-study.

#include <iostream>
#include <string>
#include <vector>

#include "command.h"
#include "dicom/sample_study.h"

namespace app::cli {
namespace {

constexpr const char* kUsage =
    "Usage: medgemma-cli make-sample-study OUT_DIR\n\n"
    "Writes the synthetic sample study into OUT_DIR (created if needed):\n"
    "  CT/CT001.dcm .. CT012.dcm         an abdomen-like CT phantom in HU, with a 20 mm liver lesion\n"
    "  DX/DX001.dcm                      a chest-radiograph-like projection, 12 bits\n"
    "  photographs/skin-lesion-ruler.png a pigmented skin lesion beside a millimetre ruler\n\n"
    "Every image is synthetic; none comes from a person. The output is the same on every run.\n"
    "Exit status: 0 on success, 1 if a file cannot be written, 2 on wrong arguments.\n";

int run(const std::vector<std::string>& args) {
    if (args.size() != 1 || args[0].empty() || args[0][0] == '-') {
        std::cerr << kUsage;
        return 2;
    }
    const dicom::Status status = dicom::writeSampleStudy(args[0]);
    if (!status) {
        std::cerr << "medgemma-cli make-sample-study: " << status.error().message << "\n";
        return 1;
    }
    return 0;
}

const CommandRegistration registration({
    "make-sample-study",
    "write the synthetic sample study (CT, radiograph, photograph)",
    kUsage,
    run,
});

}  // namespace
}  // namespace app::cli
