#!/usr/bin/env bash
# Regenerates the README's pictures from the examples, offscreen:
#   designer-*.png  `stepwise --screenshot` of the main window on each example;
#   debugger-*.png  the debugger panels test (tests/ui/tst_debug_panels) paused at a breakpoint,
#                   retrying a payment and after the run, on order-processing.
# Usage: resources/docs/make-pictures.sh [BUILD_DIR]   (default: build)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${1:-$ROOT/build}
OUT=$ROOT/resources/docs
export QT_QPA_PLATFORM=offscreen
for example in order-processing etl media-pipeline; do
    "$BUILD/app/stepwise" --screenshot "$OUT/designer-$example.png" \
        "$ROOT/resources/examples/$example/$example.asl.json"
done
# The panels test saves its pictures into /tmp/debugger.
"$BUILD/tests/ui/tst_debug_panels" > /dev/null
cp /tmp/debugger/1-paused-at-payment.png "$OUT/debugger-paused-at-breakpoint.png"
cp /tmp/debugger/2-payment-retrying-history.png "$OUT/debugger-history.png"
cp /tmp/debugger/4-finished-timeline.png "$OUT/debugger-timeline.png"
echo "pictures written to $OUT"
