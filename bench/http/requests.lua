-- The requests of a province's traffic, one function a route, for mixed.lua (the mix) and
-- route.lua (one route alone), loaded with dofile. TOKEN: the desk clerk's bearer token; CODES:
-- dossiers of the clerk's desk (comma-separated), in `codes`.
local token = os.getenv("TOKEN") or ""
local auth = {["Authorization"] = "Bearer " .. token}
local json = {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}
local codes = {}
for code in string.gmatch(os.getenv("CODES") or "", "[^,]+") do table.insert(codes, code) end
local reception = '{"procedure":"1.001193.000.00.00.H32","agency":"H32.22333.01","channel":"desk",'
  .. '"applicant":{"kind":"citizen","id_number":"056095001234","name":"Nguyễn Văn An"}}'
local reuse = '{"action":"reuse","component":"TP1","source":"database"}'
return {
  codes = codes,
  search = function(query) return wrk.format("GET", "/api/v1/procedures?q=" .. query) end,
  lookup = function(code) return wrk.format("GET", "/api/v1/dossiers/" .. code, auth) end,
  -- The citizen's lookup: code and ID number, no sign-in (the receptions' applicant).
  public_lookup = function(code)
    return wrk.format("GET", "/api/v1/dossiers/" .. code .. "?id_number=056095001234")
  end,
  reception = function() return wrk.format("POST", "/api/v1/dossiers", json, reception) end,
  action = function(code)
    return wrk.format("POST", "/api/v1/dossiers/" .. code .. "/actions", json, reuse)
  end,
  inbox = function() return wrk.format("GET", "/api/v1/dossiers?limit=20", auth) end,
  dashboard = function() return wrk.format("GET", "/api/v1/indicators/766/ranking?period=2025-11") end,
  -- The static file nginx serves for comparison.
  static = function() return wrk.format("GET", "/healthz.json") end,
}
