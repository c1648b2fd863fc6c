#!/usr/bin/env bash
# What verifying signatures adds to `ciodash import`: 34 returns (one per province of 2026), imported
# with --dry-run without signatures, then each with a detached signature beside it (ECDSA P-256, then
# RSA-2048 PSS), under the tests' throw-away PKI with CRLs. Median of RUNS whole-process runs each.
# Usage, from the repository: Benchmarks/signed-import.sh [CIODASH_BINARY] [RUNS]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
bin="${1:-$repo/.build/release/ciodash}"
runs="${2:-21}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

bash "$repo/Tests/CioDashSignatureTests/make-test-pki.sh" "$work/pki" >/dev/null
ids="ha-noi cao-bang dien-bien lai-chau son-la lang-son quang-ninh thanh-hoa nghe-an ha-tinh hue tuyen-quang lao-cai
thai-nguyen phu-tho bac-ninh hung-yen hai-phong ninh-binh quang-tri da-nang quang-ngai gia-lai khanh-hoa lam-dong dak-lak
ho-chi-minh dong-nai tay-ninh can-tho vinh-long dong-thap ca-mau an-giang"
cp -r "$repo/fixtures/hue-2019" "$work/hue-2019"
"$bin" init "$work/meeting" --from "$work/hue-2019" --date 2026-07-24 >/dev/null
# The meeting lists the 34 provinces instead of the sample's 11.
python3 - "$work/meeting/meeting.yaml" $ids <<'PY'
import sys
path, ids = sys.argv[1], sys.argv[2:]
lines = open(path, encoding="utf-8").read().split("\n")
start = lines.index("provinces:")
end = start + 1
while end < len(lines) and lines[end].startswith("  - "): end += 1
lines[start:end] = ["provinces: [" + ", ".join(ids) + "]"]
open(path, "w", encoding="utf-8").write("\n".join(lines))
PY
cp -r "$work/pki/trust-full" "$work/meeting/trust"
"$bin" template "$work/meeting" -o "$work/plain" --format yaml >/dev/null
n=$(ls "$work/plain" | wc -l)
[ "$n" -eq 34 ] || { echo "expected 34 forms, got $n" >&2; exit 1; }
for kind in ec rsa-pss; do
  cp -r "$work/plain" "$work/$kind"
  for f in "$work/$kind"/*; do
    if [ "$kind" = ec ]; then
      openssl cms -sign -binary -in "$f" -signer "$work/pki/good-ec.pem" -inkey "$work/pki/good-ec.key" -outform DER -out "$f.p7s"
    else
      openssl cms -sign -binary -in "$f" -signer "$work/pki/good-rsa.pem" -inkey "$work/pki/good-rsa.key" \
        -keyopt rsa_padding_mode:pss -certfile "$work/pki/inter.pem" -outform DER -out "$f.p7s"
    fi
  done
done

# Each round runs the three sets one after the other, so that the machine's drift hits them alike;
# wall clock and CPU (user + system) per run, medians over the rounds.
declare -A wall cpu
run_once() { # $1: set name
  local out
  out=$( { /usr/bin/time -f "%e %U %S" "$bin" import "$work/meeting" "$work/$1"/*.yaml --dry-run >/dev/null; } 2>&1 | tail -1)
  wall[$1]+="$(awk '{print $1*1000}' <<<"$out") "
  cpu[$1]+="$(awk '{print ($2+$3)*1000}' <<<"$out") "
}
median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{a[NR]=$1} END {printf "%.0f", a[int((NR+1)/2)]}'; }
run_once plain; wall=(); cpu=()   # warm the page cache
for _ in $(seq "$runs"); do run_once plain; run_once ec; run_once rsa-pss; done
signed=$("$bin" import "$work/meeting" "$work/ec"/*.yaml --dry-run --lang en | grep -c "signature: valid" || true)
p=$(median "${wall[plain]}"); e=$(median "${wall[ec]}"); r=$(median "${wall[rsa-pss]}")
pc=$(median "${cpu[plain]}"); ec_=$(median "${cpu[ec]}"); rc=$(median "${cpu[rsa-pss]}")
echo "| 34 returns, import --dry-run | unsigned | ECDSA P-256 signed | RSA-2048 PSS signed |"
echo "|---|---|---|---|"
echo "| wall clock, median of $runs (ms) | $p | $e ($((e - p)) more) | $r ($((r - p)) more) |"
echo "| CPU user+system, median (ms) | $pc | $ec_ ($((ec_ - pc)) more) | $rc ($((rc - pc)) more) |"
echo "| signatures found valid | – | $signed of 34 | $(  "$bin" import "$work/meeting" "$work/rsa-pss"/*.yaml --dry-run --lang en | grep -c "signature: valid" || true) of 34 |"
