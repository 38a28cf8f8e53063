-- Test only. `world.weLoad(x,y,z,name,dx,dy,dz)` runs WorldEdit's `//load name` chat command
-- with position 1 at Minetest position (x, y, z), as a player would, and answers what
-- WorldEdit told the player. A chat command needs a player, and the tests have none. The
-- file covers dx × dy × dz nodes from position 1: that area is loaded first (WorldEdit's own
-- `allocate` cannot size a large file: Minetest's deserializer refuses tables that big).
--
-- WorldEdit 0.6 (Debian's) queues the node changes of //load and applies them last first, so
-- each node is set after its metadata, which erases a sign's text. `world.weLoad` therefore
-- runs with WorldEdit's own switch `ENABLE_QUEUE` off: nodes and texts are then placed at
-- once, by the same deserialisation code. Newer WorldEdit releases have no queue.
local previous = handle_world
local PLAYER = "jagten_tests"

local function load_schematic(args)
	local pos = {x = tonumber(args[1]), y = tonumber(args[2]), z = tonumber(args[3])}
	local name = args[4]
	local size = {x = tonumber(args[5]), y = tonumber(args[6]), z = tonumber(args[7])}
	if not (pos.x and pos.y and pos.z and size.x and size.y and size.z) then return "fail" end
	-- WorldEdit 0.6 places nodes with add_node, which does nothing in a map block that is
	-- not loaded: load (or create) the area the file covers first.
	minetest.load_area(pos, vector.add(pos, vector.subtract(size, 1)))
	worldedit.pos1[PLAYER] = pos
	local told = {}
	local chat_send_player = minetest.chat_send_player
	minetest.chat_send_player = function(_, text) table.insert(told, text) end
	local queued = worldedit.ENABLE_QUEUE
	worldedit.ENABLE_QUEUE = false
	local ok = pcall(minetest.registered_chatcommands["/load"].func, PLAYER, name)
	worldedit.ENABLE_QUEUE = queued
	minetest.chat_send_player = chat_send_player
	if not ok then return "fail" end
	return table.concat(told, "; ")
end

function handle_world(cmd, args)  -- pycraft looks this global up for every world.* command
	if cmd == "weLoad" then return load_schematic(args) end
	return previous(cmd, args)
end
