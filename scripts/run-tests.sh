#!/usr/bin/env bash
# The one command that runs every test from a fresh clone: installs the Debian packages,
# checks formatting, builds (CI preset) and runs CTest under a virtual X display.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${LOGONET_SKIP_DEPS:-0}" != "1" ]; then
  bash scripts/install-deps.sh
fi

bash scripts/check-format.sh

# Paths relative to the checkout: a fresh clone elsewhere still hits the compiler cache.
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
jobs="$(nproc)"
cmake --preset ci
cmake --build --preset ci -j "$jobs"

# GUI tests need a real X display; Xvfb with Mesa's llvmpipe gives OpenGL 4.5.
export OMP_NUM_THREADS=2
xvfb-run -a -s "-screen 0 1600x1000x24 +extension GLX" \
  ctest --preset ci -j "$jobs" "$@"
