#!/usr/bin/python3
"""Times `logonet bench kmeans` against scikit-learn's MiniBatchKMeans and Faiss's k-means.

Run with Debian's /usr/bin/python3 (numpy, sklearn, faiss, nibabel from the archive):

    bench/kmeans_compare.py --logonet build/app/logonet [--rows 6144] [--k 100] [--epochs 10]
                            [--mri KmeansTest_T1UCharRaw.nii.gz] [--repeat 3]

The matrix holds flattened 96x96 slices: of the real T1 MRI of Debian's insighttoolkit5-examples
when it is installed (or given with --mri, e.g. from `apt-get download` + `dpkg -x`), otherwise of
generated phantom volumes (smooth ellipsoids plus noise). All three tools get the same matrix, the
same K, batch size and number of passes, and two threads.

scikit-learn and Faiss multiply through the system BLAS (libblas.so.3): Debian's reference BLAS
unless OpenBLAS is installed, which makes them about ten times slower. The script prints the BLAS
this Python process loaded; to compare against OpenBLAS without installing it, extract
libopenblas0-pthread with `dpkg -x` and run with LD_LIBRARY_PATH=.../openblas-pthread.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

THREADS = "2"
for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(variable, THREADS)
# All three tools run their loops on GNU OpenMP, whose idle workers spin by default: on a shared,
# busy 2-core machine a spinning worker takes the core its partner needs (seen: 5x slower).
os.environ.setdefault("OMP_WAIT_POLICY", "passive")

import numpy as np  # noqa: E402

MRI = "/usr/share/doc/insighttoolkit5-examples/examples/Data/KmeansTest_T1UCharRaw.nii.gz"
SIDE = 96


def loaded_blas():
    with open("/proc/self/maps") as maps:
        paths = {line.split()[-1] for line in maps if "blas" in line.lower() and "/" in line}
    return ", ".join(sorted(os.path.realpath(p) for p in paths)) or "none"


def mri_slices(rows, rng, path):
    import nibabel

    volume = np.asarray(nibabel.load(path).dataobj, dtype=np.float32)
    volume /= max(float(volume.max()), 1.0)
    padded = np.pad(volume, [(0, max(0, SIDE - s)) for s in volume.shape])
    out = np.empty((rows, SIDE * SIDE), np.float32)
    for row in range(rows):
        axis = rng.integers(3)
        moved = np.moveaxis(padded, axis, 2)
        index = rng.integers(moved.shape[2])
        x0 = rng.integers(moved.shape[0] - SIDE + 1)
        y0 = rng.integers(moved.shape[1] - SIDE + 1)
        window = moved[x0:x0 + SIDE, y0:y0 + SIDE, index]
        if rng.random() < 0.5:
            window = window[::-1]
        out[row] = window.reshape(-1)
    return out, f"real T1 MRI slices ({os.path.basename(path)}, insighttoolkit5-examples)"


def phantom_slices(rows, rng):
    # Phantom volumes: a body ellipsoid with a few organ-like ellipsoids of distinct intensity.
    grid = np.stack(np.meshgrid(*[np.linspace(-1, 1, SIDE)] * 3, indexing="ij"), -1)
    out = np.empty((rows, SIDE * SIDE), np.float32)
    done = 0
    while done < rows:
        volume = np.zeros((SIDE, SIDE, SIDE), np.float32)
        for organ in range(6):
            centre = rng.uniform(-0.5, 0.5, 3) if organ else np.zeros(3)
            radii = rng.uniform(0.15, 0.4, 3) if organ else rng.uniform(0.7, 0.9, 3)
            inside = (((grid - centre) / radii) ** 2).sum(-1) <= 1.0
            volume[inside] = rng.uniform(0.2, 1.0)
        volume += rng.normal(0.0, 0.05, volume.shape).astype(np.float32)
        for axis in range(3):
            moved = np.moveaxis(volume, axis, 2)
            take = min(SIDE, rows - done)
            out[done:done + take] = moved[:, :, :take].transpose(2, 0, 1).reshape(take, -1)
            done += take
            if done >= rows:
                break
    return out, "generated phantom slices (the T1 MRI example is not installed)"


def run_logonet(binary, path, args):
    command = [binary, "bench", "kmeans", "--npy", path, "--k", str(args.k), "--batch",
               str(args.batch), "--epochs", str(args.epochs), "--seed", str(args.seed),
               "--threads", THREADS, "--json"]
    if args.lloyd is not None:
        command += ["--lloyd", str(args.lloyd)]
    result = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def run_sklearn(matrix, args):
    from sklearn.cluster import MiniBatchKMeans

    model = MiniBatchKMeans(n_clusters=args.k, batch_size=args.batch, max_iter=args.epochs,
                            n_init=1, tol=0.0, max_no_improvement=None, random_state=args.seed)
    start = time.perf_counter()
    model.fit(matrix)
    return {"seconds": time.perf_counter() - start, "inertia": float(model.inertia_)}


def run_faiss(matrix, args):
    import faiss

    faiss.omp_set_num_threads(int(THREADS))
    kmeans = faiss.Kmeans(matrix.shape[1], args.k, niter=args.epochs, seed=args.seed,
                          max_points_per_centroid=matrix.shape[0], verbose=False)
    start = time.perf_counter()
    kmeans.train(matrix)
    distances, _ = kmeans.index.search(matrix, 1)
    return {"seconds": time.perf_counter() - start, "inertia": float(distances.sum())}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--logonet", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "build", "app", "logonet"))
    parser.add_argument("--rows", type=int, default=6144)
    parser.add_argument("--k", type=int, default=100)
    parser.add_argument("--batch", type=int, default=1024)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--lloyd", type=int, default=None)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=1, help="runs per tool; the fastest counts")
    parser.add_argument("--mri", default=MRI, help="the T1 MRI to cut slices from")
    args = parser.parse_args()

    rng = np.random.default_rng(args.seed)
    matrix, origin = mri_slices(args.rows, rng, args.mri) if os.path.exists(
        args.mri) else phantom_slices(args.rows, rng)
    matrix = np.ascontiguousarray(matrix, dtype=np.float32)
    print(f"matrix: {matrix.shape[0]} x {matrix.shape[1]} {origin}; K={args.k}, "
          f"batch {args.batch}, {args.epochs} passes, {THREADS} threads")
    print("load average before: %.2f %.2f %.2f" % os.getloadavg())

    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "slices.npy")
        np.save(path, matrix)
        results = {}
        for name, run in (("logonet", lambda: run_logonet(args.logonet, path, args)),
                          ("scikit-learn", lambda: run_sklearn(matrix, args)),
                          ("faiss", lambda: run_faiss(matrix, args))):
            runs = [run() for _ in range(args.repeat)]
            results[name] = min(runs, key=lambda r: r["seconds"])
            results[name]["all"] = [r["seconds"] for r in runs]

    print("load average after: %.2f %.2f %.2f" % os.getloadavg())
    print(f"BLAS of scikit-learn and Faiss (this process): {loaded_blas()}")
    ours = results["logonet"]
    for name, result in results.items():
        times = " ".join(f"{t:.3f}" for t in result["all"])
        print(f"{name:>13}: {result['seconds']:8.3f} s   inertia {result['inertia']:.6g}"
              f"   (runs: {times})")
    print("logonet phases: seeding %.3f s, steps and passes %.3f s, final inertia %.3f s" %
          (ours.get("seed_seconds", 0), ours.get("refine_seconds", 0),
           ours.get("inertia_seconds", 0)))
    sk, fa = results["scikit-learn"], results["faiss"]
    speedup_sk = sk["seconds"] / ours["seconds"]
    speedup_fa = fa["seconds"] / ours["seconds"]
    inertia_sk = ours["inertia"] / sk["inertia"] - 1.0
    inertia_fa = ours["inertia"] / fa["inertia"] - 1.0
    print(f"logonet vs scikit-learn: {speedup_sk:.2f}x faster, inertia {100 * inertia_sk:+.2f}%")
    print(f"logonet vs faiss:        {speedup_fa:.2f}x faster, inertia {100 * inertia_fa:+.2f}%")
    goals = speedup_sk >= 3.0 and inertia_sk <= 0.01 and speedup_fa >= 1.0
    print("goals (>= 3x scikit-learn, inertia <= +1%, not slower than faiss):",
          "met" if goals else "NOT met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
