#!/usr/bin/env bash
# Cold start to ready of the packaged distribution, with the embedded database.
#
#   mvn -B -DskipTests package && benchmarks/cold-start.sh [runs=3]
#
# Measures, per run, the wall time from `java -jar patchgate.jar` until /health/ready answers 200:
#   first   - empty data directory (initdb, all migrations, demo catalog sync)
#   restart - the same data directory again (what an operator's restart costs)
#   payara  - baseline in the same run: bare Payara Micro deploying a one-page WAR (what the
#             application server alone costs on this machine)
# and prints a table. Not a test: nothing is asserted.
set -euo pipefail
runs=${1:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
dist="$root/launcher/target/patchgate"
[ -f "$dist/patchgate.jar" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
port=18480

ready_after() { # command... ; prints seconds until ready, then stops the process group
  local start end pid
  start=$(date +%s.%N)
  setsid "$@" >"$work/out.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 || curl -sf "http://127.0.0.1:$port/index.html" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "process ended; log:" >&2; tail -20 "$work/out.log" >&2; exit 1; }
    sleep 0.1
  done
  end=$(date +%s.%N)
  kill -TERM -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo "$end - $start" | bc
}

mkdir -p "$work/bare"
echo '<p>ok</p>' > "$work/bare/index.html"
(cd "$work/bare" && jar cf "$work/bare.war" index.html)
payara=$(ls "$dist"/lib/payara-micro-*.jar)

printf '%-4s %10s %10s %10s\n' run first restart payara
for i in $(seq 1 "$runs"); do
  rm -rf "$work/data"
  first=$(cd "$work" && PATCHGATE_HTTP_PORT=$port PATCHGATE_DATA_DIR="$work/data" ready_after java -jar "$dist/patchgate.jar")
  restart=$(cd "$work" && PATCHGATE_HTTP_PORT=$port PATCHGATE_DATA_DIR="$work/data" ready_after java -jar "$dist/patchgate.jar")
  bare=$(cd "$work" && ready_after java -jar "$payara" --deploy "$work/bare.war" --contextroot / --port $port --nohazelcast --disablephonehome)
  printf '%-4s %9.1fs %9.1fs %9.1fs\n' "$i" "$first" "$restart" "$bare"
done
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1)"
