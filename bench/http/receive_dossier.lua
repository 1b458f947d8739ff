-- wrk script: POST /api/v1/dossiers as the desk clerk (bearer TOKEN): one walk-in reception
-- per request — a durable lifecycle action (dossier, event, counters and audit record in one
-- transaction, acknowledged after the commit).
local token = os.getenv("TOKEN")
local body = '{"procedure":"1.001193.000.00.00.H32","agency":"H32.22333.01","channel":"desk",'
  .. '"applicant":{"kind":"citizen","id_number":"056095001234","name":"Nguyễn Văn An"}}'
request = function()
  return wrk.format("POST", "/api/v1/dossiers",
    {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}, body)
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors=%d rps=%.0f p50_ms=%.3f p99_ms=%.3f\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
