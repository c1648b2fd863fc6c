#!/usr/bin/env bash
# Fuzzes the loader and the renderer for SECONDS seconds: Fuzz/run.sh SECONDS [libFuzzer flags...]
#
# Builds LoaderFuzzer with libFuzzer and AddressSanitizer, then runs it on the seed corpus (corpus/,
# never modified) and the growing corpus of this machine (work-corpus/). Crashes, hangs (-timeout) and
# memory blow-ups (-rss_limit_mb) are written to findings/; see README.md.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:?usage: Fuzz/run.sh SECONDS [libFuzzer flags...]}
shift

# SwiftPM's --sanitize, not -Xswiftc -sanitize=fuzzer: only then does SwiftPM leave main() to
# libFuzzer (otherwise it links the executable's renamed entry point, which -parse-as-library removes).
# FUZZER=FollowerFuzzer fuzzes the follower's decoder of a presenter's messages instead (its seeds in
# follower-corpus/, its growing corpus in follower-work-corpus/).
fuzzer=${FUZZER:-LoaderFuzzer}
corpus=corpus work=work-corpus
if [ "$fuzzer" = FollowerFuzzer ]; then corpus=follower-corpus work=follower-work-corpus; fi
swift build -c release --sanitize=fuzzer --sanitize=address -Xswiftc -parse-as-library --product "$fuzzer"

mkdir -p "$work" findings
# The Swift backtracer would catch the trap first and fight ASan; libFuzzer must see the signal.
# Leak checks are off: Swift's runtime caches look like leaks; memory growth is caught by -rss_limit_mb.
export SWIFT_BACKTRACE=enable=no
exec ".build/release/$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
    -detect_leaks=0 -dict=ciodash.dict -print_final_stats=1 -artifact_prefix=findings/ "$@" "$work" "$corpus"
