-- Jagten på fællesskabet: what the managed Minetest world adds to Minetest and pycraft.
local path = minetest.get_modpath("jagten")
dofile(path .. "/ground.lua")
dofile(path .. "/world_commands.lua")
dofile(path .. "/classroom.lua")
