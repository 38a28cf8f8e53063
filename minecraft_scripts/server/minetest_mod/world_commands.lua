-- What the managed world adds to pycraft's world.* commands, keeping its protocol: the
-- same coordinates (z flipped to mimic Minecraft), block ids and order of commands.
--
-- True reads: pycraft reads with minetest.get_node, which answers "ignore" (read as air)
--   for map blocks that are saved but not loaded, e.g. after a restart. Reads load first.
-- Speed: pycraft runs each world.setBlocks through its own VoxelManip read and write (about
--   0.2 ms each) and reads regions node by node. Here the cuboids sent in one server step
--   are written through one VoxelManip, and a region is read through one.
-- Sign text: pycraft has no world.setSign; here it writes the sign's text (shown when a
--   player points at the sign), as RaspberryJuice does on Minecraft Java, and
--   world.getSign(x,y,z) reads it back as comma-separated lines.
-- Bulk regions (bulk.lua), world.jagtenSaved() (durability.lua) and world.jagtenVersion(),
--   which lets a client tell this mod is there (pycraft alone answers nothing) and, on a
--   world that saves every step, names its map database (durability.lua).
-- Every command that is not a read counts as a change the world has to save.
local VERSION = "jagten 4"  -- MOD_PROTOCOL in bulk.py
local SINGLE_READS = {getBlock = true, getBlockWithData = true, getNode = true}
local READS = {getBlock = true, getBlockWithData = true, getNode = true, getBlocks = true,
	getBlocksWithData = true, getNodes = true, getHeight = true, getPlayerId = true,
	getPlayerIds = true, getAllNodes = true, getSign = true, jagtenRead = true,
	jagtenMeta = true, jagtenSaved = true, jagtenVersion = true}

local SIGN_NODE = "default:sign_wall_wood"

local function set_sign(args)
	local x, y, z = tonumber(args[1]), tonumber(args[2]), tonumber(args[3])
	if not (x and y and z) then return end
	local pos = {x = x, y = y, z = -z}
	minetest.load_area(pos)
	if minetest.get_item_group(minetest.get_node(pos).name, "sign") == 0 then
		minetest.set_node(pos, {name = SIGN_NODE, param2 = 4})
	end
	local lines = {}
	for i = 6, #args do table.insert(lines, args[i]) end
	local text = table.concat(lines, "\n")
	local meta = minetest.get_meta(pos)
	meta:set_string("text", text)
	meta:set_string("infotext", text)
end

local function get_sign(args)
	local x, y, z = tonumber(args[1]), tonumber(args[2]), tonumber(args[3])
	if not (x and y and z) then return "fail" end
	local pos = {x = x, y = y, z = -z}
	minetest.load_area(pos)
	return (minetest.get_meta(pos):get_string("text"):gsub("\n", ","))
end

local block = jagten.block
local MAX_BATCH_VOLUME = 2000000  -- nodes in one VoxelManip: about 40 MB of Lua tables

local pending, batch_min, batch_max = {}, nil, nil

local function volume(p1, p2)
	return (p2.x - p1.x + 1) * (p2.y - p1.y + 1) * (p2.z - p1.z + 1)
end

local function inside(pos, c)
	return c.p1.x <= pos.x and pos.x <= c.p2.x and c.p1.y <= pos.y and pos.y <= c.p2.y
		and c.p1.z <= pos.z and pos.z <= c.p2.z
end

local function clear_replaced_metadata()
	-- as minetest.set_node does: a removed sign's text must not stay on what stands there now
	for _, pos in ipairs(minetest.find_nodes_with_meta(batch_min, batch_max)) do
		for _, c in ipairs(pending) do
			if inside(pos, c) then
				minetest.get_meta(pos):from_table(nil)
				break
			end
		end
	end
end

local function flush_pending()
	if #pending == 0 then return end
	local vm = minetest.get_voxel_manip()
	local emin, emax = vm:read_from_map(batch_min, batch_max)
	local area = VoxelArea:new({MinEdge = emin, MaxEdge = emax})
	local data, param2 = vm:get_data(), vm:get_param2_data()
	for _, c in ipairs(pending) do
		for z = c.p1.z, c.p2.z do
			for y = c.p1.y, c.p2.y do
				local index = area:index(c.p1.x, y, z)
				for _ = c.p1.x, c.p2.x do
					data[index], param2[index] = c.content, c.param2
					index = index + 1
				end
			end
		end
	end
	vm:set_data(data)
	vm:set_param2_data(param2)
	vm:write_to_map()
	clear_replaced_metadata()
	pending, batch_min, batch_max = {}, nil, nil
