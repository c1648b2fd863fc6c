#!/usr/bin/env bash
# Fuzzes one target for SECONDS seconds: Fuzz/run.sh SECONDS [TARGET] [libFuzzer flags...]
#
# TARGET is LoaderFuzzer (the default: the loader and the renderer), JournalFuzzer (the minutes
# journal's reader and documents) or FollowerFuzzer (the follower's decoder of a presenter's messages
# and the screen a state leads to). Builds it with libFuzzer and AddressSanitizer, then runs it on its
# seed corpus (never modified) and the growing corpus of this machine (work-corpus*/). Crashes, hangs
# (-timeout) and memory blow-ups (-rss_limit_mb) are written to findings/; see README.md.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:?usage: Fuzz/run.sh SECONDS [TARGET] [libFuzzer flags...]}
shift
target=LoaderFuzzer
case "${1:-}" in
    LoaderFuzzer|JournalFuzzer|FollowerFuzzer) target=$1; shift ;;
esac
case "$target" in
    LoaderFuzzer) seeds=corpus; work=work-corpus ;;
    JournalFuzzer) seeds=corpus-journal; work=work-corpus-journal ;;
    FollowerFuzzer) seeds=corpus-follower; work=work-corpus-follower ;;
esac

# SwiftPM's --sanitize, not -Xswiftc -sanitize=fuzzer: only then does SwiftPM leave main() to
# libFuzzer (otherwise it links the executable's renamed entry point, which -parse-as-library removes).
# Swift 6.3.1 drops the coverage instrumentation that -sanitize=fuzzer implies when it optimises a whole module
# (release builds do): libFuzzer then says "no interesting inputs … instrumented for coverage?" and runs blind.
# Asking for it by name (the 8-bit counters and PC table libFuzzer reads, comparison tracing) keeps it.
swift build -c release --sanitize=fuzzer --sanitize=address -Xswiftc -parse-as-library \
    -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp --product "$target"

mkdir -p "$work" findings
# The Swift backtracer would catch the trap first and fight ASan; libFuzzer must see the signal.
# Leak checks are off: Swift's runtime caches look like leaks; memory growth is caught by -rss_limit_mb.
export SWIFT_BACKTRACE=enable=no
exec ".build/release/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
    -detect_leaks=0 -dict=ciodash.dict -print_final_stats=1 -artifact_prefix="findings/$target-" "$@" "$work" "$seeds"
