-- Jagten på fællesskabet: what the managed Minetest world adds to Minetest and pycraft.
jagten = {block = dofile(minetest.get_modpath("pycraft") .. "/block.lua")}
local path = minetest.get_modpath("jagten")
dofile(path .. "/ground.lua")
dofile(path .. "/socket_lines.lua")
dofile(path .. "/regions.lua")
dofile(path .. "/bulk.lua")
dofile(path .. "/world_commands.lua")
dofile(path .. "/classroom.lua")
dofile(path .. "/durability.lua")  -- last: its globalstep must follow every write of a step
