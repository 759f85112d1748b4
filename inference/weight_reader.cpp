#include "inference/weight_reader.h"

#include <cstdint>
#include <optional>

namespace inference {
namespace {

std::optional<at::ScalarType> torchTypeOf(DType dtype) {
    switch (dtype) {
        case DType::BF16:
            return at::kBFloat16;
        case DType::F16:
            return at::kHalf;
        case DType::F32:
            return at::kFloat;
        case DType::F64:
            return at::kDouble;
        default:
            return std::nullopt;
    }
}

}  // namespace

at::ScalarType scalarTypeOf(ComputeType type) {
    return type == ComputeType::Float32 ? at::kFloat : at::kBFloat16;
}

Result<at::Tensor> tensorFromView(const TensorView& view) {
    const std::optional<at::ScalarType> type = torchTypeOf(view.dtype);
    if (!type) {
        return makeError(ErrorCode::UnsupportedModel,
                         view.file + ": tensor " + view.name + " has a non-floating dtype");
    }
    const at::TensorOptions options = at::TensorOptions().dtype(*type);
    // The mapping is read-only; const_cast only satisfies from_blob's signature.
    void* data = const_cast<std::uint8_t*>(view.data);
    at::Tensor tensor = at::from_blob(data, view.shape, options);
    const auto address = reinterpret_cast<std::uintptr_t>(view.data);
    if (address % at::elementSize(*type) != 0) {
        return tensor.clone();  // kernels may assume naturally aligned elements
    }
    return tensor;
}

WeightReader::WeightReader(WeightLookup lookup, at::ScalarType computeType, at::Device device)
    : m_lookup(std::move(lookup)), m_computeType(computeType), m_device(device) {}

bool WeightReader::contains(const std::string& name) const {
    return m_lookup(name) != nullptr;
}

void WeightReader::fail(Error error) {
    if (m_status.ok()) {
        m_status = Status(std::move(error));
    }
}

at::Tensor WeightReader::read(const std::string& name, const std::vector<std::int64_t>& shape,
                              at::ScalarType type) {
    if (!m_status.ok()) {
        return {};
    }
    const TensorView* view = m_lookup(name);
    if (!view) {
        fail(makeError(ErrorCode::MissingTensor, "tensor " + name + " is missing"));
        return {};
    }
    if (view->shape != shape) {
        fail(makeError(ErrorCode::ShapeMismatch, view->file + ": tensor " + view->name +
                                                     " has shape " + formatShape(view->shape) +
                                                     ", the config requires " +
                                                     formatShape(shape)));
        return {};
    }
    Result<at::Tensor> tensor = tensorFromView(*view);
    if (!tensor) {
        fail(tensor.error());
        return {};
    }
    if (!m_device.is_cpu() && !(m_keepOnHost && m_keepOnHost(name))) {
        // One copy straight from the mapping to the device (converted there).
        at::Tensor onDevice = tensor->to(m_device, type);
        m_deviceBytes += onDevice.nbytes();
        return onDevice;
    }
    if (tensor->scalar_type() == type) {
        if (tensor->data_ptr() != static_cast<const void*>(view->data)) {
            m_copiedBytes += tensor->nbytes();
        }
        return tensor.value();
    }
    at::Tensor converted = tensor->to(type);
    m_copiedBytes += converted.nbytes();
    return converted;
}

at::Tensor WeightReader::compute(const std::string& name, const std::vector<std::int64_t>& shape) {
    return read(name, shape, m_computeType);
}

at::Tensor WeightReader::float32(const std::string& name, const std::vector<std::int64_t>& shape) {
    return read(name, shape, at::kFloat);
}

at::Tensor WeightReader::normPlusOne(const std::string& name,
                                     const std::vector<std::int64_t>& shape) {
    const std::uint64_t before = m_copiedBytes;
    at::Tensor weight = read(name, shape, at::kFloat);
    if (!weight.defined()) {
        return weight;
    }
    // Always a fresh float32 tensor: (1 + w) must be formed in float32 (spec §4.2).
    at::Tensor onePlus = weight.add(1.0);
    if (m_device.is_cpu()) {
        m_copiedBytes = before + onePlus.nbytes();
    }
    return onePlus;
}

}  // namespace inference
