-- wrk script: a realistic mix of a province's traffic, as the desk clerk (bearer TOKEN) and the
-- public: catalogue search 35 %, dossier lookup by code 20 %, desk reception 10 %, a lifecycle
-- fact on a dossier (reuse of stored data) 10 %, the clerk's inbox 15 %, the public dashboard
-- 10 % (requests.lua's requests). CODES: dossiers of the clerk's desk (comma-separated).
local requests = dofile(os.getenv("WRK_SCRIPTS") .. "/requests.lua")
local codes = requests.codes
local queries = {"dang%20ky%20khai%20sinh", "ket%20hon", "cap%20phep%20xay%20dung", "ho%20tich",
                 "dat%20dai", "chung%20thuc"}
local counter = 0
request = function()
  counter = counter + 1
  local pick = counter % 20
  local code = codes[(counter % #codes) + 1]
  if pick < 7 then
    return requests.search(queries[(counter % #queries) + 1])
  elseif pick < 11 then
    return requests.lookup(code)
  elseif pick < 13 then
    return requests.reception()
  elseif pick < 15 then
    return requests.action(code)
  elseif pick < 18 then
    return requests.inbox()
  else
    return requests.dashboard()
  end
end
dofile(os.getenv("WRK_SCRIPTS") .. "/result.lua")
