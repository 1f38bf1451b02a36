#!/usr/bin/env bash
# README command 1: install the Debian packages, build (the same CI preset as the tests, so the
# two commands share one build), run the whole LoGoNet path on the
# built-in phantom data (engine), then open the workstation on the project it trained.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${LOGONET_SKIP_DEPS:-0}" != "1" ]; then
  bash scripts/install-deps.sh
fi
# Paths relative to the checkout, the precompiled headers known by their .gch.sum (see
# model/CMakeLists.txt): a fresh clone elsewhere still hits the compiler cache.
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1 CCACHE_PCH_EXTSUM=1 CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-20G}"
cmake --preset ci
cmake --build --preset ci -j "$(nproc)"

export OMP_NUM_THREADS="$(nproc)"
# Engine: phantom project -> prepare -> train logonet-tiny -> infer -> per-organ Dice.
# A new folder each time: the demo refuses to overwrite an earlier run.
demo_dir="${LOGONET_DEMO_DIR:-$HOME/.local/share/logonet/demo-$(date +%Y%m%d-%H%M%S)}"
./build-ci/app/logonet demo --dir "$demo_dir"

# Workstation on the project the demo just trained: run 'demo' selected in the Runs panel (its
# curves and Dice chart), its first held-out prediction open for review. Without a display it
# renders one screenshot under Xvfb.
workstation=(./build-ci/app/workstation/logonet-workstation --project "$demo_dir/project" --run demo)
if [ -n "${DISPLAY:-}" ]; then
  exec "${workstation[@]}"
else
  xvfb-run -a -s "-screen 0 1600x1000x24" "${workstation[@]}" --screenshot workstation-demo.png
  echo "No display: saved a screenshot of the workstation to workstation-demo.png"
fi
