#!/bin/bash
# The GPU checks of the engine, on a machine with an NVIDIA GPU and PyTorch (CUDA) but none of
# the application's other libraries. Builds inference/ alone against the libtorch bundled in
# that PyTorch (-DMEDGEMMA_INFERENCE_ONLY=ON; C++20 for PyTorch 2.14+, whose headers require
# it; retried without CUDA graphs should they not build) and records, packed into
# $OUT/results.tar.gz (default ./gpu-results) with a summary of every file on stdout:
#   golden-*.jsonl     the fixture goldens on CUDA: float32 (max |logit diff| <= 1e-4 and the
#                      greedy tokens equal, through the CUDA-graph decode) and bfloat16
#                      (<= 0.25); a failing case is rerun without the graph (*-nograph.jsonl);
#   transformers.jsonl transformers' own logits for the same cases on the GPU and the CPU
#                      against the stored goldens (the authoritative reference);
#   bench-*.json       medgemma-engine-bench on a random 4B checkpoint with the real shapes
#                      (bf16, CUDA; decode as a CUDA graph, without the graph, and per token,
#                      each with the card's own read floor), and transformers' generate;
#   machine.txt, build.log.
# What travels to the GPU machine is limited to 64 MiB, and the fixture checkpoints alone are
# 114 MB: `prepare` takes tests/fixtures out of git's index for the session (the files stay
# here), packs the fixtures one call needs, compressed, into .gpu/ (git-ignored, carried), and
# prints what will travel, and refuses commits until `attach` puts tests/fixtures back (a
# pre-commit hook; a commit meanwhile would delete the fixtures). A GPU session:
#   packaging/gpu/check.sh prepare tiny-medgemma     here
#   device: packaging/gpu/check.sh run               carry [".gpu"], timeout ~540 s
#   packaging/gpu/check.sh prepare tiny-medgemma-b   here (both at once exceed the limit)
#   device: packaging/gpu/check.sh goldens           carry [".gpu"], on the same warm machine
#   device: packaging/gpu/check.sh run-27b           27B int4 g128 on the card: gpu_used_mb
#   packaging/gpu/check.sh attach                    here, ALWAYS, before any commit
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
gpu="$root/.gpu"
deps="$gpu/deps"
exclude="$root/.git/info/exclude"
limit=$((64 << 20))

hook="$root/.git/hooks/pre-commit"
hook_marker="medgemma gpu check: fixtures detached"

# While tests/fixtures is out of the index a commit would delete it: refuse commits meanwhile.
guard_commits() {
    if [ -e "$hook" ] && ! grep -q "$hook_marker" "$hook"; then
        echo "a pre-commit hook exists already: not guarding commits; attach before committing" >&2
        return 0
    fi
    mkdir -p "$(dirname "$hook")"
    printf '#!/bin/sh\n# %s (packaging/gpu/check.sh prepare; attach removes it)\n%s\nexit 1\n' \
        "$hook_marker" \
        'echo "tests/fixtures is out of the index for a GPU run: packaging/gpu/check.sh attach first" >&2' \
        >"$hook"
    chmod +x "$hook"
}

exclude_path() {
    grep -qx "$1" "$exclude" 2>/dev/null || echo "$1" >>"$exclude"
}

# Bytes of the files git would send: tracked, and untracked but not ignored.
travelling_bytes() {
    { git -C "$root" ls-files -z; git -C "$root" ls-files -z --others --exclude-standard; } |
        (cd "$root" && xargs -0 -r stat -c %s 2>/dev/null) | awk '{s += $1} END {print s + 0}'
}

