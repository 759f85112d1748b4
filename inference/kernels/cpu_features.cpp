#include "inference/kernels/cpu_features.h"

#include <atomic>
#include <cstdlib>
#include <cstring>

namespace inference::kernels {
namespace {

CpuFeatures detect() {
    CpuFeatures f;
#if defined(__x86_64__) || defined(__i386__)
    __builtin_cpu_init();
    f.avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    f.avx512 = f.avx2 && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
               __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512dq") &&
               __builtin_cpu_supports("avx512vnni");
    f.avx512Bf16 = f.avx512 && __builtin_cpu_supports("avx512bf16");
#endif
    return f;
}

Isa capFromEnvironment() {
    const char* value = std::getenv("MEDGEMMA_KERNEL_ISA");
    if (!value) {
        return Isa::Avx512;
    }
    if (std::strcmp(value, "scalar") == 0) {
        return Isa::Scalar;
    }
    return std::strcmp(value, "avx2") == 0 ? Isa::Avx2 : Isa::Avx512;
}

Isa bestOf(const CpuFeatures& f) {
    return f.avx512 ? Isa::Avx512 : f.avx2 ? Isa::Avx2 : Isa::Scalar;
}

bool kernelsFromEnvironment() {
    const char* value = std::getenv("MEDGEMMA_CPU_KERNELS");
    return !value || (std::strcmp(value, "off") != 0 && std::strcmp(value, "0") != 0);
}

std::atomic<bool>& kernelsSlot() {
    static std::atomic<bool> enabled{kernelsFromEnvironment()};
    return enabled;
}

std::atomic<int>& capSlot() {
    static std::atomic<int> cap{static_cast<int>(capFromEnvironment())};
    return cap;
}

}  // namespace

const CpuFeatures& cpuFeatures() {
    static const CpuFeatures features = detect();
    return features;
}

Isa activeIsa() {
    const int best = static_cast<int>(bestOf(cpuFeatures()));
    const int cap = capSlot().load(std::memory_order_relaxed);
    return static_cast<Isa>(best < cap ? best : cap);
}

bool activeBf16Dot() {
    return activeIsa() == Isa::Avx512 && cpuFeatures().avx512Bf16;
}

void setIsaCap(Isa cap) {
    capSlot().store(static_cast<int>(cap), std::memory_order_relaxed);
}

bool cpuKernelsEnabled() {
    return kernelsSlot().load(std::memory_order_relaxed);
}

void setCpuKernelsEnabled(bool enabled) {
    kernelsSlot().store(enabled, std::memory_order_relaxed);
}

const char* isaName(Isa isa) {
    switch (isa) {
        case Isa::Avx512:
            return cpuFeatures().avx512Bf16 ? "avx512-bf16-vnni" : "avx512-vnni";
        case Isa::Avx2:
            return "avx2";
        case Isa::Scalar:
            break;
    }
    return "scalar";
}

}  // namespace inference::kernels
