-- wrk script: catalogue search with realistic Vietnamese queries (with and without diacritics),
-- rotating per request. Prints p50/p99 and the request rate in one line at the end.
local queries = {
  "dang%20ky%20khai%20sinh", "%C4%90%C4%83ng%20k%C3%BD%20k%E1%BA%BFt%20h%C3%B4n",
  "giay%20phep%20xay%20dung", "ly%20lich%20tu%20phap", "chung%20thuc", "doanh%20nghiep",
  "dat%20dai", "tro%20cap", "giay%20phep%20lai%20xe", "karaoke",
}
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "/api/v1/procedures?q=" .. queries[(counter % #queries) + 1] .. "&limit=20")
end
dofile(os.getenv("WRK_SCRIPTS") .. "/result.lua")
