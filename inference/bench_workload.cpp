#include "inference/bench_workload.h"

#include <algorithm>
#include <atomic>
#include <ctime>
#include <fstream>
#include <optional>
#include <thread>

#include <nlohmann/json.hpp>

#include "inference/cuda_driver.h"
#include "inference/kernels/cpu_features.h"
#include "inference/process_memory.h"
#include "inference/runtime_info.h"

namespace inference {
namespace {

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

// The 1-minute load average: other work on the machine moves every figure.
double loadAverage() {
    std::ifstream in("/proc/loadavg");
    double value = 0.0;
    in >> value;
    return value;
}

std::string today() {
    const std::time_t now = std::time(nullptr);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d", std::gmtime(&now));
    return text;
}

// A smooth synthetic 896x896 RGB image: content does not change the cost.
ImageInput benchImage() {
    ImageInput image{896, 896, 3, std::vector<std::uint8_t>(896 * 896 * 3)};
    for (std::size_t i = 0; i < image.pixels.size(); ++i) {
        image.pixels[i] = std::uint8_t((i / 3 % 896 + i / (3 * 896)) * (i % 3 + 1) % 256);
    }
    return image;
}

// The decode floor beside the run just made, so both see the same machine load.
void addDecodeFloor(const Engine& engine, BenchRuns& runs) {
    const ReadBandwidth read = engine.measureDecodeReadBandwidth();
    if (read.bytes == 0) {
        return;
    }
    runs.readBandwidth.push_back(read.bytesPerSecond / 1e9);
    runs.decodeFloor.push_back(1.0 / read.seconds);
    runs.decodeOfFloor.push_back(runs.decode.back() * read.seconds);
}

}  // namespace

double medianOf(std::vector<double> values) {
    if (values.empty()) {
        return 0.0;
    }
    std::sort(values.begin(), values.end());
    const std::size_t half = values.size() / 2;
    return values.size() % 2 == 1 ? values[half] : (values[half - 1] + values[half]) / 2.0;
}

Request benchImageRequest(const Engine& engine) {
    Request r;
    r.maxNewTokens = 1;
    r.ignoreStopIds = true;
    r.images.push_back(benchImage());
    if (engine.info().hasTokenizer) {
        r.messages = {
            {ChatRole::User, {ChatItem::makeImage(), ChatItem::makeText("Describe this image.")}}};
        return r;
    }
    r.kind = Request::Kind::Ids;
    r.ids = {2, 108, 255999};  // BOS, "\n\n", <start_of_image> (Gemma 3 ids)
    r.ids.insert(r.ids.end(), std::size_t(engine.info().tokensPerImage), 262144);
    r.ids.insert(r.ids.end(), {256000, 108, 82858, 672, 2471, 236761});
    return r;
}

// BOS and deterministic ordinary-vocabulary ids.
Request benchTextRequest(const BenchShape& shape) {
    Request r;
    r.kind = Request::Kind::Ids;
    r.ids.push_back(2);
    std::uint32_t x = 12345;
    for (std::int64_t i = 1; i < shape.promptTokens; ++i) {
        x = x * 1664525u + 1013904223u;
        r.ids.push_back(std::int32_t(1000 + (x >> 8) % 200000));
    }
    r.maxNewTokens = shape.genTokens;
    r.ignoreStopIds = true;
    return r;
}

Status runBenchOnce(Engine& engine, const BenchShape& shape, BenchRuns& runs) {
    std::atomic<bool> stop{false};
    if (engine.info().hasVision) {
        Result<Output> image = engine.generate(benchImageRequest(engine), {}, {}, stop);
        if (!image) {
            return image.error();
        }
        runs.imageEncode.push_back(image->stats.imageEncodeSeconds);
        runs.ttft.push_back(image->stats.timeToFirstTokenSeconds);
    }
    Result<Output> text = engine.generate(benchTextRequest(shape), {}, {}, stop);
    if (!text) {
        return text.error();
    }
    runs.prefill.push_back(text->stats.prefillTokensPerSecond());
    runs.decode.push_back(text->stats.decodeTokensPerSecond());
    runs.peakRss = std::max(runs.peakRss, text->stats.peakResidentBytes);
    runs.decodePath = text->stats.decodePath;
    addDecodeFloor(engine, runs);
    return {};
}

std::string benchReportJson(const Engine& engine, const LoadOptions& options, double loadSeconds,
                            std::uint64_t rssAfterLoad, const BenchRuns& runs) {
    const ModelInfo& info = engine.info();
    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    const auto mb = [](std::uint64_t b) { return double(b) / (1024.0 * 1024.0); };
    nlohmann::json result = {{"model", info.variant},
                             {"load_s", loadSeconds},
                             {"peak_rss_mb", mb(std::max(runs.peakRss, peakResidentBytes()))},
                             {"rss_after_load_mb", mb(rssAfterLoad)},
                             {"weight_file_mb", mb(info.weightBytes)},
                             {"image_encode_s", medianOf(runs.imageEncode)},
                             {"prefill_tok_s", medianOf(runs.prefill)},
                             {"decode_tok_s", medianOf(runs.decode)},
                             {"ttft_s", medianOf(runs.ttft)},
                             {"runs",
                              {{"image_encode_s", runs.imageEncode},
                               {"ttft_s", runs.ttft},
                               {"prefill_tok_s", runs.prefill},
                               {"decode_tok_s", runs.decode}}},
                             {"cpu", cpuModel()},
                             {"cores", cores},
                             {"threads", options.threads > 0 ? options.threads : cores},
                             {"libtorch", libtorchVersion()},
                             {"kernel_isa", kernels::isaName(kernels::activeIsa())},
                             {"device", info.device},
                             {"decode_path", runs.decodePath},
                             {"dtype", info.precision},
                             {"quant", info.quantization},
                             {"load_average", loadAverage()},
                             {"date", today()}};
    if (info.device != "cpu") {
        // Used = total - free after the runs (libtorch's caching allocator keeps what the
        // workload needed): the figure to hold against a card's size.
        if (const std::optional<DeviceMemory> gpu = cudaDeviceMemory()) {
            result["gpu_total_mb"] = mb(gpu->totalBytes);
            result["gpu_used_mb"] = mb(gpu->totalBytes - gpu->freeBytes);
        }
    }
    if (!runs.decodeFloor.empty()) {
        result["decode_bytes_per_token_mb"] = mb(info.decodeBytesPerToken);
        result["memory_read_gb_s"] = medianOf(runs.readBandwidth);
        result["decode_floor_tok_s"] = medianOf(runs.decodeFloor);
        result["decode_of_floor"] = medianOf(runs.decodeOfFloor);
        result["runs"]["memory_read_gb_s"] = runs.readBandwidth;
        result["runs"]["decode_of_floor"] = runs.decodeOfFloor;
    }
    return result.dump();
}

}  // namespace inference
