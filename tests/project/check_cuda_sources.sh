#!/bin/bash
# The engine's CUDA-only code compiles only against a libtorch with CUDA, which CI does not
# have; this checks its syntax and its use of libtorch's CUDA API against the installed
# libtorch's CUDA headers, with the CUDA runtime's declarations stood in (cuda_stub/):
#   inference/cuda_graph.cpp   with MEDGEMMA_HAVE_CUDA_GRAPHS (graph capture and replay)
#   inference/attention.cpp    with the fused-attention branch of libtorch 2.1+ forced on
# Usage: check_cuda_sources.sh SOURCE_DIR CXX TORCH_INCLUDE_DIR...
set -euo pipefail
source_dir=$1 cxx=$2
shift 2
stub="$source_dir/tests/project/cuda_stub"
flags=(-std=c++17 -fsyntax-only -Wall -Wextra -I"$source_dir" -I"$stub")
for dir in "$@"; do
    # The compiler's own system directories stay where they are (-isystem would reorder them).
    case "$dir" in
        /usr/include | /usr/local/include) ;;
        *) flags+=(-isystem "$dir") ;;
    esac
done
"$cxx" "${flags[@]}" -DMEDGEMMA_HAVE_CUDA_GRAPHS=1 "$source_dir/inference/cuda_graph.cpp"
"$cxx" "${flags[@]}" -DMEDGEMMA_FORCE_FUSED_ATTENTION=1 -include "$stub/sdpa_declaration.h" \
    "$source_dir/inference/attention.cpp"
echo "CUDA-only sources parse"
