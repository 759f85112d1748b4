#!/usr/bin/env python3
"""Renders test conversations with the real Gemma 3 chat template through Jinja2, configured as
transformers configures it, as the reference for the C++ renderer.

Writes two files into OUTPUT_DIR:
  chat_template_expected.jsonl  {"name", "messages", "add_generation_prompt", "rendered" | "error",
                                 "compare_ids"} per conversation;
  chat_template_expanded.jsonl  {"id", "text"}: the rendered text of the conversations marked
                                 compare_ids, with each "<start_of_image>" expanded as Gemma 3's
                                 processor does (256 soft tokens), for the JavaScript tokenizer.

usage: chat_template_reference.py TOKENIZER_CONFIG.json OUTPUT_DIR
"""
import json
import os
import sys

import jinja2
import jinja2.ext
from jinja2.sandbox import ImmutableSandboxedEnvironment

MM_TOKENS_PER_IMAGE = 256
IMG = {"type": "image"}


def text(value):
    return {"type": "text", "text": value}


def user(content):
    return {"role": "user", "content": content}


def model(content, role="assistant"):
    return {"role": role, "content": content}


def system(content):
    return {"role": "system", "content": content}


SYSTEM_TEXT = "You are an expert radiologist."
# (name, messages, add_generation_prompt, compare token ids with the JS tokenizer)
CONVERSATIONS = [
    ("single_string", [user("Describe this X-ray")], True, True),
    ("single_string_no_prompt", [user("Describe this X-ray")], False, False),
    ("card_example", [system(SYSTEM_TEXT), user([text("Describe this X-ray"), IMG])], True, True),
    ("system_list_image_first", [system([text(SYSTEM_TEXT)]), user([IMG, text("Findings?")])], True, True),
    ("multi_turn", [user("Hi"), model("Hello, how can I help?"), user("Describe the lesion.")], True, True),
    ("multi_turn_model_role", [user("Hi"), model("Hello.", role="model"), user("Thanks")], True, False),
    ("back_to_back_images", [user([IMG, IMG, text("Compare the two radiographs.")])], True, True),
    ("interleaved", [user([text("Prior:"), IMG, text("Current:"), IMG, text("Any change?")])], True, True),
    ("padded_text", [user("  \n Describe the findings. \t\n")], True, False),
    ("unicode_whitespace", [user("\u3000Achados\u00a0\u2003")], True, False),
    ("not_python_space", [user("\u200bfinding\ufeff")], True, False),
    ("control_separators", [user("\x1cfinding\x1f\x85")], True, False),
    ("system_untrimmed", [system("  You are careful.  \n"), user("Go")], True, False),
    ("system_then_image", [system(SYSTEM_TEXT), user([IMG])], True, True),
    ("system_only", [system(SYSTEM_TEXT)], True, False),
    ("error_user_user", [user("a"), user("b")], True, False),
    ("error_assistant_first", [model("a"), user("b")], True, False),
    ("error_system_assistant", [system(SYSTEM_TEXT), model("a")], True, False),
    ("late_system_odd_position", [user("a"), system("b")], False, False),
    ("error_late_system_even", [user("a"), model("b"), system("c")], True, False),
    ("error_no_messages", [], True, False),
    ("error_system_image_first", [system([IMG, text(SYSTEM_TEXT)]), user("x")], True, False),
    ("error_system_empty_list", [system([]), user("x")], True, False),
    ("empty_content_list", [user([])], True, False),
    ("empty_string", [user("")], True, False),
    ("whitespace_only", [user(" \n\t ")], True, False),
    ("chinese_portuguese", [user("胸部X线片未见明显实变。 Sem derrame pleural.")], True, True),
    ("inner_newlines", [user("Line one.\n\nLine two.\nLine three.")], True, False),
    ("adjacent_text_items", [user([text("a "), text(" b"), text("\nc\n")])], True, False),
    ("literal_image_marker", [user("What is <start_of_image> here?")], True, True),
    ("long_multi_turn", [user("1"), model("2"), user("3"), model("4"), user("5"), model("6")], False, False),
    ("assistant_last_prompt", [user("Q"), model("A")], True, False),
    ("ct_slices", [user([text("Axial CT slices follow."), IMG, text("SLICE 1"), IMG, text("SLICE 2"),
                         text("\n\nBased on the visual evidence, describe the findings.")])], True, True),
    ("system_empty_text", [system(""), user("x")], True, False),
    ("image_only", [user([IMG])], True, True),
    ("three_images", [user([IMG, IMG, IMG])], False, True),
    ("system_two_turns_images", [system(SYSTEM_TEXT), user([IMG, text("First?")]), model("Normal."),
                                 user([text("And this one?"), IMG])], True, True),
    ("emoji_tabs", [user("Lesão 🩺\tno antebraço 👍🏽")], True, False),
    ("literal_bos", [user("<bos>text")], True, False),
    ("crlf", [user("Findings:\r\n")], True, False),
    ("system_list_with_image", [system([text(SYSTEM_TEXT), IMG]), user("x")], True, False),
]


def make_environment():
    # The settings of transformers' chat template compiler.
    def raise_exception(message):
        raise jinja2.exceptions.TemplateError(message)

    env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True,
                                        extensions=[jinja2.ext.loopcontrols])
    env.globals["raise_exception"] = raise_exception
    return env


def special_tokens(config):
    def token(key):
        value = config.get(key)
        return value.get("content") if isinstance(value, dict) else value

    keys = ["bos_token", "eos_token", "unk_token", "pad_token", "boi_token", "eoi_token", "image_token"]
    return {key: token(key) for key in keys if config.get(key) is not None}


def expand_images(rendered, tokens):
    block = ("\n\n" + tokens["boi_token"] + tokens["image_token"] * MM_TOKENS_PER_IMAGE
             + tokens["eoi_token"] + "\n\n")
    return rendered.replace(tokens["boi_token"], block)


def main():
    config_path, output_dir = sys.argv[1], sys.argv[2]
    with open(config_path, encoding="utf-8") as f:
        config = json.load(f)
    template = make_environment().from_string(config["chat_template"])
    tokens = special_tokens(config)
    expected, expanded = [], []
    for name, messages, add_generation_prompt, compare_ids in CONVERSATIONS:
        row = {"name": name, "messages": messages, "add_generation_prompt": add_generation_prompt,
               "compare_ids": compare_ids}
        try:
            row["rendered"] = template.render(messages=messages, add_generation_prompt=add_generation_prompt,
                                              tools=None, documents=None, **tokens)
        except Exception as error:  # the C++ renderer must fail on the same conversations
            row["error"] = f"{type(error).__name__}: {error}"
        if compare_ids and "rendered" in row:
            expanded.append({"id": name, "text": expand_images(row["rendered"], tokens)})
        expected.append(row)
    os.makedirs(output_dir, exist_ok=True)
    for file_name, rows in (("chat_template_expected.jsonl", expected),
                            ("chat_template_expanded.jsonl", expanded)):
        with open(os.path.join(output_dir, file_name), "w", encoding="utf-8") as out:
            out.writelines(json.dumps(r, ensure_ascii=True) + "\n" for r in rows)
    print(f"rendered {len(expected)} conversations, {len(expanded)} expanded for id comparison")


if __name__ == "__main__":
    main()
