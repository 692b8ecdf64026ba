-- wrk script: signed Flash webhooks, every request with its own flashfx-request-id (so each one is
-- stored), the same body and signature (the signature covers the body only). WEBHOOK_BODY and
-- WEBHOOK_SIGNATURE come from bench/webhooks.sh.
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  thread_id = id
  run = os.getenv("WEBHOOK_RUN") or tostring(os.time())
end

function request()
  counter = counter + 1
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/json",
    ["flashfx-signature"] = os.getenv("WEBHOOK_SIGNATURE"),
    ["flashfx-request-id"] = "bench-" .. run .. "-" .. thread_id .. "-" .. counter,
    ["user-agent"] = "FlashFX"
  }, os.getenv("WEBHOOK_BODY"))
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests %d errors %d p50 %.2f p99 %.2f rps %.1f\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6)))
end
