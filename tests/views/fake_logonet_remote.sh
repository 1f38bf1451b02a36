#!/bin/sh
# Stands in for `logonet remote check|trust` in test_remote_hosts: answers as the engine would
# for a host with one CUDA GPU, or fails like ssh for a host named "unreachable".
host=""; prev=""
for a in "$@"; do [ "$prev" = "--host" ] && host="$a"; prev="$a"; done
case "$host" in *unreachable*)
  echo "logonet remote check: $host: running logonet device-info failed (exit code 255): ssh: connect to host unreachable port 22: Connection refused" >&2
  exit 1 ;;
esac
case "$1 $2" in
  "remote check")
    echo "{\"host\":\"$host\",\"version\":\"0.1.0\",\"torch\":\"2.3.0\",\"cpu_cores\":16,\"cuda\":true,\"devices\":[{\"index\":0,\"name\":\"NVIDIA H200\",\"memory_total_mb\":143771,\"memory_free_mb\":143000}]}" ;;
  "remote trust")
    # A host named new*: its key is unknown; given --fingerprint it is recorded (the fingerprint
    # is written to $FAKE_TRUST_LOG so the test sees what the dialog passed on).
    fingerprint=""; prev=""
    for a in "$@"; do [ "$prev" = "--fingerprint" ] && fingerprint="$a"; prev="$a"; done
    case "$host" in *new*)
      if [ -n "$fingerprint" ]; then
        echo "$fingerprint" >"${FAKE_TRUST_LOG:-/dev/null}"
        echo "{\"host\":\"$host\",\"known\":false,\"recorded\":true}"
      else
        echo "{\"host\":\"$host\",\"known\":false,\"recorded\":false,\"keys\":[{\"type\":\"ssh-ed25519\",\"fingerprint\":\"SHA256:fakeKeyForTest\"}]}"
      fi ;;
    *) echo "{\"host\":\"$host\",\"known\":true,\"recorded\":false}" ;;
    esac ;;
  *) echo "unexpected: $*" >&2; exit 2 ;;
esac
