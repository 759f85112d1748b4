// medgemma-cli bench: a fixed workload (one 896x896 image, a 512-token prefill, 64 greedy decode
// steps: the shape of llama-bench -p 512 -n 64) with its timings and the machine, and with
// --plan the memory plan of a model without loading it.

#include <algorithm>
#include <chrono>
#include <iostream>

#include <nlohmann/json.hpp>

#include "bench_cancel.h"
#include "bench_plan.h"
#include "command.h"
#include "engine_session.h"
#include "inference/bench_workload.h"
#include "inference/process_memory.h"

namespace app::cli {
namespace {

constexpr const char* kPrefix = "medgemma-cli bench: ";

constexpr const char* kUsage =
    "Usage: medgemma-cli bench --model DIR [--device cpu|cuda] [--dtype bfloat16|float32]\n"
    "           [--quant none|int8|int4] [--group-size 32|64|128] [--quant-cache on|off]\n"
    "           [--threads N] [--prompt-tokens 512] [--gen-tokens 64] [--repeat 3] [--cancel]\n"
    "           [--json]\n"
    "       medgemma-cli bench --plan (--model DIR | --like medgemma-4b-it|medgemma-27b-it)\n"
    "           [--context 8192] [--ram-gib 24] [--gpu-gib 16] [--json]\n\n"
    "Runs a fixed workload and reports its speed: one 896x896 image with a short prompt (image\n"
    "encoding and time to first token), then a prompt of --prompt-tokens token ids (prefill)\n"
    "followed by --gen-tokens greedy decode steps that ignore stop tokens. The measured part is\n"
    "repeated --repeat times; medians are reported, with every run in the JSON.\n"
    "With --json the output ends with one JSON line: load_s, peak_rss_mb, image_encode_s,\n"
    "prefill_tok_s, decode_tok_s, ttft_s, and the machine (cpu, cores, threads, libtorch\n"
    "version, kernel ISA), device, dtype, quant and decode_path. Each run is followed by reading\n"
    "the weights a decode step reads (best of 3 passes; on the CPU with the same threads, on a\n"
    "GPU by reducing them there): the JSON adds\n"
    "decode_bytes_per_token_mb, memory_read_gb_s, decode_floor_tok_s (the speed of merely\n"
    "reading them) and decode_of_floor (decode speed over that floor, per run, median).\n\n"
    "--cancel then also measures cancellation: it raises the stop flag at 5 points spread across\n"
    "image encoding, across the prefill of the prompt and across decode steps, and adds to the\n"
    "JSON the worst and the median time from raising the flag to the request's return per phase:\n"
    "cancel_ms_encode, cancel_ms_prefill, cancel_ms_decode (each also with _median), and every\n"
    "sample under cancel_runs.\n\n"
    "--plan prints the memory plan computed from config.json alone (no weights are read):\n"
    "weights per component for bf16, int8 and int4 (groups 32, 64, 128), the KV cache at\n"
    "--context tokens and the activation peak, against the given RAM and GPU sizes.\n\n"
    "Exit status: 0 on success, 1 when the model cannot be used, 2 on wrong arguments.\n";

using Clock = std::chrono::steady_clock;

bool runOnce(inference::Engine& engine, const inference::BenchShape& shape,
             inference::BenchRuns& runs) {
    if (inference::Status status = inference::runBenchOnce(engine, shape, runs); !status) {
        fail(kPrefix, inference::describeError(status.error()));
        return false;
    }
    std::cerr << kPrefix << "run: image " << (runs.imageEncode.empty() ? 0.0 : runs.imageEncode.back())
              << " s, prefill " << runs.prefill.back() << " tok/s, decode " << runs.decode.back()
              << " tok/s\n";
    return true;
}

// Interrupts the bench workload in each phase (bench --cancel), placing the stop points by the
// phase durations just measured.
bool addCancelLatency(inference::Engine& engine, const inference::BenchShape& shape,
                      const inference::BenchRuns& runs, nlohmann::json& result) {
    const inference::Request image = inference::benchImageRequest(engine);
    const inference::Request text = inference::benchTextRequest(shape);
    CancelWorkload workload;
    workload.image = engine.info().hasVision ? &image : nullptr;
    workload.text = &text;
    workload.encodeSeconds = inference::medianOf(runs.imageEncode);
    workload.prefillSeconds =
        double(shape.promptTokens) / std::max(1e-9, inference::medianOf(runs.prefill));
    workload.decodeStepSeconds = 1.0 / std::max(1e-9, inference::medianOf(runs.decode));
    CancelLatencies latencies;
    std::string error;
    if (!measureCancelLatency(engine, workload, latencies, error)) {
        fail(kPrefix, error);
        return false;
    }
    result.update(cancelLatencyJson(latencies));
    return true;
}

int run(const std::vector<std::string>& argv) {
    std::set<std::string> valued = engineValuedOptions();
    valued.insert({"prompt-tokens", "gen-tokens", "repeat", "like", "context", "ram-gib", "gpu-gib"});
    Arguments args(argv, valued, {"json", "plan", "cancel"});
    if (args.has("plan")) {
        return runBenchPlan(args, kPrefix);
    }
    inference::LoadOptions options;
    std::string error;
    inference::BenchShape shape;
    shape.promptTokens = args.integer("prompt-tokens", 512);
    shape.genTokens = args.integer("gen-tokens", 64);
    const std::int64_t repeat = args.integer("repeat", 3);
    if (!args.ok() || !loadOptionsFrom(args, options, error)) {
        return fail(kPrefix, args.ok() ? error : args.error(), 2);
    }
    if (shape.promptTokens < 2 || shape.genTokens < 2 || repeat < 1 || !args.positional().empty()) {
        return fail(kPrefix, "--prompt-tokens and --gen-tokens take at least 2, --repeat 1", 2);
    }
    const Clock::time_point start = Clock::now();
    auto engine = loadEngine(options, kPrefix, true);
    if (!engine) {
        return 1;
    }
    const double loadSeconds = std::chrono::duration<double>(Clock::now() - start).count();
    const std::uint64_t rssAfterLoad = inference::currentResidentBytes();
    std::cerr << kPrefix << "loaded in " << loadSeconds << " s, resident "
              << (rssAfterLoad >> 20) << " MiB\n";
    inference::BenchRuns runs;
    for (std::int64_t i = 0; i < repeat; ++i) {
        if (!runOnce(*engine, shape, runs)) {
            return 1;
        }
    }
    nlohmann::json result = nlohmann::json::parse(
        inference::benchReportJson(*engine, options, loadSeconds, rssAfterLoad, runs));
    if (args.has("cancel") && !addCancelLatency(*engine, shape, runs, result)) {
        return 1;
    }
    if (args.has("json")) {
        std::cout << result.dump() << "\n";
    } else {
        std::cout << result.dump(2) << "\n";
    }
    return 0;
}

const CommandRegistration kRegistration{
    {"bench", "measure image encoding, prefill and decode speed (or --plan the memory)", kUsage,
     run}};

}  // namespace
}  // namespace app::cli
