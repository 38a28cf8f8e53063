-- Bulk regions: a whole box of nodes in one command, written and read through one VoxelManip.
--
-- These commands take Minetest coordinates (z is NOT flipped as in pycraft's world.*
-- commands) and list a box's nodes as a VoxelArea does: x fastest, then y, then z.
--
--   world.jagtenPut(x1,y1,z1,x2,y2,z2,PALETTE,PAYLOAD) -> "ok CHANGED MICROSECONDS WRONG"
--     (MICROSECONDS: the whole put, from decoding its payload to its check)
--   world.jagtenRead(x1,y1,z1,x2,y2,z2,PALETTE) -> "ok MICROSECONDS CANON PAYLOAD [META ...]"
--   world.jagtenMeta(x1,y1,z1,x2,y2,z2) -> "ok [META ...]"
--   world.jagtenSign(x,y,z,TEXT) -> "ok"
--   anything wrong -> "refused REASON"
--
-- PALETTE: entries separated by ";", each "ID.DATA" (a legacy block id, mapped to a node as
--   pycraft maps it) or "NODE.PARAM2" (a node name).
-- PAYLOAD: base64 of a zlib stream of bytes, one per node: the palette index (0-based), or
--   255 to keep what stands. The stream ends in the Adler-32 of those bytes, which
--   minetest.decompress checks. A put checks the whole payload (size, checksum, indices,
--   nodes) before it writes anything, so a damaged or cut payload is refused and nothing of
--   it is half-written. A replaced node loses its metadata, as with minetest.set_node: a
--   removed sign's text must not stay on what stands there now.
-- A put checks what it leaves standing: it reads each map block from the map and compares
--   every node it was sent (node and param2) with what stands; a block that differs is
--   written and then read again from the map through a new VoxelManip. WRONG counts the
--   nodes that the map does not hold as written (0 unless the engine did not store them,
--   e.g. a map block that was never generated), so a put answers its own read-back.
-- A read answers per node the index of the first palette entry holding exactly that node
--   and param2, or 255 for any other node (unloaded "ignore" included). CANON maps each
--   entry to the first entry with the same node ("0.1.1": entries 1 and 2 are one node).
--   Each META entry is a node with metadata: "x,y,z,TEXT,INFOTEXT,OTHER", texts in base64,
--   OTHER counting its other fields and inventory lists. jagtenMeta answers only those.
-- TEXT of a sign is base64, so blank lines and commas survive pycraft's argument parser.
-- Boxes, palettes and reading a box's nodes and metadata: regions.lua.
local regions = jagten.regions
local KEEP, OTHER, box_of, read_area = regions.KEEP, regions.OTHER, regions.box_of, regions.read_area
local parse_palette, metadata = regions.parse_palette, regions.metadata
local index_buffer, stored_buffer, stored_param2_buffer = {}, {}, {}

-- The first node naming an index beyond the palette (KEEP aside), or nil. A plain loop:
-- LuaJIT compiles it, several times faster than string.find with a character set.
local function beyond_palette(bytes, entries)
	local byte = string.byte
	for i = 1, #bytes do
		local k = byte(bytes, i)
		if k >= entries and k ~= KEEP then return i, k end
	end
end

local function decode_payload(payload, volume, entries)
	local packed = payload and minetest.decode_base64(payload)
	if not packed then return nil, "the payload is not base64: damaged on the way" end
	local ok, bytes = pcall(minetest.decompress, packed, "deflate")
	if not ok or type(bytes) ~= "string" then
		return nil, "the payload does not decompress: cut off or damaged on the way"
	end
	if #bytes ~= volume then
		return nil, "the payload holds " .. #bytes .. " nodes for a box of " .. volume
	end
	local i, k = beyond_palette(bytes, entries)
	if i then return nil, "node " .. i .. " names palette entry " .. k .. " of " .. entries end
	return bytes
end

