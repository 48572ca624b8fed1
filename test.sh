#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test through CTest. Exit status = the tests'.
#   ./test.sh              Release build in build/
#   ./test.sh --sanitize   the same suite under AddressSanitizer + UBSan in build-sanitize/;
#                          any report (leak, overflow, undefined behaviour) fails its test
set -euo pipefail
cd "$(dirname "$0")"
source .ci/setup.sh
stepwise_install_packages
if [ "${1:-}" = "--sanitize" ]; then
    stepwise_build_sanitized
    cd build-sanitize
    # Leaks inside system libraries (fontconfig, Mesa, ...) only: tests/sanitize/lsan.supp.
    export ASAN_OPTIONS=detect_leaks=1:halt_on_error=1
    export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
    export LSAN_OPTIONS="suppressions=$PWD/../tests/sanitize/lsan.supp:print_suppressions=0"
    export QTEST_FUNCTION_TIMEOUT=1800000 # ms: one test function may take minutes under ASan
    QT_QPA_PLATFORM=offscreen ctest --output-on-failure --timeout 1800 -j "${STEPWISE_JOBS:-$(nproc)}"
    exit
fi
stepwise_build
cd build
QT_QPA_PLATFORM=offscreen ctest --output-on-failure --timeout 900 -j "$(nproc)"
