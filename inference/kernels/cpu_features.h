#pragma once
// Which vector instruction sets the CPU kernels may use, detected once at run time, so the
// library builds for baseline x86-64 and still runs its AVX-512 code where the CPU has it.
//
// Levels (each kernel takes the best level it has code for, at or below the active one):
//   Scalar  portable C++, any CPU
//   Avx2    AVX2 + FMA + F16C
//   Avx512  AVX-512 F/BW/VL/DQ + VNNI, with BF16 where the CPU has it (the bf16 kernels fall
//           back to their AVX2 code when avx512_bf16 is missing)
// The environment variable MEDGEMMA_KERNEL_ISA=scalar|avx2|avx512 caps the level (for
// comparisons); tests cap it with setIsaCap().
// MEDGEMMA_CPU_KERNELS=off switches the engine's own CPU kernels off altogether: every
// operation then runs through libtorch, the path a CUDA device takes, so that path is checked
// against the goldens on machines without a GPU.
// Thread-safety: all functions may be called from any thread; setIsaCap() is meant for tests
// and benchmarks between runs, not while kernels execute.

namespace inference::kernels {

enum class Isa { Scalar = 0, Avx2 = 1, Avx512 = 2 };

struct CpuFeatures {
    bool avx2 = false;    // with FMA and F16C
    bool avx512 = false;  // F, BW, VL, DQ and VNNI
    bool avx512Bf16 = false;
};

const CpuFeatures& cpuFeatures();

// The level the kernels use now: the best the CPU offers, lowered by the cap.
Isa activeIsa();
// Whether the bf16 dot-product instruction (vdpbf16ps) is usable at the active level.
bool activeBf16Dot();
// Caps the level (never raises it above what the CPU offers).
void setIsaCap(Isa cap);
const char* isaName(Isa isa);

// Whether the engine's own CPU kernels are in use (see MEDGEMMA_CPU_KERNELS above).
bool cpuKernelsEnabled();
void setCpuKernelsEnabled(bool enabled);

}  // namespace inference::kernels
