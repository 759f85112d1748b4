#pragma once
// Test-only stand-in: just enough of the CUDA runtime's declarations for libtorch's CUDA
// headers to parse, so that the engine's CUDA-only sources are syntax-checked on machines
// without the CUDA toolkit (tests/project/check_cuda_sources.sh). Nothing here is linked or run.
