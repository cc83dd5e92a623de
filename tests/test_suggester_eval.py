"""Score the tag suggester on the project's own evaluation set (tests/fixtures/suggester/).

Twelve reports written for the project, with a gazetteer of real clubs and players full of traps
(namesakes, shared surnames and nicknames, ordinary-word names, managers, pundits, countries,
stadiums). Precision and recall are counted over (report, entity) pairs through the same
commands an operator uses: load_entities, then suggest_tags --json. Target: both >= 0.95.
"""

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

SET = Path(__file__).parent / "fixtures" / "suggester"
TARGET = 0.95


def score():
    call_command("load_entities", str(SET / "entities.json"), stdout=io.StringIO(), stderr=io.StringIO())
    expected = json.loads((SET / "expected.json").read_text())
    files = [str(SET / "reports" / name) for name in sorted(expected)]
    out = io.StringIO()
    call_command("suggest_tags", "--json", *files, stdout=out)
    true_positives = false_positives = false_negatives = 0
    mistakes = []
    for line in out.getvalue().splitlines():
        result = json.loads(line)
        name = Path(result["file"]).name
        for kind in ("clubs", "players"):
            found = {m["slug"] for m in result[kind]}
            wanted = set(expected[name][kind])
            true_positives += len(found & wanted)
            false_positives += len(found - wanted)
            false_negatives += len(wanted - found)
            for slug in sorted(found - wanted):
                mistakes.append(f"{name}: extra {kind[:-1]} {slug}")
            for slug in sorted(wanted - found):
                mistakes.append(f"{name}: missed {kind[:-1]} {slug}")
    precision = true_positives / ((true_positives + false_positives) or 1)
    recall = true_positives / ((true_positives + false_negatives) or 1)
    return precision, recall, true_positives, mistakes


def test_suggester_meets_its_precision_and_recall_targets():
    precision, recall, pairs, mistakes = score()
    report = f"precision {precision:.3f}, recall {recall:.3f} over {pairs} correct pairs\n" + "\n".join(
        mistakes
    )
    print(report)
    assert pairs > 100, "the evaluation set should exercise the suggester on many pairs"
    assert precision >= TARGET, report
    assert recall >= TARGET, report
