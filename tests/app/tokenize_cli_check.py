#!/usr/bin/env python3
"""Runs `medgemma-cli tokenize` on a directory holding only the npm Gemma 3 tokenizer files and
checks its output: the prompt facts of the spec, the whole tokenizer corpus through --jsonl
against the JavaScript tokenizer's ids (plus BOS; texts with an image marker are left to the
image checks), image expansion with mm_tokens_per_image
from config.json, and one-line errors with non-zero exit statuses.

usage: tokenize_cli_check.py MEDGEMMA_CLI TOKENIZER_DIR CORPUS.jsonl CORPUS_IDS.jsonl
"""
import json
import os
import subprocess
import sys
import tempfile

FAILURES = []


def check(condition, what):
    if not condition:
        FAILURES.append(what)
        print("FAIL:", what)


def run(cli, *args):
    result = subprocess.run([cli, "tokenize", *args], capture_output=True, text=True)
    return result.returncode, result.stdout, result.stderr


def ids_of(cli, *args):
    code, out, err = run(cli, *args)
    check(code == 0, f"exit 0 for {args!r} (got {code}: {err.strip()})")
    return json.loads(out) if code == 0 else []


def make_dir(base, tokenizer_dir, config):
    os.makedirs(base)
    for name in ("tokenizer.json", "tokenizer_config.json"):
        os.symlink(os.path.join(tokenizer_dir, name), os.path.join(base, name))
    if config is not None:
        with open(os.path.join(base, "config.json"), "w") as f:
            json.dump(config, f)
    return base


def check_prompts(cli, model, model_default):
    check(ids_of(cli, "--model", model, "Hello") == [2, 9259], "plain text gets one BOS")
    check(ids_of(cli, "--model", model, "<bos>Hello") == [2, 9259], "no second BOS")
    chat = ids_of(cli, "--model", model, "--chat", "Describe")
    check(chat[:4] == [2, 105, 2364, 107] and chat[-5:] == [106, 107, 105, 4368, 107],
          f"chat skeleton {chat}")
    image = ids_of(cli, "--model", model, "--chat", "--system", "You are an expert radiologist.",
                   "<start_of_image>")
    check(image.count(262144) == 4 and [110, 255999, 262144] == image[11:14],
          f"system text then image with 4 soft tokens: {image}")
    two = ids_of(cli, "--model", model, "<start_of_image><start_of_image>")
    check([256000, 110, 255999] == two[7:10], f"back-to-back images {two}")
    check(ids_of(cli, "--model", model_default, "<start_of_image>").count(262144) == 256,
          "256 soft tokens without config.json")


def check_corpus(cli, model, corpus, reference, work):
    texts_path = os.path.join(work, "texts.jsonl")
    with open(corpus) as f, open(texts_path, "w") as out:
        rows = [json.loads(line) for line in f if line.strip()]
        out.writelines(json.dumps(r["text"]) + "\n" for r in rows)
    with open(reference) as f:
        expected = {r["id"]: r["ids"] for r in map(json.loads, filter(str.strip, f))}
    code, out, err = run(cli, "--model", model, "--stats", "--jsonl", texts_path)
    check(code == 0, f"--jsonl corpus exits 0 ({err.strip()})")
    print(err.strip())
    lines = out.splitlines()
    check(len(lines) == len(rows), f"{len(lines)} output lines for {len(rows)} texts")
    compared = 0
    for row, line in zip(rows, lines):
        if "<start_of_image>" in row["text"]:
            continue  # expanded into an image block by the CLI; covered by check_prompts
        compared += 1
        ref = expected[row["id"]]
        want = ref if ref[:1] == [2] else [2] + ref
        check(json.loads(line) == want, f"corpus {row['id']} ids")
    print(f"compared {compared} corpus texts with the JavaScript tokenizer")


def check_errors(cli, model, work):
    bad_jsonl = os.path.join(work, "bad.jsonl")
    with open(bad_jsonl, "w") as f:
        f.write('"fine"\nnot json\n')
    cases = [
        (("--model", os.path.join(work, "missing"), "x"), 1),
        (("--model", model, "--jsonl", bad_jsonl), 1),
        (("--model", model, "--jsonl", os.path.join(work, "none.jsonl")), 1),
        (("--model", model), 2),
        (("x",), 2),
        (("--model", model, "--system", "s", "x"), 2),
        (("--model", model, "--bogus", "x"), 2),
    ]
    for args, status in cases:
        code, out, err = run(cli, *args)
        check(code == status, f"exit {status} for {args!r} (got {code})")
        check(out == "" and len(err.strip().splitlines()) == 1, f"one stderr line for {args!r}: {err!r}")


def main():
    cli, tokenizer_dir, corpus, reference = sys.argv[1:5]
    with tempfile.TemporaryDirectory() as work:
        model = make_dir(os.path.join(work, "model"), tokenizer_dir, {"mm_tokens_per_image": 4})
        model_default = make_dir(os.path.join(work, "default"), tokenizer_dir, None)
        check_prompts(cli, model, model_default)
        check_corpus(cli, model, corpus, reference, work)
        check_errors(cli, model, work)
    print(f"{len(FAILURES)} failures")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
