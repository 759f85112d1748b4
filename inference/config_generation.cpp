// generation_config.json and preprocessor_config.json. Absent or null keys keep the defaults
// documented in config.h (Gemma 3's published values).
#include "inference/config.h"

#include <cmath>

#include "inference/config_json.h"
#include "inference/config_text.h"

namespace inference {

using json_detail::Diagnostics;
using json_detail::FieldReader;
using json_detail::Json;

namespace {

void checkGeneration(const FieldReader& r, const GenerationConfig& g) {
    r.require(!g.eosTokenIds.empty(), "eos_token_id", "must name at least one token");
    for (const std::int64_t id : g.eosTokenIds) {
        r.require(id >= 0, "eos_token_id", "must not be negative, found " + std::to_string(id));
    }
    r.require(g.bosTokenId >= 0, "bos_token_id", "must not be negative");
    r.require(g.padTokenId >= 0, "pad_token_id", "must not be negative");
    r.require(g.temperature >= 0.0, "temperature",
              "must not be negative, found " + json_detail::formatNumber(g.temperature));
    r.require(g.topK >= 0, "top_k", "must not be negative, found " + std::to_string(g.topK));
    r.require(g.topP > 0.0 && g.topP <= 1.0, "top_p",
              "must be in (0, 1], found " + json_detail::formatNumber(g.topP));
    r.require(!g.maxNewTokens || *g.maxNewTokens > 0, "max_new_tokens", "must be positive");
}

// image_mean / image_std: one number for all channels, or one per RGB channel.
void readChannelTriple(const FieldReader& r, const char* key, double (&out)[3]) {
    const Json* value = r.find(key);
    if (!value) {
        return;
    }
    const auto finite = [](const Json& v) {
        return v.is_number() && std::isfinite(v.get<double>());
    };
    if (finite(*value)) {
        out[0] = out[1] = out[2] = value->get<double>();
        return;
    }
    if (!value->is_array() || value->size() != 3) {
        r.typeError(key, "a number or a list of 3 numbers", *value);
        return;
    }
    for (std::size_t c = 0; c < 3; ++c) {
        if (!finite((*value)[c])) {
            r.typeError(key, "a number or a list of 3 numbers", (*value)[c]);
            return;
        }
        out[c] = (*value)[c].get<double>();
    }
}

void readSize(const FieldReader& r, PreprocessorConfig& p) {
    if (!r.has("size")) {
        return;
    }
    const FieldReader size = r.child("size");
    size.require(size.has("height") && size.has("width"), "height",
                 "and width are both required in size");
    size.readInt("height", p.height);
    size.readInt("width", p.width);
    config_detail::requireSize(size, "height", p.height, std::int64_t{1} << 16);
    config_detail::requireSize(size, "width", p.width, std::int64_t{1} << 16);
}

void readPanAndScan(const FieldReader& r, PreprocessorConfig& p) {
    r.readBool("do_pan_and_scan", p.doPanAndScan);
    r.readInt("pan_and_scan_min_crop_size", p.panAndScanMinCropSize);
    r.readInt("pan_and_scan_max_num_crops", p.panAndScanMaxNumCrops);
    r.readNumber("pan_and_scan_min_ratio_to_activate", p.panAndScanMinRatioToActivate);
    config_detail::requireSize(r, "pan_and_scan_min_crop_size", p.panAndScanMinCropSize,
                               std::int64_t{1} << 16);
    config_detail::requireSize(r, "pan_and_scan_max_num_crops", p.panAndScanMaxNumCrops, 1024);
    config_detail::requirePositive(r, "pan_and_scan_min_ratio_to_activate",
                                   p.panAndScanMinRatioToActivate);
}

void checkNormalisation(const FieldReader& r, const PreprocessorConfig& p) {
    config_detail::requirePositive(r, "rescale_factor", p.rescaleFactor);
    for (const double s : p.std) {
        r.require(s != 0.0, "image_std", "must not contain 0 (it divides the pixel values)");
    }
}

// The reference resize is PIL's antialiased bilinear filter (2); others are not implemented.
void readResample(const FieldReader& r, PreprocessorConfig& p) {
    std::int64_t resample = p.resample;
    r.readInt("resample", resample);
    if (resample != 2) {
        r.fail(ErrorCode::UnsupportedModel, r.where("resample") + " " + std::to_string(resample) +
                                                " is not supported (only 2, bilinear)");
    }
}

}  // namespace

Result<GenerationConfig> parseGenerationConfig(const std::string& jsonText,
                                               const std::string& fileName) {
    auto json = json_detail::parseJsonObject(jsonText, fileName);
    if (!json.ok()) {
        return json.error();
    }
    Diagnostics diag;
    const FieldReader r(json.value(), fileName, "", diag);
    GenerationConfig g;
    r.readIntOrList("eos_token_id", g.eosTokenIds);
    r.readInt("bos_token_id", g.bosTokenId);
    r.readInt("pad_token_id", g.padTokenId);
    r.readBool("do_sample", g.doSample);
    r.readNumber("temperature", g.temperature);
    r.readInt("top_k", g.topK);
    r.readNumber("top_p", g.topP);
    if (r.has("max_new_tokens")) {
        std::int64_t maxNew = 0;
        r.readInt("max_new_tokens", maxNew);
        g.maxNewTokens = maxNew;
    }
    checkGeneration(r, g);
    if (diag.failed()) {
        return diag.error();
    }
    return g;
}

Result<PreprocessorConfig> parsePreprocessorConfig(const std::string& jsonText,
                                                   const std::string& fileName) {
    auto json = json_detail::parseJsonObject(jsonText, fileName);
    if (!json.ok()) {
        return json.error();
    }
    Diagnostics diag;
    const FieldReader r(json.value(), fileName, "", diag);
    PreprocessorConfig p;
    readSize(r, p);
    r.readNumber("rescale_factor", p.rescaleFactor);
    readChannelTriple(r, "image_mean", p.mean);
    readChannelTriple(r, "image_std", p.std);
    r.readBool("do_resize", p.doResize);
    r.readBool("do_rescale", p.doRescale);
    r.readBool("do_normalize", p.doNormalize);
    r.readBool("do_convert_rgb", p.doConvertRgb);
    readResample(r, p);
    readPanAndScan(r, p);
    if (r.has("image_seq_length")) {
        std::int64_t length = 0;
        r.readInt("image_seq_length", length);
        config_detail::requireSize(r, "image_seq_length", length, std::int64_t{1} << 24);
        p.imageSeqLength = length;
    }
    checkNormalisation(r, p);
    if (diag.failed()) {
        return diag.error();
    }
    return p;
}

}  // namespace inference
