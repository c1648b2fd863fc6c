#!/usr/bin/env bash
# First frame of the bundled samples, as a user starts them: tmux 100x30, the time from just before
# exec to the first frame on the terminal (CIODASH_FRAME_LOG), RUNS runs each, sorted and the median.
# Usage: Benchmarks/first-frame.sh .build/release/ciodash [RUNS]
bin=${1:?usage: first-frame.sh CIODASH-BINARY [RUNS]}; runs=${2:-7}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"; tmux kill-session -t ff 2>/dev/null' EXIT
for sample in hue-2019 council-2026; do
  ms=()
  for i in $(seq "$runs"); do
    rm -f $tmp/frames.log $tmp/t0
    tmux kill-session -t ff 2>/dev/null
    tmux new-session -d -s ff -x 100 -y 30 "date +%s%N > $tmp/t0; CIODASH_FRAME_LOG=$tmp/frames.log exec $bin --sample $sample"
    for _ in $(seq 100); do grep -q first-frame $tmp/frames.log 2>/dev/null && break; sleep 0.05; done
    t0=$(cat $tmp/t0); t1=$(awk '/first-frame/{print $2; exit}' $tmp/frames.log)
    ms+=($(( (t1 - t0) / 1000000 )))
    tmux kill-session -t ff 2>/dev/null
    sleep 0.2
  done
  sorted=$(printf '%s\n' "${ms[@]}" | sort -n | tr '\n' ' ')
  med=$(printf '%s\n' "${ms[@]}" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
  echo "$sample: $sorted(median $med ms)"
done
