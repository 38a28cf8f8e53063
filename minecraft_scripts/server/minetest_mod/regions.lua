-- What every bulk command shares (bulk.lua): its box, its palette, and reading a box's
-- nodes and metadata from the map into Lua.
local KEEP, OTHER = 255, 255  -- a put's "keep what stands"; a read's "none of these"
local MAX_VOLUME = 4194304  -- nodes per command: two Lua tables of 32 MB
local WORLD_LIMIT = 31000  -- Minetest's map ends at 31007; beyond it the server breaks

local function whole(text)
	local n = tonumber(text)
	if n and n % 1 == 0 and math.abs(n) <= WORLD_LIMIT then return n end
end

local function box_of(args)
	local n = {}
	for i = 1, 6 do
		n[i] = whole(args[i])
		if not n[i] then return nil, "coordinate '" .. tostring(args[i]) .. "' is outside the world" end
	end
	local p1, p2 = vector.new(n[1], n[2], n[3]), vector.new(n[4], n[5], n[6])
	if p1.x > p2.x or p1.y > p2.y or p1.z > p2.z then return nil, "box corners out of order" end
	local volume = (p2.x - p1.x + 1) * (p2.y - p1.y + 1) * (p2.z - p1.z + 1)
	if volume > MAX_VOLUME then
		return nil, "a box of " .. volume .. " nodes is more than " .. MAX_VOLUME .. " at once"
	end
	return p1, p2, volume
end

local function parse_palette(text)
	local contents, param2s = {}, {}
	for entry in (text or ""):gmatch("[^;]+") do
		local name, param2 = entry:match("^(.+)%.(%d+)$")
		if not name then return nil, "palette entry '" .. entry .. "' is not NAME.PARAM2" end
		local node = {name = name, param2 = tonumber(param2)}
		if name:match("^%d+$") then
			node = jagten.block.id_meta_to_node(tonumber(name), tonumber(param2))
		end
		if not minetest.registered_nodes[node.name] then
			return nil, "palette entry '" .. entry .. "' is no node of this game (" .. node.name .. ")"
		end
		contents[#contents + 1] = minetest.get_content_id(node.name)
		param2s[#param2s + 1] = node.param2 or 0
	end
	if #contents == 0 or #contents > 255 then
		return nil, "a palette has 1 to 255 entries, not " .. #contents
	end
	return contents, param2s
end

local data_buffer, param2_buffer = {}, {}  -- reused: a box's nodes are many

local function read_area(p1, p2)
	local vm = minetest.get_voxel_manip()
	local emin, emax = vm:read_from_map(p1, p2)
	local area = VoxelArea:new({MinEdge = emin, MaxEdge = emax})
	return vm, area, vm:get_data(data_buffer), vm:get_param2_data(param2_buffer)
end

local function metadata(p1, p2)
	local entries, b64 = {}, minetest.encode_base64
	for _, pos in ipairs(minetest.find_nodes_with_meta(p1, p2)) do
		local meta = minetest.get_meta(pos):to_table()
		local other = 0
		for field in pairs(meta.fields) do
			if field ~= "text" and field ~= "infotext" then other = other + 1 end
		end
		for _ in pairs(meta.inventory) do other = other + 1 end
		entries[#entries + 1] = table.concat({pos.x, pos.y, pos.z, b64(meta.fields.text or ""),
			b64(meta.fields.infotext or ""), other}, ",")
	end
	return entries
end

jagten.regions = {KEEP = KEEP, OTHER = OTHER, whole = whole, box_of = box_of,
	parse_palette = parse_palette, read_area = read_area, metadata = metadata}
