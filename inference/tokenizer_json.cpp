#include "inference/tokenizer_json.h"

#include <nlohmann/json.hpp>

#include "inference/tokenizer_json_pipeline.h"
#include "inference/unicode_utf8.h"

namespace inference::detail {
namespace {

using Json = nlohmann::json;

// Ids above this are treated as a malformed file rather than allocated for.
constexpr std::int64_t kMaxTokenId = 1 << 24;

class Builder {
public:
    Builder(const std::string& sourceName, TokenizerModel& model)
        : m_name(sourceName), m_model(model) {}

    Status build(const Json& root);

private:
    Error invalid(const std::string& what) const {
        return makeError(ErrorCode::InvalidFile, m_name + ": " + what);
    }
    Error unsupported(const std::string& what) const {
        return makeError(ErrorCode::UnsupportedModel, m_name + ": " + what);
    }

    Status parseModel(const Json& model);
    Status parseVocab(const Json& vocab);
    Status parseMerges(const Json& merges);
    Status parseAddedTokens(const Json& added);

    const std::string& m_name;
    TokenizerModel& m_model;
    bool m_mergesTouchBytePieces = false;
};

bool isNullOr(const Json& object, const char* key, const Json& allowed) {
    const auto it = object.find(key);
    return it == object.end() || it->is_null() || *it == allowed;
}

Status Builder::build(const Json& root) {
    if (!root.is_object()) {
        return invalid("the top level is not a JSON object");
    }
    const auto model = root.find("model");
    if (model == root.end() || !model->is_object()) {
        return invalid("no \"model\" section");
    }
    Status status = parseModel(*model);
    if (status.ok() && root.contains("added_tokens")) {
        status = parseAddedTokens(root.at("added_tokens"));
    }
    if (status.ok()) {
        status = parseTextPipeline(root, m_name, m_model);
    }
    if (!status.ok()) {
        return status;
    }
    m_model.vocab.indexBytePieces();
    const BpeOptions& options = m_model.bpe.options();
    if (options.byteFallback && !m_model.vocab.hasAllBytePieces()) {
        return unsupported("byte_fallback is set but some <0xNN> pieces are missing");
    }
    if (!options.byteFallback && options.unkId < 0) {
        return unsupported("the model has neither byte_fallback nor a known unk_token");
    }
    if (options.byteFallback && !m_mergesTouchBytePieces) {
        m_model.prepareWordSplitting();
    }
    return {};
}

Status Builder::parseModel(const Json& model) {
    if (model.value("type", std::string("BPE")) != "BPE") {
        return unsupported("model type '" + model.value("type", std::string()) +
                           "' is not supported (BPE only)");
    }
    if (!isNullOr(model, "dropout", 0.0) || !isNullOr(model, "continuing_subword_prefix", "") ||
        !isNullOr(model, "end_of_word_suffix", "") || !isNullOr(model, "ignore_merges", false)) {
        return unsupported(
            "BPE dropout, subword prefixes/suffixes and ignore_merges are not supported");
    }
    const auto vocab = model.find("vocab");
    const auto merges = model.find("merges");
    if (vocab == model.end() || !vocab->is_object() || merges == model.end() ||
        !merges->is_array()) {
        return invalid("the model section lacks \"vocab\" or \"merges\"");
    }
    if (Status s = parseVocab(*vocab); !s.ok()) {
        return s;
    }
    BpeOptions options;
    options.byteFallback = model.value("byte_fallback", false);
    options.fuseUnk = model.value("fuse_unk", false);
    const auto unk = model.find("unk_token");
    if (unk != model.end() && unk->is_string()) {
        options.unkId = m_model.vocab.find(unk->get<std::string>());
    }
    m_model.bpe.setOptions(options);
    return parseMerges(*merges);
}

Status Builder::parseVocab(const Json& vocab) {
    m_model.vocab.reserve(vocab.size() + 64);
    for (const auto& [piece, idValue] : vocab.items()) {
        if (!idValue.is_number_integer() || idValue.get<std::int64_t>() < 0 ||
            idValue.get<std::int64_t>() > kMaxTokenId) {
            return invalid("vocab entry '" + piece + "' has no valid id");
        }
        const auto id = idValue.get<std::int32_t>();
        const utf8::Decoded first = piece.empty() ? utf8::Decoded{} : utf8::decodeAt(piece, 0);
        if (first.length == piece.size() && first.length > 0) {
            m_model.bpe.addCharacter(first.codePoint, id);
        }
        m_model.vocab.add(piece, id);
    }
    return {};
}

Status Builder::parseMerges(const Json& merges) {
    MergeTable& table = m_model.bpe.merges();
    table.reserve(merges.size());
    std::int32_t rank = 0;
    std::string joined;
    for (const Json& merge : merges) {
        std::string_view left;
        std::string_view right;
        if (merge.is_array() && merge.size() == 2) {
            left = merge[0].get_ref<const std::string&>();
            right = merge[1].get_ref<const std::string&>();
        } else if (merge.is_string()) {
            // The older serialisation: "left right" with a single space.
            left = merge.get_ref<const std::string&>();
            const std::size_t space = left.find(' ', 1);
            if (space == std::string_view::npos) {
                return invalid("merge '" + std::string(left) + "' is not a pair");
            }
            right = left.substr(space + 1);
            left = left.substr(0, space);
        } else {
            return invalid("merge #" + std::to_string(rank) + " is not a pair");
        }
        joined.assign(left);
        joined.append(right);
        const std::int32_t leftId = m_model.vocab.find(left);
        const std::int32_t rightId = m_model.vocab.find(right);
        const std::int32_t mergedId = m_model.vocab.find(joined);
        if (leftId < 0 || rightId < 0 || mergedId < 0) {
            return invalid("merge '" + std::string(left) + "' + '" + std::string(right) +
                           "' uses a piece missing from the vocab");
        }
        m_mergesTouchBytePieces = m_mergesTouchBytePieces ||
                                  m_model.vocab.piece(leftId).rfind("<0x", 0) == 0 ||
                                  m_model.vocab.piece(rightId).rfind("<0x", 0) == 0;
        table.insert(leftId, rightId, {rank++, mergedId});
    }
    return {};
}

Status Builder::parseAddedTokens(const Json& added) {
    if (!added.is_array()) {
        return invalid("\"added_tokens\" is not a list");
    }
    for (const Json& token : added) {
        const auto id = token.at("id").get<std::int64_t>();
        const auto content = token.at("content").get<std::string>();
        if (id < 0 || id > kMaxTokenId || content.empty()) {
            return invalid("added token '" + content + "' has no valid id or is empty");
        }
        if (token.value("lstrip", false) || token.value("rstrip", false) ||
            token.value("single_word", false) || token.value("normalized", false)) {
            return unsupported(
                "added token '" + content +
                "' uses lstrip/rstrip/single_word/normalized, which are not supported");
        }
        m_model.vocab.add(content, static_cast<std::int32_t>(id));
        m_model.vocab.markAdded(static_cast<std::int32_t>(id), token.value("special", false));
        m_model.addedTokens.add(content, static_cast<std::int32_t>(id));
    }
    return {};
}

}  // namespace

Result<std::shared_ptr<const TokenizerModel>> parseTokenizerJson(std::string_view json,
                                                                 const std::string& sourceName) {
    Json root = Json::parse(json.begin(), json.end(), nullptr, /*allow_exceptions=*/false);
    if (root.is_discarded()) {
        return makeError(ErrorCode::InvalidFile,
                         sourceName + ": not valid JSON (truncated or corrupted file)");
    }
    auto model = std::make_shared<TokenizerModel>();
    try {
        if (Status s = Builder(sourceName, *model).build(root); !s.ok()) {
            return s.error();
        }
    } catch (const Json::exception& e) {
        // A field of the wrong type or a missing key deep inside a section.
        return makeError(ErrorCode::InvalidFile,
                         sourceName + ": unexpected tokenizer.json layout (" + e.what() + ")");
    }
    return std::shared_ptr<const TokenizerModel>(std::move(model));
}

}  // namespace inference::detail
