#pragma once
// `medgemma-cli bench --plan`: the memory plan of a model for every weight format, computed
// from its config.json (or a published variant's) without loading any weights.
// Thread-safety: main thread of the CLI.

#include <string>
#include <vector>

#include "arguments.h"

namespace app::cli {

// Prints the plan (text, or one JSON line with --json). Returns the exit status.
int runBenchPlan(Arguments& args, const std::string& prefix);

}  // namespace app::cli
