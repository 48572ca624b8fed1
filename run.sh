#!/usr/bin/env bash
# Installs what is missing, builds, and opens the designer on the order-processing example.
set -euo pipefail
cd "$(dirname "$0")"
source .ci/setup.sh
stepwise_install_packages
stepwise_build
exec build/app/stepwise resources/examples/order-processing/order-processing.asl.json "$@"
