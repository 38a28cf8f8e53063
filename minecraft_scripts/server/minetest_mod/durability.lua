-- "Verified" means saved: a build asks world.jagtenSaved() until the world's database holds
-- everything the commands so far changed, and only then reports the build as verified.
--
-- Minetest 5.6 has no Lua call that saves the map. At the end of every server step, after
-- the globalsteps, it adds the step's dtime to a counter and, once the counter reaches
-- server_map_save_interval (read once at start-up; the managed world sets 0: every step),
-- writes every changed map block and resets the counter. So this file keeps a lower bound of
-- that counter: after a step that changed the world, those changes are saved by the end of
-- the first step at which the dtimes since, that step's included, add up to the interval.
-- init.lua loads this file last, so its globalstep runs after every command of the step.
local interval = tonumber(minetest.settings:get("server_map_save_interval")) or 5.3
local deadline = interval * 1.001 + 1e-6  -- room for the engine's float arithmetic
local changed_this_step = false
local counted = nil  -- seconds counted toward the save of the last change; nil: all saved

function jagten.note_change()
	changed_this_step = true
end

function jagten.saved_reply()
	if changed_this_step then return "pending " .. deadline end
	if counted == nil then return "saved" end
	return "pending " .. math.max(deadline - counted, 0)
end

-- A build on this machine can watch the map database for that save itself (map_commits.py).
-- The version reply then names the world and a token written there now, so that a client
-- on another machine, or one that finds another world at the same path, does not watch.
-- Only while every step's changes are saved at its end, in the world's SQLite map.
local TOKEN_FILE = "jagten-database-token"

local function sqlite_map(world)
	local file = io.open(world .. "/world.mt")
	if not file then return false end
	local settings = "\n" .. file:read("*a") .. "\n"
	file:close()
	return settings:find("\nbackend%s*=%s*sqlite3%s") ~= nil
end

local function watchable_database()
	local world = minetest.get_worldpath()
	if interval ~= 0 or world:find("[\r\n]") or not sqlite_map(world) then return "" end
	local token = minetest.sha1(minetest.get_us_time() .. " " .. math.random() .. " " .. world)
	local file = io.open(world .. "/" .. TOKEN_FILE, "w")
	if not file then return "" end
	file:write(token)
	file:close()
	return " sqlite3 " .. token .. " " .. world
end

jagten.database = watchable_database()

minetest.register_globalstep(function(dtime)
	if changed_this_step then
		counted, changed_this_step = 0, false
	end
	if counted == nil then return end
	counted = counted + dtime
	if counted >= deadline then counted = nil end
end)