prepare() {
    local fixtures=("$@")
    [ ${#fixtures[@]} -gt 0 ] || fixtures=(tiny-medgemma)
    mkdir -p "$deps/include" "$deps/share/cmake"
    cp -r /usr/include/nlohmann "$deps/include/"
    cp -r /usr/share/cmake/nlohmann_json "$deps/share/cmake/"
    exclude_path '/.gpu/'
    local paths=()
    for f in "${fixtures[@]}"; do
        [ -d "$root/tests/fixtures/$f" ] || { echo "no fixture $f" >&2; exit 2; }
        paths+=("tests/fixtures/$f" "tests/fixtures/$f-golden")
    done
    rm -f "$gpu/fixtures.tar.xz"
    tar -C "$root" --exclude='*.cache' -cf - "${paths[@]}" | xz -T0 -6 >"$gpu/fixtures.tar.xz"
    if git -C "$root" ls-files --error-unmatch tests/fixtures >/dev/null 2>&1; then
        git -C "$root" rm -r -q --cached tests/fixtures
    fi
    exclude_path '/tests/fixtures/'
    guard_commits
    local tree carried
    tree=$(travelling_bytes)
    carried=$(du -sb "$gpu" | cut -f1)
    echo "travels: working tree $((tree >> 20)) MiB + .gpu $((carried >> 20)) MiB" \
        "(fixtures: ${fixtures[*]}) of $((limit >> 20)) MiB"
    [ $((tree + carried)) -lt $limit ] || echo "TOO LARGE for the device tool" >&2
    echo "tests/fixtures is out of git's index now: run '$0 attach' before any commit"
}

attach() {
    git -C "$root" reset -q -- tests/fixtures
    if [ -f "$exclude" ]; then
        sed -i '\|^/tests/fixtures/$|d' "$exclude"
    fi
    if [ -f "$hook" ] && grep -q "$hook_marker" "$hook"; then
        rm -f "$hook"
    fi
    if [ -n "$(git -C "$root" status --porcelain -- tests/fixtures)" ]; then
        echo "tests/fixtures differs from HEAD:" >&2
        git -C "$root" status --short -- tests/fixtures >&2
        exit 1
    fi
    echo "tests/fixtures is back in git's index"
}

# On the GPU machine: the carried fixtures into tests/fixtures.
unpack_fixtures() {
    [ -f "$gpu/fixtures.tar.xz" ] || return 0
    tar -C "$root" -xJf "$gpu/fixtures.tar.xz" 2>/dev/null ||
        python3 -c 'import sys, tarfile; tarfile.open(sys.argv[1]).extractall(sys.argv[2])' \
            "$gpu/fixtures.tar.xz" "$root"
}

# The fixture checkpoints present (with their goldens).
present_fixtures() {
    for f in tiny-medgemma tiny-medgemma-b; do
        [ -f "$root/tests/fixtures/$f/config.json" ] && [ -d "$root/tests/fixtures/$f-golden" ] &&
            echo "$f"
    done
    return 0
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

describe_machine() {
    nvidia-smi || true
    python3 -c 'import torch, transformers; print("torch", torch.__version__, "cuda", torch.version.cuda, "transformers", transformers.__version__)' || true
    c++ --version | head -1
    nproc
}

# Builds the two tools into build-gpu (incremental on a warm machine); false with the log in
# $1/build.log when it cannot.
build_tools() {
    local out=$1 torch_prefix standard
    torch_prefix=$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path)')
    # libtorch 2.14 and later require C++20 of code that includes their headers.
    standard=$(python3 -c 'import torch; v = tuple(int(x) for x in torch.__version__.split("+")[0].split(".")[:2]); print(20 if v >= (2, 14) else 17)' 2>/dev/null || echo 17)
    local targets=(--target medgemma-golden-check medgemma-engine-bench)
    # CUDA graphs need libtorch's CUDA headers; should they not build, the rest still runs
    # (and build.log says why).
    if { cmake -S "$root" -B "$root/build-gpu" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DMEDGEMMA_INFERENCE_ONLY=ON -DMEDGEMMA_BUILD_TESTS=OFF -DMEDGEMMA_CXX_STANDARD="$standard" \
        -DCMAKE_PREFIX_PATH="$torch_prefix;$deps" && cmake --build "$root/build-gpu" "${targets[@]}"; } \
        >"$out/build.log" 2>&1; then
        return 0
    fi
    echo "=== retrying with -DMEDGEMMA_CUDA_GRAPHS=OFF" >>"$out/build.log"
    { cmake -S "$root" -B "$root/build-gpu" -DMEDGEMMA_CUDA_GRAPHS=OFF &&
        cmake --build "$root/build-gpu" "${targets[@]}"; } >>"$out/build.log" 2>&1
}

# Ours and transformers' goldens for the fixtures present; returns 1 when one fails.
check_goldens() {
    local out=$1 bin="$root/build-gpu/inference" status=0
    for fixture in $(present_fixtures); do
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
    return $status
}

check_speed() {
    local out=$1 bin="$root/build-gpu/inference" model=/tmp/medgemma-4b-random status=0
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
    return $status
}

# run: build, goldens of the carried fixtures, speed. goldens: build (incremental), goldens.
run() {
    local what=$1 out status=0
    out=$(mktemp -d)
    describe_machine >"$out/machine.txt" 2>&1
    unpack_fixtures
    present_fixtures >"$out/fixtures.txt"
    if ! build_tools "$out"; then
        pack "$out"
        echo "build failed"
        return 1
    fi
    check_goldens "$out" || status=1
    if [ "$what" = run ]; then
        check_speed "$out" || status=1
    fi
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
    prepare) shift; prepare "$@" ;;
    attach) attach ;;
    run) run run ;;
    goldens) run goldens ;;
    run-27b) run_27b ;;
    *) sed -n '2,26p' "$0"; exit 2 ;;
esac
