#!/usr/bin/env bash
# The GPU checks (issues 3-5 and 12) in one run, for a machine with an NVIDIA GPU and PyTorch
# (whose LibTorch the engine is built against): build the engine and test_gpu (the CUDA depthwise
# kernels against float64 CPU results, a LoGoNet forward, training and pre-training steps with
# and without AMP), then time the kernels against cuDNN, training steps (batch 2, 96^3, with and
# without mixed precision, fast and plain path), inference and k-means on the GPU.
# usage: bench/gpu-check.sh [BUILD_DIR]   results go to $OUT or ./gpu-check: summary.jsonl (one
# line per check), test_gpu.jsonl and test_gpu.log, build.log, checks.tar.gz (each check's output)
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
# Machine code for the GPU that is here (e.g. 9.0 -> 90-real) rather than the whole list a
# release carries: the check should not spend its minutes in nvcc.
arch="$(nvidia-smi --query-gpu=compute_cap --format=csv,noheader 2>/dev/null | head -1 | tr -d ' .')"
arch_flags=()
[ -n "$arch" ] && arch_flags=(-DLOGONET_CUDA_ARCHITECTURES="$arch-real")
[ -n "$arch" ] && export TORCH_CUDA_ARCH_LIST="${arch:0:-1}.${arch: -1}"
note "$(c++ --version | head -1); $(nvcc --version 2>/dev/null | tail -1)"
note "configure against $prefix (GPU architecture: ${arch:-unknown})"
# The engine and the GPU test program (tests/gpu/test_gpu.cpp) need LibTorch alone.
started=$SECONDS
if ! cmake --preset engine -B "$build" -DCMAKE_PREFIX_PATH="$prefix" "${arch_flags[@]}" \
    >"$out/build.log" 2>&1 ||
    ! cmake --build "$build" -j "$(nproc)" --target logonet test_gpu -- -k 0 >>"$out/build.log" 2>&1; then
    # Every compiler error at once (-k 0): a lent GPU's minutes are few.
    grep -E -A3 "error|FAILED" "$out/build.log" | head -80 >&2
    exit 1
fi
grep -h "LoGoNet:" "$out/build.log" >&2 || true
note "built in $((SECONDS - started)) s"
logonet="$build/app/logonet"

# Kernels against float64 CPU results, LoGoNet forward, training steps with and without AMP,
# peak memory.
OUT="$out" timeout 600 "$build/tests/gpu/test_gpu" >"$out/test_gpu.log" 2>&1
test_gpu_code=$?
note "test_gpu: exit $test_gpu_code (77: skipped, no GPU)"
grep -E "^(FAIL|Totals)" "$out/test_gpu.log" >&2

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
    timeout "${LOGONET_CHECK_TIMEOUT:-300}" "$@" >"$out/$name.json" 2>"$out/$name.err"
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

# Each check's full output in one archive: a lent machine hands back only a few files, and
# summary.jsonl, test_gpu.jsonl and the logs must be among them.
finish() {
    (cd "$out" && tar -czf checks.tar.gz -- *.json *.err && rm -f -- *.json *.err)
    cat "$summary"
    exit "$1"
}

with_peak_memory device-info "$logonet" device-info --json
if [ "$test_gpu_code" = 77 ]; then
    note "no GPU here: the timings need one"
    finish 77
fi
with_peak_memory depthwise "$logonet" bench depthwise --device cuda --repeats 10 --json
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
finish 0
