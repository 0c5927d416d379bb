"""The debrief's comparisons with the record: compute beside the rivals', the real path on the charts,
announced against real cost."""

from __future__ import annotations

import math

from game.i18n import strings
from game.report.catalog import Catalog
from game.report.compare import compute_chart, costs_section, real_lines
from game.report.debrief import debrief_html
from game.report.loading import LoadedResult, ResultDoc
from tests.report.helpers import make_result


def doc(**changes: object) -> ResultDoc:
    return ResultDoc.model_validate({**make_result("cn_lab", 3, "efficient", 30), **changes})


def test_real_lines_follow_the_games_turns() -> None:
    d = doc()
    lines = real_lines(d, strings("en"))
    (deepseek,), (nvda,) = lines.capability, lines.stocks
    assert deepseek.real and len(deepseek.values) == len(d.series)
    assert math.isnan(deepseek.values[0]) and deepseek.values[-1] == 8100  # R1, once it is out
    assert nvda.values[0] == 100 and max(v for v in nvda.values if not math.isnan(v)) > 1500  # the AI boom


def test_compute_chart_draws_every_rival_with_a_known_fleet() -> None:
    d, cat = doc(), Catalog.shipped("en")
    svg = compute_chart(d, cat, strings("en"), [("cn", "Lab")], [])
    assert svg is not None and "OpenAI" in svg and "Meta AI" in svg and "Alibaba Qwen" not in svg
    old = d.model_copy(update={"series": [r.model_copy(update={"rivals_compute": {}}) for r in d.series]})
    assert compute_chart(old, cat, strings("en"), [("cn", "Lab")], []) is None


def test_costs_table_and_its_sentence() -> None:
    d, cat, s = doc(), Catalog.shipped("fr"), strings("fr")
    costs = d.sides["cn"].costs
    assert costs is not None and costs.real_total > costs.reported_last_run > 0
    html = "".join(costs_section(d, cat, s, [("cn", "Qiantang")]))
    assert "Qiantang" in html and s.t("report.costs.title").replace("'", "&#x27;") in html
    assert "5,6" in html and "500" in html  # the sentence quotes DeepSeek's figure and SemiAnalysis'
    times = costs.real_total // costs.reported_last_run
    assert s.t("report.costs.times", n=str(times)) in html or f"{times:,}".replace(",", "\u202f") in html
    no_costs = d.model_copy(update={"sides": {k: v.model_copy(update={"costs": None}) for k, v in d.sides.items()}})
    assert costs_section(no_costs, cat, s, [("cn", "Qiantang")]) == []


def test_the_debrief_holds_all_three(tmp_path) -> None:
    html = debrief_html(LoadedResult(path=tmp_path / "r.json", name="r", doc=doc()), "en")
    for key in ("report.chart.compute", "report.chart.deepseek_real", "report.chart.nvda_real", "report.costs.title"):
        assert strings("en").t(key).replace("'", "&#x27;") in html, key
