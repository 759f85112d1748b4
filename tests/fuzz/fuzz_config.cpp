// Fuzzes the config.json, generation_config.json and preprocessor_config.json parsers with the
// same input. An accepted config.json must be internally consistent: one layer type per layer,
// a pool kernel that tiles the patch grid, and a tensor list that can be computed from it.
#include <cstddef>
#include <cstdint>
#include <string>

#include "inference/config.h"
#include "inference/weights.h"

namespace {

void checkModelConfig(const inference::ModelConfig& config) {
    if (static_cast<std::int64_t>(config.text.layerTypes.size()) != config.text.numLayers ||
        config.text.numHeads % config.text.numKvHeads != 0) {
        __builtin_trap();
    }
    if (config.vision) {
        const std::int64_t kernel = config.poolKernel();
        const std::int64_t side = config.vision->patchesPerSide();
        if (kernel <= 0 || side % kernel != 0 ||
            (side / kernel) * (side / kernel) != config.mmTokensPerImage) {
            __builtin_trap();
        }
    }
    // A validated config never implies an empty or negative tensor dimension.
    for (const auto& tensor : inference::expectedTensors(config)) {
        for (const std::int64_t dim : tensor.shape) {
            if (dim <= 0) {
                __builtin_trap();
            }
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    if (auto model = inference::parseModelConfig(text, "config.json"); model.ok()) {
        checkModelConfig(model.value());
    }
    (void)inference::parseGenerationConfig(text, "generation_config.json");
    (void)inference::parsePreprocessorConfig(text, "preprocessor_config.json");
    return 0;
}
