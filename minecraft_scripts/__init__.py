"""minecraft_scripts."""
