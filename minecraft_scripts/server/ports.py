"""The game's well-known ports, named once; every default elsewhere refers to these."""

MCPI_PORT = 4711
"""TCP port of the mcpi protocol: pycraft (fixed in the mod) and RaspberryJuice."""

MINETEST_PORT = 30000
"""UDP port players join a Minetest world on."""
EDUCATION_PORT = 19131
"""Where `jagten education` waits for Minecraft Education's `/connect` (WebSocket)."""
