#!/usr/bin/env python3
"""medgemma-cli generate and logits on the fixture checkpoint.

usage: engine_cli_check.py MEDGEMMA_CLI FIXTURES_DIR TOKENIZER_DIR

generate: streams text, --json ends with one parsable line whose text equals the streamed text,
--ids works without tokenizer files and reproduces the golden greedy continuation, --pixels binds
preprocessed images; logits: writes [L, vocab] F32 matching the goldens' last rows; wrong
arguments exit 2 with one line, a missing model exits 1 with one line.
"""
import json
import os
import struct
import subprocess
import sys
import tempfile

cli, fixtures, tokenizer_dir = (os.path.abspath(p) for p in sys.argv[1:4])
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def run(*args):
    return subprocess.run([cli, *args], capture_output=True, text=True, timeout=600)


def model_dir(tmp, fixture, with_tokenizer):
    path = os.path.join(tmp, fixture + ("-tok" if with_tokenizer else ""))
    os.mkdir(path)
    src = os.path.join(fixtures, fixture)
    for name in os.listdir(src):
        os.symlink(os.path.join(src, name), os.path.join(path, name))
    if with_tokenizer:
        for name in ("tokenizer.json", "tokenizer_config.json"):
            os.symlink(os.path.join(tokenizer_dir, name), os.path.join(path, name))
    return path


def read_f32(path, name):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        begin, end = header[name]["data_offsets"]
        f.seek(8 + n + begin)
        data = f.read(end - begin)
    return header[name]["shape"], struct.unpack("<%df" % (len(data) // 4), data)


with tempfile.TemporaryDirectory() as tmp:
    golden = json.load(open(os.path.join(fixtures, "tiny-medgemma-golden", "golden.json")))
    cases = {c["name"]: c for c in golden["cases"]}
    full = model_dir(tmp, "tiny-medgemma", True)
    bare = model_dir(tmp, "tiny-medgemma", False)
    image = os.path.join(fixtures, "tiny-medgemma-golden", "image0.png")

    r = run("generate", "--model", full, "--prompt", "Describe this image.", "--image", image,
            "--max-new-tokens", "12", "--json", "--dtype", "float32")
    check(r.returncode == 0, "generate with an image exits 0: " + r.stderr)
    lines = r.stdout.rstrip("\n").split("\n")
    result = json.loads(lines[-1])
    streamed = "\n".join(lines[:-1])
    check(result["text"] == streamed, "the JSON text equals the streamed text")
    check(len(result["tokens"]) == 12 or result["stop_reason"] == "end_of_turn", "token count")
    for key in ("load_s", "image_encode_s", "prefill_tok_s", "decode_tok_s", "ttft_s", "peak_rss_mb"):
        check(key in result["stats"], "stats has " + key)
    check(result["stats"]["images"] == 1, "one image encoded")
    check(result["stats"].get("decode_path") == "libtorch", "float32 on the CPU decodes per token")

    one = cases["one_image"]
    ids = ",".join(map(str, one["input_ids"]))
    pixels = os.path.join(fixtures, "tiny-medgemma-golden", "one_image_tensors.safetensors")
    r = run("generate", "--model", bare, "--ids", ids, "--pixels", pixels, "--dtype", "float32",
            "--max-new-tokens", str(len(one["greedy"]["tokens"])), "--json")
    check(r.returncode == 0, "generate --ids without tokenizer exits 0: " + r.stderr)
    result = json.loads(r.stdout.strip().split("\n")[-1])
    check(result["tokens"] == one["greedy"]["tokens"], "--ids --pixels reproduce the golden greedy tokens")
    check(result["text"] == "", "no text without a tokenizer")

    out = os.path.join(tmp, "logits.safetensors")
    r = run("logits", "--model", bare, "--ids", ids, "--pixels", pixels, "--dtype", "float32", "-o", out)
    check(r.returncode == 0, "logits exits 0: " + r.stderr)
    shape, ours = read_f32(out, "logits")
    gshape, gold = read_f32(pixels, "logits_last3")
    check(shape == [len(one["input_ids"]), gshape[1]], "logits shape [L, vocab]")
    vocab = gshape[1]
    offset = (shape[0] - 3) * vocab
    worst = max(abs(ours[offset + i] - gold[i]) for i in range(3 * vocab))
    check(worst <= 1e-4, "logits within 1e-4 of the goldens (max %g)" % worst)

    for args, status in ((["generate", "--model", full], 2),
                         (["generate", "--model", full, "--prompt", "x", "--ids", "2"], 2),
                         (["generate", "--model", full, "--prompt", "x", "--top-k", "many"], 2),
                         (["generate", "--model", os.path.join(tmp, "absent"), "--prompt", "x"], 1),
                         (["generate", "--model", bare, "--prompt", "x"], 1),
                         (["generate", "--model", full, "--prompt", "x", "--image", "/nonexistent.png"], 1),
                         (["logits", "--model", bare, "--ids", "2,3"], 2)):
        r = run(*args)
        check(r.returncode == status, "%s exits %d (got %d)" % (" ".join(args[:1] + args[3:]), status, r.returncode))
        check(len(r.stderr.strip().split("\n")) == 1 and r.stderr.strip(), "one-line error for " + " ".join(args[3:]))

print("engine CLI checks:", "FAILED" if failures else "passed")
sys.exit(1 if failures else 0)
