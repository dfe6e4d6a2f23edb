-- wrk script for bench/load.sh: one page type per wrk process.
--
--   wrk -c 4 -t 1 -d 60s -s bench/load.lua http://127.0.0.1:8700 -- bench/results/load/my.lua my
--
-- The first argument is a request list written by bench/load_prepare.py
-- ({path, cookie} pairs), taken in turn from a different starting point in
-- each thread; the second names the page in the summary. Every request comes
-- as nginx's proxy_pass sends it by default: over https as far as the client
-- is concerned (X-Forwarded-Proto), and on a connection of its own
-- (Connection: close), so each is accepted by whichever gunicorn worker is free
-- rather than pinned to the one that took a kept-alive connection.
-- At the end wrk prints one JSON line: requests, seconds, req/s, latency
-- percentiles in milliseconds, responses that were not 2xx, socket errors.

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  pairs_ = dofile(args[1])
  name = args[2]
  index = id % #pairs_
  non2xx = 0
end

function request()
  index = index % #pairs_ + 1
  local path, cookie = pairs_[index][1], pairs_[index][2]
  local headers = { ["X-Forwarded-Proto"] = "https", ["Accept-Language"] = "en", ["Connection"] = "close" }
  if cookie ~= "" then headers["Cookie"] = cookie end
  return wrk.format("GET", path, headers)
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local bad, page = 0, "?"
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("non2xx")
    page = thread:get("name")
  end
  local seconds = summary.duration / 1e6
  local errors = summary.errors
  io.write(string.format(
    '{"page": "%s", "requests": %d, "seconds": %.2f, "rps": %.1f, "p50": %.1f, "p95": %.1f, "p99": %.1f, ' ..
    '"max": %.1f, "non2xx": %d, "socket_errors": %d}\n',
    page, summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, bad, errors.connect + errors.read + errors.write + errors.timeout))
end
