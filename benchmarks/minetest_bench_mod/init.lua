-- Benchmark-only commands for benchmarks/build.py, loaded into its own temporary world.
-- Minetest coordinates throughout; every reply is "ok ..." with microseconds measured here.
--   world.benchNodes(PALETTE) -> "ok NAME.PARAM2;..."  (what the jagten mod's palette means)
--   world.benchWorldEdit(PATH,x,y,z) -> "ok NODES MICROSECONDS"  (worldedit.deserialize)
--   world.benchSchematic(x1,y1,z1,x2,y2,z2,PATH,x,y,z) -> "ok CREATE PLACE"
local function numbers(args, first, count)
	local n = {}
	for i = 1, count do n[i] = tonumber(args[first + i - 1]) end
	return n
end

local function nodes(args)
	local names = {}
	for entry in args[1]:gmatch("[^;]+") do
		local name, param2 = entry:match("^(.+)%.(%d+)$")
		local node = {name = name, param2 = tonumber(param2)}
		if name:match("^%d+$") then node = jagten.block.id_meta_to_node(tonumber(name), tonumber(param2)) end
		names[#names + 1] = node.name .. "." .. (node.param2 or 0)
	end
	return "ok " .. table.concat(names, ";")
end

local function world_edit(args)
	local file = assert(io.open(args[1], "rb"))
	local value = file:read("*a")
	file:close()
	local n = numbers(args, 2, 3)
	local started = minetest.get_us_time()
	local count = worldedit.deserialize({x = n[1], y = n[2], z = n[3]}, value)
	return "ok " .. count .. " " .. (minetest.get_us_time() - started)
end

local function schematic(args)
	local n = numbers(args, 1, 6)
	local target = numbers(args, 8, 3)
	local started = minetest.get_us_time()
	minetest.create_schematic({x = n[1], y = n[2], z = n[3]}, {x = n[4], y = n[5], z = n[6]},
		nil, args[7])
	local created = minetest.get_us_time()
	minetest.place_schematic({x = target[1], y = target[2], z = target[3]}, args[7], "0", nil, true)
	return "ok " .. (created - started) .. " " .. (minetest.get_us_time() - created)
end

local commands = {benchNodes = nodes, benchWorldEdit = world_edit, benchSchematic = schematic}
local jagten_handle_world = handle_world

function handle_world(cmd, args)
	if commands[cmd] then return commands[cmd](args) end
	return jagten_handle_world(cmd, args)
end
