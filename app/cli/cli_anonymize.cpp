// medgemma-cli anonymize IN OUT: a de-identified copy of a DICOM file or of a folder's DICOM
// files (DICOM PS3.15 E.1 Basic Profile with the full-dates and clean-descriptors options).

#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "arguments.h"
#include "command.h"
#include "dicom/deidentify.h"

namespace app::cli {
namespace {

constexpr const char* kUsage =
    "Usage: medgemma-cli anonymize IN OUT [--pseudonym NAME] [--uid-secret TEXT]\n"
    "                              [--no-full-dates] [--no-clean-descriptors]\n\n"
    "Writes a de-identified copy of IN to OUT following DICOM PS3.15 Annex E: the Basic\n"
    "Application Level Confidentiality Profile with the Retain Longitudinal Temporal Information\n"
    "Full Dates option and the Clean Descriptors option. Identifying attributes are removed,\n"
    "emptied or replaced, private attributes removed, UIDs replaced consistently within the run,\n"
    "Patient Identity Removed set to YES and the method recorded. Pixels are copied unchanged.\n\n"
    "IN a DICOM file: OUT is the file to write.\n"
    "IN a folder:     every DICOM file below it is written to the folder OUT as IM000001.dcm,\n"
    "                 IM000002.dcm ... (names are not carried over: they often hold names);\n"
    "                 photographs, DICOMDIRs and other files are skipped and listed.\n\n"
    "Options:\n"
    "  --pseudonym NAME        set Patient's Name and Patient ID to NAME (default: empty)\n"
    "  --uid-secret TEXT       derive new UIDs from TEXT, so separate runs map UIDs alike\n"
    "                          (default: a random secret per run)\n"
    "  --no-full-dates         remove dates and times as the Basic Profile does\n"
    "  --no-clean-descriptors  remove descriptions instead of cleaning them\n\n"
    "Prints one line per file written, with warnings (e.g. Burned In Annotation YES: text in the\n"
    "pixels is not removed). Exit status: 0 if every DICOM file was de-identified, 1 if any\n"
    "failed (one line each on standard error), 2 on wrong arguments.\n";

constexpr const char* kPrefix = "medgemma-cli anonymize: ";

int usageError(const std::string& problem) {
    std::cerr << kPrefix << problem << "\n" << kUsage;
    return 2;
}

void printReport(const dicom::DeidReport& r) {
    std::cout << r.input << " -> " << r.output << ": " << r.removed << " removed, " << r.emptied << " emptied, "
              << r.dummied << " replaced, " << r.cleaned << " cleaned, " << r.uidsReplaced << " UIDs, "
              << r.privateRemoved << " private\n";
    for (const auto& warning : r.warnings) std::cout << "  warning: " << warning << "\n";
}

int anonymizeFile(const dicom::Deidentifier& deid, const std::string& in, const std::string& out) {
    const auto report = deid.file(in, out);
    if (!report) {
        std::cerr << kPrefix << report.error().message << "\n";
        return 1;
    }
    printReport(report.value());
    return 0;
}

int anonymizeFolder(const dicom::Deidentifier& deid, const std::string& in, const std::string& out) {
    const dicom::DeidFolderReport report = deid.folder(in, out);
    for (const auto& file : report.files) printReport(file);
    for (const auto& skipped : report.skipped) std::cout << "skipped " << skipped << "\n";
    for (const auto& error : report.errors) std::cerr << kPrefix << error.path << ": " << error.message << "\n";
    std::cout << report.files.size() << " file(s) de-identified, " << report.skipped.size() << " skipped, "
              << report.errors.size() << " failed\n";
    return report.errors.empty() ? 0 : 1;
}

int run(const std::vector<std::string>& argv) {
    Arguments args(argv, {"pseudonym", "uid-secret"}, {"no-full-dates", "no-clean-descriptors"});
    if (!args.ok()) return usageError(args.error());
    if (args.positional().size() != 2) return usageError("IN and OUT are required");
    const std::string in = args.positional()[0], out = args.positional()[1];
    std::error_code ec;
    if (!std::filesystem::exists(in, ec)) {
        std::cerr << kPrefix << in << ": the file or folder does not exist\n";
        return 1;
    }
    if (std::filesystem::equivalent(in, out, ec)) return usageError("OUT must differ from IN");
    dicom::DeidOptions options;
    options.pseudonym = args.value("pseudonym").value_or("");
    options.uidSecret = args.value("uid-secret").value_or("");
    options.retainLongitudinalFullDates = !args.has("no-full-dates");
    options.cleanDescriptors = !args.has("no-clean-descriptors");
    const dicom::Deidentifier deid(options);
    return std::filesystem::is_directory(in, ec) ? anonymizeFolder(deid, in, out) : anonymizeFile(deid, in, out);
}

const CommandRegistration registration({
    "anonymize",
    "write a de-identified copy of a DICOM file or folder (DICOM PS3.15 Basic Profile)",
    kUsage,
    run,
});

}  // namespace
}  // namespace app::cli
