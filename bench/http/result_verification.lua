-- wrk script: GET /api/v1/results/{id}/verification, the public verification of a signed
-- result (what its QR code opens), rotating over the ids in RESULT_IDS (comma-separated).
local ids = {}
for id in string.gmatch(os.getenv("RESULT_IDS") or "", "[^,]+") do table.insert(ids, id) end
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "/api/v1/results/" .. ids[(counter % #ids) + 1] .. "/verification")
end
dofile(os.getenv("WRK_SCRIPTS") .. "/result.lua")
