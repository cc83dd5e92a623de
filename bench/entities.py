"""Benchmark the tag suggester: build time and suggestion time as the gazetteer grows.

    .venv/bin/python bench/entities.py [--sizes 2000 20000 200000] [--repeat 50]

For each size, a synthetic gazetteer (clubs and players with aliases, namesakes and shared
surnames, women's sides, careers; deterministic) is compiled into the matcher, then a 1,000-word
report naming ~40 of them, with a misspelt surname and two team lists at its end, is read
`--repeat` times. Prints build seconds, median and p95 milliseconds per suggestion,
and each figure's ratio to the smallest size measured in the same run (the baseline): suggestion
time should track the text's length, not the number of names. Targets: median <= 5 ms and build
<= 2 s at 20,000 names. Not part of the test suite.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings.test")

import django  # noqa: E402

django.setup()

from newsroom.football.entities import Matcher, suggest_from  # noqa: E402

SYLLABLES = "ka lo mi ne ru sa to vi be da fe go hu ja ke li mo na pe qu re si tu va we xe yo ze".split()
FILLER = (
    "the ball was played wide and the cross came in low but nobody could reach it before the "
    "keeper gathered at the near post while the crowd urged their side forward once again"
).split()


def made_up_name(rng, parts):
    return " ".join(
        "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).title() for _ in range(parts)
    )


def gazetteer(size, seed=7):
    rng = random.Random(seed)
    club_count = max(20, size // 10)
    clubs = [
        (i, f"club-{i}", made_up_name(rng, 2) + " FC", "", [made_up_name(rng, 1)], "", "", None)
        for i in range(club_count)
    ]
    # Every tenth club has a women's side answering to its names.
    clubs += [
        (club_count + i, f"club-{i}-women", clubs[i][2] + " Women", "", [], "", "", i)
        for i in range(0, club_count, 10)
    ]
    players = []
    for n in range(size - len(clubs)):
        name = made_up_name(rng, 2)
        if n % 50 == 0 and players:  # namesakes and shared surnames, as real squads have
            name = players[-1][2] if n % 100 == 0 else f"{made_up_name(rng, 1)} {players[-1][2].split()[-1]}"
        career = {rng.randrange(club_count) for _ in range(n % 3)}  # former clubs for two in three
        players.append((100_000 + n, f"player-{n}", name, [], rng.randrange(club_count), career, "", False))
    return clubs, players


def report(clubs, players, words=1000, mentions=40, seed=11):
    rng = random.Random(seed)
    text = []
    names = [c[2] for c in rng.sample(clubs, 4)] + [p[2] for p in rng.sample(players, mentions - 4)]
    long_surname = max((p[2].split()[-1] for p in players[:500]), key=len)
    for i in range(words - 60):
        if i % (words // mentions) == 0 and names:
            text.append(names.pop())
        text.append(rng.choice(FILLER) + ("." if i % 17 == 16 else ""))
    text.append(long_surname[:-1] + "y" + long_surname[-1] + " scored.")  # one letter too many
    # Two team lists, as wire copy ends: eleven surnames and a bench for each side.
    for club in clubs[:2]:
        squad = [p[2].split()[-1] for p in players if p[4] == club[0]][:14]
        text.append(f"\n{club[2]}: {', '.join(squad[:11])}.\nSubs: {', '.join(squad[11:])}.")
    return " ".join(text)


def measure(size, repeat):
    clubs, players = gazetteer(size)
    started = time.perf_counter()
    matcher = Matcher(clubs, players)
    build = time.perf_counter() - started
    text = report(clubs, players)
    suggest_from(matcher, text)  # warm up
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        suggestions = suggest_from(matcher, text, [clubs[0][0]])
        timings.append((time.perf_counter() - started) * 1000)
    found = len(suggestions.clubs) + len(suggestions.players)
    return (
        build,
        statistics.median(timings),
        sorted(timings)[int(len(timings) * 0.95) - 1],
        found,
        len(text.split()),
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000, 200000])
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    header = ("names", "build s", "×base", "median ms", "×base", "p95 ms", "found", "words")
    print("{:>8} {:>8} {:>6} {:>10} {:>6} {:>7} {:>6} {:>6}".format(*header))
    baseline = None
    for size in args.sizes:
        build, median, p95, found, words = measure(size, args.repeat)
        baseline = baseline or (build, median)
        ratios = build / baseline[0], median / baseline[1]
        print(
            f"{size:>8} {build:>8.2f} {ratios[0]:>6.1f} {median:>10.2f} {ratios[1]:>6.2f} "
            f"{p95:>7.2f} {found:>6} {words:>6}"
        )
    print("targets at 20,000 names: build <= 2 s, median suggestion <= 5 ms")


if __name__ == "__main__":
    main()
