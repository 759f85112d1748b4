// medgemma-cli: the headless face of the workstation. The same dicom/ and inference/ code as
// the GUI; each subcommand is a file in app/cli/ that registers itself.

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "app/core/about.h"
#include "command.h"

namespace {

void printHelp() {
    std::cout << "Usage: medgemma-cli [--version] [--help] <command> [options]\n\n"
                 "Headless tools of MedGemma Workstation (research use, not for diagnosis).\n\n"
                 "Commands:\n";
    for (const auto& c : app::cli::commands()) {
        std::string name = c.name;
        name.resize(std::max<std::size_t>(name.size() + 2, 20), ' ');
        std::cout << "  " << name << c.summary << "\n";
    }
    std::cout << "\nRun 'medgemma-cli <command> --help' for the options of a command.\n";
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        printHelp();
        return args.empty() ? 2 : 0;
    }
    if (args[0] == "--version" || args[0] == "-V") {
        std::cout << app::versionReport().toStdString();
        return 0;
    }
    const auto* command = app::cli::findCommand(args[0]);
    if (!command) {
        std::cerr << "medgemma-cli: unknown command '" << args[0]
                  << "'. Run 'medgemma-cli --help' for the list.\n";
        return 2;
    }
    std::vector<std::string> rest(args.begin() + 1, args.end());
    for (const auto& a : rest) {
        if (a == "--help" || a == "-h") {
            std::cout << command->usage;
            return 0;
        }
    }
    return command->run(rest);
}
