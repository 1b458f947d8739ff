-- wrk script: a realistic mix of a province's traffic, as the desk clerk (bearer TOKEN) and the
-- public: catalogue search 35 %, dossier lookup by code 20 %, desk reception 10 %, a lifecycle
-- fact on a dossier (reuse of stored data) 10 %, the clerk's inbox 15 %, the public dashboard
-- 10 %. CODES: dossiers of the clerk's desk (comma-separated).
local token = os.getenv("TOKEN")
local codes = {}
for code in string.gmatch(os.getenv("CODES") or "", "[^,]+") do table.insert(codes, code) end
local queries = {"dang%20ky%20khai%20sinh", "ket%20hon", "cap%20phep%20xay%20dung", "ho%20tich",
                 "dat%20dai", "chung%20thuc"}
local auth = {["Authorization"] = "Bearer " .. token}
local json = {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}
local reception = '{"procedure":"1.001193.000.00.00.H32","agency":"H32.22333.01","channel":"desk",'
  .. '"applicant":{"kind":"citizen","id_number":"056095001234","name":"Nguyễn Văn An"}}'
local reuse = '{"action":"reuse","component":"TP1","source":"database"}'
local counter = 0
request = function()
  counter = counter + 1
  local pick = counter % 20
  local code = codes[(counter % #codes) + 1]
  if pick < 7 then
    return wrk.format("GET", "/api/v1/procedures?q=" .. queries[(counter % #queries) + 1])
  elseif pick < 11 then
    return wrk.format("GET", "/api/v1/dossiers/" .. code, auth)
  elseif pick < 13 then
    return wrk.format("POST", "/api/v1/dossiers", json, reception)
  elseif pick < 15 then
    return wrk.format("POST", "/api/v1/dossiers/" .. code .. "/actions", json, reuse)
  elseif pick < 18 then
    return wrk.format("GET", "/api/v1/dossiers?limit=20", auth)
  else
    return wrk.format("GET", "/api/v1/indicators/766/ranking?period=2025-11")
  end
end
dofile(os.getenv("WRK_SCRIPTS") .. "/result.lua")
