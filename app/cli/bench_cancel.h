#pragma once
// `medgemma-cli bench --cancel`: how long generate() takes to return after the stop flag is
// raised, in each phase of a request (image encoding, prompt prefill, decode steps). The engine
// promises to honour a stop within 200 ms on the 4B model on CPU; this measures it.
// Thread-safety: main thread of the CLI; each measurement starts one helper thread that raises
// the flag and joins it before returning.

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "inference/engine.h"

namespace app::cli {

// The workload to interrupt, and how long its uninterrupted phases took (to spread the stop
// points across each phase).
struct CancelWorkload {
    const inference::Request* image = nullptr;  // null: the model has no vision tower
    const inference::Request* text = nullptr;   // a long prompt then decode steps
    double encodeSeconds = 0;
    double prefillSeconds = 0;
    double decodeStepSeconds = 0;
    int pointsPerPhase = 5;
};

// Milliseconds from raising the flag to generate() returning, per phase.
struct CancelLatencies {
    std::vector<double> encodeMs, prefillMs, decodeMs;
};

// Runs the interrupted requests; false (with `error`) when generate() fails otherwise.
bool measureCancelLatency(inference::Engine& engine, const CancelWorkload& workload,
                          CancelLatencies& out, std::string& error);

// cancel_ms_<phase> (worst) and cancel_ms_<phase>_median, and every sample under cancel_runs.
nlohmann::json cancelLatencyJson(const CancelLatencies& latencies);

}  // namespace app::cli
