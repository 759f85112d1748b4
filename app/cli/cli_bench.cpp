// medgemma-cli bench: a fixed workload (one 896x896 image, a 512-token prefill, 64 greedy decode
// steps: the shape of llama-bench -p 512 -n 64) with its timings and the machine, and with
// --plan the memory plan of a model without loading it.

#include <algorithm>
#include <chrono>
#include <ctime>
#include <fstream>
#include <iostream>
#include <thread>

#include <nlohmann/json.hpp>

#include "bench_cancel.h"
#include "bench_plan.h"
#include "command.h"
#include "engine_session.h"
#include "inference/kernels/cpu_features.h"
#include "inference/process_memory.h"
#include "inference/runtime_info.h"

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
    "version, kernel ISA), device, dtype and quant. On the CPU each run is followed by reading\n"
    "the weights a decode step reads (best of 3 passes, same threads): the JSON adds\n"
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

std::string cpuModel() {
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("model name", 0) == 0 && line.find(':') != std::string::npos) {
            return line.substr(line.find(':') + 2);
        }
    }
    return "unknown";
}

std::string today() {
    const std::time_t now = std::time(nullptr);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d", std::gmtime(&now));
    return text;
}

// The middle value; the mean of the two middle ones for an even count.
double median(std::vector<double> values) {
    if (values.empty()) {
        return 0.0;
    }
    std::sort(values.begin(), values.end());
    const std::size_t half = values.size() / 2;
    return values.size() % 2 == 1 ? values[half] : (values[half - 1] + values[half]) / 2.0;
}

// A smooth synthetic 896x896 RGB image: content does not change the cost.
inference::ImageInput benchImage() {
    inference::ImageInput image{896, 896, 3, std::vector<std::uint8_t>(896 * 896 * 3)};
    for (std::size_t i = 0; i < image.pixels.size(); ++i) {
        image.pixels[i] = std::uint8_t((i / 3 % 896 + i / (3 * 896)) * (i % 3 + 1) % 256);
    }
    return image;
}

// One image and a short question; token ids when the model folder has no tokenizer.
inference::Request imageRequest(const inference::Engine& engine) {
    inference::Request r;
    r.maxNewTokens = 1;
    r.ignoreStopIds = true;
    r.images.push_back(benchImage());
    if (engine.info().hasTokenizer) {
        r.messages = {{inference::ChatRole::User,
                       {inference::ChatItem::makeImage(),
                        inference::ChatItem::makeText("Describe this image.")}}};
        return r;
    }
    r.kind = inference::Request::Kind::Ids;
    r.ids = {2, 108, 255999};  // BOS, "\n\n", <start_of_image> (Gemma 3 ids)
    r.ids.insert(r.ids.end(), std::size_t(engine.info().tokensPerImage), 262144);
    r.ids.insert(r.ids.end(), {256000, 108, 82858, 672, 2471, 236761});
    return r;
}

// BOS and deterministic ordinary-vocabulary ids.
inference::Request textRequest(std::int64_t promptTokens, std::int64_t genTokens) {
    inference::Request r;
    r.kind = inference::Request::Kind::Ids;
    r.ids.push_back(2);
    std::uint32_t x = 12345;
    for (std::int64_t i = 1; i < promptTokens; ++i) {
        x = x * 1664525u + 1013904223u;
        r.ids.push_back(std::int32_t(1000 + (x >> 8) % 200000));
    }
    r.maxNewTokens = genTokens;
    r.ignoreStopIds = true;
    return r;
}

struct Runs {
    std::vector<double> imageEncode, ttft, prefill, decode;
    std::vector<double> readBandwidth, decodeFloor, decodeOfFloor;  // CPU only
    std::uint64_t peakRss = 0;
};

// The decode floor beside the run just made, so both see the same machine load.
void addDecodeFloor(const inference::Engine& engine, Runs& runs) {
    const inference::ReadBandwidth read = engine.measureDecodeReadBandwidth();
    if (read.bytes == 0) {
        return;
    }
    runs.readBandwidth.push_back(read.bytesPerSecond / 1e9);
    runs.decodeFloor.push_back(1.0 / read.seconds);
    runs.decodeOfFloor.push_back(runs.decode.back() * read.seconds);
}

