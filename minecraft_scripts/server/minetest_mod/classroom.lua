-- A class's world: only the class's players get in, the estate and other groups' plots are
-- protected, and the teacher steers the class from the portal (freeze, bring, mute, text).
--
-- The toolkit sends these as pycraft world.* commands over the local mcpi port
-- ("world.jagten.account(Ali,ko7-ravn,pupil)"); the state lives in the mod's storage so it
-- survives a restart. Builds by the toolkit go through VoxelManip and set_node, which never
-- ask minetest.is_protected, so protection stops players only.
--
-- Several classes share one world: a pupil's account names its class, and freeze, mute,
-- the on-screen text and locked plots can be set for one class (the class's key is its
-- area's id, and its plots' ids start with "key/"). Set without a class, they hold for
-- every pupil in the world.
local storage = minetest.get_mod_storage()

local PUPIL_PRIVS = {interact = true, shout = true, fly = true, fast = true, creative = true}
local TEACHER_PRIVS = {
	interact = true, shout = true, fly = true, fast = true, noclip = true, creative = true,
	teleport = true, bring = true, protection_bypass = true, settime = true,
}
local FREEZE_TAKES = {"fly", "fast", "noclip", "interact"}

local function load(key, default)
	local text = storage:get_string(key)
	return text ~= "" and minetest.deserialize(text) or default
end

local function save(key, value) storage:set_string(key, minetest.serialize(value)) end

local state = {
	accounts = load("accounts", {}),   -- name -> "pupil" | "teacher"
	class_of = load("class_of", {}),   -- pupil name -> class key
	closed = load("closed", false),    -- only accounts may join
	areas = load("areas", {}),         -- id -> {x1, z1, x2, z2} (Minetest x/z)
	plots = load("plots", {}),         -- id -> {x1, z1, x2, z2, members = {name = true}}
	locked = load("locked", false),    -- all plots locked (e.g. during the vote)
	frozen = load("frozen", false),
	muted = load("muted", false),
	text = load("text", ""),
	frozen_in = load("frozen_in", {}),   -- class key -> true
	muted_in = load("muted_in", {}),
	locked_in = load("locked_in", {}),
	text_in = load("text_in", {}),       -- class key -> text
}

local function persist()
	for key, value in pairs(state) do save(key, value) end
end

local function is_pupil(name) return state.accounts[name] == "pupil" end
local function is_teacher(name) return state.accounts[name] == "teacher" end

-- A setting for the whole world, or for the pupil's (or plot's) class.
local function holds(key, class)
	return state[key] or (class ~= nil and state[key .. "_in"][class] == true)
end

local function holds_for(key, name) return is_pupil(name) and holds(key, state.class_of[name]) end

local function class_of_plot(id) return id:match("^([^/]+)/") end

local function mcpi_pos(x, y, z) return {x = tonumber(x), y = tonumber(y), z = -tonumber(z)} end

local function rect(args, first)
	local x1, z1 = tonumber(args[first]), -tonumber(args[first + 1])
	local x2, z2 = tonumber(args[first + 2]), -tonumber(args[first + 3])
	return {x1 = math.min(x1, x2), z1 = math.min(z1, z2), x2 = math.max(x1, x2),
		z2 = math.max(z1, z2)}
end

local function inside(r, pos)
	return pos.x >= r.x1 and pos.x <= r.x2 and pos.z >= r.z1 and pos.z <= r.z2
end

-- Privileges follow the role and the class's state (frozen, muted).
local function privileges_for(name)
	local privs = table.copy(is_teacher(name) and TEACHER_PRIVS or PUPIL_PRIVS)
	if holds_for("frozen", name) then
		for _, priv in ipairs(FREEZE_TAKES) do privs[priv] = nil end
	end
	if holds_for("muted", name) then privs.shout = nil end
	return privs
end

local hud_ids = {}

