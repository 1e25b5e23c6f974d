#!/usr/bin/env bash
# Abuse benchmark of issue 14: does crm serve stay responsive for everyone else while some
# clients misbehave? Loopback only, bounded in count and time (about three minutes).
#
# Sets up a throw-away CRM home with the embedded PostgreSQL and the small demo set, starts
# `crm serve` (metrics on), then bench/abuse.py measures, one scenario at a time, the latency of
# a well-behaved client reading a record with its token (GET /api/v1/clients/{id}, one request
# at a time, 500 requests) and /health:
#   baseline       nothing else going on
#   slow uploads   1,000 connections sending a login body one byte every 2 s (10 source addresses)
#   login flood    200 clients logging in with wrong passwords as fast as they are answered
#                  (waiting as Retry-After asks when refused)
#   one address    300 connections from one address (beyond http.max-connections-per-address)
# and writes the figures to bench/abuse-results.md (or --out FILE), with the machine's load.
#
#   bench/abuse.sh [--jar crm.jar] [--http-port 18090] [--out FILE]
# Needs: a JDK 17 and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
jar=""
http_port=18090
out="$root/bench/abuse-results.md"
while [ $# -gt 0 ]; do
  case "$1" in
    --jar) jar=$(readlink -f "$2"); shift 2 ;;
    --http-port) http_port=$2; shift 2 ;;
    --out) out=$(readlink -f "$(dirname "$2")")/$(basename "$2"); shift 2 ;;
    *) echo "unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
log() { echo "[abuse $(date +%H:%M:%S)] $*" >&2; }

work=$(mktemp -d /tmp/crm-abuse-bench.XXXXXX)
home="$work/home"
serve_pid=""
cleanup() {
  if [ -n "$serve_pid" ] && kill -0 "$serve_pid" 2>/dev/null; then
    kill "$serve_pid"
    wait "$serve_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ -z "$jar" ]; then
  log "building crm.jar"
  ./mvnw -q -B -ntp -DskipTests package -pl crm-bootstrap -am
  jar=$root/crm-bootstrap/target/crm.jar
fi
export CRM_HOME="$home"
# The scenarios measure connections and threads, not the per-credential rate limit (20 requests/s,
# bursts of 100 by default), which would answer the reader and the login flood 429. Off here.
export CRM_HTTP_RATE_LIMIT_PER_SECOND=0
metrics_port=$((http_port + 1))
log "crm admin init + seed-demo in $home"
java -jar "$jar" admin init > "$work/init.txt" 2>&1 || { cat "$work/init.txt" >&2; exit 1; }
java -jar "$jar" admin seed-demo --size small > "$work/seed.txt" 2>&1 || { cat "$work/seed.txt" >&2; exit 1; }
printf 'metrics.port=%s\n' "$metrics_port" >> "$home/crm.conf"

log "starting crm serve on 127.0.0.1:$http_port"
java -jar "$jar" serve --host 127.0.0.1 --port "$http_port" > "$work/serve.txt" 2>&1 &
serve_pid=$!
for _ in $(seq 1 120); do
  grep -q "crm serve: listening" "$work/serve.txt" 2>/dev/null && break
  kill -0 "$serve_pid" 2>/dev/null || { cat "$work/serve.txt" >&2; exit 1; }
  sleep 0.5
done

python3 bench/abuse.py --base "http://127.0.0.1:$http_port/api/v1" --metrics "http://127.0.0.1:$metrics_port/metrics" \
  --out "$out" --cores "$(nproc)"
log "results in $out"
if grep -E "ERROR|Exception" "$work/serve.txt" | grep -v "^\s*$" | head -5 >&2; then
  log "the server logged errors (above)"
fi
