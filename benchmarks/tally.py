"""Benchmark: tally 100,000 random ranked ballots with every method.

Prints seconds per tally for 5 to 8 options (target: < 0.5 s each) and, for instant
run-off, the time pyrankvote needs on the same ballots and the ratio. Run:

    .venv/bin/python benchmarks/tally.py [--ballots N] [--seed S]
"""

import argparse
import time

import numpy as np
import pyrankvote

from teacher_portal.counting import Ballot, Rules, count

METHODS = ("plurality", "approval", "ranked", "borda", "condorcet", "bloc")
BLOC_SEATS = 3


def random_ballots(n_ballots: int, n_options: int, seed: int) -> tuple[list[str], list[Ballot]]:
    """Random permutations, each cut to a random length of 1..n options (seeded)."""
    rng = np.random.default_rng(seed)
    options = [f"Forslag {i + 1}" for i in range(n_options)]
    orders = rng.permuted(np.tile(np.arange(n_options), (n_ballots, 1)), axis=1)
    lengths = rng.integers(1, n_options + 1, size=n_ballots)
    ballots = [
        Ballot(tuple(options[i] for i in order[:length]))
        for order, length in zip(orders.tolist(), lengths.tolist(), strict=True)
    ]
    return options, ballots


def timed(function, *args):
    start = time.perf_counter()
    value = function(*args)
    return time.perf_counter() - start, value


def pyrankvote_runoff(options: list[str], ballots: list[Ballot]) -> list[str]:
    candidates = {option: pyrankvote.Candidate(option) for option in options}
    theirs = [pyrankvote.Ballot([candidates[o] for o in b.ranking]) for b in ballots]
    result = pyrankvote.instant_runoff_voting(list(candidates.values()), theirs)
    return [candidate.name for candidate in result.get_winners()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ballots", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    print(f"{args.ballots:,} ranked ballots, seed {args.seed}; seconds per tally")
    print(f"{'options':>8} " + " ".join(f"{m:>10}" for m in METHODS))
    worst = 0.0
    for n_options in range(5, 9):
        options, ballots = random_ballots(args.ballots, n_options, args.seed + n_options)
        seconds = []
        for method in METHODS:
            seats = BLOC_SEATS if method == "bloc" else 1
            elapsed, _ = timed(count, options, ballots, Rules(method, seats, seed=1))
            seconds.append(elapsed)
        worst = max(worst, *seconds)
        print(f"{n_options:>8} " + " ".join(f"{s:>10.3f}" for s in seconds))
    ours_seconds, ours = timed(count, options, ballots, Rules("ranked", seed=1))
    theirs_seconds, theirs = timed(pyrankvote_runoff, options, ballots)
    print(
        f"instant run-off, {n_options} options: ours {ours_seconds:.3f} s, pyrankvote "
        f"{theirs_seconds:.3f} s, ratio {theirs_seconds / ours_seconds:.0f}x; "
        f"same winner: {list(ours.winners) == theirs}"
    )
    print(f"slowest tally {worst:.3f} s (target < 0.5 s): {'OK' if worst < 0.5 else 'SLOW'}")


if __name__ == "__main__":
    main()
