#!/usr/bin/env bash
# Usage: check-free-space.sh FOLDER GB WHAT [OTHER_FOLDER OTHER_GB]
# Stops with a message naming the folder, the space it needs and the space it has, when FOLDER's
# file system has less than GB gigabytes free (plus OTHER_GB when OTHER_FOLDER is on the same file
# system, since both are then written to the same disk).
set -euo pipefail
folder="$1" need_gb="$2" what="$3" other="${4:-}" other_gb="${5:-0}"
probe="$folder"
while [ ! -e "$probe" ]; do probe="$(dirname "$probe")"; done
if [ -n "$other" ]; then
  other_probe="$other"
  while [ ! -e "$other_probe" ]; do other_probe="$(dirname "$other_probe")"; done
  if [ "$(stat -c %d "$probe")" = "$(stat -c %d "$other_probe")" ]; then
    need_gb=$((need_gb + other_gb))
  fi
fi
free_kb="$(df -Pk "$probe" | awk 'NR == 2 { print $4 }')"
need_kb=$((need_gb * 1024 * 1024))
if [ "$free_kb" -lt "$need_kb" ]; then
  free_gb="$(awk -v k="$free_kb" 'BEGIN { printf "%.1f", k / 1048576 }')"
  echo "$(basename "$0"): $what: about $need_gb GB must be free on the disk of $folder," \
    "which has $free_gb GB free. Free some space (or set TMPDIR to another disk) and run again." >&2
  exit 1
fi
