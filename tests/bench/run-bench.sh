#!/usr/bin/env bash
# Benchmarks Stepwise against the peer engine (aws-local-stepfunctions) on the workloads of
# ../shared/bench/workloads (see ../shared/bench/README.md).
#
# Usage: tests/bench/run-bench.sh [--cli PATH] [--repeat N] [--rounds K] [--pin]
#                                [--install-peer] [WORKLOAD...]
#
#   --cli PATH       the stepwise-cli binary (default: $STEPWISE_CLI, else build/app/stepwise-cli)
#   --repeat N       executions per workload, in one process (default 10)
#   --rounds K       measure each engine K times, alternating ours and the peer's, and report
#                    the median of the K medians on each side (default 1): on a shared machine a
#                    slow spell then hits both engines alike instead of one of them. With
#                    more than one round the speedup is the median of the rounds' own ratios
#                    (each round times both engines back to back), and the table adds the
#                    lowest and highest of them
#   --pin            run both engines of a round on the same CPU (taskset), round r on CPU
#                    r mod the CPU count: on a virtual machine whose CPUs run at different
#                    speeds, both engines of a round then get the same one
#   --install-peer   install the peer's pinned packages into build/peer first (npm ci)
#   WORKLOAD         names such as map-4k (default: every workload)
#
# Each workload first runs once through `stepwise-cli run`; its result must equal
# X.expected.json, else the workload is reported as WRONG and not timed. Then
# `stepwise-cli bench` gives our median execution time and peak RSS. When Node.js and the peer
# (PEER_DIR, default build/peer) are present, `peer-run.mjs --timing` gives the peer's. The
# table shows medians and our speedup (peer / ours, "×30" = 30 times faster than the peer):
# quote speedups, not absolute times, these machines are shared and noisy. The "cpu ms" column
# is our median CPU time per execution, which a loaded machine distorts much less than wall time.
# Needs python3 to compare JSON. Environment: STEPWISE_SHARED_DIR (default ../shared beside
# the repository), PEER_DIR.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SHARED=${STEPWISE_SHARED_DIR:-$(cd "$ROOT/.." && pwd)/shared}
BENCH="$SHARED/bench"
CLI=${STEPWISE_CLI:-$ROOT/build/app/stepwise-cli}
PEER_DIR=${PEER_DIR:-$ROOT/build/peer}
REPEAT=10
ROUNDS=1
PIN=0
INSTALL_PEER=0
WORKLOADS=()

while [[ $# -gt 0 ]]; do
    case "$1" in
        --cli) CLI=$2; shift 2 ;;
        --repeat) REPEAT=$2; shift 2 ;;
        --rounds) ROUNDS=$2; shift 2 ;;
        --pin) PIN=1; shift ;;
        --install-peer) INSTALL_PEER=1; shift ;;
        -h|--help) sed -n '2,30p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "run-bench.sh: unknown option $1" >&2; exit 2 ;;
        *) WORKLOADS+=("$1"); shift ;;
    esac
done

