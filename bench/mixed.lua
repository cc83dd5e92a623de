-- wrk script: each request picks one of the paths given after `--` at random.
-- Repeat a path to weight it (bench/spike.sh lists the hot report several times).
local paths = {}

init = function(args)
  for _, path in ipairs(args) do
    paths[#paths + 1] = path
  end
end

request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
