"""`jagten tally`: count a JSON file of ballots, so paper ballots follow the same rules."""

import json
import sys
from fractions import Fraction

import click

from lessons.vote_methods import DecisionKind, VoteMethod
from teacher_portal.counting.ballot_file import BallotFileError, load_ballot_file
from teacher_portal.counting.ballots import BallotError
from teacher_portal.counting.count import count
from teacher_portal.counting.rules import CountingRuleError, Rules
from worlds.language import current_language, say


def _fraction(_ctx: click.Context, _param: click.Parameter, value: str | None):
    if value is None:
        return None
    try:
        return Fraction(value)
    except (ValueError, ZeroDivisionError):
        message = say("'%(value)s' is not a share like 1/2 or 0.5", value=value)
        raise click.BadParameter(message) from None


@click.command()
@click.option(
    "--method",
    type=click.Choice([method.value for method in VoteMethod]),
    required=True,
    help="How to count.",
)
@click.option(
    "--decision",
    type=click.Choice([kind.value for kind in DecisionKind]),
    default=None,
    help="What the vote decides, which sets how a tie ends: proposal (the first option is "
    "'for'; a tie falls), choice (a tie decides nothing), election or ranking (ties by lot). "
    "Default: election.",
)
@click.option(
    "--seats",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Options to elect (plurality, approval, borda, bloc).",
)
@click.option(
    "--deputies",
    type=click.IntRange(min=0),
    default=None,
    help="Bloc: how many runners-up become deputies (default: all with votes).",
)
@click.option(
    "--seed",
    type=int,
    default=None,
    help="Seed of the lot that settles ties (default: drawn and printed).",
)
@click.option(
    "--quorum",
    type=click.IntRange(min=0),
    default=None,
    help="Ballots (blank included) needed for a decision.",
)
@click.option(
    "--eligible", type=click.IntRange(min=0), default=None, help="How many may vote (for turnout)."
)
@click.option(
    "--majority",
    callback=_fraction,
    default=None,
    help="Share of the valid votes the winner must exceed, e.g. 1/2.",
)
@click.option(
    "--lang",
    type=click.Choice(["da", "en"]),
    default=None,
    help="Language of error messages (default: the language of the command).",
)
@click.argument("file", type=click.Path(dir_okay=False))
def tally(
    method: str,
    decision: str | None,
    seats: int,
    deputies: int | None,
    seed: int | None,
    quorum: int | None,
    eligible: int | None,
    majority: Fraction | None,
    lang: str | None,
    file: str,
) -> None:
    """Count the ballots in FILE.json and print the result as JSON.

    FILE.json: {"options": [...], "ballots": [{"ranking": [...], "count": N, "weight": W}]}.
    Plurality counts each ballot's first choice; approval and bloc every listed option.
    """
    try:
        rules = Rules(method, seats, deputies, quorum, eligible, majority, seed, decision)
        options, ballots = load_ballot_file(file, lang or current_language())
        result = count(options, ballots, rules)
    except (BallotFileError, BallotError, CountingRuleError) as error:
        click.echo(f"jagten tally: {error}", err=True)
        sys.exit(2)
    click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
