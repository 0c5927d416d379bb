"""The class report: distribution, strategies, events and the table of games carry the inputs' numbers."""

from __future__ import annotations

import csv
import io
import re
from html import unescape
from pathlib import Path
from statistics import mean

import pytest

from game.i18n import strings
from game.messages import number
from game.report.catalog import Catalog
from game.report.classroom import class_report, class_rows, event_splits
from game.report.facts import styles
from game.report.loading import LoadedResult, load_result
from tests.report.helpers import OTHER_SEEDS, make_result, write_class, write_result


@pytest.fixture(scope="module")
def games(tmp_path_factory: pytest.TempPathFactory) -> list[LoadedResult]:
    return [load_result(p) for p in write_class(tmp_path_factory.mktemp("class"))]


@pytest.fixture(scope="module")
def report(games: list[LoadedResult]) -> tuple[str, str]:
    return class_report(games, "en", csv_name="class.csv")


def test_csv_rows_are_the_games(games: list[LoadedResult], report: tuple[str, str]) -> None:
    rows = list(csv.DictReader(io.StringIO(report[1])))
    assert len(rows) == len(games)
    by_file = {r["file"]: r for r in rows}
    for game in games:
        row = by_file[game.path.name]
        doc = game.doc
        assert row["nickname"] == game.name
        assert int(row["score"]) == doc.score.total
        assert row["outcome"] == doc.outcome
        assert int(row["seed"]) == doc.seed and row["scenario"] == doc.scenario
        assert row["class_code"] == doc.class_code
        assert row["policy"] == doc.policy()
        for kind, points in doc.score.parts.items():
            assert int(row[f"score_{kind}"]) == points


def test_the_csv_is_sorted_best_score_first(report: tuple[str, str]) -> None:
    scores = [int(r["score"]) for r in csv.DictReader(io.StringIO(report[1]))]
    assert scores == sorted(scores, reverse=True)


def test_the_html_table_lists_every_game_by_nickname(games: list[LoadedResult], report: tuple[str, str]) -> None:
    html = unescape(report[0])
    table = html[html.index(strings("en").t("report.class.games")):]
    for game in games:
        assert re.search(rf"<td>{re.escape(game.name)}</td>", table), game.name
    assert "class.csv" in table


def test_the_distribution_carries_the_mean_and_the_outcomes(games: list[LoadedResult], report: tuple[str, str]) -> None:
    html = report[0]
    scores = [g.doc.score.total for g in games]
    assert f'<div class="value ">{number(mean(scores), "en", 1)}</div>' in html
    assert f'<div class="value ">{max(scores)}</div>' in html
    outcomes = {g.doc.outcome for g in games}
    for outcome in outcomes:
        count = sum(1 for g in games if g.doc.outcome == outcome)
        label = strings("en").t(f"report.result.{outcome}")
        assert re.search(rf"<td>{label}</td><td class=\"num\">{count}</td>", html)


def test_charts_are_inline_svg(report: tuple[str, str]) -> None:
    assert report[0].count("<svg") == 2  # the score histogram and the scores by action mix
    assert "<script" not in report[0]


def test_strategies_are_grouped_by_policy_with_their_mean(games: list[LoadedResult], tmp_path: Path) -> None:
    # one more game of the class that ended bankrupt (the rescue card now saves the random player of
    # this seed, so its result is marked as a bankrupt game's is)
    result = make_result("cn_lab", 3, "random", 14, "Katherine")
    result["outcome"] = result["sides"]["cn"]["outcome"] = "bankrupt"
    games = [*games, load_result(write_result(tmp_path, "bankrupt", result))]
    html = class_report(games, "en", csv_name="class.csv")[0]
    finished = [g for g in games if g.doc.outcome in ("won", "lost")]
    assert 0 < len(finished) < len(games)  # the class has a bankrupt game: it is left out of comparisons
    for game in games:
        label = strings("en").t(f"report.policy.{game.doc.policy()}")
        same = [g.doc.score.total for g in finished if g.doc.policy() == game.doc.policy()]
        row = re.search(rf"<td>{re.escape(label)}</td><td class=\"num\">(\d+)</td><td class=\"num\">([^<]*)</td>",
                        html)
        if same:
            assert row and row.groups() == (str(len(same)), number(mean(same), "en", 1))
        else:
            assert row is None


def test_styles_compare_a_game_with_the_class() -> None:
    # everybody buys chips most; what sets each game apart is what it did more than the others
    mixes = [{"chips": 10, "research": 4}, {"chips": 10, "cloud": 4}, {"chips": 14}]
    assert styles(mixes) == ["research", "cloud", "chips"]
    assert styles([{}, {"pricing": 2}]) == ["none", "pricing"]


def test_event_splits_leave_out_games_that_ended_before_the_event(games: list[LoadedResult]) -> None:
    cat = Catalog.shipped("en")
    rows = class_rows(games, cat)
    for spread, _title, met, groups in event_splits(rows, cat, strings("en")):
        counted = sum(len(sc) for _, sc in groups)
        assert met <= counted <= len(rows)
        means = [mean(sc) for _, sc in groups]
        assert spread == pytest.approx(max(means) - min(means))
        assert len(groups) >= 2


def test_mixed_class_codes_are_flagged(tmp_path: Path, games: list[LoadedResult]) -> None:
    others = [load_result(write_result(tmp_path, f"o{i}", make_result(*spec)))
              for i, spec in enumerate(OTHER_SEEDS)]
    html, text = class_report([*games, *others], "en")
    assert strings("en").t("report.class.mixed", codes="").split("(")[0] in unescape(html)
    assert len(list(csv.DictReader(io.StringIO(text)))) == len(games) + len(others)


def test_the_french_class_report_has_french_headings(games: list[LoadedResult]) -> None:
    html, _ = class_report(games, "fr")
    text = unescape(html)
    assert '<html lang="fr">' in html
    for heading in ("Scores et issues", "Quelles stratégies ont réussi", "Toutes les parties",
                    "Quels événements ont le plus changé les résultats"):
        assert heading in text
    assert "Which strategies" not in text
