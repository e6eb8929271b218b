-- POSTs one JSON body (read from a file) on every request and prints a JSON summary at the end.
--
--   wrk -t2 -c32 -d20s --latency -s bench/wrk/post.lua http://127.0.0.1:8080/v1/summaries -- body.json
--
-- Body file: first script argument, else $WRK_BODY_FILE.
-- Sends Cache-Control: no-cache (khulasa's result cache would answer repeats) unless WRK_CACHE=1.
-- Optional env: WRK_HEADER="Name: value" (one extra header, e.g. an API key);
--               WRK_BODY_LINES=1 (the body file holds one JSON body per line, sent in turn: distinct articles,
--               so that nothing learnt from one article's words is reused as if every article were the same);
--               WRK_MAX_REQUESTS=N (each thread stops after ~N/threads responses: wrk has no -n);
--               WRK_JSON_OUT=path (also write the summary there); WRK_LABEL=text (copied into the JSON);
--               WRK_HIST_OUT=path (also write the whole latency histogram there: one "<microseconds> <count>"
--               line per distinct value, so that runs can be merged and compared exactly);
--               WRK_STAGGER_MS=T with WRK_CONNECTIONS=c (= -c) and WRK_THREADS (= -t): the connections' first requests
--               are spread evenly over T ms instead of all leaving at once (32 independent clients rather than one
--               burst of 32; a fake LLM with a fixed delay keeps whatever spacing the first requests had).
-- The summary is the last stdout line, starting with {"label" so scripts can pick it out.

local threads = {}
local thread_count = 0

-- Main thread: remember each thread so done() can collect its per-status counters.
function setup(thread)
  thread_count = thread_count + 1
  thread:set("id", thread_count)
  table.insert(threads, thread)
end

local function read_file(path)
  local f, err = io.open(path, "rb")
  if not f then error("cannot read body file " .. tostring(path) .. ": " .. tostring(err)) end
  local s = f:read("*a")
  f:close()
  return s
end

local max_per_thread = nil
rotate = os.getenv("WRK_BODY_LINES") == "1"
bodies = {}
next_body = 0
local responses = 0
statuses = {}   -- global: read from done() through thread:get("statuses")

-- Per thread: each thread has its own Lua state, so it reads the file and counters itself.
function init(args)
  local path = args[1] or os.getenv("WRK_BODY_FILE")
  if not path then error("post.lua: pass the body file after --, or set WRK_BODY_FILE") end
  wrk.method = "POST"
  wrk.body = read_file(path)
  if rotate then
    for line in wrk.body:gmatch("[^\n]+") do table.insert(bodies, line) end
    if #bodies == 0 then error("post.lua: no body lines in " .. path) end
    next_body = (id or 1) % #bodies -- threads start at different articles
    wrk.body = nil
  end
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = "application/json"
  -- khulasa caches answers by article: the benchmarks send one article over and over and must measure real LLM
  -- calls, so every request asks for a fresh answer (the cache entry is still written). WRK_CACHE=1 measures hits.
  if os.getenv("WRK_CACHE") ~= "1" then wrk.headers["Cache-Control"] = "no-cache" end
  local h = os.getenv("WRK_HEADER")
  if h and h ~= "" then
    local name, value = h:match("^%s*([^:]+):%s*(.*)$")
    if name then wrk.headers[name] = value end
  end
  local max = tonumber(os.getenv("WRK_MAX_REQUESTS") or "")
  local n = tonumber(os.getenv("WRK_THREADS") or "")
  if max and max > 0 then
    -- WRK_THREADS must match -t (init cannot see the thread count); default: 1 thread.
    max_per_thread = math.ceil(max / (n or 1))
  end
end

local stagger_ms = tonumber(os.getenv("WRK_STAGGER_MS") or "")
if stagger_ms and stagger_ms > 0 then
  local connections = tonumber(os.getenv("WRK_CONNECTIONS") or "")
  local thread_total = tonumber(os.getenv("WRK_THREADS") or "") or 1
  if not connections then error("post.lua: WRK_STAGGER_MS needs WRK_CONNECTIONS (the -c value)") end
  local per_thread = math.ceil(connections / thread_total)
  local firsts = 0
  -- wrk calls delay() before every request of every connection. A thread's connections all become writable when
  -- the run starts, before any answer can arrive, so its first per_thread calls are their first requests: the k-th
  -- of thread t takes slot k * threads + (t - 1) of the connections, spaced T / connections apart. wrk starts a
  -- request's clock after the delay, so the wait is not counted as latency.
  function delay()
    if firsts >= per_thread then return 0 end
    local slot = firsts * thread_total + ((id or 1) - 1)
    firsts = firsts + 1
    return math.floor(slot * stagger_ms / connections)
  end
end

if rotate then
  -- defined only when rotating: a request() function makes wrk build every request in Lua
  function request()
    next_body = next_body % #bodies + 1
    return wrk.format(nil, nil, nil, bodies[next_body])
  end
end

function response(status, headers, body)
  local key = tostring(status)
  statuses[key] = (statuses[key] or 0) + 1
  responses = responses + 1
  if max_per_thread and responses >= max_per_thread then
    wrk.thread:stop()
  end
end

local function json_string(s)
  return '"' .. tostring(s):gsub('[%c"\\]', function(c) return string.format("\\u%04x", c:byte()) end) .. '"'
end

function done(summary, latency, requests)
  local by_status = {}
  local non_2xx = 0
  for _, t in ipairs(threads) do
    local s = t:get("statuses") or {}
    for code, n in pairs(s) do
      by_status[code] = (by_status[code] or 0) + n
      local c = tonumber(code)
      if c < 200 or c > 299 then non_2xx = non_2xx + n end
    end
  end
  local codes = {}
  for code, n in pairs(by_status) do table.insert(codes, string.format('%s:%d', json_string(code), n)) end
  table.sort(codes)
  local e = summary.errors
  local ms = function(us) return string.format("%.3f", us / 1000.0) end
  -- With WRK_MAX_REQUESTS wrk still runs for the whole -d, so a rate would be meaningless.
  local rate = "null"
  if not tonumber(os.getenv("WRK_MAX_REQUESTS") or "") then
    rate = string.format("%.2f", summary.requests / (summary.duration / 1e6))
  end
  local out = string.format(
    '{"label":%s,"requests":%d,"duration_s":%.3f,"requests_per_s":%s,' ..
    '"latency_ms":{"min":%s,"mean":%s,"stdev":%s,"p50":%s,"p90":%s,"p99":%s,"p999":%s,"max":%s},' ..
    '"status":{%s},"non_2xx":%d,"socket_errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d}}',
    json_string(os.getenv("WRK_LABEL") or ""), summary.requests, summary.duration / 1e6,
    rate,
    ms(latency.min), ms(latency.mean), ms(latency.stdev), ms(latency:percentile(50)), ms(latency:percentile(90)),
    ms(latency:percentile(99)), ms(latency:percentile(99.9)), ms(latency.max),
    table.concat(codes, ","), non_2xx, e.connect, e.read, e.write, e.timeout)
  io.write(out, "\n")
  local hist = os.getenv("WRK_HIST_OUT")
  if hist and hist ~= "" then
    local f = assert(io.open(hist, "w"))
    for i = 1, #latency do
      local value, count = latency(i)
      f:write(string.format("%d %d\n", value, count))
    end
    f:close()
  end
  local path = os.getenv("WRK_JSON_OUT")
  if path and path ~= "" then
    local f = assert(io.open(path, "w"))
    f:write(out, "\n")
    f:close()
  end
end
