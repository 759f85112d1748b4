#include "inference/weights.h"

#include <cassert>
#include <filesystem>
#include <map>
#include <set>
#include <stdexcept>

namespace inference {

namespace {

constexpr WeightLayout kLayouts[] = {WeightLayout::Transformers4, WeightLayout::Transformers5,
                                     WeightLayout::TextOnly};

// The layout is recognised by where the one tensor every Gemma 3 has, the token embedding, is.
std::optional<WeightLayout> detectLayout(const Checkpoint& checkpoint) {
    for (const WeightLayout layout : kLayouts) {
        if (checkpoint.find(storedTensorName(weight_names::kEmbedTokens, layout))) {
            return layout;
        }
    }
    return std::nullopt;
}

std::string fileNames(const Checkpoint& checkpoint) {
    std::string names;
    for (const std::string& path : checkpoint.files()) {
        names += (names.empty() ? "" : ", ") + std::filesystem::path(path).filename().string();
    }
    return names;
}

bool supportedDtype(DType dtype) {
    return dtype == DType::BF16 || dtype == DType::F16 || dtype == DType::F32;
}

// Walks the checkpoint against the expected tensor list and collects every problem, so the
// message can say how many there are beyond the first.
class Validator {
public:
    Validator(const Checkpoint& checkpoint, const ModelConfig& config, WeightLayout layout)
        : m_checkpoint(checkpoint), m_config(config), m_layout(layout) {}

    std::map<std::string, const TensorView*> mapNames() {
        std::map<std::string, const TensorView*> byCanonical;
        for (const std::string& stored : m_checkpoint.names()) {
            const TensorView* view = m_checkpoint.find(stored);
            const auto canonical = canonicalTensorName(stored, m_layout);
            if (!canonical || !byCanonical.emplace(*canonical, view).second) {
                m_unexpected.push_back(makeError(
                    ErrorCode::UnexpectedTensor,
                    pathOf(*view) + ": unexpected tensor '" + stored + "': not part of the " +
                        weightLayoutName(m_layout) + " this checkpoint uses"));
            }
        }
        return byCanonical;
    }

    void checkExpected(std::map<std::string, const TensorView*>& tensors) {
        for (const ExpectedTensor& expected : expectedTensors(m_config)) {
            const auto it = tensors.find(expected.name);
            if (it == tensors.end()) {
                if (!expected.optional) {
                    reportMissing(expected.name);
                }
                continue;
            }
            checkTensor(*it->second, expected);
            m_used.insert(expected.name);
        }
        for (const auto& [canonical, view] : tensors) {
            if (!m_used.count(canonical)) {
                m_unexpected.push_back(makeError(
                    ErrorCode::UnexpectedTensor,
                    pathOf(*view) + ": unexpected tensor '" + view->name + "': no part of a " +
                        m_config.architecture + " with this config.json uses it"));
            }
        }
    }

    void checkLmHead(bool stored) {
        if (!stored && !m_config.text.tieWordEmbeddings) {
            m_problems.push_back(makeError(
                ErrorCode::MissingTensor,
                m_checkpoint.directory() + ": config.json sets tie_word_embeddings false, but " +
                    "no '" + storedTensorName(weight_names::kLmHead, m_layout) +
                    "' is stored (files: " + fileNames(m_checkpoint) + ")"));
        }
    }

    Status result() const {
        std::vector<Error> all = m_problems;
        all.insert(all.end(), m_unexpected.begin(), m_unexpected.end());
        if (all.empty()) {
            return {};
        }
        Error first = all.front();
        if (all.size() > 1) {
            first.message += " (and " + std::to_string(all.size() - 1) + " more problems)";
        }
        return first;
    }

private:
    std::string pathOf(const TensorView& view) const {
        return (std::filesystem::path(m_checkpoint.directory()) / view.file).string();
    }

    void reportMissing(const std::string& canonical) {
        m_problems.push_back(makeError(
            ErrorCode::MissingTensor,
            m_checkpoint.directory() + ": missing tensor '" +
                storedTensorName(canonical, m_layout) + "' (" + canonical + "), expected in the " +
                weightLayoutName(m_layout) + " of " + fileNames(m_checkpoint)));
    }