end

local function queue_cuboid(args)
	local n = {}
	for i = 1, 6 do n[i] = tonumber(args[i]) end
	if not (n[1] and n[2] and n[3] and n[4] and n[5] and n[6]) then error("bad coordinates") end
	local p1, p2 = vector.sort({x = n[1], y = n[2], z = -n[3]}, {x = n[4], y = n[5], z = -n[6]})
	local node = block.id_meta_to_node(tonumber(args[7]) or 0, tonumber(args[8]) or 0)
	local low = batch_min and vector.new(math.min(batch_min.x, p1.x), math.min(batch_min.y, p1.y),
		math.min(batch_min.z, p1.z)) or p1
	local high = batch_max and vector.new(math.max(batch_max.x, p2.x), math.max(batch_max.y, p2.y),
		math.max(batch_max.z, p2.z)) or p2
	if #pending > 0 and volume(low, high) > MAX_BATCH_VOLUME then
		flush_pending()
		low, high = p1, p2
	end
	batch_min, batch_max = low, high
	table.insert(pending, {p1 = p1, p2 = p2, content = minetest.get_content_id(node.name),
		param2 = node.param2 or 0})
	if volume(p1, p2) > MAX_BATCH_VOLUME then flush_pending() end
end

local read_cache = {}

local function read_key(content, param2, with_data)
	local key = content * 256 + param2
	local cached = read_cache[key]
	if not cached then
		local id, meta = block.node_to_id_meta({name = minetest.get_name_from_content_id(content),
			param2 = param2})
		cached = {tostring(id), id .. "," .. meta}
		read_cache[key] = cached
	end
	return with_data and cached[2] or cached[1]
end

local function read_region(args, with_data)
	local n = {}
	for i = 1, 6 do n[i] = tonumber(args[i]) end
	local x1, x2 = math.min(n[1], n[4]), math.max(n[1], n[4])
	local y1, y2 = math.min(n[2], n[5]), math.max(n[2], n[5])
	local z1, z2 = math.min(n[3], n[6]), math.max(n[3], n[6])  -- mcpi z
	local vm = minetest.get_voxel_manip()
	local emin, emax = vm:read_from_map({x = x1, y = y1, z = -z2}, {x = x2, y = y2, z = -z1})
	local area = VoxelArea:new({MinEdge = emin, MaxEdge = emax})
	local data, param2 = vm:get_data(), vm:get_param2_data()
	local out = {}
	for y = y1, y2 do
		for x = x1, x2 do
			local index = area:index(x, y, -z1)
			for _ = z1, z2 do  -- mcpi z rises as Minetest z falls
				out[#out + 1] = read_key(data[index], param2[index], with_data)
				index = index - area.zstride
			end
		end
	end
	return table.concat(out, with_data and "|" or ",")
end

local pycraft_handle_world = handle_world

function handle_world(cmd, args)  -- pycraft looks this global up for every command
	if not READS[cmd] then jagten.note_change() end
	if cmd == "setBlocks" then return queue_cuboid(args) end
	flush_pending()  -- every other command sees the cuboids sent before it
	if jagten.bulk[cmd] then return jagten.bulk[cmd](args) end
	if cmd == "jagtenSaved" then return jagten.saved_reply() end
	if cmd == "jagtenVersion" then return VERSION .. jagten.database end
	if cmd == "getBlocks" then return read_region(args, false) end
	if cmd == "getBlocksWithData" then return read_region(args, true) end
	if cmd == "setSign" then return set_sign(args) end
	if cmd == "getSign" then return get_sign(args) end
	if SINGLE_READS[cmd] then
		local x, y, z = tonumber(args[1]), tonumber(args[2]), tonumber(args[3])
		if x and y and z then minetest.load_area({x = x, y = y, z = -z}) end
	end
	return pycraft_handle_world(cmd, args)
end

minetest.register_globalstep(flush_pending)  -- runs after pycraft's step: a step's cuboids land
