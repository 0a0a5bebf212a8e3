#!/usr/bin/env python3
"""Reads a seed file the way AlpaCare's / self-instruct's task generation reads its seed tasks.

Written for ClinReview's integration tests (not taken from AlpaCare): it loads the file by its
extension (".jsonl" -> one json.loads per line of open(path); ".json" -> json.load), touches the six
keys the generator reads, encodes each task as a numbered prompt block (whitespace folded,
trailing colon dropped, "<noinput>" recognised case-insensitively) and prints a JSON summary.
Any missing key or wrong value type fails loudly, as it would in the generator.
"""
import json
import re
import sys

KEYS = ("instruction", "input", "type", "topic", "view", "difficulty")


def load(path):
    # Same test the generator uses: "jsonl" must be checked before "json", which it contains.
    if "jsonl" in path:
        return [json.loads(line) for line in open(path, encoding="utf-8")]
    if "json" in path:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    raise SystemExit(f"not a .json or .jsonl path: {path}")


def encode(index, task):
    instruction, task_input = task["instruction"], task["input"]
    task_type, topic, view, difficulty = task["type"], task["topic"], task["view"], task["difficulty"]
    instruction = re.sub(r"\s+", " ", instruction).strip().rstrip(":")
    shown_input = "<noinput>" if task_input.lower() == "<noinput>" else task_input
    return "\n".join(
        [
            f"{index}. Type: {task_type}",
            f"{index}. Topic: {topic}",
            f"{index}. View: {view}",
            f"{index}. Difficulty: {difficulty}",
            f"{index}. Instruction: {instruction}",
            f"{index}. Input:\n{shown_input}",
        ]
    )


def main():
    tasks = load(sys.argv[1])
    blocks = [encode(i + 1, t) for i, t in enumerate(tasks)]
    summary = {
        "count": len(tasks),
        "first": blocks[0] if blocks else None,
        "allStrings": all(isinstance(t[k], str) for t in tasks for k in KEYS),
        "difficulties": sorted({t["difficulty"] for t in tasks}),
        "noinput": sum(1 for t in tasks if t["input"].lower() == "<noinput>"),
        "instructions": [re.sub(r"\s+", " ", t["instruction"]).strip().rstrip(":") for t in tasks],
        "inputs": [t["input"] for t in tasks],
    }
    json.dump(summary, sys.stdout)


if __name__ == "__main__":
    main()
