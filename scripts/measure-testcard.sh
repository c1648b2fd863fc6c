#!/usr/bin/env bash
# Measures the terminal layer on `ciodash testcard` in a private tmux server (80×24, xterm-256color):
#  - launch to first frame: `date +%s%N` just before exec against the first-frame time the binary logs
#    (CIODASH_FRAME_LOG), over RUNS launches;
#  - time spent painting a frame after a key (diff, ncurses, write), from the same log;
#  - bytes written to the terminal for a one-cell change and for a full repaint (tmux pipe-pane).
# Usage: scripts/measure-testcard.sh [BINARY] [RUNS]   (default .build/release/ciodash, 10)
set -euo pipefail
bin=$(realpath "${1:-.build/release/ciodash}")
runs=${2:-10}
. "$(dirname "$0")/measure-lib.sh"

launch_times "$runs" testcard

start testcard
for key in Down Up Space Space Home End NPage F5 Space Space Down Up Space Space BTab Tab Space Space Down Up; do
    frames=$(grep -c '^frame' "$dir/frames.log")
    tm send-keys "$key"
    wait_for "[ \$(grep -c '^frame' '$dir/frames.log') -gt $frames ]"
done
echo "paint time per key press (µs), 20 keys: $(awk '/^frame/ && NR > 2 {printf "%d ", $2/1000}' "$dir/frames.log")"

: > "$dir/pty.log"
tm pipe-pane -o "cat >> $dir/pty.log"
settle() { local last=-1 now; while now=$(stat -c %s "$dir/pty.log"); [ "$now" != "$last" ]; do last=$now; sleep 0.1; done; echo "$now"; }
mark() { wait_for "tm capture-pane -p | grep -q '^ key .*\\[$1\\]\$'"; }
tm send-keys Space; mark x; a=$(settle)
tm send-keys Space; mark ' '; b=$(settle)
tm send-keys Space; mark x; c=$(settle)
tm send-keys r; wait_for "tm capture-pane -p | grep -q 'character(\"r\")'"; d=$(settle)
echo "bytes to the terminal: one cell off $((b - a)), one cell on $((c - b)), full repaint $((d - c))"
