-- Whole lines in, whole replies out, however long they are.
--
-- pycraft reads each command with a non-blocking receive("*l") and throws away what a read
-- returns when a line has not fully arrived yet; it writes each reply with a non-blocking
-- send that may write only part of it. Short lines hardly ever meet either case; the long
-- lines of bulk commands (see bulk.lua) would. So the methods that every TCP client socket
-- shares keep the start of a line that arrived early, and the rest of a reply that did not
-- fit, for the next server step. Nothing changes for complete lines and complete sends.
local class = debug.getregistry()["tcp{client}"]
if not (class and type(class.__index) == "table") then
	minetest.log("warning", "[jagten] luasocket's tcp{client} class not found: long lines may break")
	return
end

local methods = class.__index
local receive, send = methods.receive, methods.send
local early = setmetatable({}, {__mode = "k"})  -- socket -> the start of its next line
local unsent = setmetatable({}, {__mode = "k"})  -- socket -> list of texts still to write

function methods.receive(sock, pattern, prefix)
	if pattern ~= "*l" or prefix ~= nil then
		return receive(sock, pattern, prefix)
	end
	local line, err, partial = receive(sock, "*l", early[sock])
	early[sock] = nil
	if line then
		return line
	end
	if err == "timeout" and partial and partial ~= "" then
		early[sock] = partial
	end
	return nil, err
end

local function write_unsent(sock)
	local text = table.concat(unsent[sock])
	local sent, err, last = send(sock, text)
	if sent then
		unsent[sock] = nil
	elseif err == "timeout" then
		unsent[sock] = {text:sub(last + 1)}
	else
		unsent[sock] = nil  -- closed: nobody is left to read it
	end
end

function methods.send(sock, data, i, j)
	if i ~= nil or j ~= nil then
		return send(sock, data, i, j)
	end
	local queue = unsent[sock]
	if queue then  -- keep the order of replies
		queue[#queue + 1] = data
		write_unsent(sock)
		return #data
	end
	local sent, err, last = send(sock, data)
	if sent or err ~= "timeout" then
		return sent, err, last
	end
	unsent[sock] = {data:sub(last + 1)}
	return #data
end

minetest.register_globalstep(function()
	for sock in pairs(unsent) do
		write_unsent(sock)
	end
end)
