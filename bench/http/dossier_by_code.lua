-- wrk script: GET /api/v1/dossiers/{code} as the desk clerk (bearer TOKEN), rotating over the
-- dossiers the reception run created (CODES, comma-separated). Each read is audited (a durable
-- audit record), as every access to a citizen's data is.
local token = os.getenv("TOKEN")
local codes = {}
for code in string.gmatch(os.getenv("CODES") or "", "[^,]+") do table.insert(codes, code) end
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "/api/v1/dossiers/" .. codes[(counter % #codes) + 1],
    {["Authorization"] = "Bearer " .. token})
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors=%d rps=%.0f p50_ms=%.3f p99_ms=%.3f\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
