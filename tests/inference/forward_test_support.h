#pragma once
// Shared helpers of the forward-pass tests: the fixture checkpoints and their goldens
// (tests/fixtures/tiny-medgemma*, see tests/fixtures/README.md), PNG decoding through QImage,
// and tensor comparisons.

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <ATen/ATen.h>

#include <QString>
#include <QStringList>

#include "inference/compute_type.h"
#include "inference/config.h"
#include "inference/image_preprocess.h"
#include "inference/model.h"
#include "inference/prefill.h"
#include "inference/quantized_store.h"

namespace fwdtest {

// The two fixture checkpoints: "tiny-medgemma" and "tiny-medgemma-b".
const std::vector<QString>& checkpointNames();
QString checkpointDir(const QString& checkpoint);
QString goldenDir(const QString& checkpoint);

// The model of a fixture checkpoint, loaded once per compute type and cached.
std::shared_ptr<const inference::Model> model(const QString& checkpoint,
                                              inference::ComputeType type);
// A bf16 model of the checkpoint in `directory` with its matrices quantized as `settings` say
// (loaded anew each call, so that cache files are exercised); aborts the test on failure.
std::shared_ptr<const inference::Model> quantizedModel(
    const std::string& directory, const inference::QuantizationSettings& settings);
// Its preprocessor_config.json.
inference::PreprocessorConfig preprocessorConfig(const QString& checkpoint);

struct GoldenCase {
    QString name;  // text_only, one_image, two_images
    std::vector<std::int64_t> ids;
    QStringList images;                // PNG file names, in prompt order
    std::vector<std::int64_t> greedy;  // 20-token greedy continuation
    std::vector<std::int64_t> top20;   // ids of the 20 largest last-position logits
    double minMargin = 0.0;            // smallest top-1/top-2 gap along the greedy path
};

std::vector<GoldenCase> goldenCases(const QString& checkpoint);
GoldenCase goldenCase(const QString& checkpoint, const QString& caseName);

// <case>_tensors.safetensors of a golden case, as owned float32 tensors.
std::map<std::string, at::Tensor> goldenTensors(const QString& checkpoint, const QString& caseName);

// An 8-bit RGB image decoded with QImage.
struct DecodedImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgb;  // packed rows
    inference::Image8View view() const;
};
DecodedImage decodePng(const QString& path);

// [N, 3, S, S] float32 from preprocessed images.
at::Tensor stackPixels(const std::vector<inference::PixelValues>& images);

// The prompt of a golden case with pixel values from this engine's own preprocessing of the
// case's PNGs.
inference::PromptInput promptWithOwnPixels(const QString& checkpoint, const GoldenCase& c);

double maxAbsDiff(const at::Tensor& a, const at::Tensor& b);

}  // namespace fwdtest
