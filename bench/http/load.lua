-- wrk script of bench/http.sh: GET CRM_PATH with the bearer token CRM_TOKEN (none when empty);
-- "{id}" in the path becomes an id drawn uniformly from 1..CRM_IDS for each request.
-- With CRM_METHOD=PATCH and CRM_WRITER_IDS=id1,id2,… each wrk thread (one connection) is one
-- writer that PATCHes its own record ("{id}" = the thread's id) with a changing phone number.
--
-- wrk's own latency figures are not used for percentiles: in this build (Debian wrk 4.1.0) its
-- histogram gives a mean that breaks Little's law (with one connection, mean latency must be
-- 1/throughput) and a p99 several times too high. So each request is timed here with the
-- monotonic clock (LuaJIT FFI), from the moment wrk asks for the request to the moment the
-- response is complete, which is exact when every wrk thread drives ONE connection (-t N -c N).
-- done() merges the threads' samples and prints one line:
--   RESULT requests=… non2xx=… mean_us=… p50_us=… p90_us=… p99_us=… p999_us=… max_us=…
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clk_id, bench_timespec *tp);
]]
local CLOCK_MONOTONIC = 1
local ts = ffi.new("bench_timespec")
local function now_us()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, ts)
  return tonumber(ts.tv_sec) * 1000000 + tonumber(ts.tv_nsec) / 1000
end

local path = os.getenv("CRM_PATH") or "/api/v1/health"
local ids = tonumber(os.getenv("CRM_IDS") or "100000")
local token = os.getenv("CRM_TOKEN")
local headers = {}
if token and token ~= "" then
  headers["Authorization"] = "Bearer " .. token
end
local dynamic = path:find("{id}", 1, true) ~= nil
local method = os.getenv("CRM_METHOD") or "GET"
local writer_ids = {}
for id in string.gmatch(os.getenv("CRM_WRITER_IDS") or "", "%d+") do
  writer_ids[#writer_ids + 1] = id
end
if method ~= "GET" then
  headers["Content-Type"] = "application/json"
end
-- built in init(): wrk.format adds the Host header, which wrk only knows once the threads start
local fixed = nil

local threads = {}
function setup(thread)
  thread:set("seed", math.random(1, 2 ^ 30))
  table.insert(threads, thread)
  thread:set("writer", writer_ids[#threads] or "")
end

-- per thread (one Lua state each)
lat = {}
bad = 0
local started = 0
function init(args)
  math.randomseed(seed)
  fixed = wrk.format("GET", path, headers)
end

local sequence = 0
function request()
  started = now_us()
  if method ~= "GET" then
    sequence = (sequence + 1) % 100
    local body = string.format('{"phone":"+33 6 12 34 56 %02d"}', sequence)
    return wrk.format(method, (path:gsub("{id}", writer)), headers, body)
  end
  if dynamic then
    return wrk.format("GET", (path:gsub("{id}", tostring(math.random(1, ids)))), headers)
  end
  return fixed
end

function response(status, hdrs, body)
  lat[#lat + 1] = math.floor(now_us() - started + 0.5)
  if status < 200 or status > 299 then
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local all, nbad = {}, 0
  for _, t in ipairs(threads) do
    for _, v in ipairs(t:get("lat")) do
      all[#all + 1] = v
    end
    nbad = nbad + t:get("bad")
  end
  table.sort(all)
  local n = #all
  if n == 0 then
    io.write("RESULT requests=0\n")
    return
  end
  local sum = 0
  for i = 1, n do sum = sum + all[i] end
  local function pct(p) return all[math.max(1, math.ceil(n * p))] end
  io.write(string.format(
    "RESULT requests=%d non2xx=%d mean_us=%.0f p50_us=%d p90_us=%d p99_us=%d p999_us=%d max_us=%d\n",
    n, nbad, sum / n, pct(0.5), pct(0.9), pct(0.99), pct(0.999), all[n]))
end
