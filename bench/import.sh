#!/usr/bin/env bash
# Import speed: a 512x512x300 int16 .nii.gz phantom, imported into a scratch project, against
# plain ITK reading the same file. Goal (issue 2): import <= 1.5 x ITK.
# usage: bench/import.sh [BUILD_DIR]   (prints one JSON line)
set -euo pipefail
build="${1:-build}"
logonet="$build/app/logonet"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$logonet" demo-data --out "$work/data" --cases 1 --size 512,512,300 >/dev/null
"$logonet" bench import --file "$work/data/imagesTr/case_000.nii.gz" --repeat 3 --json