bool runOnce(inference::Engine& engine, std::int64_t promptTokens, std::int64_t genTokens,
             Runs& runs) {
    std::atomic<bool> stop{false};
    if (engine.info().hasVision) {
        auto image = engine.generate(imageRequest(engine), {}, {}, stop);
        if (!image) {
            fail(kPrefix, inference::describeError(image.error()));
            return false;
        }
        runs.imageEncode.push_back(image->stats.imageEncodeSeconds);
        runs.ttft.push_back(image->stats.timeToFirstTokenSeconds);
    }
    auto text = engine.generate(textRequest(promptTokens, genTokens), {}, {}, stop);
    if (!text) {
        fail(kPrefix, inference::describeError(text.error()));
        return false;
    }
    runs.prefill.push_back(text->stats.prefillTokensPerSecond());
    runs.decode.push_back(text->stats.decodeTokensPerSecond());
    runs.peakRss = std::max(runs.peakRss, text->stats.peakResidentBytes);
    addDecodeFloor(engine, runs);
    std::cerr << kPrefix << "run: image " << (runs.imageEncode.empty() ? 0.0 : runs.imageEncode.back())
              << " s, prefill " << runs.prefill.back() << " tok/s, decode " << runs.decode.back()
              << " tok/s\n";
    return true;
}

// Interrupts the bench workload in each phase (bench --cancel), placing the stop points by the
// phase durations just measured.
bool addCancelLatency(inference::Engine& engine, std::int64_t promptTokens,
                      std::int64_t genTokens, const Runs& runs, nlohmann::json& result) {
    const inference::Request image = imageRequest(engine);
    const inference::Request text = textRequest(promptTokens, genTokens);
    CancelWorkload workload;
    workload.image = engine.info().hasVision ? &image : nullptr;
    workload.text = &text;
    workload.encodeSeconds = median(runs.imageEncode);
    workload.prefillSeconds = double(promptTokens) / std::max(1e-9, median(runs.prefill));
    workload.decodeStepSeconds = 1.0 / std::max(1e-9, median(runs.decode));
    CancelLatencies latencies;
    std::string error;
    if (!measureCancelLatency(engine, workload, latencies, error)) {
        fail(kPrefix, error);
        return false;
    }
    result.update(cancelLatencyJson(latencies));
    return true;
}

nlohmann::json resultJson(const inference::Engine& engine, const inference::LoadOptions& options,
                          double loadSeconds, std::uint64_t rssAfterLoad, const Runs& runs) {
    const auto& info = engine.info();
    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    const auto mb = [](std::uint64_t b) { return double(b) / (1024.0 * 1024.0); };
    nlohmann::json result = {{"model", info.variant},
            {"load_s", loadSeconds},
            {"peak_rss_mb", mb(std::max(runs.peakRss, inference::peakResidentBytes()))},
            {"rss_after_load_mb", mb(rssAfterLoad)},
            {"weight_file_mb", mb(info.weightBytes)},
            {"image_encode_s", median(runs.imageEncode)},
            {"prefill_tok_s", median(runs.prefill)},
            {"decode_tok_s", median(runs.decode)},
            {"ttft_s", median(runs.ttft)},
            {"runs", {{"image_encode_s", runs.imageEncode}, {"ttft_s", runs.ttft},
                      {"prefill_tok_s", runs.prefill}, {"decode_tok_s", runs.decode}}},
            {"cpu", cpuModel()},
            {"cores", cores},
            {"threads", options.threads > 0 ? options.threads : cores},
            {"libtorch", inference::libtorchVersion()},
            {"kernel_isa", inference::kernels::isaName(inference::kernels::activeIsa())},
            {"device", info.device},
            {"dtype", info.precision},
            {"quant", info.quantization},
            {"date", today()}};
    if (!runs.decodeFloor.empty()) {
        result["decode_bytes_per_token_mb"] = mb(info.decodeBytesPerToken);
        result["memory_read_gb_s"] = median(runs.readBandwidth);
        result["decode_floor_tok_s"] = median(runs.decodeFloor);
        result["decode_of_floor"] = median(runs.decodeOfFloor);
        result["runs"]["memory_read_gb_s"] = runs.readBandwidth;
        result["runs"]["decode_of_floor"] = runs.decodeOfFloor;
    }
    return result;
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
    const std::int64_t promptTokens = args.integer("prompt-tokens", 512);
    const std::int64_t genTokens = args.integer("gen-tokens", 64);
    const std::int64_t repeat = args.integer("repeat", 3);
    if (!args.ok() || !loadOptionsFrom(args, options, error)) {
        return fail(kPrefix, args.ok() ? error : args.error(), 2);
    }
    if (promptTokens < 2 || genTokens < 2 || repeat < 1 || !args.positional().empty()) {
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
    Runs runs;
    for (std::int64_t i = 0; i < repeat; ++i) {
        if (!runOnce(*engine, promptTokens, genTokens, runs)) {
            return 1;
        }
    }
    nlohmann::json result = resultJson(*engine, options, loadSeconds, rssAfterLoad, runs);
    if (args.has("cancel") && !addCancelLatency(*engine, promptTokens, genTokens, runs, result)) {
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