    void checkTensor(const TensorView& view, const ExpectedTensor& expected) {
        if (view.shape != expected.shape) {
            m_problems.push_back(makeError(
                ErrorCode::ShapeMismatch,
                pathOf(view) + ": tensor '" + view.name + "' has shape " + formatShape(view.shape) +
                    ", but config.json implies " + formatShape(expected.shape)));
        } else if (!supportedDtype(view.dtype)) {
            m_problems.push_back(makeError(ErrorCode::UnsupportedModel,
                                           pathOf(view) + ": tensor '" + view.name +
                                               "' has dtype " + dtypeName(view.dtype) +
                                               "; only BF16, F16 and F32 weights are supported"));
        }
    }

    const Checkpoint& m_checkpoint;
    const ModelConfig& m_config;
    WeightLayout m_layout;
    std::vector<Error> m_problems;    // missing, mis-shaped, wrong dtype: in expected order
    std::vector<Error> m_unexpected;  // reported after them
    std::set<std::string> m_used;
};

}  // namespace

Result<ModelWeights> ModelWeights::open(const std::string& directory, const ModelConfig& config) {
    auto checkpoint = Checkpoint::open(directory);
    if (!checkpoint.ok()) {
        return checkpoint.error();
    }
    return fromCheckpoint(std::move(checkpoint.value()), config);
}

Result<ModelWeights> ModelWeights::fromCheckpoint(Checkpoint checkpoint,
                                                  const ModelConfig& config) {
    const auto layout = detectLayout(checkpoint);
    if (!layout) {
        return makeError(ErrorCode::MissingTensor,
                         checkpoint.directory() + ": no token embedding found: looked for '" +
                             storedTensorName(weight_names::kEmbedTokens, kLayouts[0]) + "', '" +
                             storedTensorName(weight_names::kEmbedTokens, kLayouts[1]) + "' and '" +
                             storedTensorName(weight_names::kEmbedTokens, kLayouts[2]) + "' in " +
                             fileNames(checkpoint));
    }
    if (config.hasVision() && *layout == WeightLayout::TextOnly) {
        return makeError(ErrorCode::MissingTensor,
                         checkpoint.directory() + ": config.json describes " + config.architecture +
                             " with a vision tower, but the weights (" + fileNames(checkpoint) +
                             ") are in the " + weightLayoutName(*layout) +
                             ", which has no place for vision tensors");
    }
    Validator validator(checkpoint, config, *layout);
    auto tensors = validator.mapNames();
    validator.checkExpected(tensors);
    validator.checkLmHead(tensors.count(weight_names::kLmHead) != 0);
    if (const Status status = validator.result(); !status.ok()) {
        return status.error();
    }
    ModelWeights weights;
    weights.m_layout = *layout;
    weights.m_lmHeadTied = config.text.tieWordEmbeddings || !tensors.count(weight_names::kLmHead);
    weights.m_tensors = std::move(tensors);
    for (const auto& shard : checkpoint.shards()) {
        weights.m_files.push_back(WeightFile{shard->path(), shard->fileSize()});
    }
    weights.m_checkpoint = std::move(checkpoint);
    return weights;
}

const TensorView* ModelWeights::find(const std::string& canonicalName) const {
    const auto it = m_tensors.find(canonicalName);
    return it == m_tensors.end() ? nullptr : it->second;
}

const TensorView& ModelWeights::get(const std::string& canonicalName) const {
    const TensorView* view = find(canonicalName);
    assert(view && "ModelWeights::get: name not among the validated tensors");
    if (!view) {
        throw std::out_of_range("ModelWeights::get: no tensor '" + canonicalName + "'");
    }
    return *view;
}

std::vector<std::string> ModelWeights::names() const {
    std::vector<std::string> result;
    for (const auto& entry : m_tensors) {
        result.push_back(entry.first);
    }
    return result;
}

std::uint64_t ModelWeights::parameterCount() const {
    std::uint64_t count = 0;
    for (const auto& [name, view] : m_tensors) {
        if (!(m_lmHeadTied && name == weight_names::kLmHead)) {
            count += static_cast<std::uint64_t>(view->numel());
        }
    }
    return count;
}

}  // namespace inference
