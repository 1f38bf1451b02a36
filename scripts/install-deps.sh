#!/usr/bin/env bash
# Installs every Debian 12 package that the build, the tests, the GUI tests and the
# benchmarks need. Only Debian's archive is used.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config clang-format git
  # Qt 6 (widgets, OpenGL widget, SQL, tests, translations)
  qt6-base-dev libqt6opengl6-dev libqt6sql6-sqlite qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  # rendering, imaging, learning, plotting, storage
  libvtk9-dev libinsighttoolkit5-dev libtorch-dev libqcustomplot-dev libqcustomplot2.1-qt6
  libsqlite3-dev
  # a real X display for GUI tests and screenshots
  xvfb xauth libgl1-mesa-dri mesa-utils
  # independent readers used by tests and benchmarks
  python3 python3-numpy python3-nibabel python3-sklearn python3-faiss libgdcm-tools
  # remote runs (ssh + rsync; the tests start a throwaway sshd on 127.0.0.1)
  openssh-client openssh-server rsync
)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y --no-install-recommends "${packages[@]}"
