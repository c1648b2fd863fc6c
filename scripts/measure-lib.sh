# Shared by the measure-*.sh scripts (sourced, not run): a private tmux server at 80×24
# (xterm-256color) in a scratch folder, removed on exit, and the launch-to-first-frame loop.
# The sourcing script sets `bin` (the ciodash binary) first.
dir=$(mktemp -d /tmp/ciodash-measure-XXXXXX)
tm() { tmux -S "$dir/sock" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null || true; rm -rf "$dir"' EXIT

# Polls (10 ms) until the command succeeds, at most 10 s.
wait_for() { for _ in $(seq 1000); do if eval "$1"; then return 0; fi; sleep 0.01; done; echo "timed out: $1" >&2; exit 1; }

# Starts `ciodash ARGS...` in the server and waits for its first frame (logged via CIODASH_FRAME_LOG).
start() {
    rm -f "$dir/frames.log" "$dir/launched"
    tm new-session -d -x 80 -y 24 "sh -c 'date +%s%N > $dir/launched; TERM=xterm-256color CIODASH_FRAME_LOG=$dir/frames.log exec $bin $*'"
    wait_for "grep -q first-frame '$dir/frames.log' 2>/dev/null"
}

# launch_times RUNS ARGS...: `date +%s%N` just before exec against the first-frame time the binary logs.
launch_times() {
    local runs=$1
    shift
    echo "launch to first frame (ms), $runs runs:"
    for _ in $(seq "$runs"); do
        start "$@"
        echo "$(( $(awk '/first-frame/ {print $2}' "$dir/frames.log") - $(cat "$dir/launched") ))" | awk '{printf "  %.1f\n", $1/1e6}'
        tm kill-server
        wait_for "! tm has-session 2>/dev/null"
    done
}
