// medgemma-cli logits: every position's float32 logits of a prompt, for comparing this engine
// with other implementations.

#include <iostream>

#include "command.h"
#include "engine_session.h"
#include "inference/safetensors_writer.h"

namespace app::cli {
namespace {

constexpr const char* kPrefix = "medgemma-cli logits: ";

constexpr const char* kUsage =
    "Usage: medgemma-cli logits --model DIR --ids I,I,... [--image FILE]... [--pixels FILE]\n"
    "           [--dtype bfloat16|float32] [--quant none|int8|int4] [--group-size 32|64|128]\n"
    "           [--device cpu|cuda] [--threads N] -o OUT.safetensors\n\n"
    "Runs the prompt given as token ids (image blocks already expanded: one image or one\n"
    "pixel_values entry per block, in order) through the model once and writes tensor\n"
    "`logits` (F32, [L, vocab]: every position) to OUT.safetensors.\n\n"
    "  --ids I,I,...   the complete prompt, BOS included\n"
    "  --image FILE    an image for the next image block (engine preprocessing)\n"
    "  --pixels FILE   preprocessed images instead: tensor pixel_values, F32 [N,3,S,S]\n"
    "  -o, --output    where to write the logits\n\n"
    "Exit status: 0 on success, 1 when the model or an input cannot be used, 2 on wrong\n"
    "arguments.\n";

int run(const std::vector<std::string>& argv) {
    std::vector<std::string> args = argv;
    for (auto& a : args) {
        if (a == "-o") {
            a = "--output";
        }
    }
    std::set<std::string> valued = engineValuedOptions();
    valued.insert({"ids", "image", "pixels", "output"});
    Arguments parsed(args, valued, {});
    inference::LoadOptions loadOptions;
    std::string error;
    if (!parsed.ok() || !loadOptionsFrom(parsed, loadOptions, error)) {
        return fail(kPrefix, parsed.ok() ? error : parsed.error(), 2);
    }
    const auto ids = parsed.value("ids") ? parseIntegerList(*parsed.value("ids")) : std::nullopt;
    const auto output = parsed.value("output");
    if (!ids || !output || !parsed.positional().empty()) {
        return fail(kPrefix, "--ids I,I,... and -o OUT.safetensors are required", 2);
    }
    inference::Request request;
    request.kind = inference::Request::Kind::Ids;
    request.ids.assign(ids->begin(), ids->end());
    for (const std::string& path : parsed.values("image")) {
        inference::ImageInput image;
        if (!readImageInput(path, image, error)) {
            return fail(kPrefix, error);
        }
        request.images.push_back(std::move(image));
    }
    if (const auto pixels = parsed.value("pixels");
        pixels && !readPixelInputs(*pixels, request.pixels, error)) {
        return fail(kPrefix, error);
    }
    auto engine = loadEngine(loadOptions, kPrefix, false);
    if (!engine) {
        return 1;
    }
    std::atomic<bool> stop{false};
    std::int64_t vocab = 0;
    auto logits = engine->logits(request, &vocab, stop);
    if (!logits) {
        return fail(kPrefix, inference::describeError(logits.error()));
    }
    const std::int64_t rows = vocab > 0 ? std::int64_t(logits->size()) / vocab : 0;
    inference::TensorData tensor{{"logits", inference::DType::F32, {rows, vocab}},
                                 logits->data()};
    if (auto status = inference::writeSafetensors(*output, {tensor}); !status) {
        return fail(kPrefix, status.error().message);
    }
    std::cerr << kPrefix << "wrote logits [" << rows << ", " << vocab << "] to " << *output
              << "\n";
    return 0;
}

const CommandRegistration kRegistration{
    {"logits", "write every position's logits of a prompt, for comparisons", kUsage, run}};

}  // namespace
}  // namespace app::cli
