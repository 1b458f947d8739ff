-- wrk script: GET /api/v1/procedures/{code}, rotating over the demo catalogue's codes
-- (passed in the CODES environment variable, comma-separated).
local codes = {}
for code in string.gmatch(os.getenv("CODES") or "", "[^,]+") do table.insert(codes, code) end
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "/api/v1/procedures/" .. codes[(counter % #codes) + 1])
end
dofile(os.getenv("WRK_SCRIPTS") .. "/result.lua")
