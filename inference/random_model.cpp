#include "inference/random_model.h"

#include <cmath>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "inference/config.h"
#include "inference/kernels/bf16.h"
#include "inference/random_tensor.h"
#include "inference/safetensors_writer.h"
#include "inference/weights.h"

namespace inference {
namespace {

namespace fs = std::filesystem;

Error writeFailure(const std::string& path) {
    return makeError(ErrorCode::InvalidFile, path + ": cannot write (disk full or read-only?)");
}

Status writeText(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    out.close();
    return out ? Status() : Status(writeFailure(path.string()));
}

nlohmann::ordered_json generationConfig() {
    return {{"bos_token_id", 2},      {"cache_implementation", "hybrid"}, {"do_sample", true},
            {"eos_token_id", {1, 106}}, {"pad_token_id", 0},              {"top_k", 64},
            {"top_p", 0.95},          {"transformers_version", "4.50.0.dev0"}};
}

nlohmann::ordered_json preprocessorConfig(const ModelConfig& config) {
    const std::int64_t side = config.vision ? config.vision->imageSize : 896;
    return {{"do_convert_rgb", nullptr},     {"do_normalize", true},
            {"do_pan_and_scan", nullptr},    {"do_rescale", true},
            {"do_resize", true},             {"image_mean", {0.5, 0.5, 0.5}},
            {"image_processor_type", "Gemma3ImageProcessor"},
            {"image_seq_length", config.mmTokensPerImage},
            {"image_std", {0.5, 0.5, 0.5}},  {"pan_and_scan_max_num_crops", nullptr},
            {"pan_and_scan_min_crop_size", nullptr},
            {"pan_and_scan_min_ratio_to_activate", nullptr},
            {"processor_class", "Gemma3Processor"},
            {"resample", 2},                 {"rescale_factor", 1.0 / 255.0},
            {"size", {{"height", side}, {"width", side}}}};
}

struct Shard {
    std::vector<TensorSpec> specs;
    std::vector<std::string> canonical;
    std::uint64_t bytes = 0;
};

std::vector<Shard> planShards(const ModelConfig& config, std::uint64_t shardBytes) {
    std::vector<Shard> shards(1);
    for (const ExpectedTensor& tensor : expectedTensors(config)) {
        if (tensor.optional) {
            continue;  // the tied lm_head is not stored
        }
        TensorSpec spec{storedTensorName(tensor.name, WeightLayout::Transformers4), DType::BF16,
                        tensor.shape};
        if (shards.back().bytes > 0 && shards.back().bytes + spec.byteSize() > shardBytes) {
            shards.emplace_back();
        }
        shards.back().bytes += spec.byteSize();
        shards.back().specs.push_back(spec);
        shards.back().canonical.push_back(tensor.name);
    }
    return shards;
}

std::string shardName(std::size_t index, std::size_t count) {
    char name[64];
    std::snprintf(name, sizeof name, "model-%05zu-of-%05zu.safetensors", index + 1, count);
    return name;
}

Status writeShard(const fs::path& path, const Shard& shard, const RandomModelOptions& options,
                  const ModelConfig& config, const std::function<void(std::uint64_t)>& wrote) {
    Result<SafetensorsWriter> writer =
        SafetensorsWriter::create(path.string(), shard.specs, {{"format", "pt"}});
    if (!writer) {
        return writer.error();
    }
    std::vector<kernels::bf16_t> buffer(std::size_t(1) << 22);
    for (std::size_t i = 0; i < shard.specs.size(); ++i) {
        if (options.sparseDecoderMatrices && isTextLayerProjection(shard.canonical[i])) {
            if (Status s = writer->appendZeros(shard.specs[i].byteSize()); !s) {
                return s;
            }
            wrote(shard.specs[i].byteSize());
            continue;
        }
        RandomTensor values(options.seed, shard.canonical[i], randomScale(shard.canonical[i],
                                                                  shard.specs[i].shape, config));
        std::uint64_t left = shard.specs[i].byteSize() / 2;
        while (left > 0) {
            const std::size_t n = std::size_t(std::min<std::uint64_t>(left, buffer.size()));
            values.fill(buffer.data(), n);
            if (Status s = writer->append(buffer.data(), n * 2); !s) {
                return s;
            }
            left -= n;
            wrote(n * 2);
        }
    }
    return writer->finish();
}

Status copyTokenizer(const std::string& from, const fs::path& to) {
    for (const char* name : {"tokenizer.json", "tokenizer_config.json", "tokenizer.model",
                             "special_tokens_map.json", "chat_template.jinja",
                             "chat_template.json"}) {
        const fs::path source = fs::path(from) / name;
        std::error_code error;
        if (fs::exists(source, error) &&
            !fs::copy_file(source, to / name, fs::copy_options::overwrite_existing, error)) {
            return makeError(ErrorCode::InvalidFile,
                             source.string() + ": cannot copy (" + error.message() + ")");
        }
    }
    return {};
}

// config.json of the variant, with the text layer count replaced for a scaled model.
Result<std::string> configText(const RandomModelOptions& options) {
    const std::optional<std::string> text = options.configJson.empty()
                                                ? variantConfigJson(options.like)
                                                : std::optional<std::string>(options.configJson);
    if (!text) {
        return makeError(ErrorCode::InvalidRequest, "unknown model '" + options.like + "'");
    }
    if (options.layers == 0) {
        return *text;
    }
    if (options.layers < 1) {
        return makeError(ErrorCode::InvalidRequest, "the layer count must be positive");
    }
    nlohmann::ordered_json config = nlohmann::ordered_json::parse(*text);
    config["text_config"]["num_hidden_layers"] = options.layers;
    return config.dump(2) + "\n";
}

}  // namespace

Status writeRandomModel(const RandomModelOptions& options) {
    Result<std::string> text = configText(options);
    if (!text) {
        return text.error();
    }
    Result<ModelConfig> config = parseModelConfig(text.value(), "config.json");
    if (!config) {
        return config.error();
    }
    const fs::path dir(options.outputDirectory);
    std::error_code error;
    fs::create_directories(dir, error);
    for (const auto& [name, content] :
         {std::pair<const char*, std::string>{"config.json", text.value()},
          {"generation_config.json", generationConfig().dump(2) + "\n"},
          {"preprocessor_config.json", preprocessorConfig(*config).dump(2) + "\n"},
          {"processor_config.json",
           nlohmann::ordered_json{{"image_seq_length", config->mmTokensPerImage},
                                  {"processor_class", "Gemma3Processor"}}.dump(2) + "\n"}}) {
        if (Status s = writeText(dir / name, content); !s) {
            return s;
        }
    }
    const std::vector<Shard> shards = planShards(*config, options.shardBytes);
    std::uint64_t total = 0;
    for (const Shard& shard : shards) {
        total += shard.bytes;
    }
    std::uint64_t done = 0;
    const auto wrote = [&](std::uint64_t bytes) {
        done += bytes;
        if (options.progress) {
            options.progress(double(done) / double(total));
        }
    };
    nlohmann::ordered_json weightMap = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < shards.size(); ++i) {
        const std::string name = shardName(i, shards.size());
        if (Status s = writeShard(dir / name, shards[i], options, *config, wrote); !s) {
            return s;
        }
        for (const TensorSpec& spec : shards[i].specs) {
            weightMap[spec.name] = name;
        }
    }
    const nlohmann::ordered_json index = {{"metadata", {{"total_size", total}}},
                                          {"weight_map", weightMap}};
    if (Status s = writeText(dir / "model.safetensors.index.json", index.dump(2) + "\n"); !s) {
        return s;
    }
    return options.tokenizerDirectory.empty() ? Status()
                                              : copyTokenizer(options.tokenizerDirectory, dir);
}

}  // namespace inference
