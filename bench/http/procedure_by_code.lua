-- wrk script: GET /api/v1/procedures/{code}, rotating over the demo catalogue's codes
-- (passed in the CODES environment variable, comma-separated).
local codes = {}
for code in string.gmatch(os.getenv("CODES") or "", "[^,]+") do table.insert(codes, code) end
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "/api/v1/procedures/" .. codes[(counter % #codes) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors=%d rps=%.0f p50_ms=%.3f p99_ms=%.3f\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