local function show_text(player)
	local name = player:get_player_name()
	if hud_ids[name] then player:hud_remove(hud_ids[name]); hud_ids[name] = nil end
	local class_text = state.class_of[name] and state.text_in[state.class_of[name]]
	local text = is_pupil(name) and class_text or state.text
	if holds_for("frozen", name) then
		text = "Stop! Lyt til din lærer.\n" .. text
	end
	if text == "" then return end
	hud_ids[name] = player:hud_add({
		hud_elem_type = "text", position = {x = 0.5, y = 0.12}, alignment = {x = 0, y = 1},
		text = minetest.wrap_text(text, 60), number = 0xFFFFFF, size = {x = 2, y = 2},
	})
end

local function apply_to(player)
	local name = player:get_player_name()
	if state.accounts[name] then minetest.set_player_privs(name, privileges_for(name)) end
	local still = holds_for("frozen", name)
	player:set_physics_override({speed = still and 0 or 1, jump = still and 0 or 1})
	show_text(player)
end

local function apply_to_all()
	for _, player in ipairs(minetest.get_connected_players()) do apply_to(player) end
	persist()
end

minetest.register_on_prejoinplayer(function(name)
	if state.closed and not state.accounts[name] then
		return "Dit navn står ikke på klassens liste. Brug navnet og koden fra dit login-kort, "
			.. "eller spørg din lærer. (Your name is not on the class list.)"
	end
end)

minetest.register_on_joinplayer(apply_to)
minetest.register_on_leaveplayer(function(player) hud_ids[player:get_player_name()] = nil end)

local old_is_protected = minetest.is_protected
function minetest.is_protected(pos, name)
	if is_teacher(name) then return old_is_protected(pos, name) end
	for id, plot in pairs(state.plots) do
		if inside(plot, pos) then
			return holds("locked", class_of_plot(id)) or not plot.members[name]
				or old_is_protected(pos, name)
		end
	end
	for _, area in pairs(state.areas) do
		if inside(area, pos) then return true end
	end
	return old_is_protected(pos, name)
end

minetest.register_on_protection_violation(function(pos, name)
	local locked = false
	for id, plot in pairs(state.plots) do
		if inside(plot, pos) then locked = holds("locked", class_of_plot(id)) end
	end
	local message = locked and "Byggefelterne er låst lige nu." or
		"Her må du ikke bygge. Byg på jeres eget byggefelt."
	minetest.chat_send_player(name, message)
end)

local function set_account(args)
	local name, password, role, class = args[1], args[2] or "", args[3] or "pupil", args[4]
	if not name or not name:match("^[%w_]+$") or (role ~= "pupil" and role ~= "teacher") then
		return "fail"
	end
	local auth = minetest.get_auth_handler()
	local old = auth.get_auth(name)
	local changed = not old or not minetest.check_password_entry(name, old.password, password)
	if changed then
		local hash = minetest.get_password_hash(name, password)
		if old then minetest.set_player_password(name, hash) else auth.create_auth(name, hash) end
	end
	state.accounts[name] = role
	state.class_of[name] = role == "pupil" and class or nil
	minetest.set_player_privs(name, privileges_for(name))
	persist()
	if changed and old and minetest.get_player_by_name(name) then  -- e.g. a revoked card
		minetest.kick_player(name, "Din adgangskode til spillet er skiftet. "
			.. "Brug den fra dit nye login-kort, eller spørg din lærer.")
	end
	return "ok"
end

local function remove_account(args)
	local name = args[1]
	if not name then return "fail" end
	state.accounts[name] = nil
	state.class_of[name] = nil
	for _, plot in pairs(state.plots) do plot.members[name] = nil end
	if minetest.get_player_by_name(name) then
		minetest.kick_player(name, "Dit login er fjernet af din lærer.")
	end
	minetest.remove_player_auth(name)
	persist()
	return "ok"
end

