#pragma once
// The fixed benchmark workload of `medgemma-cli bench` (and of medgemma-engine-bench, its
// Qt-free twin for machines without the application's libraries, such as a GPU machine that
// only has PyTorch): one 896x896 image with a short prompt (image encoding, time to first
// token), then a prompt of token ids (prefill) and greedy decode steps that ignore stop tokens
// (the shape of llama.cpp's `llama-bench -p 512 -n 64`); on the CPU each run is followed by the
// decode floor (memory_bandwidth.h). The report is one JSON object, its fields a contract
// that scripts read (README, Performance).
// Thread-safety: functions of their arguments; the engine serialises its own requests.

#include <cstdint>
#include <string>
#include <vector>

#include "inference/engine.h"

namespace inference {

struct BenchShape {
    std::int64_t promptTokens = 512;
    std::int64_t genTokens = 64;
};

// Every run's figures; the report gives medians and lists the runs.
struct BenchRuns {
    std::vector<double> imageEncode, ttft, prefill, decode;
    // Beside each run: the read rate of the decode weights (RAM, or the GPU), its floor.
    std::vector<double> readBandwidth, decodeFloor, decodeOfFloor;
    std::uint64_t peakRss = 0;
    std::string decodePath;
};

// The image request (token ids when the model folder has no tokenizer) and the text request.
Request benchImageRequest(const Engine& engine);
Request benchTextRequest(const BenchShape& shape);

// One run of the workload, appended to `runs`. On failure the engine's error, described.
Status runBenchOnce(Engine& engine, const BenchShape& shape, BenchRuns& runs);

double medianOf(std::vector<double> values);

// The report: model, load_s, peak_rss_mb, rss_after_load_mb, weight_file_mb, image_encode_s,
// prefill_tok_s, decode_tok_s, ttft_s, runs, the machine (cpu, cores, threads, libtorch,
// kernel_isa), device, dtype, quant, decode_path, load_average (1 minute, after the runs),
// date, decode_bytes_per_token_mb, memory_read_gb_s, decode_floor_tok_s and decode_of_floor,
// and on a GPU gpu_total_mb and gpu_used_mb. Serialized JSON text.
std::string benchReportJson(const Engine& engine, const LoadOptions& options, double loadSeconds,
                            std::uint64_t rssAfterLoad, const BenchRuns& runs);

}  // namespace inference
