#!/usr/bin/env bash
# Benchmarks the native JSONata engine against the reference implementation (the npm `jsonata`
# package) on tests/bench/jsonata/workloads.json: typical ASL expressions and the reference
# suite's heavier cases. Each expression is compiled once and evaluated in batches by both.
#
# Usage: tests/bench/run-jsonata-bench.sh [--bench PATH] [--only NAME]
#
#   --bench PATH   the bench_jsonata binary (default: build/tests/jsonata/bench_jsonata)
#   --only NAME    one workload
#
# The reference runs when Node.js and PEER_DIR/node_modules/jsonata exist (PEER_DIR defaults to
# build/peer, installed by `tests/bench/run-bench.sh --install-peer`). The table gives medians
# in microseconds per evaluation — ours against a prepared environment (as the engine evaluates a
# state's fields) and, in brackets, converting the input on every call — and the speedup
# (reference time / our prepared time), and checks that both engines return the same value. Needs python3. STEPWISE_SHARED_DIR: ../shared by default.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SHARED=${STEPWISE_SHARED_DIR:-$(cd "$ROOT/.." && pwd)/shared}
PEER_DIR=${PEER_DIR:-$ROOT/build/peer}
BENCH=$ROOT/build/tests/jsonata/bench_jsonata
ONLY=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --bench) BENCH=$2; shift 2 ;;
        --only) ONLY=(--only "$2"); shift 2 ;;
        -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done
WORKLOADS=$ROOT/tests/bench/jsonata/workloads.json
SUITE=$SHARED/jsonata-suite
[[ -x $BENCH ]] || { echo "bench_jsonata not found at $BENCH (build the target first)" >&2; exit 2; }
[[ -d $SUITE ]] || { echo "note: $SUITE absent; suite workloads are skipped" >&2; }

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
"$BENCH" "$WORKLOADS" "$SUITE" "${ONLY[@]}" > "$TMP/ours.jsonl"
if command -v node >/dev/null && [[ -d $PEER_DIR/node_modules/jsonata ]]; then
    PEER_DIR=$PEER_DIR node "$ROOT/tests/bench/jsonata/jsonata-bench.mjs" "$WORKLOADS" "$SUITE" \
        "${ONLY[@]}" > "$TMP/ref.jsonl"
else
    echo "note: Node.js or $PEER_DIR/node_modules/jsonata missing; reference not run" >&2
    : > "$TMP/ref.jsonl"
fi

python3 - "$TMP/ours.jsonl" "$TMP/ref.jsonl" <<'PY'
import json, math, sys

def load(path):
    rows = {}
    for line in open(path):
        line = line.strip()
        if line:
            row = json.loads(line)
            rows[row["name"]] = row
    return rows

def same(a, b):
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b or math.isclose(a, b, rel_tol=1e-12)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    return a == b

ours, ref = load(sys.argv[1]), load(sys.argv[2])
print(f"{'workload':28} {'ours µs':>10} {'(converting)':>12} {'jsonata µs':>11} {'speedup':>9}  same result")
speedups = []
for name, row in ours.items():
    r = ref.get(name)
    if "error" in row:
        print(f"{name:28} {'error ' + row['error']:>10}")
        continue
    if not r or "error" in r:
        print(f"{name:28} {row['us_per_eval']:10.2f} {row['us_per_eval_converting']:12.2f} {'-':>11} {'-':>9}  -")
        continue
    speedup = r["us_per_eval"] / row["us_per_eval"]
    speedups.append(speedup)
    agree = "yes" if same(row["result"], r["result"]) else "NO"
    print(f"{name:28} {row['us_per_eval']:10.2f} {row['us_per_eval_converting']:12.2f} {r['us_per_eval']:11.2f} {speedup:8.1f}×  {agree}")
if speedups:
    geo = math.exp(sum(math.log(s) for s in speedups) / len(speedups))
    print(f"\nspeedup: min {min(speedups):.1f}×, geometric mean {geo:.1f}×, max {max(speedups):.1f}× over {len(speedups)} workloads")
PY
