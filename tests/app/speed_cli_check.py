#!/usr/bin/env python3
"""medgemma-cli bench, bench --plan and the --quant option of generate and logits.

usage: speed_cli_check.py MEDGEMMA_CLI FIXTURES_DIR

bench: the JSON line holds every contracted field (timings positive, machine described);
bench --cancel adds the worst and median stop latency of each phase;
bench --plan: the 27B int4 plan (group 128) fits 16 GiB of GPU memory and 24 GiB of RAM with an
8K context, and its parts add up; generate and logits take --quant none|int8|int4 and reject
other values with exit status 2; quantized greedy ids stay in the vocabulary and quantized
logits keep the shape of the bf16 ones.
"""
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile

cli, fixtures = (os.path.abspath(p) for p in sys.argv[1:3])
failures = []
GIB = 1024 ** 3


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def run(*args):
    return subprocess.run([cli, *args], capture_output=True, text=True, timeout=600)


def last_json(result):
    lines = result.stdout.strip().splitlines()
    return json.loads(lines[-1]) if lines else {}


def logits_shape(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        return json.loads(f.read(n))["logits"]["shape"]


with tempfile.TemporaryDirectory() as tmp:
    # A copy, so that quantization caches written beside the weights stay in the temp folder.
    model = os.path.join(tmp, "tiny-medgemma")
    shutil.copytree(os.path.join(fixtures, "tiny-medgemma"), model)

    bench = run("bench", "--model", model, "--prompt-tokens", "16", "--gen-tokens", "4",
                "--repeat", "1", "--threads", "1", "--json")
    check(bench.returncode == 0, "bench exits 0: " + bench.stderr[-300:])
    result = last_json(bench)
    for field in ("load_s", "peak_rss_mb", "image_encode_s", "prefill_tok_s", "decode_tok_s",
                  "ttft_s"):
        check(isinstance(result.get(field), (int, float)) and result[field] > 0,
              "bench JSON has a positive " + field)
    check(result.get("decode_path") == "cpu kernels", "bf16 on the CPU decodes with the kernels")
    for field in ("cpu", "cores", "threads", "libtorch", "device", "dtype", "quant"):
        check(field in result, "bench JSON names the machine field " + field)
    check(result.get("threads") == 1, "bench honours --threads")
    # The decode floor: the weights one step reads (every layer's seven matrices and the tied
    # head, bf16) over the machine's measured read bandwidth.
    with open(os.path.join(model, "config.json")) as f:
        text = json.load(f)["text_config"]
    h, m, d = text["hidden_size"], text["intermediate_size"], text["head_dim"]
    q, kv = text["num_attention_heads"] * d, text["num_key_value_heads"] * d
    per_layer = h * (q + 2 * kv) + q * h + 3 * h * m
    step_bytes = 2 * (text["num_hidden_layers"] * per_layer + text["vocab_size"] * h)
    check(abs(result.get("decode_bytes_per_token_mb", 0) * 1024 * 1024 - step_bytes) < 1,
          "bench counts the bytes a decode step reads (%s MiB, expected %s)"
          % (result.get("decode_bytes_per_token_mb"), step_bytes / 1048576))
    check(result.get("memory_read_gb_s", 0) > 0, "bench measures the read bandwidth")
    floor = result.get("memory_read_gb_s", 0) * 1e9 / step_bytes
    check(abs(result.get("decode_floor_tok_s", 0) - floor) <= 1e-6 * floor,
          "decode floor = bandwidth / bytes per token")
    check(abs(result.get("decode_of_floor", 0) - result["decode_tok_s"] / floor) <= 1e-6,
          "decode_of_floor = decode_tok_s / decode_floor_tok_s")

    cancel = run("bench", "--model", model, "--prompt-tokens", "16", "--gen-tokens", "8",
                 "--repeat", "1", "--threads", "1", "--cancel", "--json")
    check(cancel.returncode == 0, "bench --cancel exits 0: " + cancel.stderr[-300:])
    cancelled = last_json(cancel)
    for phase in ("encode", "prefill", "decode"):
        for field in ("cancel_ms_" + phase, "cancel_ms_" + phase + "_median"):
            check(isinstance(cancelled.get(field), (int, float)) and cancelled[field] >= 0,
                  "bench --cancel JSON has " + field)
        samples = cancelled.get("cancel_runs", {}).get(phase + "_ms", [])
        check(cancelled.get("cancel_ms_" + phase) == max(samples, default=0),
              "cancel_ms_" + phase + " is the worst of its samples")
    check("decode_tok_s" in cancelled, "bench --cancel keeps the speed fields")
    check("cancel_ms_decode" not in result, "plain bench adds no cancel fields")

    for quant in ("int8", "int4"):
        quantized = last_json(run("bench", "--model", model, "--prompt-tokens", "16",
                                  "--gen-tokens", "4", "--repeat", "1", "--quant", quant,
                                  "--json"))
        check(str(quantized.get("quant", "")).startswith(quant), "bench --quant " + quant)
        # A decode step reads the quantized matrices: int8 a little over half the bf16 bytes
        # (per-row scales, padded tiles), int4 g64 a little over a quarter (group scales).
        share = quantized.get("decode_bytes_per_token_mb", 0) / (step_bytes / 1048576)
        low, high = (0.5, 0.6) if quant == "int8" else (0.25, 0.35)
        check(low < share < high, "%s decode reads %.3f of the bf16 bytes" % (quant, share))

    plan = run("bench", "--plan", "--like", "medgemma-27b-it", "--context", "8192", "--json")
    check(plan.returncode == 0, "bench --plan exits 0")
    plans = {p["weights_format"]: p for p in last_json(plan).get("plans", [])}
    int4 = plans.get("int4 g128", {})
    check(int4.get("gpu_total_bytes", 1 << 62) <= 16 * GIB, "27B int4 g128 fits 16 GiB of GPU memory")
    check(int4.get("gpu_total_bytes", 0) - int4.get("total_bytes", 0) == 512 << 20,
          "the GPU total adds the CUDA runtime allowance")
    check(int4.get("total_bytes", 1 << 62) <= 24 * GIB, "27B int4 g128 fits 24 GiB of RAM")
    check(sum(int4.get("weights", {}).values()) == int4.get("weight_bytes"),
          "the plan's weight parts add up")
    check(plans.get("bf16", {}).get("total_bytes", 0) > 50 * GIB, "27B bf16 needs over 50 GiB")

    ids = "2,818,5279,1352,496,3282,236761"
    reference = None
    for quant in ("none", "int8", "int4"):
        out = run("generate", "--model", model, "--ids", ids, "--max-new-tokens", "4",
                  "--quant", quant, "--json")
        check(out.returncode == 0, "generate --quant %s exits 0: %s" % (quant, out.stderr[-300:]))
        tokens = last_json(out).get("tokens", [])
        check(len(tokens) >= 1 and all(0 <= t < 262208 for t in tokens),
              "generate --quant %s gives ids" % quant)
        path = os.path.join(tmp, "logits-%s.safetensors" % quant)
        out = run("logits", "--model", model, "--ids", ids, "--quant", quant, "-o", path)
        check(out.returncode == 0, "logits --quant %s exits 0: %s" % (quant, out.stderr[-300:]))
        shape = logits_shape(path) if os.path.exists(path) else None
        reference = reference or shape
        check(shape is not None and shape == reference and shape[0] == 7,
              "logits --quant %s writes [L, vocab]" % quant)

    for command in (["generate", "--model", model, "--ids", ids],
                    ["logits", "--model", model, "--ids", ids, "-o", os.path.join(tmp, "x")],
                    ["bench", "--model", model]):
        bad = run(*command, "--quant", "int3")
        check(bad.returncode == 2, "%s --quant int3 exits 2" % command[0])
    bad = run("generate", "--model", model, "--ids", ids, "--quant", "int8", "--dtype", "float32")
    check(bad.returncode == 2, "--quant with --dtype float32 exits 2")

print("%d failure(s)" % len(failures))
sys.exit(1 if failures else 0)
