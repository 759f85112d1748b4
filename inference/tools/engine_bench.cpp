// medgemma-engine-bench: `medgemma-cli bench`'s workload and JSON report without Qt, DCMTK or
// OpenCV, so that it builds wherever libtorch does (a GPU machine that has PyTorch only):
//   medgemma-engine-bench --model DIR [--device cpu|cuda] [--dtype bfloat16|float32]
//       [--threads N] [--prompt-tokens 512] [--gen-tokens 64] [--repeat 3]
//       [--quant none|int8|int4] [--group-size 32|64|128]
//       [--make-random medgemma-4b-it|medgemma-27b-it] [--sparse-decoder yes]
// --make-random first writes a random checkpoint of that shape into DIR when DIR has no
// config.json (make-random-model's writer; --sparse-decoder yes: its decoder matrices as
// holes, as `make-random-model --sparse-decoder`). Prints the report as one JSON line; exit 0 on
// success, 1 when the model cannot be used, 2 on wrong arguments.

#include <chrono>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>

#include "inference/bench_workload.h"
#include "inference/process_memory.h"
#include "inference/random_model.h"

namespace {

using Clock = std::chrono::steady_clock;

const char* kUsage =
    "usage: medgemma-engine-bench --model DIR [--device cpu|cuda] [--dtype bfloat16|float32]\n"
    "       [--threads N] [--prompt-tokens 512] [--gen-tokens 64] [--repeat 3]\n"
    "       [--quant none|int8|int4] [--group-size 32|64|128]\n"
    "       [--make-random medgemma-4b-it|medgemma-27b-it] [--sparse-decoder yes]\n";

bool parse(int argc, char** argv, std::map<std::string, std::string>& values) {
    for (int i = 1; i < argc; i += 2) {
        const std::string key = argv[i];
        if (key.rfind("--", 0) != 0 || i + 1 >= argc) {
            return false;
        }
        values[key.substr(2)] = argv[i + 1];
    }
    return values.count("model") == 1;
}

std::string valueOr(const std::map<std::string, std::string>& values, const std::string& key,
                    const std::string& fallback) {
    const auto it = values.find(key);
    return it == values.end() ? fallback : it->second;
}

bool makeRandomIfAsked(const std::map<std::string, std::string>& values) {
    const std::string like = valueOr(values, "make-random", "");
    const std::string dir = values.at("model");
    if (like.empty() || std::filesystem::exists(std::filesystem::path(dir) / "config.json")) {
        return true;
    }
    inference::RandomModelOptions options;
    options.like = like;
    options.outputDirectory = dir;
    options.sparseDecoderMatrices = valueOr(values, "sparse-decoder", "no") == "yes";
    const inference::Status status = inference::writeRandomModel(options);
    if (!status) {
        std::cerr << "medgemma-engine-bench: " << status.error().message << "\n";
    }
    return status.ok();
}

}  // namespace

int main(int argc, char** argv) {
    std::map<std::string, std::string> values;
    if (!parse(argc, argv, values)) {
        std::cerr << kUsage;
        return 2;
    }
    inference::LoadOptions options;
    inference::BenchShape shape;
    int repeat = 3;
    try {
        options.directory = values.at("model");
        options.device = valueOr(values, "device", "cpu") == "cuda" ? inference::Device::Cuda
                                                                    : inference::Device::Cpu;
        options.precision = valueOr(values, "dtype", "bfloat16") == "float32"
                                ? inference::Precision::Float32
                                : inference::Precision::BFloat16;
        options.threads = std::stoi(valueOr(values, "threads", "0"));
        const std::string quant = valueOr(values, "quant", "none");
        options.quantization = quant == "int8"   ? inference::Quantization::Int8
                               : quant == "int4" ? inference::Quantization::Int4
                                                 : inference::Quantization::None;
        options.groupSize = std::stoi(valueOr(values, "group-size", "64"));
        shape.promptTokens = std::stoll(valueOr(values, "prompt-tokens", "512"));
        shape.genTokens = std::stoll(valueOr(values, "gen-tokens", "64"));
        repeat = std::stoi(valueOr(values, "repeat", "3"));
    } catch (const std::exception&) {
        std::cerr << kUsage;
        return 2;
    }
    if (shape.promptTokens < 2 || shape.genTokens < 2 || repeat < 1) {
        std::cerr << kUsage;
        return 2;
    }
    if (!makeRandomIfAsked(values)) {
        return 1;
    }
    const Clock::time_point start = Clock::now();
    auto engine = inference::Engine::load(options);
    if (!engine) {
        std::cerr << inference::describeError(engine.error()) << "\n";
        return 1;
    }
    const double loadSeconds = std::chrono::duration<double>(Clock::now() - start).count();
    const std::uint64_t rssAfterLoad = inference::currentResidentBytes();
    inference::BenchRuns runs;
    for (int i = 0; i < repeat; ++i) {
        if (inference::Status status = inference::runBenchOnce(**engine, shape, runs); !status) {
            std::cerr << inference::describeError(status.error()) << "\n";
            return 1;
        }
    }
    std::cout << inference::benchReportJson(**engine, options, loadSeconds, rssAfterLoad, runs)
              << "\n";
    return 0;
}
