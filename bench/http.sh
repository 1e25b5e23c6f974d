#!/usr/bin/env bash
# HTTP benchmark of issue 5: the API under load against pgbench running the same SQL.
#
# Sets up a CRM home with the embedded PostgreSQL, loads the large demo set (100k clients, 300k
# contracts, 1M events), starts `crm serve`, logs in as manager1, then, one measurement at a time
# (each --duration seconds, 16 connections, loopback only):
#   wrk  GET /api/v1/clients/{id}             ids uniform over the table
#   wrk  GET /api/v1/events?unassigned=true&limit=50
#   wrk  GET /api/v1/events?mine=true&limit=50   as support1
#   wrk  GET /api/v1/contracts?signed=false&limit=50
#   wrk  PATCH /api/v1/clients/{id}           16 writers (one connection each), each its own client
#   wrk  GET /api/v1/health                   HTTP + JSON floor (+ one shared database ping)
#   wrk  GET /api/v1/clients/{id}, no token   401 problem+json: HTTP + routing + JSON, no SQL
#   pgbench, as the database owner, on the same server: the client record query alone (a), the
#   full SQL of one API request (b: transaction, session lookup, collaborator re-read, record),
#   and the same two for the events page; the page SQL one would write by hand for each list
#   (bench/http/*-by-hand: page the base table, then join the names); simple protocol (pgbench's
#   default) and prepared; the by-hand page SQL once more with plan_cache_mode = force_generic_plan
#   (one plan, never planned again: with the limit a parameter inside, auto mode replans each time).
# Two floors, measured the same way: wrk against bare Jetty answering a fixed client record
# (bench/http/JettyFloor.java, from crm.jar) and pgjdbc alone running the record query from 16
# threads (bench/http/JdbcFloor.java); the report prints GET /clients/{id}'s CPU budget from them.
# It also times the load of the demo set and the warm start of `crm serve` (to /health = 200), and
# records the load average around each measurement (the machine may be shared).
# then a JFR profile of the server under the client, events and PATCH loads, and stops everything it started.
#
# Latency: each wrk thread drives one connection (-t16 -c16) and bench/http/load.lua times every
# request; the brief's `wrk -c16 -t2 --latency` runs are made too and reported as wrk prints them
# (see bench/http-results.md for why wrk's own percentiles are not used). CPU used by the server
# JVM, PostgreSQL (every backend), the load generator and everything else on the machine is read
# from /proc around each measurement.
#
#   bench/http.sh [--duration 30] [--warmup 10] [--size large|small|C,K,E] [--jar crm.jar]
#                 [--home DIR] [--http-port 18080] [--db-port 55432] [--no-profile] [--api-only]
#                 [--quick] [--out FILE]
#
# --jar runs another build of the CRM (for an A/B comparison) instead of building this checkout;
# --home keeps the CRM home (and its loaded data) in DIR, reusing it when it is already loaded;
# --api-only skips the pgbench runs (they do not depend on the CRM build); --quick measures only
# the two endpoints (per-request timing), without pgbench or profile, for A/B runs of two builds.
# Needs: a JDK 17, wrk (apt-get install wrk), pgbench and python3 (Debian packages).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

duration=30
warmup=10
size=large
jar=""
home=""
http_port=18080
db_port=55432
profile=true
api_only=false
quick=false
out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --size) size=$2; shift 2 ;;
    --jar) jar=$(readlink -f "$2"); shift 2 ;;
    --home) home=$2; shift 2 ;;
    --http-port) http_port=$2; shift 2 ;;
    --db-port) db_port=$2; shift 2 ;;
    --no-profile) profile=false; shift ;;
    --api-only) api_only=true; shift ;;
    --quick) quick=true; api_only=true; profile=false; shift ;;
    --out) out=$2; shift 2 ;;
    *) echo "unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done
for tool in java javac jcmd jfr wrk pgbench python3 curl /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing $tool" >&2; exit 2; }
done

work=$(mktemp -d /tmp/crm-http-bench.XXXXXX)
temporary_home=false
if [ -z "$home" ]; then
  home=$work/home
  temporary_home=true
fi
mkdir -p "$home" "$work/logs"
home=$(readlink -f "$home")
server_pid=""

stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid"
    for _ in $(seq 1 60); do
      kill -0 "$server_pid" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 "$server_pid" 2>/dev/null; then
      echo "crm serve did not stop within 30 s; killing it" >&2
      kill -KILL "$server_pid"
    fi
    wait "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
}
cleanup() {
  stop_server
  if $temporary_home; then
    rm -rf "$home"
  fi
  echo "raw output kept in $work/logs" >&2
}
trap cleanup EXIT

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

# --- build ---------------------------------------------------------------------------------------
if [ -z "$jar" ]; then
  log "building crm.jar"
  ./mvnw -q -B -ntp -DskipTests package -pl crm-bootstrap -am
  jar=$root/crm-bootstrap/target/crm.jar
fi
mkdir -p "$work/classes"
javac -nowarn -d "$work/classes" -cp "$jar" \
  crm-bootstrap/src/test/java/com/epicevents/crm/bootstrap/bench/LargeDataSetBenchmark.java

# --- database: init and load ---------------------------------------------------------------------
export CRM_HOME=$home
# The benchmark measures the server at full speed with one token: the per-credential rate limit
# (20 requests/s, bursts of 100 by default) would answer most of its requests 429. Off here.
export CRM_HTTP_RATE_LIMIT_PER_SECOND=0
demo_password='bench-Demo-Password-2027'
if [ ! -f "$home/.bench-loaded" ]; then
  [ -f "$home/crm.conf" ] || printf 'embedded.port = %s\n' "$db_port" > "$home/crm.conf"
  log "crm admin init in $home"
  java -jar "$jar" admin init > "$work/logs/init.txt" 2>&1 || { cat "$work/logs/init.txt" >&2; exit 1; }
  owner_password=$(sed -n 's/^db.password *= *//p' "$home/crm.conf")
  log "loading the $size demo data set"
  java -Xmx2g -cp "$work/classes:$jar" com.epicevents.crm.bootstrap.bench.LargeDataSetBenchmark \
    "$home" "$db_port" "$owner_password" "$demo_password" "$size" > "$work/logs/load.txt" 2>&1 \
    || { tail -20 "$work/logs/load.txt" >&2; exit 1; }
  grep '^loaded' "$work/logs/load.txt" >&2
  echo "$size" > "$home/.bench-loaded"
fi
owner_password=$(sed -n 's/^db.password *= *//p' "$home/crm.conf")
db_port=$(sed -n 's/^embedded.port *= *//p' "$home/crm.conf")
size=$(cat "$home/.bench-loaded")

# --- server --------------------------------------------------------------------------------------
log "starting crm serve on 127.0.0.1:$http_port"
start_ns=$(date +%s%N)
java -jar "$jar" serve --host 127.0.0.1 --port "$http_port" > "$work/logs/serve.txt" 2>&1 &
server_pid=$!
base=http://127.0.0.1:$http_port
for _ in $(seq 1 1200); do
  curl -fs "$base/api/v1/health" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/logs/serve.txt" >&2; exit 1; }
  sleep 0.05
done
curl -fs "$base/api/v1/health" >/dev/null || { echo "crm serve did not come up" >&2; exit 1; }
warm_start_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
log "crm serve answered /health after $warm_start_ms ms (load average $(cut -d' ' -f1 /proc/loadavg))"
postmaster_pid=$(head -1 "$home/pgdata/postmaster.pid")

login=$(curl -fs -X POST -H 'Content-Type: application/json' \
  -d "{\"username\":\"manager1\",\"password\":\"$demo_password\"}" "$base/api/v1/auth/login")
token=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["token"])' "$login")
collaborator_id=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["collaborator"]["id"])' "$login")
token_hash=$(printf '%s' "$token" | sha256sum | cut -d' ' -f1)
clients=$(PGPASSWORD=$owner_password psql -h 127.0.0.1 -p "$db_port" -U postgres -d crm -Atc \
  "SELECT max(id) FROM crm.clients")
log_in() { # username → "token id"
  local body
  body=$(curl -fs -X POST -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$demo_password\"}" "$base/api/v1/auth/login")
  python3 -c 'import json,sys; j=json.loads(sys.argv[1]); print(j["token"], j["collaborator"]["id"])' "$body"
}
read -r support_token support_id <<< "$(log_in support1)"
read -r sales_token sales_id <<< "$(log_in sales1)"
writer_ids=$(PGPASSWORD=$owner_password psql -h 127.0.0.1 -p "$db_port" -U postgres -d crm -Atc \
  "SELECT string_agg(id::text, ',') FROM (SELECT id FROM crm.clients WHERE sales_contact_id = $sales_id ORDER BY id LIMIT 16) w")
