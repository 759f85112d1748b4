// medgemma-golden-check: checks the engine against the fixtures' golden outputs without Qt,
// DCMTK or OpenCV, so it builds wherever libtorch does (e.g. a GPU machine with PyTorch):
//   medgemma-golden-check CHECKPOINT_DIR GOLDEN_DIR [--dtype float32|bfloat16] [--device cpu|cuda]
// For every case of GOLDEN_DIR/golden.json: the last three positions' logits against
// logits_last3 (max |difference|), and the greedy continuation through the engine's KV-cache
// generation path against the golden tokens. Prints one JSON line per case and a summary;
// exits 0 when every case is within tolerance: in float32 max |difference| <= 1e-4 and the
// greedy tokens equal; in bfloat16 max |difference| <= 0.25 (the bound of test_bf16_forward,
// about 2.5x the worst measured) and the greedy tokens reported, not required (bf16 rounding
// flips near-tied random-weight logits).

#include <cmath>
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "inference/engine.h"
#include "inference/safetensors.h"

namespace {

using nlohmann::json;

constexpr double kFloat32Bound = 1e-4;
constexpr double kBFloat16Bound = 0.25;

struct Options {
    std::string checkpoint;
    std::string golden;
    inference::Precision precision = inference::Precision::Float32;
    inference::Device device = inference::Device::Cpu;
};

bool parse(int argc, char** argv, Options& o) {
    std::vector<std::string> positional;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--dtype" && i + 1 < argc) {
            o.precision = std::string(argv[++i]) == "bfloat16" ? inference::Precision::BFloat16
                                                                : inference::Precision::Float32;
        } else if (a == "--device" && i + 1 < argc) {
            o.device = std::string(argv[++i]) == "cuda" ? inference::Device::Cuda
                                                        : inference::Device::Cpu;
        } else {
            positional.push_back(a);
        }
    }
    if (positional.size() != 2) {
        return false;
    }
    o.checkpoint = positional[0];
    o.golden = positional[1];
    return true;
}

std::vector<float> tensorValues(const inference::SafetensorsFile& file, const std::string& name) {
    const auto& view = file.tensors().at(name);
    const auto* data = reinterpret_cast<const float*>(view.data);
    return std::vector<float>(data, data + view.numel());
}

json checkCase(inference::Engine& engine, const json& c, const std::string& goldenDir) {
    const auto tensors =
        inference::SafetensorsFile::open(goldenDir + "/" + c["tensors_file"].get<std::string>());
    if (!tensors) {
        return {{"case", c["name"]}, {"error", tensors.error().message}};
    }
    inference::Request request;
    request.kind = inference::Request::Kind::Ids;
    request.ids = c["input_ids"].get<std::vector<std::int32_t>>();
    if ((*tensors)->tensors().count("pixel_values")) {
        const auto& view = (*tensors)->tensors().at("pixel_values");
        const std::vector<float> all = tensorValues(**tensors, "pixel_values");
        const std::size_t plane = all.size() / std::size_t(view.shape[0]);
        for (std::int64_t n = 0; n < view.shape[0]; ++n) {
            request.pixels.push_back({int(view.shape[2]),
                                      std::vector<float>(all.begin() + n * plane,
                                                         all.begin() + (n + 1) * plane)});
        }
    }
    std::atomic<bool> stop{false};
    std::int64_t vocab = 0;
    auto logits = engine.logits(request, &vocab, stop);
    if (!logits) {
        return {{"case", c["name"]}, {"error", logits.error().message}};
    }
    const std::vector<float> golden = tensorValues(**tensors, "logits_last3");
    const std::size_t rows = logits->size() / std::size_t(vocab);
    double maxDiff = 0;
    for (std::size_t r = 0; r < 3; ++r) {
        for (std::int64_t v = 0; v < vocab; ++v) {
            const double ours = (*logits)[(rows - 3 + r) * std::size_t(vocab) + std::size_t(v)];
            maxDiff = std::max(maxDiff, std::abs(ours - golden[r * std::size_t(vocab) + std::size_t(v)]));
        }
    }
    const auto expected = c["greedy"]["tokens"].get<std::vector<std::int32_t>>();
    request.maxNewTokens = std::int64_t(expected.size());
    auto generated = engine.generate(request, {}, {}, stop);
    if (!generated) {
        return {{"case", c["name"]}, {"max_abs_logit_diff", maxDiff},
                {"error", generated.error().message}};
    }
    return {{"case", c["name"]}, {"max_abs_logit_diff", maxDiff},
            {"greedy_equal", generated->tokens == expected}, {"greedy", generated->tokens},
            {"decode_path", generated->stats.decodePath}};
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    if (!parse(argc, argv, options)) {
        std::cerr << "usage: medgemma-golden-check CHECKPOINT_DIR GOLDEN_DIR "
                     "[--dtype float32|bfloat16] [--device cpu|cuda]\n";
        return 2;
    }
    std::ifstream in(options.golden + "/golden.json");
    json golden;
    try {
        in >> golden;
    } catch (const std::exception& e) {
        std::cerr << "cannot read " << options.golden << "/golden.json: " << e.what() << "\n";
        return 1;
    }
    inference::LoadOptions load;
    load.directory = options.checkpoint;
    load.precision = options.precision;
    load.device = options.device;
    auto engine = inference::Engine::load(load);
    if (!engine) {
        std::cerr << inference::describeError(engine.error()) << "\n";
        return 1;
    }
    const bool f32 = options.precision == inference::Precision::Float32;
    bool ok = true;
    for (const json& c : golden["cases"]) {
        json result = checkCase(**engine, c, options.golden);
        result["dtype"] = f32 ? "float32" : "bfloat16";
        result["device"] = (*engine)->info().device;
        const bool caseOk =
            !result.contains("error") &&
            (f32 ? result["max_abs_logit_diff"].get<double>() <= kFloat32Bound &&
                       result["greedy_equal"].get<bool>()
                 : result["max_abs_logit_diff"].get<double>() <= kBFloat16Bound);
        result["ok"] = caseOk;
        ok = ok && caseOk;
        std::cout << result.dump() << "\n";
    }
    std::cout << json{{"summary", ok ? "pass" : "fail"}}.dump() << "\n";
    return ok ? 0 : 1;
}