-- Read a map block written from (data, param2) again, through a new VoxelManip, and count
-- the nodes the map does not hold as written. (The buffers are longer than the block's
-- volume after a large read.)
local function count_unstored(bmin, bmax, data, param2)
	local vm = minetest.get_voxel_manip()
	local emin, emax = vm:read_from_map(bmin, bmax)
	local volume = VoxelArea:new({MinEdge = emin, MaxEdge = emax}):getVolume()
	local stored = vm:get_data(stored_buffer)
	local stored_param2 = vm:get_param2_data(stored_param2_buffer)
	local unstored = 0
	for vi = 1, volume do
		if stored[vi] ~= data[vi] or stored_param2[vi] ~= param2[vi] then unstored = unstored + 1 end
	end
	return unstored
end

-- Compare the part of a put's box that lies in one map block with what stands there: the
-- payload's bytes are indexed over the whole box (size sx, sy), the block's nodes through
-- its own VoxelManip. What differs is set in that VoxelManip, which is returned with the
-- block's nodes as they are to stand.
local function compare_block(bmin, bmax, p1, sx, sy, bytes, contents, param2s)
	local vm, area, data, param2 = read_area(bmin, bmax)
	local byte, differing, nodes_differ, param2s_differ = string.byte, 0, false, false
	for z = bmin.z, bmax.z do
		for y = bmin.y, bmax.y do
			local vi = area:index(bmin.x, y, z)
			local i = 1 + (bmin.x - p1.x) + sx * ((y - p1.y) + sy * (z - p1.z))
			for _ = bmin.x, bmax.x do
				local k = byte(bytes, i)
				if k ~= KEEP then
					local content, p = contents[k + 1], param2s[k + 1]
					if data[vi] ~= content or param2[vi] ~= p then
						differing = differing + 1
						nodes_differ = nodes_differ or data[vi] ~= content
						param2s_differ = param2s_differ or param2[vi] ~= p
						data[vi], param2[vi] = content, p
					end
				end
				i, vi = i + 1, vi + 1
			end
		end
	end
	if nodes_differ then vm:set_data(data) end
	if param2s_differ then vm:set_param2_data(param2) end
	return differing, vm, data, param2
end

local function map_blocks(p1, p2)
	local blocks, floor, max, min = {}, math.floor, math.max, math.min
	for bz = floor(p1.z / 16), floor(p2.z / 16) do
		for by = floor(p1.y / 16), floor(p2.y / 16) do
			for bx = floor(p1.x / 16), floor(p2.x / 16) do
				blocks[#blocks + 1] = {
					vector.new(max(p1.x, bx * 16), max(p1.y, by * 16), max(p1.z, bz * 16)),
					vector.new(min(p2.x, bx * 16 + 15), min(p2.y, by * 16 + 15),
						min(p2.z, bz * 16 + 15)),
				}
			end
		end
	end
	return blocks
end

-- A replaced node loses its metadata, as with minetest.set_node.
local function clear_replaced_metadata(p1, p2, sx, sy, bytes)
	local cleared = 0
	for _, pos in ipairs(minetest.find_nodes_with_meta(p1, p2)) do
		local k = string.byte(bytes, 1 + (pos.x - p1.x) + sx * ((pos.y - p1.y) + sy * (pos.z - p1.z)))
		if k ~= KEEP then
			minetest.get_meta(pos):from_table(nil)
			-- Minetest 5.6 does not count removed metadata as a change to save, so after a
			-- restart the text would be back: the node swapped for itself makes it count.
			minetest.swap_node(pos, minetest.get_node(pos))
			cleared = cleared + 1
		end
	end
	return cleared
end

