#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test through CTest. Exit status = the tests'.
set -euo pipefail
cd "$(dirname "$0")"
source .ci/setup.sh
stepwise_install_packages
stepwise_build
cd build
QT_QPA_PLATFORM=offscreen ctest --output-on-failure --timeout 900 -j "$(nproc)"
