-- wrk script: one route of the mix alone (ROUTE = search | lookup | public_lookup | reception |
-- action | inbox | dashboard | static), for its own throughput and latency; the requests are
-- requests.lua's, as in mixed.lua. ROUTE=static asks for /healthz.json (the static file nginx
-- serves for comparison).
local requests = dofile(os.getenv("WRK_SCRIPTS") .. "/requests.lua")
local route = os.getenv("ROUTE")
local make = requests[route] or requests.dashboard
local codes = requests.codes
local counter = 0
request = function()
  counter = counter + 1
  if route == "search" then
    return make("dang%20ky%20khai%20sinh")
  end
  return make(codes[(counter % #codes) + 1])
end
dofile(os.getenv("WRK_SCRIPTS") .. "/result.lua")
