#include "engine_session.h"

#include <cstring>
#include <iostream>

#include "dicom/display.h"
#include "dicom/loader.h"
#include "inference/safetensors.h"

namespace app::cli {

std::set<std::string> engineValuedOptions() {
    return {"model", "device", "dtype", "threads", "quant", "group-size", "quant-cache"};
}

namespace {

bool quantizationFrom(Arguments& args, inference::LoadOptions& options, std::string& error) {
    const std::string quant = args.value("quant").value_or("none");
    if (quant != "none" && quant != "int8" && quant != "int4") {
        error = "--quant takes none, int8 or int4";
        return false;
    }
    options.quantization = quant == "int8"   ? inference::Quantization::Int8
                           : quant == "int4" ? inference::Quantization::Int4
                                             : inference::Quantization::None;
    options.groupSize = int(args.integer("group-size", 64));
    if (options.groupSize != 32 && options.groupSize != 64 && options.groupSize != 128) {
        error = "--group-size takes 32, 64 or 128";
        return false;
    }
    const std::string cache = args.value("quant-cache").value_or("on");
    if (cache != "on" && cache != "off") {
        error = "--quant-cache takes on or off";
        return false;
    }
    options.quantizationCache = cache == "on";
    if (options.quantization != inference::Quantization::None &&
        options.precision != inference::Precision::BFloat16) {
        error = "--quant goes with --dtype bfloat16";
        return false;
    }
    return true;
}

}  // namespace

bool loadOptionsFrom(Arguments& args, inference::LoadOptions& options, std::string& error) {
    const auto model = args.value("model");
    if (!model) {
        error = "--model DIR is required";
        return false;
    }
    options.directory = *model;
    const std::string device = args.value("device").value_or("cpu");
    if (device != "cpu" && device != "cuda") {
        error = "--device takes cpu or cuda";
        return false;
    }
    options.device = device == "cuda" ? inference::Device::Cuda : inference::Device::Cpu;
    const std::string dtype = args.value("dtype").value_or("bfloat16");
    if (dtype != "bfloat16" && dtype != "float32") {
        error = "--dtype takes bfloat16 or float32";
        return false;
    }
    options.precision =
        dtype == "float32" ? inference::Precision::Float32 : inference::Precision::BFloat16;
    options.threads = int(args.integer("threads", 0));
    if (!args.ok()) {
        error = args.error();
        return false;
    }
    return quantizationFrom(args, options, error);
}

std::unique_ptr<inference::Engine> loadEngine(const inference::LoadOptions& options,
                                              const std::string& prefix, bool verbose) {
    auto engine = inference::Engine::load(options);
    if (!engine) {
        fail(prefix, inference::describeError(engine.error()));
        return nullptr;
    }
    if (verbose) {
        const auto& info = (*engine)->info();
        std::cerr << prefix << "loaded " << info.variant << " in "
                  << (*engine)->info().precision << " on " << info.device << "\n";
    }
    return std::move(engine).value();
}

bool readImageInput(const std::string& path, inference::ImageInput& image, std::string& error) {
    const dicom::Collection found = dicom::scanPaths({path});
    if (!found.errors.empty() || found.patients.empty()) {
        error = found.errors.empty() ? path + ": no image found" : path + ": " + found.errors[0].message;
        return false;
    }
    const dicom::InstanceInfo& instance =
        found.patients[0].studies[0].series[0].instances[0];
    auto frame = dicom::decodeFrame(instance, 0);
    if (!frame) {
        error = frame.error().message;
        return false;
    }
    dicom::DisplayParams params;
    if (frame->isGrey()) {
        params.window = dicom::defaultWindow(instance, frame.value());
    }
    const dicom::Image8 rendered = dicom::renderForDisplay(frame.value(), params);
    image.width = rendered.width;
    image.height = rendered.height;
    image.channels = rendered.channels;
    image.pixels = rendered.pixels;
    return true;
}

bool readPixelInputs(const std::string& path, std::vector<inference::PixelInput>& pixels,
                     std::string& error) {
    auto file = inference::SafetensorsFile::open(path);
    if (!file) {
        error = file.error().message;
        return false;
    }
    const auto& tensors = (*file)->tensors();
    auto it = tensors.find("pixel_values");
    if (it == tensors.end()) {
        error = path + ": no tensor named pixel_values";
        return false;
    }
    const inference::TensorView& view = it->second;
    if (view.dtype != inference::DType::F32 || view.shape.size() != 4 || view.shape[1] != 3 ||
        view.shape[2] != view.shape[3]) {
        error = path + ": pixel_values must be F32 [N, 3, S, S]";
        return false;
    }
    const std::size_t plane = std::size_t(3 * view.shape[2] * view.shape[3]);
    for (std::int64_t n = 0; n < view.shape[0]; ++n) {
        inference::PixelInput input;
        input.size = int(view.shape[2]);
        input.chw.resize(plane);
        std::memcpy(input.chw.data(), view.data + n * plane * sizeof(float), plane * sizeof(float));
        pixels.push_back(std::move(input));
    }
    return true;
}

int fail(const std::string& prefix, const std::string& message, int status) {
    std::cerr << prefix << message << "\n";
    return status;
}

}  // namespace app::cli
