#!/usr/bin/env bash
# Installs everything the build, the tests, the GUI tests and the benchmarks need on a fresh
# Debian 12 machine: Debian packages with apt-get, then the project's own Python environment
# (.venv: PyTorch's wheel, whose LibTorch 2.x with CUDA the C++ build links, and the tests'
# independent readers) with pip, every version pinned in requirements.txt. The CUDA toolkit (nvcc)
# is not installed here: the project's machines have it, and PyPI's nvcc is not a full toolkit.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config clang-format git
  # Qt 6 (widgets, OpenGL widget, SQL, tests, translations)
  qt6-base-dev libqt6opengl6-dev libqt6sql6-sqlite qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  # rendering, imaging, learning, plotting, storage
  libvtk9-dev libinsighttoolkit5-dev libqcustomplot-dev libqcustomplot2.1-qt6
  libsqlite3-dev
  # c10d ProcessGroupGloo's header includes Gloo's headers, which PyTorch's wheel does not ship
  libgloo-dev
  # a real X display for GUI tests and screenshots
  xvfb xauth libgl1-mesa-dri mesa-utils
  # Python for the project's environment (.venv, below); GDCM's tools for the DICOM tests
  python3 python3-venv libgdcm-tools
  # remote runs (ssh + rsync; the tests start a throwaway sshd on 127.0.0.1)
  openssh-client openssh-server rsync
  # de_DE.UTF-8 and other decimal-comma locales, under which test_json checks that JSON numbers
  # are read and written the same as in the C locale
  locales-all
)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y --no-install-recommends "${packages[@]}"

# The project's Python environment. Re-running is cheap: pip skips what is already installed.
venv=.venv
if [ ! -x "$venv/bin/python" ]; then
  /usr/bin/python3 -m venv "$venv"
fi
# PyTorch's wheels are 2.9 GB to download and 5.7 GB installed: say so up front, with the numbers,
# instead of letting pip die half-way with "No space left on device" and a broken .venv. The wheels
# are not kept in pip's cache (--no-cache-dir), which would hold a second 2.9 GB copy for good.
if ! "$venv/bin/python" -c 'import torch' 2>/dev/null; then
  bash scripts/check-free-space.sh "$venv" 6 "PyTorch installed in $venv"
  bash scripts/check-free-space.sh "${TMPDIR:-/tmp}" 3 "pip's download of PyTorch's wheels" \
    "$venv" 6
fi
"$venv/bin/python" -m pip install --disable-pip-version-check --no-cache-dir -q -r requirements.txt
"$venv/bin/python" -c 'import torch; print("install-deps: PyTorch", torch.__version__, "CUDA", torch.version.cuda)'
