-- wrk script: one route of the mix alone (ROUTE = search | lookup | public_lookup | reception |
-- action | inbox | dashboard), for its own throughput and latency; same requests as mixed.lua. ROUTE=static asks
-- for /healthz.json (the static file nginx serves for comparison).
local token = os.getenv("TOKEN") or ""
local route = os.getenv("ROUTE")
local codes = {}
for code in string.gmatch(os.getenv("CODES") or "", "[^,]+") do table.insert(codes, code) end
local auth = {["Authorization"] = "Bearer " .. token}
local json = {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}
local counter = 0
request = function()
  counter = counter + 1
  local code = codes[(counter % #codes) + 1]
  if route == "static" then
    return wrk.format("GET", "/healthz.json")
  elseif route == "search" then
    return wrk.format("GET", "/api/v1/procedures?q=dang%20ky%20khai%20sinh")
  elseif route == "lookup" then
    return wrk.format("GET", "/api/v1/dossiers/" .. code, auth)
  elseif route == "public_lookup" then
    -- The citizen's lookup: code and ID number, no sign-in (the receptions' applicant).
    return wrk.format("GET", "/api/v1/dossiers/" .. code .. "?id_number=056095001234")
  elseif route == "reception" then
    return wrk.format("POST", "/api/v1/dossiers", json,
      '{"procedure":"1.001193.000.00.00.H32","agency":"H32.22333.01","channel":"desk",'
      .. '"applicant":{"kind":"citizen","id_number":"056095001234","name":"Nguyễn Văn An"}}')
  elseif route == "action" then
    return wrk.format("POST", "/api/v1/dossiers/" .. code .. "/actions", json,
      '{"action":"reuse","component":"TP1","source":"database"}')
  elseif route == "inbox" then
    return wrk.format("GET", "/api/v1/dossiers?limit=20", auth)
  else
    return wrk.format("GET", "/api/v1/indicators/766/ranking?period=2025-11")
  end
end
dofile(os.getenv("WRK_SCRIPTS") .. "/result.lua")
