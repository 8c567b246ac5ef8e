#!/usr/bin/env bash
# tools/measure-loop.sh — the learner loop's timings as a newcomer sees them, in a fresh clone (your checkout is not touched):
#   1. the first ./kata (builds the runner, builds the tests, runs every kata's tests once);
#   2. ./kata watch KNN: its start-up, then SAVES saves of a kata file, each timed by watch from the save to the verdict.
# Usage: tools/measure-loop.sh [KATA (default K02)] [SAVES (default 6)]
# Prints the figures with the machine's load, so a figure taken on a busy machine says so.
set -euo pipefail
kata="${1:-K02}"
saves="${2:-6}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/kata-measure-XXXXXX")"
watch_pid=""
cleanup() {
  [ -n "$watch_pid" ] && kill "$watch_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

cpu="$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ *//') ($(nproc) cores)"
echo "CPU: $cpu; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

git clone -q "$repo" "$work/clone"
cd "$work/clone"

start=$(date +%s.%N)
./kata >"$work/first.out" 2>&1
first=$(awk "BEGIN {print $(date +%s.%N) - $start}")
printf 'first ./kata on a fresh clone: %.1f s (load average now: %s)\n' "$first" "$(cut -d' ' -f1-3 /proc/loadavg)"

file="$(ls katas/"$kata"_*/*.cs | head -n 1)"
./kata watch "$kata" >"$work/watch.out" 2>&1 &
watch_pid=$!
verdicts() { grep -c ' s \(start-up\|after the save\)' "$work/watch.out" || true; }
wait_for() { # wait until watch has printed $1 verdicts (at most 10 minutes)
  for _ in $(seq 1 1200); do [ "$(verdicts)" -ge "$1" ] && return 0; sleep 0.5; done
  echo "watch printed no verdict in time; its output:" >&2; cat "$work/watch.out" >&2; exit 1
}
wait_for 1
for i in $(seq 1 "$saves"); do
  sleep 1
  echo "// measure-loop save $i" >>"$file"   # a real change: watch skips saves that change nothing
  wait_for $((i + 1))
done
kill "$watch_pid"; wait "$watch_pid" 2>/dev/null || true; watch_pid=""

startup=$(grep -o '[0-9.]* s start-up' "$work/watch.out" | head -n 1 | cut -d' ' -f1)
mapfile -t times < <(grep -o '[0-9.]* s after the save' "$work/watch.out" | cut -d' ' -f1)
median=$(printf '%s\n' "${times[@]:1}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
echo "./kata watch $kata: start-up ${startup} s; first save ${times[0]} s; later saves ${times[*]:1} s (median ${median} s)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "watch's verdicts (each with its build and test time):"
grep -o '([0-9.]* s \(start-up\|after the save\)[^)]*)' "$work/watch.out" | sed 's/^/  /'
