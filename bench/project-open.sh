#!/usr/bin/env bash
# Opening a project of 1,000 scans and building its table rows. Goal (issue 2): < 1 s.
# usage: bench/project-open.sh [BUILD_DIR] [SCANS]   (prints one JSON line)
set -euo pipefail
build="${1:-build}"
"$build/app/logonet" bench project-open --scans "${2:-1000}" --json
