#!/usr/bin/env bash
# The GPU checks of issues 3-5 in one run, for a machine with an NVIDIA GPU and PyTorch (whose
# LibTorch the engine is built against): build the engine, check the CUDA depthwise kernels
# against float64 CPU results, and time forward, training step (batch 2, 96^3, with and without
# mixed precision, fast and plain path), inference and k-means on the GPU.
# usage: bench/gpu-check.sh [BUILD_DIR]   results (JSON lines and logs) go to $OUT or ./gpu-check
set -uo pipefail
out="${OUT:-$PWD/gpu-check}"
build="${1:-build-gpu}"
mkdir -p "$out"
summary="$out/summary.jsonl"
: >"$summary"
note() { echo "== $*" >&2; }

# The project's environment (scripts/install-deps.sh) when there is one, else the machine's.
python=python3
[ -x .venv/bin/python ] && python=.venv/bin/python
prefix="$("$python" -c 'import torch; print(torch.utils.cmake_prefix_path)')" || {
    echo "$python cannot import torch: this script needs PyTorch's LibTorch" >&2
    exit 2
}
note "configure against $prefix"
if ! cmake --preset engine -B "$build" -DCMAKE_PREFIX_PATH="$prefix" >"$out/build.log" 2>&1 ||
    ! cmake --build "$build" -j "$(nproc)" --target logonet >>"$out/build.log" 2>&1; then
    tail -40 "$out/build.log" >&2
    exit 1
fi
grep -h "LoGoNet:" "$out/build.log" >&2 || true
logonet="$build/app/logonet"

# The GPU test program (tests/model/test_gpu.cpp) where Qt Test is installed: kernels against
# float64 CPU results, LoGoNet forward, training steps with and without AMP, peak memory.
if cmake --preset engine -B "$build" -DCMAKE_PREFIX_PATH="$prefix" -DLOGONET_BUILD_TESTS=ON \
    -DLOGONET_TEST_READERS=OFF >>"$out/build.log" 2>&1 &&
    cmake --build "$build" -j "$(nproc)" --target test_gpu >>"$out/build.log" 2>&1; then
    OUT="$out" "$build/tests/model/test_gpu" >"$out/test_gpu.log" 2>&1
    note "test_gpu: exit $? (77: skipped, no GPU)"
else
    note "test_gpu not built (Qt 6 Test missing?): see $out/build.log"
fi

# Peak GPU memory while a command runs, read by nvidia-smi every 100 ms (includes the CUDA
# context, about 0.5 GB): what a lab's 14 GB card must hold.
with_peak_memory() {
    local name="$1"
    shift
    local samples="$out/.$name.mem"
    (while true; do
        nvidia-smi --query-gpu=memory.used --format=csv,noheader,nounits 2>/dev/null | head -1
        sleep 0.1
    done) >"$samples" &
    local poller=$!
    local started=$SECONDS
    "$@" >"$out/$name.json" 2>"$out/$name.err"
    local code=$?
    kill "$poller" 2>/dev/null
    wait "$poller" 2>/dev/null
    local peak
    peak="$(sort -n "$samples" | tail -1)"
    rm -f "$samples"
    printf '{"check":"%s","exit_code":%d,"seconds":%d,"gpu_peak_mib":%s,"result":%s}\n' \
        "$name" "$code" $((SECONDS - started)) "${peak:-null}" \
        "$(tail -1 "$out/$name.json" | grep '^{' || echo null)" >>"$summary"
    note "$name: exit $code, peak ${peak:-?} MiB"
}

with_peak_memory device-info "$logonet" device-info --json
with_peak_memory depthwise "$logonet" bench depthwise --device cuda --repeats 10 --json
with_peak_memory forward "$logonet" bench forward --arch logonet --roi 96 --device cuda --json
for path in fast plain; do
    plain_flag=()
    [ "$path" = plain ] && plain_flag=(--plain)
    for precision in fp32 amp; do
        amp_flag=()
        [ "$precision" = amp ] && amp_flag=(--amp)
        with_peak_memory "train-$path-$precision" "$logonet" bench train --arch logonet \
            --crop 96 --batch 2 --iters 5 --device cuda "${plain_flag[@]}" "${amp_flag[@]}" --json
    done
done
with_peak_memory infer "$logonet" bench infer --arch logonet --size 256,256,160 --device cuda \
    --json
"$python" -c "import numpy as np; np.save('$out/.slices.npy', \
np.random.default_rng(0).random((6144, 9216), dtype=np.float32))" &&
    with_peak_memory kmeans "$logonet" bench kmeans --npy "$out/.slices.npy" --k 100 \
        --device cuda --json
rm -f "$out/.slices.npy"
cat "$summary"
