#pragma once
// The weights of a Gemma 3 / MedGemma model directory, checked tensor by tensor against
// config.json and exposed under one canonical naming scheme whatever layout the checkpoint
// was saved in. Pure C++: tensors are TensorViews into the mapped safetensors files.
//
// Canonical names (what get() takes):
//   text.embed_tokens.weight                          [vocab, hidden]
//   text.layers.{i}.input_layernorm.weight            [hidden]
//   text.layers.{i}.self_attn.{q,k,v,o}_proj.weight   q [heads*head_dim, hidden],
//                                                     k/v [kv_heads*head_dim, hidden],
//                                                     o [hidden, heads*head_dim]
//   text.layers.{i}.self_attn.{q,k}_norm.weight       [head_dim]
//   text.layers.{i}.{post_attention,pre_feedforward,post_feedforward}_layernorm.weight [hidden]
//   text.layers.{i}.mlp.{gate,up}_proj.weight         [intermediate, hidden]
//   text.layers.{i}.mlp.down_proj.weight              [hidden, intermediate]
//   text.norm.weight                                  [hidden]
//   lm_head.weight                                    [vocab, hidden], optional (tied)
//   vision.embeddings.patch_embedding.{weight,bias}   [width, 3, patch, patch] / [width]
//   vision.embeddings.position_embedding.weight       [patches, width]
//   vision.encoder.layers.{j}.{layer_norm1,layer_norm2}.{weight,bias}             [width]
//   vision.encoder.layers.{j}.self_attn.{q,k,v,out}_proj.{weight,bias} [width, width] / [width]
//   vision.encoder.layers.{j}.mlp.fc1.{weight,bias}   [vision_intermediate, width] / [..]
//   vision.encoder.layers.{j}.mlp.fc2.{weight,bias}   [width, vision_intermediate] / [width]
//   vision.post_layernorm.{weight,bias}               [width]
//   projector.mm_input_projection_weight              [width, hidden] (used as x @ W, as stored)
//   projector.mm_soft_emb_norm.weight                 [width]
// Stored prefixes by layout (canonical prefix <- stored prefix):
//   Transformers4 (transformers 4.x saves of Gemma3ForConditionalGeneration):
//     text. <- language_model.model.            vision. <- vision_tower.vision_model.
//     projector. <- multi_modal_projector.      lm_head.weight <- language_model.lm_head.weight
//   Transformers5 (newer saves and fine-tunes):
//     text. <- model.language_model.            vision. <- model.vision_tower.vision_model.
//     projector. <- model.multi_modal_projector.   lm_head.weight <- lm_head.weight
//   TextOnly (Gemma3ForCausalLM):
//     text. <- model.                           lm_head.weight <- lm_head.weight
// Thread-safety: immutable after open(); concurrent reads are safe. Ownership: a ModelWeights
// keeps its mapped files alive; TensorView pointers stay valid while any copy of it exists.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "inference/config.h"
#include "inference/result.h"
#include "inference/safetensors.h"

namespace inference {

enum class WeightLayout { Transformers4, Transformers5, TextOnly };

// "transformers 4.x layout (language_model.model.*)" and the like, for messages and the UI.
const char* weightLayoutName(WeightLayout layout);

// The stored name -> canonical name rule of a layout; nullopt when the name has none of the
// layout's prefixes.
std::optional<std::string> canonicalTensorName(const std::string& stored, WeightLayout layout);
// The inverse: the name a canonical tensor has in a checkpoint of `layout`.
std::string storedTensorName(const std::string& canonical, WeightLayout layout);

// One of a text layer's seven projection matrices ("text.layers.3.mlp.up_proj.weight").
bool isTextLayerProjection(const std::string& canonical);

namespace weight_names {
constexpr const char* kEmbedTokens = "text.embed_tokens.weight";
constexpr const char* kFinalNorm = "text.norm.weight";
constexpr const char* kLmHead = "lm_head.weight";
constexpr const char* kProjection = "projector.mm_input_projection_weight";
constexpr const char* kSoftEmbNorm = "projector.mm_soft_emb_norm.weight";
// "text.layers.3." + rest
std::string textLayer(std::int64_t layer, const std::string& rest);
// "vision.encoder.layers.0." + rest
std::string visionLayer(std::int64_t layer, const std::string& rest);
}  // namespace weight_names

struct ExpectedTensor {
    std::string name;  // canonical
    std::vector<std::int64_t> shape;
    bool optional = false;  // only lm_head.weight
};

// Every tensor a model with `config` has, in a fixed order (text, vision, projector).
std::vector<ExpectedTensor> expectedTensors(const ModelConfig& config);

struct WeightFile {
    std::string path;
    std::uint64_t sizeBytes = 0;  // whole file, header included
};

class ModelWeights {
public:
    // Opens the directory's safetensors files and validates them against `config`.
    // Errors (the first problem found, with a count of further ones): a required tensor absent
    // -> MissingTensor naming the stored name and the layout; a tensor no part of the model
    // uses -> UnexpectedTensor naming it and its file; a shape that disagrees with config.json
    // -> ShapeMismatch with both shapes and the file; a dtype other than BF16/F16/F32 ->
    // UnsupportedModel; file problems as Checkpoint::open.
    static Result<ModelWeights> open(const std::string& directory, const ModelConfig& config);
    static Result<ModelWeights> fromCheckpoint(Checkpoint checkpoint, const ModelConfig& config);

    // A tensor by canonical name. The name must be one expectedTensors() lists as required
    // (or lm_head.weight when hasLmHead()); anything else is a programming error.
    const TensorView& get(const std::string& canonicalName) const;
    const TensorView* find(const std::string& canonicalName) const;  // nullptr when absent
    std::vector<std::string> names() const;                          // canonical, sorted

    WeightLayout layout() const { return m_layout; }
    // True when the output projection reuses text.embed_tokens.weight: tie_word_embeddings
    // (transformers then ignores a stored lm_head copy) or no lm_head stored.
    bool lmHeadTied() const { return m_lmHeadTied; }
    bool hasLmHead() const { return find(weight_names::kLmHead) != nullptr; }
    const std::vector<WeightFile>& files() const { return m_files; }
    std::uint64_t totalBytes() const { return m_checkpoint.totalBytes(); }  // tensor bytes
    // Distinct parameters: an lm_head copy that is tied to the embedding is not counted.
    std::uint64_t parameterCount() const;
    const Checkpoint& checkpoint() const { return m_checkpoint; }

private:
    ModelWeights() = default;

    Checkpoint m_checkpoint;
    std::map<std::string, const TensorView*> m_tensors;  // canonical name -> view
    WeightLayout m_layout = WeightLayout::Transformers4;
    bool m_lmHeadTied = true;
    std::vector<WeightFile> m_files;
};

}  // namespace inference
