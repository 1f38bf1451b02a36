#!/usr/bin/env bash
# The one command that runs every test from a fresh clone: installs the Debian packages,
# checks formatting, builds (CI preset) and runs CTest under a virtual X display.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${LOGONET_SKIP_DEPS:-0}" != "1" ]; then
  bash scripts/install-deps.sh
fi

bash scripts/check-format.sh

# Paths relative to the checkout, the precompiled headers known by their .gch.sum (see
# model/CMakeLists.txt): a fresh clone elsewhere still hits the compiler cache.
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1 CCACHE_PCH_EXTSUM=1 CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-5G}"
jobs="$(nproc)"
# A fresh build folder grows to about 2 GB (the precompiled LibTorch header alone is 0.7 GB).
if [ ! -d build-ci ]; then
  bash scripts/check-free-space.sh build-ci 3 "The build (build-ci)"
fi
cmake --preset ci
cmake --build --preset ci -j "$jobs"

# Every test program the build defines must run: a configure that lost a folder of tests, or a
# CTest that ran none, fails here instead of passing quietly.
listed="$(ctest --preset ci -N "$@" | sed -n 's/^Total Tests: //p')"
if [ -z "$listed" ] || [ "$listed" -lt 1 ]; then
  echo "run-tests: CTest lists no tests" >&2
  exit 1
fi

# GUI tests need a real X display; Xvfb with Mesa's llvmpipe gives OpenGL 4.5.
export OMP_NUM_THREADS=2
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
xvfb-run -a -s "-screen 0 1600x1000x24 +extension GLX" \
  ctest --preset ci -j "$jobs" "$@" 2>&1 | tee "$log" || status=$?
ran="$(sed -n 's/.* tests* failed out of \([0-9]*\)$/\1/p' "$log" | tail -1)"
if [ "$status" -eq 0 ] && [ "${ran:-0}" -ne "$listed" ]; then
  echo "run-tests: CTest ran ${ran:-0} of the $listed tests it lists" >&2
  exit 1
fi
exit "$status"
