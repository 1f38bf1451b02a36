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
    echo "{\"host\":\"$host\",\"known\":true,\"recorded\":false}" ;;
  *) echo "unexpected: $*" >&2; exit 2 ;;
esac
