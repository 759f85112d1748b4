#pragma once
// The medgemma-cli subcommand registry. Each subcommand lives in its own file and registers a
// Command with a static CommandRegistration, so main() needs no edit when one is added.
// Thread-safety: registration happens during static initialisation; lookups afterwards are
// read-only.

#include <functional>
#include <string>
#include <vector>

namespace app::cli {

struct Command {
    std::string name;      // e.g. "info"
    std::string summary;   // one line for `medgemma-cli --help`
    std::string usage;     // the full text for `medgemma-cli <name> --help`
    // Runs the command with the arguments after its name; returns the process exit status.
    std::function<int(const std::vector<std::string>& args)> run;
};

const std::vector<Command>& commands();
const Command* findCommand(const std::string& name);

struct CommandRegistration {
    explicit CommandRegistration(Command command);
};

}  // namespace app::cli
