#include "command.h"

#include <algorithm>

namespace app::cli {
namespace {

std::vector<Command>& registry() {
    static std::vector<Command> all;
    return all;
}

}  // namespace

const std::vector<Command>& commands() { return registry(); }

const Command* findCommand(const std::string& name) {
    const auto& all = registry();
    auto it = std::find_if(all.begin(), all.end(), [&](const Command& c) { return c.name == name; });
    return it == all.end() ? nullptr : &*it;
}

CommandRegistration::CommandRegistration(Command command) {
    auto& all = registry();
    all.push_back(std::move(command));
    std::sort(all.begin(), all.end(),
              [](const Command& a, const Command& b) { return a.name < b.name; });
}

}  // namespace app::cli
