#!/usr/bin/env bash
# One endpoint of bench/http.sh, quickly, for A/B runs of two builds on a home bench/http.sh loaded:
# starts `crm serve` from JAR on HOME, warms the endpoint up, runs wrk (16 connections) and prints
# req/s, the per-request latency percentiles of bench/http/load.lua and the CPU (user and system)
# of the server and of PostgreSQL per request. With PROFILE=1 it also records a JFR profile
# (printed samples in /tmp/probe-samples.txt).
#
#   bench/http/probe.sh JAR HOME [patch|events|mine|contracts|client] [seconds]
# Env: WARM (warm-up seconds, 10), PORT (18081), DB_PORT (embedded.port of HOME, 55432), JOPTS (JVM options).
set -euo pipefail
jar=$(readlink -f "$1"); home=$(readlink -f "$2"); what=${3:-patch}; dur=${4:-15}
cd "$(dirname "$0")/../.."
port=${PORT:-18081}; db_port=${DB_PORT:-55432}
export CRM_HOME=$home CRM_HTTP_RATE_LIMIT_PER_SECOND=0
# shellcheck disable=SC2086
java ${JOPTS:-} -jar "$jar" serve --host 127.0.0.1 --port "$port" > /tmp/probe-serve.log 2>&1 &
spid=$!
trap 'kill $spid; wait $spid 2>/dev/null' EXIT
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$port/api/v1/health" > /dev/null 2>&1 && break; sleep 0.5; done
b=http://127.0.0.1:$port
PGPASSWORD=$(sed -n 's/^db.password *= *//p' "$home/crm.conf")
export PGPASSWORD
login() {
  curl -fs -X POST -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"bench-Demo-Password-2027\"}" "$b/api/v1/auth/login" \
    | python3 -c 'import json,sys; j=json.load(sys.stdin); print(j["token"], j["collaborator"]["id"])'
}
read -r sales_token sales_id <<< "$(login sales1)"
read -r manager_token _ <<< "$(login manager1)"
read -r support_token _ <<< "$(login support1)"
writers=$(psql -h 127.0.0.1 -p "$db_port" -U postgres -d crm -Atc \
  "SELECT string_agg(id::text, ',') FROM (SELECT id FROM crm.clients WHERE sales_contact_id = $sales_id ORDER BY id LIMIT 16) w")
case $what in
  patch) export CRM_METHOD=PATCH CRM_WRITER_IDS=$writers CRM_PATH='/api/v1/clients/{id}' CRM_TOKEN=$sales_token ;;
  events) export CRM_PATH='/api/v1/events?unassigned=true&limit=50' CRM_TOKEN=$manager_token ;;
  mine) export CRM_PATH='/api/v1/events?mine=true&limit=50' CRM_TOKEN=$support_token ;;
  contracts) export CRM_PATH='/api/v1/contracts?signed=false&limit=50' CRM_TOKEN=$manager_token ;;
  client) export CRM_PATH='/api/v1/clients/{id}' CRM_TOKEN=$manager_token CRM_IDS=100000 ;;
  *) echo "unknown endpoint $what" >&2; exit 2 ;;
esac
wrk -t16 -c16 -d"${WARM:-10}s" -s bench/http/load.lua "$b" > /dev/null 2>&1
ticks() { awk '{ print $14, $15 }' "/proc/$1/stat"; }
pg_ticks() { for p in $(pgrep -f "postgres: "); do awk '{ print $14, $15 }' "/proc/$p/stat" 2>/dev/null; done \
  | awk '{ u += $1; s += $2 } END { print u + 0, s + 0 }'; }
read -r su0 ss0 <<< "$(ticks $spid)"; read -r pu0 ps0 <<< "$(pg_ticks)"
if [ -n "${PROFILE:-}" ]; then jcmd $spid JFR.start name=probe settings=profile filename=/tmp/probe.jfr > /dev/null; fi
wrk -t16 -c16 -d"${dur}s" --latency -s bench/http/load.lua "$b" > /tmp/probe-wrk.txt 2>&1
read -r su1 ss1 <<< "$(ticks $spid)"; read -r pu1 ps1 <<< "$(pg_ticks)"
if [ -n "${PROFILE:-}" ]; then
  jcmd $spid JFR.stop name=probe > /dev/null
  jfr print --events jdk.ExecutionSample --stack-depth 96 /tmp/probe.jfr > /tmp/probe-samples.txt
fi
requests=$(grep -o 'requests=[0-9]*' /tmp/probe-wrk.txt | cut -d= -f2)
echo "$what $(awk '/^Requests\/sec:/ { print "rate=" $2 }' /tmp/probe-wrk.txt) $(grep '^RESULT' /tmp/probe-wrk.txt)"
hz=$(getconf CLK_TCK)
python3 -c "
n, hz = $requests, $hz
us = lambda t: t * 1e6 / hz / n
print('server user %.0f sys %.0f us/req; PostgreSQL user %.0f sys %.0f us/req'
      % (us($su1 - $su0), us($ss1 - $ss0), us($pu1 - $pu0), us($ps1 - $ps0)))"
