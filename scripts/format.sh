#!/usr/bin/env bash
# Applies .clang-format to every C++ source of the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
git ls-files -co --exclude-standard -z -- '*.cpp' '*.h' '*.cu' '*.cuh' | xargs -0 -r clang-format -i