-- Each map block is written only if it differs (only changed blocks get their light
-- recalculated by the engine, and saved: often a third of an estate's blocks), one after
-- the other, each read from the map after the one before it was written: a VoxelManip read
-- before a neighbour's write would carry that neighbour's old light back into the map.
local function put(args)
	local started = minetest.get_us_time()
	local p1, p2, volume = box_of(args)
	if not p1 then return "refused " .. p2 end
	local contents, param2s = parse_palette(args[7])
	if not contents then return "refused " .. param2s end
	local bytes, problem = decode_payload(args[8], volume, #contents)
	if not bytes then return "refused " .. problem end
	local sx, sy = p2.x - p1.x + 1, p2.y - p1.y + 1
	local changed, wrong = 0, 0
	for _, block in ipairs(map_blocks(p1, p2)) do
		local bmin, bmax = block[1], block[2]
		local differing, vm, data, param2 = compare_block(bmin, bmax, p1, sx, sy, bytes,
			contents, param2s)
		if differing > 0 then
			vm:write_to_map(true)
			changed = changed + differing
			wrong = wrong + count_unstored(bmin, bmax, data, param2)
		end
	end
	changed = changed + clear_replaced_metadata(p1, p2, sx, sy, bytes)
	return "ok " .. changed .. " " .. (minetest.get_us_time() - started) .. " " .. wrong
end

local function as_bytes(values, count)
	local parts, char, unpack = {}, string.char, unpack
	for s = 1, count, 4096 do
		parts[#parts + 1] = char(unpack(values, s, math.min(count, s + 4095)))
	end
	return table.concat(parts)
end

local function read(args)
	local p1, p2, volume = box_of(args)
	if not p1 then return "refused " .. p2 end
	local contents, param2s = parse_palette(args[7])
	if not contents then return "refused " .. param2s end
	local started = minetest.get_us_time()
	local index_of, canon, first = {}, {}, {}  -- first: content -> its first palette entry
	for k = 1, #contents do
		local key = contents[k] * 256 + param2s[k]
		index_of[key] = index_of[key] or (k - 1)
		canon[k] = index_of[key]
		first[contents[k]] = first[contents[k]] or k
	end
	local _, area, data, param2 = read_area(p1, p2)
	local out, n = index_buffer, 0
	for z = p1.z, p2.z do
		for y = p1.y, p2.y do
			local vi = area:index(p1.x, y, z)
			for _ = p1.x, p2.x do
				local c, p = data[vi], param2[vi]
				local k = first[c]  -- the usual case without hashing: one entry per node
				if k and param2s[k] == p then
					k = k - 1
				else
					k = index_of[c * 256 + p] or OTHER
				end
				n = n + 1
				out[n] = k
				vi = vi + 1
			end
		end
	end
	local payload = minetest.encode_base64(minetest.compress(as_bytes(out, n), "deflate"))
	local reply = {"ok", minetest.get_us_time() - started, table.concat(canon, "."), payload}
	for _, entry in ipairs(metadata(p1, p2)) do reply[#reply + 1] = entry end
	return table.concat(reply, " ")
end

local function meta(args)
	local p1, p2 = box_of(args)
	if not p1 then return "refused " .. p2 end
	local reply = {"ok"}
	for _, entry in ipairs(metadata(p1, p2)) do reply[#reply + 1] = entry end
	return table.concat(reply, " ")
end

local function sign(args)
	local x, y, z = regions.whole(args[1]), regions.whole(args[2]), regions.whole(args[3])
	if not (x and y and z) then return "refused sign coordinates outside the world" end
	local text = minetest.decode_base64(args[4] or "")
	if not text then return "refused the sign text is not base64: damaged on the way" end
	local pos = {x = x, y = y, z = z}
	minetest.load_area(pos)
	local name = minetest.get_node(pos).name
	if not name:find(":sign") then
		return "refused no sign stands at " .. x .. "," .. y .. "," .. z .. " (" .. name .. ")"
	end
	local meta = minetest.get_meta(pos)
	meta:set_string("text", text)
	meta:set_string("infotext", text)
	return "ok"
end

jagten.bulk = {jagtenPut = put, jagtenRead = read, jagtenMeta = meta, jagtenSign = sign}
