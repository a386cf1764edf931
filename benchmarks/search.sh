#!/usr/bin/env bash
# Catalog search through the real API at winget scale.
#
#   mvn -B -DskipTests package && benchmarks/search.sh <corpus folder> [rounds=20]
#
# Starts the packaged distribution on an empty data directory (embedded database, no demo), syncs
# the corpus (e.g. the 60,000-version folder the ingest benchmark generates, see benchmarks/README.md)
# as a winget source, then times each query below `rounds` times with curl (after one warm-up round)
# and prints the median and the 95th percentile in milliseconds, with the number of matches.
# Not a test: nothing is asserted.
set -euo pipefail
corpus=${1:?usage: benchmarks/search.sh <corpus folder> [rounds]}
rounds=${2:-20}
root=$(cd "$(dirname "$0")/.." && pwd)
dist="$root/launcher/target/patchgate"
[ -f "$dist/patchgate.jar" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 1; }
work=$(mktemp -d)
port=18490
password='search-benchmark-password-1'
base="http://127.0.0.1:$port"

(cd "$work" && PATCHGATE_HTTP_PORT=$port PATCHGATE_DATA_DIR="$work/data" PATCHGATE_DEMO_ENABLED=false \
    PATCHGATE_ADMIN_PASSWORD=$password setsid java -jar "$dist/patchgate.jar" >"$work/server.log" 2>&1) &
server=$!
trap 'kill -TERM -- "-$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
until curl -sf "$base/health/ready" >/dev/null 2>&1; do
  kill -0 "$server" 2>/dev/null || { tail -20 "$work/server.log" >&2; exit 1; }
  sleep 0.5
done

token=$(curl -sf -X POST "$base/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$password\"}" | sed 's/.*"token":"\([^"]*\)".*/\1/')
auth=(-H "Authorization: Bearer $token")
source=$(curl -sf -X POST "$base/api/v1/sources" "${auth[@]}" -H 'Content-Type: application/json' \
  -d "{\"name\":\"search benchmark\",\"format\":\"winget\",\"location\":\"$corpus\"}" | sed 's/.*"id":\([0-9]*\).*/\1/')
started=$(date +%s.%N)
curl -sf -X POST "$base/api/v1/sources/$source/sync" "${auth[@]}" >/dev/null
while :; do
  # Read the whole answer first: grep -q would stop reading and fail curl under pipefail.
  state=$(curl -sf "$base/api/v1/sources/$source/syncs?limit=1" "${auth[@]}" || true)
  case "$state" in *'"state":"succeeded"'*|*'"state":"failed"'*) break ;; esac
  sleep 1
done
run=$(curl -sf "$base/api/v1/sources/$source/syncs?limit=1" "${auth[@]}")
echo "sync through the API: $(echo "$(date +%s.%N) - $started" | bc) s; $run" | cut -c1-300

queries=(
  "catalog/updates"                                   # first page, newest first, no filter
  "catalog/updates?q=git"                             # a common word
  "catalog/updates?q=microsoft%20visual"              # two words
  "catalog/updates?q=power"                           # prefix of many names (powershell, powertoys …)
  "catalog/updates?q=zzzznotthere"                    # no match
  "catalog/updates?q=git&architecture=x64&installerType=exe"
  "catalog/updates?classification=applications&offset=20000&limit=50"   # deep page
  "catalog/updates?includeSuperseded=true&q=7zip"
  "catalog/vendors?q=soft"
  "catalog/products?limit=50&offset=5000"
)
printf '%-70s %8s %8s %8s\n' query matches p50_ms p95_ms
for q in "${queries[@]}"; do
  total=$(curl -sf "$base/api/v1/$q" "${auth[@]}" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
  times=()
  for _ in $(seq 1 "$rounds"); do
    times+=("$(curl -sf -o /dev/null -w '%{time_total}' "$base/api/v1/$q" "${auth[@]}")")
  done
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  p50=$(echo "$sorted" | awk -v n="$rounds" 'NR==int((n+1)/2){printf "%.1f", $1*1000}')
  p95=$(echo "$sorted" | awk -v n="$rounds" 'NR==int(n*0.95+0.5){printf "%.1f", $1*1000}')
  printf '%-70s %8s %8s %8s\n' "$q" "${total:-?}" "$p50" "$p95"
done
echo "machine: $(nproc) cores; rounds: $rounds (after one warm-up request)"