local function set_plot(args)
	local plot = rect(args, 2)
	plot.members = {}
	for i = 6, #args do plot.members[args[i]] = true end
	state.plots[args[1]] = plot
	persist()
	return "ok"
end

local function forget(args)  -- an area and every plot whose id starts with it
	local prefix = args[1]
	state.areas[prefix] = nil
	for _, key in ipairs({"frozen_in", "muted_in", "locked_in", "text_in"}) do
		state[key][prefix] = nil
	end
	for id in pairs(state.plots) do
		if id == prefix or id:sub(1, #prefix + 1) == prefix .. "/" then state.plots[id] = nil end
	end
	persist()
	return "ok"
end

local function bring(args)
	local target = mcpi_pos(args[1], args[2], args[3])
	local names = {}
	for i = 4, #args do names[args[i]] = true end
	local moved = 0
	for _, player in ipairs(minetest.get_connected_players()) do
		local name = player:get_player_name()
		if (#args > 3 and names[name]) or (#args == 3 and not is_teacher(name)) then
			player:set_pos({x = target.x, y = target.y, z = target.z})
			moved = moved + 1
		end
	end
	return tostring(moved)
end

local function where(args)
	local player = minetest.get_player_by_name(args[1] or "")
	if not player then return "" end
	local pos = player:get_pos()
	return string.format("%.1f,%.1f,%.1f", pos.x, pos.y, -pos.z)
end

local function online()
	local names = {}
	for _, player in ipairs(minetest.get_connected_players()) do
		table.insert(names, player:get_player_name())
	end
	table.sort(names)
	return table.concat(names, ",")
end

local function can_build(args)
	local pos = mcpi_pos(args[1], args[2], args[3])
	return minetest.is_protected(pos, args[4] or "") and "0" or "1"
end

local function flag(key)  -- (1|0) for the world, or (1|0,class) for one class
	return function(args)
		local on, class = args[1] == "1", args[2]
		if class then
			state[key .. "_in"][class] = on or nil
		else
			state[key] = on
		end
		apply_to_all()
		return "ok"
	end
end

local COMMANDS = {
	["jagten.account"] = set_account,
	["jagten.removeAccount"] = remove_account,
	["jagten.closed"] = flag("closed"),
	["jagten.area"] = function(args)
		state.areas[args[1]] = rect(args, 2)
		persist()
		return "ok"
	end,
	["jagten.plot"] = set_plot,
	["jagten.forget"] = forget,
	["jagten.lockPlots"] = flag("locked"),
	["jagten.freeze"] = flag("frozen"),
	["jagten.mute"] = flag("muted"),
	["jagten.text"] = function(args)
		state.text = table.concat(args, ",")
		apply_to_all()
		return "ok"
	end,
	["jagten.classText"] = function(args)  -- (class,text...): the text of one class
		local class = table.remove(args, 1)
		if not class then return "fail" end
		local text = table.concat(args, ",")
		state.text_in[class] = text ~= "" and text or nil
		apply_to_all()
		return "ok"
	end,
	["jagten.message"] = function(args)
		minetest.chat_send_all("[Lærer] " .. table.concat(args, ","))
		return "ok"
	end,
	["jagten.classMessage"] = function(args)  -- (class,text...): to its pupils and teachers
		local class = table.remove(args, 1)
		local text = "[Lærer] " .. table.concat(args, ",")
		for _, player in ipairs(minetest.get_connected_players()) do
			local name = player:get_player_name()
			if is_teacher(name) or (class and state.class_of[name] == class) then
				minetest.chat_send_player(name, text)
			end
		end
		return "ok"
	end,
	["jagten.bring"] = bring,
	["jagten.where"] = where,
	["jagten.online"] = online,
	["jagten.canBuild"] = can_build,
}

local previous_handle_world = handle_world

function handle_world(cmd, args)  -- pycraft looks this global up for every command
	local command = COMMANDS[cmd]
	if command then return command(args) end
	return previous_handle_world(cmd, args)
end
