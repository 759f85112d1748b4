#include "inference/tokenizer.h"

#include <fstream>
#include <iterator>

#include "inference/tokenizer_json.h"
#include "inference/tokenizer_model.h"
#include "inference/unicode_utf8.h"

namespace inference {
namespace {

// One U+FFFD per byte of a malformed run, as the ByteFallback decoder of tokenizers does.
void appendByteRun(std::string& out, const std::string& bytes) {
    if (utf8::isValid(bytes)) {
        out += bytes;
        return;
    }
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        out += "\xEF\xBF\xBD";
    }
}

}  // namespace

Tokenizer::Tokenizer(std::shared_ptr<const detail::TokenizerModel> model)
    : m_model(std::move(model)) {}

Result<Tokenizer> Tokenizer::load(const std::string& tokenizerJsonPath) {
    std::ifstream file(tokenizerJsonPath, std::ios::binary);
    if (!file) {
        return makeError(ErrorCode::FileNotFound, tokenizerJsonPath + ": cannot open the file");
    }
    const std::string text((std::istreambuf_iterator<char>(file)),
                           std::istreambuf_iterator<char>());
    if (file.bad()) {
        return makeError(ErrorCode::InvalidFile, tokenizerJsonPath + ": read error");
    }
    return fromJson(text, tokenizerJsonPath);
}

Result<Tokenizer> Tokenizer::fromJson(std::string_view json, const std::string& sourceName) {
    auto model = detail::parseTokenizerJson(json, sourceName);
    if (!model.ok()) {
        return model.error();
    }
    return Tokenizer(std::move(model).value());
}

std::vector<std::int32_t> Tokenizer::encode(std::string_view utf8) const {
    std::vector<std::int32_t> ids;
    ids.reserve(utf8.size() / 3 + 4);
    m_model->encode(utf8, ids);
    return ids;
}

std::string Tokenizer::decode(const std::vector<std::int32_t>& ids, bool skipSpecial) const {
    std::string text;
    std::string byteRun;
    for (const std::int32_t id : ids) {
        if (!m_model->vocab.contains(id) || (skipSpecial && m_model->vocab.isSpecial(id))) {
            continue;
        }
        const int byte = bytePieceValue(id);
        if (byte >= 0) {
            byteRun.push_back(static_cast<char>(byte));
            continue;
        }
        appendByteRun(text, byteRun);
        byteRun.clear();
        text += m_model->decodedPiece(id);
    }
    appendByteRun(text, byteRun);
    return text;
}

std::optional<std::int32_t> Tokenizer::tokenId(std::string_view piece) const {
    const std::int32_t id = m_model->vocab.find(piece);
    return id < 0 ? std::nullopt : std::optional<std::int32_t>(id);
}

std::optional<std::string_view> Tokenizer::tokenText(std::int32_t id) const {
    if (!m_model->vocab.contains(id)) {
        return std::nullopt;
    }
    return std::string_view(m_model->vocab.piece(id));
}

bool Tokenizer::isSpecial(std::int32_t id) const {
    return m_model->vocab.isSpecial(id);
}

std::int32_t Tokenizer::vocabSize() const {
    return m_model->vocab.size();
}

int Tokenizer::bytePieceValue(std::int32_t id) const {
    return m_model->decoderByteFallback ? m_model->vocab.byteValue(id) : -1;
}

std::string Tokenizer::decodedPiece(std::int32_t id) const {
    return m_model->vocab.contains(id) ? m_model->decodedPiece(id) : std::string();
}

}  // namespace inference
