#!/bin/bash
# The GPU checks of the engine, in one run on a machine with an NVIDIA GPU and PyTorch (CUDA)
# but none of the application's other libraries. Builds inference/ alone against the libtorch
# bundled in that PyTorch (-DMEDGEMMA_INFERENCE_ONLY=ON) and writes into results.tar.gz under
# $OUT (default ./gpu-results; one archive, as the device tool returns few files), printing a
# summary of each file to stdout:
#   golden-*.jsonl     the fixture goldens on CUDA: float32 (max |logit diff| <= 1e-4 and the
#                      greedy tokens equal) and bfloat16 (<= 0.25), exactly as on the CPU;
#   transformers.jsonl transformers' own logits for the same fixture cases on this GPU against
#                      the stored goldens (the authoritative reference: ours = goldens = theirs);
#   bench-*.json       medgemma-engine-bench on a random 4B checkpoint with the real shapes
#                      (bf16, CUDA; decode as a CUDA graph, then without the graph and on the
#                      per-token path), and transformers' generate on the same checkpoint and
#                      card;
#   machine.txt        nvidia-smi, torch and compiler versions.
# and `run-27b` (a second call, after `run` built the tools): the 27B int4 g128 memory plan on
# the GPU, bench-27b-int4-cuda.json from a 27B-shaped checkpoint whose decoder matrices are
# holes (medgemma-engine-bench --make-random medgemma-27b-it --sparse-decoder yes): its
# gpu_used_mb is the figure to hold against 16 GiB.
# Usage:
#   packaging/gpu/check.sh prepare   here: copies the nlohmann-json headers and CMake files into
#                                    .gpu/ (git-ignored), which the GPU run must carry
#   packaging/gpu/check.sh run       on the GPU machine, from the repository root
#   packaging/gpu/check.sh run-27b   on the same machine afterwards
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
deps="$root/.gpu/deps"

prepare() {
    mkdir -p "$deps/include" "$deps/share/cmake"
    cp -r /usr/include/nlohmann "$deps/include/"
    cp -r /usr/share/cmake/nlohmann_json "$deps/share/cmake/"
    grep -qx '/.gpu/' "$root/.git/info/exclude" 2>/dev/null || echo '/.gpu/' >>"$root/.git/info/exclude"
    echo "prepared $deps; carry .gpu on the GPU run"
}

# Packs the result files of `dir` into $OUT/results.tar.gz and prints each file's last lines.
pack() {
    local dir=$1 dest=${OUT:-$root/gpu-results}
    mkdir -p "$dest"
    tar -C "$dir" -czf "$dest/results.tar.gz" .
    for f in "$dir"/*; do
        echo "=== $(basename "$f")"
        tail -n 6 "$f" | cut -c1-1500
    done
}

run() {
    local out
    out=$(mktemp -d)
    local torch_prefix
    torch_prefix=$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path)')
    {
        nvidia-smi || true
        python3 -c 'import torch, transformers; print("torch", torch.__version__, "cuda", torch.version.cuda, "transformers", transformers.__version__)' || true
        c++ --version | head -1
        nproc
    } >"$out/machine.txt" 2>&1
    local targets=(--target medgemma-golden-check medgemma-engine-bench)
    # libtorch 2.14 and later require C++20 of code that includes their headers.
    local standard
    standard=$(python3 -c 'import torch; v = tuple(int(x) for x in torch.__version__.split("+")[0].split(".")[:2]); print(20 if v >= (2, 14) else 17)' 2>/dev/null || echo 17)
    # CUDA graphs need libtorch's CUDA headers; should they not build, the rest still runs
    # (and build.log says why). A build that fails both ways ends the run with its log.
    if ! { cmake -S "$root" -B "$root/build-gpu" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DMEDGEMMA_INFERENCE_ONLY=ON -DMEDGEMMA_BUILD_TESTS=OFF -DMEDGEMMA_CXX_STANDARD="$standard" \
        -DCMAKE_PREFIX_PATH="$torch_prefix;$deps" && cmake --build "$root/build-gpu" "${targets[@]}"; } \
        >"$out/build.log" 2>&1; then
        echo "=== retrying with -DMEDGEMMA_CUDA_GRAPHS=OFF" >>"$out/build.log"
        if ! { cmake -S "$root" -B "$root/build-gpu" -DMEDGEMMA_CUDA_GRAPHS=OFF &&
            cmake --build "$root/build-gpu" "${targets[@]}"; } >>"$out/build.log" 2>&1; then
            pack "$out"
            echo "build failed"
            return 1
        fi
    fi
    local bin="$root/build-gpu/inference"
    local status=0
    for fixture in tiny-medgemma tiny-medgemma-b; do
        for dtype in float32 bfloat16; do
            local args=("$root/tests/fixtures/$fixture" "$root/tests/fixtures/$fixture-golden"
                --dtype "$dtype" --device cuda)
            if ! "$bin/medgemma-golden-check" "${args[@]}" >"$out/golden-$fixture-$dtype.jsonl" 2>&1; then
                status=1
                # Tells a fault of the graph from one of the operations.
                MEDGEMMA_CUDA_GRAPHS=off "$bin/medgemma-golden-check" "${args[@]}" \
                    >"$out/golden-$fixture-$dtype-nograph.jsonl" 2>&1 || true
            fi
        done
    done
    python3 "$root/packaging/gpu/transformers_check.py" goldens "$root/tests/fixtures" \
        >"$out/transformers.jsonl" 2>&1 || status=1
    local model=/tmp/medgemma-4b-random
    "$bin/medgemma-engine-bench" --model "$model" --make-random medgemma-4b-it --device cuda \
        --repeat 5 >"$out/bench-ours-cuda-bf16.json" 2>"$out/bench-ours.log" || status=1
    # The same decode without the graph (fixed shapes, eager launches) and on the per-token
    # path, for the graph's share of the speed.
    MEDGEMMA_CUDA_GRAPHS=off "$bin/medgemma-engine-bench" --model "$model" --device cuda \
        --repeat 2 >"$out/bench-ours-cuda-bf16-nograph.json" 2>>"$out/bench-ours.log" || status=1
    MEDGEMMA_DECODE=eager "$bin/medgemma-engine-bench" --model "$model" --device cuda \
        --repeat 2 >"$out/bench-ours-cuda-bf16-eager.json" 2>>"$out/bench-ours.log" || status=1
    python3 "$root/packaging/gpu/transformers_check.py" bench "$model" \
        >"$out/bench-transformers-cuda-bf16.json" 2>"$out/bench-transformers.log" || status=1
    pack "$out"
    echo "status $status"
    return $status
}

run_27b() {
    local out
    out=$(mktemp -d)
    "$root/build-gpu/inference/medgemma-engine-bench" --model /tmp/medgemma-27b-sparse \
        --make-random medgemma-27b-it --sparse-decoder yes --device cuda --quant int4 \
        --group-size 128 --repeat 2 >"$out/bench-27b-int4-cuda.json" 2>"$out/bench-27b.log" ||
        echo "the 27B bench failed" >>"$out/bench-27b.log"
    pack "$out"
}

case "${1:-}" in
    prepare) prepare ;;
    run) run ;;
    run-27b) run_27b ;;
    *) sed -n '2,24p' "$0"; exit 2 ;;
esac