[[ -x "$CLI" ]] || { echo "run-bench.sh: stepwise-cli not found at $CLI (use --cli)" >&2; exit 2; }
[[ -d "$BENCH/workloads" ]] || { echo "run-bench.sh: no workloads in $BENCH" >&2; exit 2; }
if [[ ${#WORKLOADS[@]} -eq 0 ]]; then
    for f in "$BENCH"/workloads/*.asl.json; do WORKLOADS+=("$(basename "$f" .asl.json)"); done
fi

if [[ $INSTALL_PEER -eq 1 ]]; then
    mkdir -p "$PEER_DIR"
    cp "$BENCH"/peer/package*.json "$PEER_DIR"/
    [[ -f "$BENCH/peer/.npmrc" ]] && cp "$BENCH/peer/.npmrc" "$PEER_DIR"/
    (cd "$PEER_DIR" && npm ci --no-audit --no-fund >/dev/null)
fi
HAVE_PEER=0
if command -v node >/dev/null && [[ -d "$PEER_DIR/node_modules/aws-local-stepfunctions" ]]; then
    HAVE_PEER=1
fi

# json_field JSON KEY: one member of a JSON object.
json_field() { python3 -c 'import json,sys; print(json.loads(sys.argv[1]).get(sys.argv[2], ""))' "$1" "$2"; }

# matches_expected RESULT EXPECTED_FILE: the run's {"status","output"} equals the expected one.
matches_expected() {
    python3 - "$1" "$2" <<'PY'
import json, sys
actual = json.loads(sys.argv[1])
expected = json.load(open(sys.argv[2]))
sys.exit(0 if all(actual.get(k) == expected.get(k) for k in ("status", "output")) else 1)
PY
}

# median_of VALUE...: the median of numbers ("" when there are none).
median_of() {
    python3 -c 'import statistics,sys; v=[float(x) for x in sys.argv[1:] if x]; print(round(statistics.median(v), 3) if v else "")' "$@"
}

# speedup PEER_MS OURS_MS: how many times faster we are, as "×N" ("-" without a peer time).
speedup() {
    python3 -c 'import sys; p,o=sys.argv[1:]; print(f"\u00d7{float(p)/float(o):.1f}" if p and o and float(o) > 0 else "-")' "$1" "$2"
}

# ratio_range RATIO...: "×low–×high" of the rounds' ratios ("" for fewer than two).
ratio_range() {
    python3 -c 'import sys; v=[float(x) for x in sys.argv[1:] if x]; print(f"\u00d7{min(v):.1f}-\u00d7{max(v):.1f}" if len(v) > 1 else "")' "$@"
}

CPUS=$(nproc 2>/dev/null || echo 1)
if [[ $PIN -eq 1 ]] && ! command -v taskset >/dev/null; then
    echo "run-bench.sh: --pin needs taskset (util-linux)" >&2; exit 2
fi
# on_cpu ROUND CMD...: CMD, pinned to the round's CPU with --pin.
on_cpu() {
    local round=$1; shift
    if [[ $PIN -eq 1 ]]; then taskset -c $((round % CPUS)) "$@"; else "$@"; fi
}

printf '%-20s %10s %10s %10s %9s %9s %9s  %s\n' workload "ours ms" "cpu ms" "peer ms" speedup \
    "ours MB" "peer MB" "$([[ $ROUNDS -gt 1 ]] && echo "rounds' ratios")"
for w in "${WORKLOADS[@]}"; do
    def="$BENCH/workloads/$w.asl.json"
    [[ -f "$def" ]] || { echo "run-bench.sh: no workload $w" >&2; exit 2; }
    args=(--input "$BENCH/workloads/$w.input.json")
    if [[ -f "$BENCH/workloads/$w.mockconfig.json" ]]; then
        args+=(--mock-config "$BENCH/workloads/$w.mockconfig.json" --test-case Bench)
    fi
    result=$("$CLI" run "$def" "${args[@]}" || true)
    if ! matches_expected "$result" "$BENCH/workloads/$w.expected.json"; then
        printf '%-20s %10s   (result differs from %s.expected.json)\n' "$w" WRONG "$w"
        continue
    fi
    ours_runs=(); cpu_runs=(); peer_runs=(); ratios=(); ours_mb="-"; peer_mb="-"
    for ((round = 0; round < ROUNDS; ++round)); do
        ours=$(on_cpu "$round" "$CLI" bench "$def" "${args[@]}" --repeat "$REPEAT")
        ours_runs+=("$(json_field "$ours" median_ms)")
        cpu_runs+=("$(json_field "$ours" median_cpu_ms)")
        ours_mb=$(json_field "$ours" peak_rss_mb)
        if [[ $HAVE_PEER -eq 1 ]]; then
            timing=$(PEER_DIR="$PEER_DIR" on_cpu "$round" node "$BENCH/peer-run.mjs" "$def" \
                     --quiet --timing --repeat "$REPEAT" 2>&1 >/dev/null | tail -n 1 || true)
            if [[ "$timing" == \{* ]]; then
                peer_runs+=("$(json_field "$timing" median_run_ms)")
                peer_mb=$(json_field "$timing" rss_mb)
                ratios+=("$(python3 -c 'import sys; print(float(sys.argv[1]) / float(sys.argv[2]))' \
                            "${peer_runs[-1]}" "${ours_runs[-1]}")")
            fi
        fi
    done
    ours_ms=$(median_of "${ours_runs[@]}")
    ours_cpu=$(median_of "${cpu_runs[@]}")
    peer_ms=$(median_of "${peer_runs[@]}")
    peer_ms=${peer_ms:--}
    if [[ ${#ratios[@]} -gt 1 ]]; then
        ratio=$(python3 -c 'import statistics,sys; print(f"\u00d7{statistics.median(float(x) for x in sys.argv[1:]):.1f}")' "${ratios[@]}")
    else
        ratio=$(speedup "${peer_ms/-/}" "$ours_ms")
    fi
    printf '%-20s %10s %10s %10s %9s %9s %9s  %s\n' "$w" "$ours_ms" "${ours_cpu:--}" "$peer_ms" \
        "$ratio" "$ours_mb" "$peer_mb" "$(ratio_range "${ratios[@]}")"
done
