#pragma once
// What the engine subcommands (generate, logits, bench) share: the options that load a model,
// the images and preprocessed pixels a request carries, and messages on stderr.
// Thread-safety: main thread of the CLI.

#include <memory>
#include <string>
#include <vector>

#include "arguments.h"
#include "inference/engine.h"

namespace app::cli {

// Option names of loadOptionsFrom, for the Arguments parser.
std::set<std::string> engineValuedOptions();

// --model DIR [--device cpu|cuda] [--dtype bfloat16|float32] [--threads N]
// [--quant none|int8|int4] [--group-size 32|64|128] [--quant-cache on|off]. Records an error in
// `error` and returns false on a bad value.
bool loadOptionsFrom(Arguments& args, inference::LoadOptions& options, std::string& error);

// Loads the model, reporting progress on stderr when `verbose`. Null after printing the error.
std::unique_ptr<inference::Engine> loadEngine(const inference::LoadOptions& options,
                                              const std::string& prefix, bool verbose);

// Reads an image file (PNG, JPEG, TIFF, BMP, WebP, or a DICOM image) as 8-bit pixels for the
// engine. A DICOM image is rendered as the viewer first shows it.
bool readImageInput(const std::string& path, inference::ImageInput& image, std::string& error);

// Reads tensor `pixel_values` (F32, [N, 3, S, S]) of a safetensors file.
bool readPixelInputs(const std::string& path, std::vector<inference::PixelInput>& pixels,
                     std::string& error);

// Prints "<prefix><message>" on stderr and returns `status`.
int fail(const std::string& prefix, const std::string& message, int status = 1);

}  // namespace app::cli
