#!/usr/bin/env bash
# Fuzzes the readers of outside data (issue 15) with libFuzzer: the JSON parser, .npy headers,
# the edit journal, image headers, and whole image files through readImage (fuzz_image_read
# links build-ci's logonet_core_io: build it first, `cmake --build build-ci --target
# logonet_core_io`). Builds bench/fuzz with clang-14 (-fsanitize=fuzzer,
# address,undefined) in build-fuzz, apart from the normal build, then runs each target for
# FUZZ_SECONDS (default 180) from the seeds in bench/fuzz/corpus/<target>. New inputs go to
# build-fuzz/corpus/<target>, crashes to build-fuzz/crashes/<target>-*; a summary line per
# target (inputs tried, corpus size, crashes) goes to build-fuzz/summary.txt.
#   bench/fuzz.sh [target ...]     (default: every target)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
seconds=${FUZZ_SECONDS:-180}
build=$root/build-fuzz
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(fuzz_json fuzz_npy fuzz_journal fuzz_image_header fuzz_image_read)
fi

torch_root=$("$root/.venv/bin/python" -c 'import os, torch; print(os.path.dirname(torch.__file__))' \
  2>/dev/null || true)
# The machine's build lock: the normal build and this one share two cores.
mkdir -p "$build"
flock /tmp/logonet-build.lock cmake -S bench/fuzz -B "$build" -G Ninja \
  -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_C_COMPILER=clang-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DLOGONET_CI_BUILD="$root/build-ci" \
  -DLOGONET_TORCH_ROOT="$torch_root" >"$build/configure.log" 2>&1 ||
  { cat "$build/configure.log"; exit 1; }
flock /tmp/logonet-build.lock cmake --build "$build" -j2 --target "${targets[@]}" fuzz_seeds

# Seeds that cannot be written by hand: a real journal, and .npy files written by numpy.
corpus=$root/bench/fuzz/corpus
mkdir -p "$corpus"/{fuzz_json,fuzz_npy,fuzz_journal,fuzz_image_header,fuzz_image_read}
[ -s "$corpus/fuzz_journal/two-strokes-and-undo.journal" ] ||
  "$build/fuzz_seeds" "$corpus/fuzz_journal/two-strokes-and-undo.journal"
[ -s "$corpus/fuzz_npy/matrix-3x4.npy" ] || "$root/.venv/bin/python" - "$corpus/fuzz_npy" <<'PY'
import sys, numpy as np
folder = sys.argv[1]
np.save(folder + "/matrix-3x4.npy", np.arange(12, dtype=np.float32).reshape(3, 4))
np.save(folder + "/matrix-0x2.npy", np.zeros((0, 2), dtype=np.float32))
np.save(folder + "/fortran-2x3.npy", np.asfortranarray(np.ones((2, 3), dtype=np.float32)))
PY

: >"$build/summary.txt"
for target in "${targets[@]}"; do
  mkdir -p "$build/corpus/$target" "$build/crashes"
  log=$build/$target.log
  # ASan's leak checker would report LibTorch's process-lifetime allocations as leaks.
  ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 \
    "$build/$target" -max_total_time="$seconds" -print_final_stats=1 -timeout=10 \
    -rss_limit_mb=4096 -artifact_prefix="$build/crashes/$target-" \
    "$build/corpus/$target" "$corpus/$target" >"$log" 2>&1 || true
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  crashes=$(find "$build/crashes" -name "$target-*" | wc -l)
  inputs=$(find "$build/corpus/$target" -type f | wc -l)
  echo "$target: $runs inputs tried in $seconds s, corpus $inputs, crashes $crashes" |
    tee -a "$build/summary.txt"
done
