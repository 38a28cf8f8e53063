"""The modules that talk to a game server: the wire protocol, the connection, building and
reading back, and the managed Minetest world with the toolkit's own mod.

Everything else in `minecraft_scripts` is pure and runs without a server, except the parts of
`plots` and `chat_votes` that take a `GameConnection`.
"""
