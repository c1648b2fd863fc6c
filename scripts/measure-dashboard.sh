#!/usr/bin/env bash
# Measures the live dashboard on a meeting folder in a private tmux server (80×24, xterm-256color):
#  - launch to first frame: `date +%s%N` just before exec against the first-frame time the binary logs
#    (CIODASH_FRAME_LOG), over RUNS launches; the first frame is the whole overview;
#  - key to frame: from the key being read to its frame on the terminal (the log's key=, covering
#    navigation, composing and painting), and the paint part alone, over 20 arrow keys;
#  - bytes written to the terminal when the selection moves one cell right, one row down, and for a
#    full repaint of the same overview (after a resize to 80×25 and back), recorded with pipe-pane.
# Usage: scripts/measure-dashboard.sh [BINARY] [FOLDER] [RUNS]
#        (default .build/release/ciodash, fixtures/hue-2019, 10)
set -euo pipefail
bin=$(realpath "${1:-.build/release/ciodash}")
folder=$(realpath "${2:-fixtures/hue-2019}")
runs=${3:-10}
. "$(dirname "$0")/measure-lib.sh"

launch_times "$runs" $folder

answered() { grep -c ' key=' "$dir/frames.log" || true; }
press() { local n; n=$(answered); tm send-keys "$1"; wait_for "[ \$(answered) -gt $n ]"; }

start $folder
for key in Down Right Up Left Down Down Right Right Up Left Down Right Up Left Down Down Right Right Up Left; do
    press "$key"
done
echo "key to frame (µs), 20 keys: $(awk '/ key=/ {sub("key=", "", $5); printf "%d ", $5/1000}' "$dir/frames.log")"
echo "  of which paint (µs):        $(awk '/ key=/ {printf "%d ", $2/1000}' "$dir/frames.log")"

: > "$dir/pty.log"
tm pipe-pane -o "cat >> $dir/pty.log"
settle() { local last=-1 now; while now=$(stat -c %s "$dir/pty.log"); [ "$now" != "$last" ]; do last=$now; sleep 0.1; done; echo "$now"; }
fulls() { grep -c ' full=1' "$dir/frames.log" || true; }
resize() { local n; n=$(fulls); tm resize-window -x 80 -y "$1"; wait_for "[ \$(fulls) -gt $n ]"; }
a=$(settle)
press Right; b=$(settle)
press Down; c=$(settle)
resize 25; d=$(settle)
resize 24; e=$(settle)
echo "bytes to the terminal: selection one cell right $((b - a)), one row down $((c - b)), full repaint $((e - d))"
