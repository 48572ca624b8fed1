#!/usr/bin/env bash
# Shared by run.sh and test.sh (and so CI): install the Debian packages Stepwise needs (only the missing
# ones), then configure and build into build/ (Release, Ninja).
set -euo pipefail

STEPWISE_PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools libqt6svg6-dev libqt6sql6-sqlite libgl-dev
    nlohmann-json3-dev libyaml-cpp-dev libgraphviz-dev libqscintilla2-qt6-dev libssl-dev libpcre2-dev libmimalloc-dev
    python3
)

stepwise_install_packages() {
    local missing=()
    for pkg in "${STEPWISE_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' \
            || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing missing packages: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

stepwise_build() {
    local werror="${STEPWISE_WERROR:-OFF}"
    [ "${CI:-}" = "true" ] && werror=ON
    cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DSTEPWISE_WERROR="$werror"
    cmake --build build --parallel "$(nproc)"
}

# The whole project under AddressSanitizer + UBSan (gcc) in build-sanitize/ (Debug keeps frames
# readable). STEPWISE_JOBS caps the parallelism (default: every core).
stepwise_build_sanitized() {
    local werror="${STEPWISE_WERROR:-OFF}"
    [ "${CI:-}" = "true" ] && werror=ON
    local launcher=()
    command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    cmake -S . -B build-sanitize -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSTEPWISE_SANITIZE=ON \
        -DSTEPWISE_WERROR="$werror" "${launcher[@]}"
    cmake --build build-sanitize --parallel "${STEPWISE_JOBS:-$(nproc)}"
}