for f in client-request events-request whatif-client-request-joined events-mine-support; do
  sed -e "s/@TOKEN_HASH@/$token_hash/" -e "s/@COLLABORATOR_ID@/$collaborator_id/" -e "s/@SUPPORT_ID@/$support_id/" \
    "bench/http/$f.sql.in" > "$work/$f.sql"
done
# the record id range follows the loaded size
sed -e "s/random(1, 100000)/random(1, $clients)/" bench/http/client-record.sql > "$work/client-record.sql"
sed -i -e "s/random(1, 100000)/random(1, $clients)/" "$work/client-request.sql" "$work/whatif-client-request-joined.sql"
cp bench/http/events-unassigned.sql bench/http/whatif-events-page-subquery.sql bench/http/contracts-unsigned.sql "$work/"

# --- measuring -----------------------------------------------------------------------------------
hz=$(getconf CLK_TCK)
# utime+stime of one process, in clock ticks (the command name may hold spaces: cut after ')')
ticks_of() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
# the postmaster, the children it has reaped, and its live children (backends)
pg_ticks() {
  local total
  total=$(awk '{ sub(/^.*\) /, ""); print $12 + $13 + $14 + $15 }' "/proc/$postmaster_pid/stat" 2>/dev/null || echo 0)
  for child in $(pgrep -P "$postmaster_pid" || true); do
    total=$((total + $(ticks_of "$child")))
  done
  echo "$total"
}
busy_ticks() { awk '/^cpu /{ print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
cpu_before() { b_busy=$(busy_ticks); b_server=$(ticks_of "$server_pid"); b_pg=$(pg_ticks); b_load=$(cut -d' ' -f1 /proc/loadavg); }
# appends "server_s pg_s other_s" (seconds of CPU during the measurement) given the generator's
cpu_after() { # $1 = generator cpu seconds
  local busy server pg
  busy=$(busy_ticks); server=$(ticks_of "$server_pid"); pg=$(pg_ticks)
  python3 -c 'import sys
hz, busy, server, pg, gen = float(sys.argv[1]), *map(float, sys.argv[2:6])
other = max(0.0, busy / hz - server / hz - pg / hz - gen)
print("%.2f %.2f %.2f %s" % (server / hz, pg / hz, other, sys.argv[6]))' \
    "$hz" "$((busy - b_busy))" "$((server - b_server))" "$((pg - b_pg))" "$1" "$b_load-$(cut -d' ' -f1 /proc/loadavg)"
}

results=$work/results.tsv
: > "$results"
# columns: name, rate/s, p50 ms, p99 ms, latency source, server cpu s, pg cpu s, generator cpu s, other cpu s, requests, errors

run_wrk() { # name threads path token [method]
  local name=$1 threads=$2 path=$3 tok=$4 method=${5:-GET} logf=$work/logs/$1.txt
  log "wrk $name: $method $path (${duration}s)"
  cpu_before
  CRM_METHOD=$method CRM_WRITER_IDS=$writer_ids \
  CRM_PATH=$path CRM_TOKEN=$tok CRM_IDS=$clients /usr/bin/time -f '%U %S' -o "$work/time.txt" \
    wrk -t"$threads" -c16 -d"${duration}s" --latency -s bench/http/load.lua "$base" > "$logf" 2>&1
  local gen cpu rate
  gen=$(awk '{ print $1 + $2 }' "$work/time.txt")
  cpu=$(cpu_after "$gen")
  rate=$(awk '/^Requests\/sec:/ { print $2 }' "$logf")
  python3 - "$name" "$rate" "$threads" "$gen" "$cpu" "$logf" >> "$results" <<'EOF'
import re, sys
name, rate, threads, gen, cpu, logf = sys.argv[1:]
text = open(logf).read()
server, pg, other, loadavg = cpu.split()
def wrk_pct(p):  # wrk's own figure, e.g. "99%    3.40ms"
    m = re.search(r"^\s+%s%%\s+([\d.]+)(us|ms|s)\s*$" % p, text, re.M)
    v, unit = float(m.group(1)), m.group(2)
    return v / 1000 if unit == "us" else v * 1000 if unit == "s" else v
r = dict(kv.split("=") for kv in re.search(r"^RESULT (.*)$", text, re.M).group(1).split())
requests = int(r["requests"])
bad = int(r.get("non2xx", 0))
non = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
if int(threads) == 1 or int(threads) == 16:
    p50, p99, source = int(r["p50_us"]) / 1000, int(r["p99_us"]) / 1000, "per request"
else:
    p50, p99, source = wrk_pct(50), wrk_pct(99), "wrk --latency"
print("\t".join(map(str, [name, rate, "%.2f" % p50, "%.2f" % p99, source, server, pg, gen, other, requests, bad, loadavg])))
EOF
}

run_pgbench() { # name file mode [plan_cache_mode]
  local name=$1 file=$2 mode=$3 plans=${4:-auto} logf=$work/logs/$1.txt
  log "pgbench $name: $(basename "$file") -M $mode, plan_cache_mode $plans (${duration}s)"
  rm -rf "$work/pgbench-log" && mkdir -p "$work/pgbench-log"
  cpu_before
  (cd "$work/pgbench-log" && PGOPTIONS="-c plan_cache_mode=$plans" PGPASSWORD=$owner_password /usr/bin/time -f '%U %S' -o "$work/time.txt" \
    pgbench -h 127.0.0.1 -p "$db_port" -U postgres -n -f "$file" -M "$mode" -c16 -j2 -T"$duration" -l crm) \
    > "$logf" 2>&1
  local gen cpu rate
  gen=$(awk '{ print $1 + $2 }' "$work/time.txt")
  cpu=$(cpu_after "$gen")
  rate=$(awk '/^tps = / { print $3 }' "$logf")
  # per-transaction log: client, transaction, latency (us), script, epoch, us
  cat "$work"/pgbench-log/pgbench_log.* | awk '{ print $3 }' | sort -n > "$work/latencies.txt"
  python3 - "$name" "$rate" "$gen" "$cpu" "$work/latencies.txt" "$logf" "$mode" >> "$results" <<'EOF'
import re, sys, math
name, rate, gen, cpu, lat, logf, mode = sys.argv[1:]
server, pg, other, loadavg = cpu.split()
values = [int(x) for x in open(lat) if x.strip()]
n = len(values)
pct = lambda p: values[max(0, math.ceil(n * p) - 1)] / 1000
failed = re.search(r"number of failed transactions: (\d+)", open(logf).read())
print("\t".join(map(str, [name, "%.0f" % float(rate), "%.2f" % pct(0.5), "%.2f" % pct(0.99),
                           "pgbench -l (-M %s)" % mode, server, pg, gen, other, n,
                           failed.group(1) if failed else "?", loadavg])))
EOF
}

clients_path='/api/v1/clients/{id}'
events_path='/api/v1/events?unassigned=true&limit=50'

log "warming up (${warmup}s per endpoint)"
for p in "$clients_path" "$events_path" '/api/v1/contracts?signed=false&limit=50' /api/v1/health; do
  CRM_PATH=$p CRM_TOKEN=$token CRM_IDS=$clients wrk -t16 -c16 -d"${warmup}s" -s bench/http/load.lua "$base" \
    >> "$work/logs/warmup.txt" 2>&1
done

mine_path='/api/v1/events?mine=true&limit=50'
contracts_path='/api/v1/contracts?signed=false&limit=50'
run_wrk api-client 16 "$clients_path" "$token"
run_wrk api-events 16 "$events_path" "$token"
run_wrk api-events-mine-support 16 "$mine_path" "$support_token"
run_wrk api-contracts-unsigned 16 "$contracts_path" "$token"
run_wrk api-client-patch-16-writers 16 '/api/v1/clients/{id}' "$sales_token" PATCH
if ! $quick; then
  run_wrk api-health 16 /api/v1/health ""
  run_wrk api-client-401 16 "$clients_path" ""
fi
if ! $api_only; then
  run_pgbench sql-client-record "$work/client-record.sql" simple
  run_pgbench sql-client-record-prep "$work/client-record.sql" prepared
  # the page SQL one would write by hand for each list (page the base table, then join)
  run_pgbench sql-events-unassigned-by-hand-prep "$work/whatif-events-page-subquery.sql" prepared
  run_pgbench sql-events-mine-support-by-hand-prep "$work/events-mine-support.sql" prepared
  run_pgbench sql-contracts-unsigned-by-hand-prep "$work/contracts-unsigned.sql" prepared
  # the same three with one generic plan each, never planned again: what the database can do at best
  # with that SQL (with the page's limit a parameter inside, auto mode plans every execution)
  run_pgbench sql-events-unassigned-by-hand-generic "$work/whatif-events-page-subquery.sql" prepared force_generic_plan
  run_pgbench sql-events-mine-support-by-hand-generic "$work/events-mine-support.sql" prepared force_generic_plan
  run_pgbench sql-contracts-unsigned-by-hand-generic "$work/contracts-unsigned.sql" prepared force_generic_plan
  # what one request cost before this issue's changes (transaction, session, collaborator, record)
  run_pgbench sql-client-request-prep "$work/client-request.sql" prepared
  # the floor of the record read in Java: pgjdbc alone, 16 threads, no pool, MyBatis or HTTP
  log "JDBC floor: the record query from 16 Java threads on their own connections (${duration}s)"
  java -cp "$jar" bench/http/JdbcFloor.java "jdbc:postgresql://127.0.0.1:$db_port/crm" \
    "$(sed -n 's/^db.app.user *= *//p' "$home/crm.conf")" "$(sed -n 's/^db.app.password *= *//p' "$home/crm.conf")" \
    "$clients" "$duration" > "$work/logs/jdbc-floor.txt" 2>&1 || true
fi

# --- profile -------------------------------------------------------------------------------------
if $profile; then
  for target in client events patch; do
    path=$clients_path method=GET tok=$token
    [ "$target" = events ] && path=$events_path
    [ "$target" = patch ] && path='/api/v1/clients/{id}' method=PATCH tok=$sales_token
    log "JFR profile of the server under $method $path (${duration}s)"
    jcmd "$server_pid" JFR.start name=bench settings=profile filename="$work/$target.jfr" > /dev/null
    CRM_METHOD=$method CRM_WRITER_IDS=$writer_ids CRM_PATH=$path CRM_TOKEN=$tok CRM_IDS=$clients \
      wrk -t16 -c16 -d"${duration}s" -s bench/http/load.lua "$base" > "$work/logs/profile-$target.txt" 2>&1
    jcmd "$server_pid" JFR.stop name=bench > /dev/null
    jfr print --events jdk.ExecutionSample --stack-depth 96 "$work/$target.jfr" > "$work/$target-samples.txt"
    python3 bench/http/profile.py "$work/$target-samples.txt" > "$work/logs/profile-$target-summary.txt"
  done
fi

stop_server

# --- the floor: bare Jetty answering a fixed client record (no routing, JSON or database) ----------
if ! $quick; then
  floor_port=$((http_port + 1))
  java -cp "$jar" bench/http/JettyFloor.java "$floor_port" > "$work/logs/jetty-floor.txt" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$floor_port/" > /dev/null 2>&1 && break
    sleep 0.25
  done
  saved_base=$base
  base="http://127.0.0.1:$floor_port"
  CRM_PATH=/api/v1/clients/1 wrk -t16 -c16 -d"${warmup}s" -s bench/http/load.lua "$base" >> "$work/logs/warmup.txt" 2>&1
  run_wrk jetty-floor-client-json 16 /api/v1/clients/1 ""
  base=$saved_base
  stop_server
fi

# --- report --------------------------------------------------------------------------------------
python3 - "$results" "$size" "$duration" "$(nproc)" "$warm_start_ms" "$work/logs/load.txt" "$work/logs/jdbc-floor.txt" <<'EOF' | tee "$work/table.md"
import sys
rows = {}
for line in open(sys.argv[1]):
    f = line.rstrip("\n").split("\t")
    rows[f[0]] = f
size, duration, cores, warm_start_ms, load_log, jdbc_floor = sys.argv[2:]
print("Data set: %s; %s s per measurement; 16 connections; %s cores shared by load generator, server and PostgreSQL.\n"
      % (size, duration, cores))
import os
if os.path.exists(load_log):
    for line in open(load_log):
        if line.startswith("loaded"):
            print("Demo set load: " + line.strip() + "\n")
print("Warm start (crm serve launched → /health 200): %s ms\n" % warm_start_ms)
print("| measurement | req/s or TPS | p50 ms | p99 ms | latency from | server CPU µs/req | PostgreSQL CPU µs/req | generator CPU µs/req | other processes (cores) | requests | errors | load avg before-after |")
print("|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---|")
for name, f in rows.items():
    rate = float(f[1])
    n = int(f[9]) or 1
    per = lambda s: "%.0f" % (float(s) * 1e6 / n)
    print("| %s | %.0f | %s | %s | %s | %s | %s | %s | %.2f | %s | %s | %s |" % (
        name, rate, f[2], f[3], f[4], per(f[5]), per(f[6]), per(f[7]), float(f[8]) / float(duration), f[9], f[10], f[11]))
def ratio(a, b):
    if a in rows and b in rows:
        print("| %s / %s | %.0f%% |" % (a, b, 100 * float(rows[a][1]) / float(rows[b][1])))
print("\n| ratio | value |\n|---|---:|")
targets = [("api-client", "sql-client-record-prep", 10), ("api-events", "sql-events-unassigned-by-hand-prep", 20),
           ("api-events-mine-support", "sql-events-mine-support-by-hand-prep", 20),
           ("api-contracts-unsigned", "sql-contracts-unsigned-by-hand-prep", 20)]
for api, sql, _ in targets:
    ratio(api, sql)
ratio("api-client", "sql-client-record")
for api, sql, _ in targets[1:]:
    ratio(api, sql.replace("-prep", "-generic"))
ratio("api-client", "sql-client-request-prep")
print("\nTargets (issue 9): >= 40% of pgbench -M prepared on the SQL alone, p99 under the bound.\n")
for api, sql, bound in targets:
    if api in rows and sql in rows:
        share = float(rows[api][1]) / float(rows[sql][1])
        p99 = float(rows[api][3])
        print("- %s: %.0f%% of %s (%s), p99 %.2f ms < %d ms (%s)" % (api, 100 * share, sql,
              "met" if share >= 0.4 else "not met", p99, bound, "met" if p99 < bound else "not met"))
        generic = sql.replace("-prep", "-generic")
        if generic in rows:
            print("  (%.0f%% of %s, the same SQL on one generic plan)" % (
                100 * float(rows[api][1]) / float(rows[generic][1]), generic))
if "api-client-patch-16-writers" in rows:
    p99 = float(rows["api-client-patch-16-writers"][3])
    print("- api-client-patch-16-writers: %.0f req/s, p99 %.2f ms < 50 ms (%s)" % (
        float(rows["api-client-patch-16-writers"][1]), p99, "met" if p99 < 50 else "not met"))
def cpu(name):  # server, PostgreSQL, load generator: CPU µs per request
    n = int(rows[name][9]) or 1
    return [float(rows[name][i]) * 1e6 / n for i in (5, 6, 7)]
if "api-client" in rows and "sql-client-record-prep" in rows:
    server, pg, gen = cpu("api-client")
    goal = 0.4 * float(rows["sql-client-record-prep"][1])
    budget = int(cores) * 1e6 / goal
    print("\nCPU budget of GET /clients/{id} on %s cores: server %.0f + PostgreSQL %.0f + load generator %.0f"
          " = %.0f µs a request, hence at most %.0f req/s. 40%% of pgbench is %.0f req/s: %.0f µs a request"
          " in all, which leaves the server %.0f µs once PostgreSQL and the load generator have theirs."
          % (cores, server, pg, gen, server + pg + gen, int(cores) * 1e6 / (server + pg + gen), goal, budget,
             budget - pg - gen))
    for floor in ("jetty-floor-client-json", "api-client-401", "api-health"):
        if floor in rows:
            fs, fp, fg = cpu(floor)
            print("- %s: server %.0f µs a request (%.0f req/s)" % (floor, fs, float(rows[floor][1])))
    if os.path.exists(jdbc_floor):
        for line in open(jdbc_floor):
            if line.startswith("RESULT"):
                r = dict(kv.split("=") for kv in line.split()[1:])
                print("- JDBC floor (pgjdbc alone, 16 threads): %s queries/s, %s µs of Java CPU a query"
                      % (r["rate"], r["java_cpu_us_per_query"]))
EOF
for target in client events patch; do
  if [ -f "$work/logs/profile-$target-summary.txt" ]; then
    echo
    echo "Server profile under the $target load (JFR execution samples, share of samples whose stack holds the frame):"
    echo
    cat "$work/logs/profile-$target-summary.txt"
  fi
done | tee -a "$work/table.md"
if [ -n "$out" ]; then
  cp "$work/table.md" "$out"
  log "table written to $out"
fi
