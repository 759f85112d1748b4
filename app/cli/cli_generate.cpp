// medgemma-cli generate: streams MedGemma's answer to a prompt (with images) to stdout.

#include <cstdio>
#include <iostream>

#include <nlohmann/json.hpp>

#include "command.h"
#include "engine_session.h"

namespace app::cli {
namespace {

constexpr const char* kPrefix = "medgemma-cli generate: ";

constexpr const char* kUsage =
    "Usage: medgemma-cli generate --model DIR\n"
    "           (--prompt TEXT [--system TEXT] | --raw-prompt TEXT | --ids I,I,...)\n"
    "           [--image FILE]... [--pixels FILE.safetensors] [--max-new-tokens N]\n"
    "           [--temperature T] [--top-k K] [--top-p P] [--min-p P]\n"
    "           [--repetition-penalty R] [--seed S] [--device cpu|cuda]\n"
    "           [--dtype bfloat16|float32] [--quant none|int8|int4] [--group-size 32|64|128]\n"
    "           [--quant-cache on|off] [--threads N] [--json]\n\n"
    "Streams the generated text to stdout as it is written.\n\n"
    "  --prompt TEXT        one user turn, rendered with the model's chat template; the images\n"
    "                       come first in the turn, then TEXT\n"
    "  --system TEXT        a system message (folded into the user turn by the template)\n"
    "  --raw-prompt TEXT    used as is, for pretrained (-pt) models: BOS as add_bos_token says,\n"
    "                       each <start_of_image> in TEXT becomes an image block\n"
    "  --ids I,I,...        token ids as they are (works without tokenizer files; the text of\n"
    "                       the answer is then empty)\n"
    "  --image FILE         an image (PNG, JPEG, TIFF, BMP, WebP or DICOM), preprocessed by the\n"
    "                       engine; repeat for several, bound in order to the image blocks\n"
    "  --pixels FILE        preprocessed images instead: tensor pixel_values, F32 [N,3,S,S]\n"
    "  --max-new-tokens N   at most N new tokens (default 512)\n"
    "  --temperature T      0 (default) decodes greedily; above 0 samples\n"
    "  --top-k K, --top-p P, --min-p P, --repetition-penalty R, --seed S   sampling controls\n"
    "                       (defaults 64, 0.95, 0, 1, 0)\n"
    "  --device, --dtype    cpu (default) or cuda; bfloat16 (default) or float32\n"
    "  --quant Q            quantize the text decoder at load: none (default), int8 (per\n"
    "                       channel) or int4 (per group of --group-size columns, default 64);\n"
    "                       with bfloat16 only. --quant-cache on (default) keeps the result in\n"
    "                       a cache file beside the model for the next load\n"
    "  --threads N          compute threads (default: every core)\n"
    "  --json               end with one JSON line: text, tokens, stop reason and stats\n\n"
    "Exit status: 0 on success, 1 when the model or an input cannot be used, 2 on wrong\n"
    "arguments. Drafts are for research, not diagnosis.\n";

const char* reasonName(inference::StopReason reason) {
    switch (reason) {
        case inference::StopReason::EndOfTurn:
            return "end_of_turn";
        case inference::StopReason::MaxTokens:
            return "max_tokens";
        case inference::StopReason::Stopped:
            return "stopped";
    }
    return "unknown";
}

nlohmann::json statsJson(const inference::Stats& s) {
    return {{"load_s", s.loadSeconds},
            {"images", s.images},
            {"image_encode_s", s.imageEncodeSeconds},
            {"prompt_tokens", s.promptTokens},
            {"prefill_s", s.prefillSeconds},
            {"prefill_tok_s", s.prefillTokensPerSecond()},
            {"generated_tokens", s.generatedTokens},
            {"decode_s", s.decodeSeconds},
            {"decode_tok_s", s.decodeTokensPerSecond()},
            {"ttft_s", s.timeToFirstTokenSeconds},
            {"decode_path", s.decodePath},
            {"peak_rss_mb", double(s.peakResidentBytes) / (1024.0 * 1024.0)}};
}

// Fills the prompt part of `request` from the options; false with `error` set when they clash.
bool buildPrompt(Arguments& args, inference::Request& request, std::string& error) {
    const int forms = int(args.has("prompt")) + int(args.has("raw-prompt")) + int(args.has("ids"));
    if (forms != 1) {
        error = "give exactly one of --prompt, --raw-prompt and --ids";
        return false;
    }
    if (args.has("system") && !args.has("prompt")) {
        error = "--system goes with --prompt";
        return false;
    }
    if (const auto ids = args.value("ids")) {
        const auto list = parseIntegerList(*ids);
        if (!list) {
            error = "--ids takes comma-separated integers";
            return false;
        }
        request.kind = inference::Request::Kind::Ids;
        request.ids.assign(list->begin(), list->end());
        return true;
    }
    if (const auto raw = args.value("raw-prompt")) {
        request.kind = inference::Request::Kind::Raw;
        request.rawPrompt = *raw;
        return true;
    }
    request.kind = inference::Request::Kind::Chat;
    if (const auto system = args.value("system")) {
        request.messages.push_back(
            inference::ChatMessage::fromText(inference::ChatRole::System, *system));
    }
    inference::ChatMessage user{inference::ChatRole::User, {}};
    const std::size_t imageCount = args.values("image").size() + 0;
    for (std::size_t i = 0; i < imageCount; ++i) {
        user.items.push_back(inference::ChatItem::makeImage());
    }
    user.items.push_back(inference::ChatItem::makeText(*args.value("prompt")));
    request.messages.push_back(std::move(user));
    return true;
}

bool buildImages(Arguments& args, inference::Request& request, std::string& error) {
    for (const std::string& path : args.values("image")) {
        inference::ImageInput image;
        if (!readImageInput(path, image, error)) {
            return false;
        }
        request.images.push_back(std::move(image));
    }
    if (const auto pixels = args.value("pixels")) {
        if (!readPixelInputs(*pixels, request.pixels, error)) {
            return false;
        }
        // With --prompt, each preprocessed image needs its own image item too.
        if (request.kind == inference::Request::Kind::Chat) {
            auto& items = request.messages.back().items;
            items.insert(items.begin(), request.pixels.size(), inference::ChatItem::makeImage());
        }
    }
    return true;
}

bool buildSampling(Arguments& args, inference::Request& request) {
    request.maxNewTokens = args.integer("max-new-tokens", 512);
    request.sampling.temperature = args.number("temperature", 0.0);
    request.sampling.topK = args.integer("top-k", 64);
    request.sampling.topP = args.number("top-p", 0.95);
    request.sampling.minP = args.number("min-p", 0.0);
    request.sampling.repetitionPenalty = args.number("repetition-penalty", 1.0);
    request.sampling.seed = std::uint64_t(args.integer("seed", 0));
    return args.ok();
}

int run(const std::vector<std::string>& argv) {
    std::set<std::string> valued = engineValuedOptions();
    valued.insert({"prompt", "system", "raw-prompt", "ids", "image", "pixels", "max-new-tokens",
                   "temperature", "top-k", "top-p", "min-p", "repetition-penalty", "seed"});
    Arguments args(argv, valued, {"json"});
    inference::LoadOptions loadOptions;
    inference::Request request;
    std::string error;
    if (!args.ok() || !loadOptionsFrom(args, loadOptions, error) ||
        !buildPrompt(args, request, error) || !buildSampling(args, request)) {
        return fail(kPrefix, args.ok() ? error : args.error(), 2);
    }
    if (!args.positional().empty()) {
        return fail(kPrefix, "unexpected argument '" + args.positional()[0] + "'", 2);
    }
    if (!buildImages(args, request, error)) {
        return fail(kPrefix, error);
    }
    const bool json = args.has("json");
    auto engine = loadEngine(loadOptions, kPrefix, false);
    if (!engine) {
        return 1;
    }
    std::atomic<bool> stop{false};
    auto output = engine->generate(
        request,
        [](std::string_view chunk) {
            std::fwrite(chunk.data(), 1, chunk.size(), stdout);
            std::fflush(stdout);
            return true;
        },
        {}, stop);
    if (!output) {
        std::fputc('\n', stdout);
        return fail(kPrefix, inference::describeError(output.error()));
    }
    std::fputc('\n', stdout);
    if (json) {
        nlohmann::json line = {{"text", output->text},
                               {"tokens", output->tokens},
                               {"prompt_tokens", output->promptIds.size()},
                               {"stop_reason", reasonName(output->reason)},
                               {"model", engine->info().variant},
                               {"stats", statsJson(output->stats)}};
        std::cout << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }
    return 0;
}

const CommandRegistration kRegistration{
    {"generate", "stream MedGemma's answer to a prompt with images", kUsage, run}};

}  // namespace
}  // namespace app::cli
