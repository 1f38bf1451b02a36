#!/usr/bin/env bash
# Checks scripts/check-free-space.sh against free space measured independently (Python's
# os.statvfs), in a scratch folder: it must pass when there is room, stop with a message naming
# the folder when there is not, and count two folders on one disk together.
set -uo pipefail
source_dir="$1"
check="$source_dir/scripts/check-free-space.sh"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

free_gb="$(python3 -c 'import os, sys; s = os.statvfs(sys.argv[1]); print(s.f_bavail * s.f_frsize // 2**30)' "$scratch")"
[ "$free_gb" -ge 2 ] || { echo "only $free_gb GB free here: cannot check"; exit 77; }

bash "$check" "$scratch/not/made/yet" 1 "a small thing" || fail "1 GB with $free_gb GB free was refused"
[ -e "$scratch/not" ] && fail "the check made the folder it was asked about"

message="$(bash "$check" "$scratch/build" $((free_gb + 2)) "a big thing" 2>&1)"
status=$?
[ "$status" -eq 1 ] || fail "$((free_gb + 2)) GB with $free_gb GB free exited $status"
case "$message" in
  *"a big thing"*"$scratch/build"*"GB free"*) ;;
  *) fail "message does not name what, the folder and the free space: $message" ;;
esac

# Each half fits alone; on one disk the two together do not.
half=$((free_gb / 2 + 1))
bash "$check" "$scratch/a" "$half" "half" || fail "$half GB alone was refused"
bash "$check" "$scratch/a" "$half" "both halves" "$scratch/b" "$half" 2>/dev/null \
  && fail "two folders on one disk needing $((2 * half)) GB of $free_gb GB passed"
echo "check-free-space: all checks passed ($free_gb GB free)"
