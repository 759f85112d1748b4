// medgemma-cli make-random-model: a random checkpoint with the real shapes of a MedGemma, for
// measuring speed and memory without the gated weights.

#include <cstdio>
#include <iostream>

#include "arguments.h"
#include "command.h"
#include "inference/random_model.h"

namespace app::cli {
namespace {

constexpr const char* kPrefix = "medgemma-cli make-random-model: ";

constexpr const char* kUsage =
    "Usage: medgemma-cli make-random-model --like medgemma-4b-it|medgemma-27b-it OUT_DIR\n"
    "           [--seed S] [--tokenizer DIR] [--layers N] [--shard-gb G]\n"
    "           [--sparse-decoder]\n\n"
    "Writes a randomly initialised checkpoint with the real shapes, tensor names (transformers\n"
    "4.x layout), dtype (BF16) and configuration files of the model named by --like: sharded\n"
    "safetensors with model.safetensors.index.json, config.json, generation_config.json,\n"
    "preprocessor_config.json and processor_config.json. The text it generates is meaningless;\n"
    "its speed and memory are those of the real model. medgemma-4b-it takes 8.6 GB of disk,\n"
    "medgemma-27b-it 55 GB. Tensors are streamed to disk, so little memory is used.\n\n"
    "  --seed S         values are a function of the seed and the tensor name (default 0)\n"
    "  --tokenizer DIR  copy tokenizer.json, tokenizer_config.json (and friends) from DIR\n"
    "  --layers N       keep only N text layers (a scaled model of the same widths)\n"
    "  --shard-gb G     largest shard in GB (default 5, as transformers saves)\n"
    "  --sparse-decoder the text layers' matrices are zeros written as holes (sparse files):\n"
    "                   medgemma-27b-it then needs ~5 GB of disk; shapes, bytes read, speed\n"
    "                   and memory are unchanged\n\n"
    "Exit status: 0 on success, 1 if a file cannot be written, 2 on wrong arguments.\n";

int run(const std::vector<std::string>& argv) {
    Arguments args(argv, {"like", "seed", "tokenizer", "layers", "shard-gb"}, {"sparse-decoder"});
    inference::RandomModelOptions options;
    options.like = args.value("like").value_or("");
    options.seed = std::uint64_t(args.integer("seed", 0));
    options.layers = args.integer("layers", 0);
    options.shardBytes = std::uint64_t(args.number("shard-gb", 5.0) * 1e9);
    options.tokenizerDirectory = args.value("tokenizer").value_or("");
    options.sparseDecoderMatrices = args.has("sparse-decoder");
    if (!args.ok()) {
        std::cerr << kPrefix << args.error() << "\n";
        return 2;
    }
    if (args.positional().size() != 1 || options.like.empty()) {
        std::cerr << kUsage;
        return 2;
    }
    options.outputDirectory = args.positional()[0];
    int shown = -1;
    options.progress = [&](double fraction) {
        const int percent = int(fraction * 100.0);
        if (percent != shown) {
            shown = percent;
            std::fprintf(stderr, "\r%swriting %d%%", kPrefix, percent);
        }
    };
    const inference::Status status = inference::writeRandomModel(options);
    std::fputc('\n', stderr);
    if (!status) {
        std::cerr << kPrefix << status.error().message << "\n";
        return status.error().code == inference::ErrorCode::InvalidRequest ? 2 : 1;
    }
    return 0;
}

const CommandRegistration registration({
    "make-random-model",
    "write a random checkpoint with the real shapes of a MedGemma (for benchmarks)",
    kUsage,
    run,
});

}  // namespace
}  // namespace app::cli
