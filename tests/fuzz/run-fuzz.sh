#!/usr/bin/env bash
# Builds the libFuzzer targets with ASan + UBSan (clang, build-fuzz/) and runs each for
# SECONDS_PER_TARGET (default 600). Seeds come from the test data (make-seeds.py); the growing
# corpus stays in build-fuzz/corpus/. Every crash, leak, timeout or out-of-memory input is kept
# in tests/fuzz/regressions/<target>/ (replayed by CTest's tst_fuzz_regressions).
#   tests/fuzz/run-fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source_dir="$(cd "$here/../.." && pwd)"
build="$source_dir/build-fuzz"
seconds="${1:-600}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(fuzz_jsonpath fuzz_handlers_config fuzz_intrinsics fuzz_jsonata fuzz_asl)
jobs="${STEPWISE_FUZZ_BUILD_JOBS:-2}"

# STEPWISE_FUZZ_NO_BUILD=1: the targets are built already (e.g. by a build running alongside).
if [ -z "${STEPWISE_FUZZ_NO_BUILD:-}" ]; then
    launcher=()
    command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    cmake -S "$source_dir" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=None \
        -DCMAKE_CXX_FLAGS="-O1 -gline-tables-only" -DCMAKE_CXX_COMPILER=clang++-14 \
        -DSTEPWISE_FUZZ=ON "${launcher[@]}" >/dev/null || exit 2
    cmake --build "$build" --target "${targets[@]}" -j "$jobs" || exit 2
fi

seeds="$build/seeds-$$" # per run: several runs may go at once
rm -rf "$seeds"
python3 "$here/make-seeds.py" "$seeds" >/dev/null || exit 2

status=0
summary="$build/summary-$$.txt"
printf '%-22s %12s %8s %s\n' target executions seconds findings > "$summary"
for target in "${targets[@]}"; do
    corpus="$build/corpus/$target"
    artifacts="$build/artifacts/$target"
    mkdir -p "$corpus" "$artifacts"
    log="$build/$target.log"
    echo "== $target for ${seconds}s (log: $log)"
    # -timeout: one input taking 10 s is a hang; -rss_limit_mb: 2 GiB is a blow-up.
    # -fork with -ignore_crashes keeps fuzzing after a finding, so one run reports them all.
    ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        "$build/tests/fuzz/$target" "$corpus" "$seeds/$target" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
        -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
        -artifact_prefix="$artifacts/" -print_final_stats=1 >"$log" 2>&1
    # Executions: the last "#N" status line of the run (fork mode prints no final stats).
    execs=$(grep -aoE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
    [ -z "$execs" ] && execs=$(grep -aE 'stat::number_of_executed_units' "$log" | awk '{s+=$2} END {print s}')
    findings=0
    for f in "$artifacts"/crash-* "$artifacts"/leak-* "$artifacts"/timeout-* "$artifacts"/oom-* "$artifacts"/slow-unit-*; do
        [ -e "$f" ] || continue
        mkdir -p "$here/regressions/$target"
        cp "$f" "$here/regressions/$target/"
        findings=$((findings + 1))
    done
    [ "$findings" -gt 0 ] && status=1
    printf '%-22s %12s %8s %s\n' "$target" "${execs:-?}" "$seconds" "$findings" | tee -a "$summary"
done
rm -rf "$seeds"
echo "== summary"
cat "$summary"
exit "$status"
