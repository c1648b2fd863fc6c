#!/usr/bin/env bash
# Whole-process figures in one run: `ciodash check`, `snapshot --view overview` and `--view all`
# beside the libyaml floor (libyaml-floor.c parsing the same YAML files into events) and PyYAML's C
# loader (overview.py printing the same overview table), at each size. Median wall time from
# hyperfine, peak resident memory from /usr/bin/time -v.
#
# Two floors: the meeting folder alone (what `snapshot --view overview` and overview.py read) and
# the folder with its previous meeting (what `check` and `--view all` read).
#
# Usage: Benchmarks/run-whole-process.sh [SIZES...]      (default: 19 63 630 1000 10000)
# 19 is the bundled sample (fixtures/hue-2019); other sizes are generated N×10 topics×20 metrics
# with one previous meeting, cached in $CIODASH_BENCH_DATA (default /tmp/ciodash-bench-data).
# Results (hyperfine JSON, a Markdown table) go to $CIODASH_BENCH_OUT (default $DATA/results-DATE).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(19 63 630 1000 10000)
data=${CIODASH_BENCH_DATA:-/tmp/ciodash-bench-data}
out=${CIODASH_BENCH_OUT:-$data/results-$(date +%F)}
mkdir -p "$data" "$out"

command -v hyperfine >/dev/null || apt-get install -y hyperfine
[ -x /usr/bin/time ] || apt-get install -y time
[ -f /usr/include/yaml.h ] || apt-get install -y libyaml-dev
python3 -c 'import yaml; assert yaml.__with_libyaml__' 2>/dev/null || { echo "PyYAML with libyaml needed" >&2; exit 1; }

echo "building (release)..." >&2
(cd "$root" && swift build -c release --product ciodash >&2)
(cd "$here" && swift build -c release --product generate-meeting >&2)
ciodash="$root/.build/release/ciodash"
generate="$here/.build/release/generate-meeting"
floor="$out/libyaml-floor"
cc -O2 -o "$floor" "$here/libyaml-floor.c" -lyaml

# Fixed "generated at" so that the Python and ciodash outputs can be compared byte for byte.
export SOURCE_DATE_EPOCH=1564200000

median_ms() {  # hyperfine JSON, command name
    python3 -c 'import json,sys; r={x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}; print("%.1f" % (r[sys.argv[2]]["median"]*1000))' "$1" "$2"
}
peak_mb() {  # command... → peak resident set in MB
    /usr/bin/time -v "$@" 2>&1 >/dev/null | awk '/Maximum resident set size/ {printf "%.1f", $6/1024}'
}

table="$out/whole-process.md"
{
    echo "Date: $(date -u '+%F %H:%M UTC'); host: $(nproc) cores; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    echo "| provinces | YAML: folder / + previous | floor: folder / + previous | check | overview | all | python | overview ÷ floor | check ÷ floor+prev | python ÷ overview | peak: check / overview / all / python |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|"
} > "$table"

for n in "${sizes[@]}"; do
    if [ "$n" = 19 ]; then
        dir="$root/fixtures/hue-2019"
    else
        dir=$("$generate" "$data" --cached --provinces "$n" --topics 10 --metrics 20 --previous 1)
    fi
    previous=$(sed -n 's/^previous: *"\{0,1\}\([^"]*\)"\{0,1\} *$/\1/p' "$dir/meeting.yaml")
    folders=("$dir")
    [ -n "$previous" ] && folders+=("$dir/$previous")
    own=$(cat "$dir"/meeting.yaml "$dir"/provinces/*.yaml | wc -c)
    both=$(cat "$dir"/meeting.yaml "$dir"/provinces/*.yaml ${previous:+"$dir/$previous"/meeting.yaml "$dir/$previous"/provinces/*.yaml} | wc -c)

    # The figures only count if the work is right: a clean check, and Python printing ciodash's table.
    "$ciodash" check "$dir" | tail -1 >&2
    if ! cmp -s <("$ciodash" snapshot "$dir" --view overview) <(python3 "$here/overview.py" "$dir"); then
        echo "warning: overview.py and ciodash differ at $n provinces" >&2
    fi

    runs=10; warmup=2
    if [ "$n" -ge 5000 ]; then runs=2; warmup=0; elif [ "$n" -ge 600 ]; then runs=5; warmup=1; fi
    json="$out/hyperfine-$n.json"
    hyperfine -N --style basic --warmup "$warmup" --runs "$runs" --export-json "$json" \
        -n floor "$floor $dir" \
        -n floor+prev "$floor ${folders[*]}" \
        -n check "$ciodash check $dir" \
        -n overview "$ciodash snapshot $dir --view overview" \
        -n all "$ciodash snapshot $dir --view all" \
        -n python "python3 $here/overview.py $dir" >&2

    f=$(median_ms "$json" floor); fp=$(median_ms "$json" floor+prev); c=$(median_ms "$json" check)
    o=$(median_ms "$json" overview); a=$(median_ms "$json" all); p=$(median_ms "$json" python)
    printf '| %s | %.1f / %.1f MB | %s / %s ms | %s ms | %s ms | %s ms | %s ms | %.2f | %.2f | %.1f | %s / %s / %s / %s MB |\n' \
        "$n" "$(echo "$own / 1048576" | bc -l)" "$(echo "$both / 1048576" | bc -l)" "$f" "$fp" "$c" "$o" "$a" "$p" \
        "$(echo "$o / $f" | bc -l)" "$(echo "$c / $fp" | bc -l)" "$(echo "$p / $o" | bc -l)" \
        "$(peak_mb "$ciodash" check "$dir")" "$(peak_mb "$ciodash" snapshot "$dir" --view overview)" \
        "$(peak_mb "$ciodash" snapshot "$dir" --view all)" "$(peak_mb python3 "$here/overview.py" "$dir")" >> "$table"
done

# Linearity: 10× the provinces should take at most 12× the time. Wall-clock medians, and CPU time
# (user + system, mean), which other users of a shared machine disturb less.
python3 - "$out" "${sizes[@]}" >> "$table" <<'EOF2'
import json, sys
out, sizes = sys.argv[1], sys.argv[2:]
def results(n):
    return {r["command"]: r for r in json.load(open(f"{out}/hyperfine-{n}.json"))["results"]}
pairs = [(a, b) for a, b in [("63", "630"), ("1000", "10000")] if a in sizes and b in sizes]
names = ["floor", "floor+prev", "check", "overview", "all", "python"]
if pairs:
    print("\n| 10× the data: wall (CPU) | " + " | ".join(names) + " |")
    print("|---" * (len(names) + 1) + "|")
for a, b in pairs:
    ra, rb = results(a), results(b)
    cells = [f"{rb[c]['median'] / ra[c]['median']:.1f}× ({(rb[c]['user'] + rb[c]['system']) / (ra[c]['user'] + ra[c]['system']):.1f}×)"
             for c in names]
    print(f"| {a} → {b} | " + " | ".join(cells) + " |")
EOF2
echo >> "$table"
echo "Load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$table"
cat "$table"
