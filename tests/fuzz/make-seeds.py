#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets into OUT/<target>/ from the test data: the repo's
definitions, mock configs and bindings (tests/data, resources/examples), and, when they sit beside
the clone, the conformance cases' definitions and the JSONata suite's expressions (read in place,
never copied into the repo)."""
import hashlib
import json
import os
import re
import sys

source = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
shared = os.path.normpath(os.path.join(source, "..", "shared"))
out = sys.argv[1]
MAX_SEED = 64 * 1024  # libFuzzer handles larger, but small seeds mutate faster

corpora = {t: set() for t in
           ("fuzz_asl", "fuzz_jsonpath", "fuzz_intrinsics", "fuzz_jsonata", "fuzz_handlers_config")}


def files(root, suffixes):
    if not os.path.isdir(root):
        return
    for folder, _, names in os.walk(root):
        for name in sorted(names):
            if name.endswith(suffixes):
                yield os.path.join(folder, name)


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


def add_definition(text):
    if len(text) <= MAX_SEED:
        corpora["fuzz_asl"].add(text.encode())
    try:
        document = json.loads(text)
    except ValueError:
        return
    for s in strings(document):
        if s.startswith("$"):
            corpora["fuzz_jsonpath"].add(s.encode())
        if s.startswith("States."):
            corpora["fuzz_intrinsics"].add(s.encode())
        for match in re.finditer(r"\{%(.*?)%\}", s, re.S):
            corpora["fuzz_jsonata"].add(match.group(1).strip().encode())


def read(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


for path in files(os.path.join(source, "tests", "data"), (".json", ".yaml", ".yml")):
    add_definition(read(path))
for path in files(os.path.join(source, "resources", "examples"), (".json", ".yaml")):
    text = read(path)
    if "mockconfig" in path:
        corpora["fuzz_handlers_config"].add(b"\x00" + text.encode())
    elif "bindings" in path:
        corpora["fuzz_handlers_config"].add(b"\x01" + text.encode())
    else:
        add_definition(text)
for path in files(os.path.join(shared, "conformance", "cases"), ("definition.asl.json",)):
    add_definition(read(path))
for path in files(os.path.join(shared, "conformance", "task-cases"), (".json",)):
    text = read(path)
    if os.path.basename(path) == "mockconfig.json":
        corpora["fuzz_handlers_config"].add(b"\x00" + text.encode())
    elif os.path.basename(path) == "definition.asl.json":
        add_definition(text)
for path in files(os.path.join(shared, "jsonata-suite", "groups"), (".json",)):
    try:
        case = json.loads(read(path))
    except ValueError:
        continue
    for c in case if isinstance(case, list) else [case]:
        if isinstance(c, dict) and isinstance(c.get("expr"), str):
            corpora["fuzz_jsonata"].add(c["expr"].encode("utf-8", "surrogatepass"))

# Every input that once failed is a seed too: the fuzzer explores around past weak spots.
for target in corpora:
    for path in files(os.path.join(source, "tests", "fuzz", "regressions", target), ("",)):
        with open(path, "rb") as f:
            corpora[target].add(f.read())

for target, seeds in corpora.items():
    folder = os.path.join(out, target)
    os.makedirs(folder, exist_ok=True)
    for seed in seeds:
        name = hashlib.sha1(seed).hexdigest()
        with open(os.path.join(folder, name), "wb") as f:
            f.write(seed)
    print(f"{target}: {len(seeds)} seeds")
