"""The game side of the `jagten` command: `minetest`, `build`, `preview`, `clear`, `plots`,
`estates`, `measures`, `export` and `education`.

Each module holds the commands of one kind of work; `terminal` holds what they share
(options, loading an estate, connecting, the progress bar and the report).
"""

import click

from minecraft_scripts.commands.education import education
from minecraft_scripts.commands.estate_files import estates_group
from minecraft_scripts.commands.estates import build, clear, preview
from minecraft_scripts.commands.export import export
from minecraft_scripts.commands.measures import measures_command
from minecraft_scripts.commands.minetest import minetest
from minecraft_scripts.commands.plots import plots

commands: list[click.Command] = [
    minetest,
    build,
    preview,
    clear,
    plots,
    estates_group,
    measures_command,
    export,
    education,
]
