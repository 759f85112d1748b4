#include "inference/tokenizer_json_pipeline.h"

#include <nlohmann/json.hpp>

namespace inference::detail {
namespace {

using Json = nlohmann::json;

// The decoder passes "<0xNN>" pieces straight to byte re-assembly, skipping Replace steps; that
// is exact only when no Replace pattern occurs inside such a piece.
bool occursInBytePieces(const std::string& pattern) {
    static const char kHex[] = "0123456789ABCDEF";
    for (int byte = 0; byte < 256; ++byte) {
        const std::string piece = std::string("<0x") + kHex[byte / 16] + kHex[byte % 16] + ">";
        if (piece.find(pattern) != std::string::npos) {
            return true;
        }
    }
    return false;
}

class PipelineParser {
public:
    PipelineParser(const std::string& sourceName, TokenizerModel& model)
        : m_name(sourceName), m_model(model) {}

    Status parseNormalizer(const Json& normalizer);
    Status parsePreTokenizer(const Json& preTokenizer);
    Status parseDecoder(const Json& decoder);

private:
    Error invalid(const std::string& what) const {
        return makeError(ErrorCode::InvalidFile, m_name + ": " + what);
    }
    Error unsupported(const std::string& what) const {
        return makeError(ErrorCode::UnsupportedModel, m_name + ": " + what);
    }
    Result<std::string> literalPattern(const Json& step, const std::string& where) const;

    const std::string& m_name;
    TokenizerModel& m_model;
};

Result<std::string> PipelineParser::literalPattern(const Json& step,
                                                   const std::string& where) const {
    const Json& pattern = step.at("pattern");
    if (!pattern.contains("String")) {
        return unsupported(where +
                           " uses a regular expression; only literal patterns are supported");
    }
    std::string text = pattern.at("String").get<std::string>();
    if (text.empty()) {
        return invalid(where + " has an empty pattern");
    }
    return text;
}

Status PipelineParser::parseNormalizer(const Json& normalizer) {
    if (normalizer.is_null()) {
        return {};
    }
    const std::string type = normalizer.value("type", std::string());
    if (type == "Sequence") {
        for (const Json& step : normalizer.at("normalizers")) {
            if (Status s = parseNormalizer(step); !s.ok()) {
                return s;
            }
        }
        return {};
    }
    if (type != "Replace") {
        return unsupported("normalizer '" + type + "' is not supported");
    }
    auto pattern = literalPattern(normalizer, "the Replace normalizer");
    if (!pattern.ok()) {
        return pattern.error();
    }
    m_model.normalizer.emplace_back(pattern.value(), normalizer.at("content").get<std::string>());
    return {};
}

Status PipelineParser::parsePreTokenizer(const Json& preTokenizer) {
    if (preTokenizer.is_null()) {
        return {};
    }
    if (preTokenizer.value("type", std::string()) != "Split" ||
        preTokenizer.value("behavior", std::string()) != "MergedWithPrevious" ||
        preTokenizer.value("invert", false)) {
        return unsupported("only a Split pre_tokenizer with MergedWithPrevious is supported");
    }
    auto pattern = literalPattern(preTokenizer, "the Split pre_tokenizer");
    if (!pattern.ok()) {
        return pattern.error();
    }
    m_model.splitAfter = pattern.value();
    return {};
}

Status PipelineParser::parseDecoder(const Json& decoder) {
    if (decoder.is_null()) {
        return {};
    }
    const Json steps = decoder.value("type", std::string()) == "Sequence" ? decoder.at("decoders")
                                                                          : Json::array({decoder});
    bool fused = false;
    for (const Json& step : steps) {
        const std::string type = step.value("type", std::string());
        // Replace must act on single pieces before bytes are joined, and Fuse must come last,
        // for the per-piece decoding used here (and by the incremental decoder) to be exact.
        if (fused || (type == "Replace" && m_model.decoderByteFallback)) {
            return unsupported("decoder step '" + type + "' in this position is not supported");
        }
        if (type == "Replace") {
            auto pattern = literalPattern(step, "the Replace decoder");
            if (!pattern.ok()) {
                return pattern.error();
            }
            if (occursInBytePieces(pattern.value())) {
                return unsupported("a Replace decoder pattern occurs inside <0xNN> pieces");
            }
            m_model.decoderReplacements.emplace_back(pattern.value(),
                                                     step.at("content").get<std::string>());
        } else if (type == "ByteFallback") {
            m_model.decoderByteFallback = true;
        } else if (type == "Fuse") {
            fused = true;
        } else {
            return unsupported("decoder '" + type + "' is not supported");
        }
    }
    return {};
}

}  // namespace

Status parseTextPipeline(const Json& root, const std::string& sourceName, TokenizerModel& model) {
    static const Json kNone;
    const auto section = [&root](const char* key) -> const Json& {
        const auto it = root.find(key);
        return it == root.end() ? kNone : *it;
    };
    PipelineParser parser(sourceName, model);
    Status status = parser.parseNormalizer(section("normalizer"));
    if (status.ok()) {
        status = parser.parsePreTokenizer(section("pre_tokenizer"));
    }
    if (status.ok()) {
        status = parser.parseDecoder(section("decoder"));
    }
    return status;
}

}  // namespace inference::detail
