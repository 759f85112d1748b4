#!/usr/bin/env bash
# The two commands of the README quick start, on a fresh Debian 12 machine as root:
#   packaging/quickstart.sh open   installs, builds and opens the workstation on the sample study
#   packaging/quickstart.sh test   installs, builds and runs the whole test suite (ctest)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mode="${1:-}"
case "$mode" in
    open|test) ;;
    *) echo "usage: packaging/quickstart.sh open|test" >&2; exit 2 ;;
esac

packaging/install-deps.sh
cmake --preset default
cmake --build --preset default --parallel "$(nproc)"

if [ "$mode" = test ]; then
    exec ctest --preset default --parallel "$(nproc)"
fi

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "quickstart: no display found (DISPLAY is not set); starting on a virtual screen." >&2
    echo "quickstart: run this from a desktop session to see the window." >&2
    exec xvfb-run -a -s "-screen 0 1600x1000x24" build/app/medgemma-workstation --sample
fi
exec build/app/medgemma-workstation --sample
