-- Flat grass land that never overwrites a build.
--
-- Builds can arrive before Minetest has generated the land around them, and a normal
-- mapgen then lays terrain, sand, water and snow over them. The world uses the
-- "singlenode" mapgen, which only fills never-touched (ignore) nodes with air; here only
-- that air at y <= 0 becomes ground, so built blocks are never replaced.
local c_air = minetest.get_content_id("air")
local c_grass = minetest.get_content_id("default:dirt_with_grass")
local c_dirt = minetest.get_content_id("default:dirt")
local c_stone = minetest.get_content_id("default:stone")

local GROUND_TOP = 0
local GROUND_BOTTOM = -16

local function ground_for(y)
	if y == GROUND_TOP then return c_grass end
	if y > GROUND_TOP - 4 then return c_dirt end
	return c_stone
end

minetest.register_on_generated(function(minp, maxp)
	if minp.y > GROUND_TOP or maxp.y < GROUND_BOTTOM then return end
	local vm, emin, emax = minetest.get_mapgen_object("voxelmanip")
	local area = VoxelArea:new({MinEdge = emin, MaxEdge = emax})
	local data = vm:get_data()
	for z = minp.z, maxp.z do
		for y = math.max(minp.y, GROUND_BOTTOM), math.min(maxp.y, GROUND_TOP) do
			local node = ground_for(y)
			local index = area:index(minp.x, y, z)
			for _ = minp.x, maxp.x do
				if data[index] == c_air then data[index] = node end
				index = index + 1
			end
		end
	end
	vm:set_data(data)
	vm:calc_lighting()
	vm:write_to_map()
end)

