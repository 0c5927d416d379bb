"""The class report: many students' games of the same class code, side by side.

Sections: the spread of scores and outcomes; which strategies did well (by computer player, by action
mix, by yes/no decision); which events split the class most; a table of every game by nickname, also
written as CSV for a spreadsheet.

Example::

    >>> results = [load_result(p) for p in collect_paths([Path("results")])]   # doctest: +SKIP
    >>> html, csv_text = class_report(results, "fr", csv_name="classe.csv")       # doctest: +SKIP
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from statistics import mean, median

from game.i18n import Strings, strings
from game.messages import number
from game.report import page as p
from game.report.catalog import Catalog
from game.report.charts import score_histogram, score_strip
from game.report.debrief import footer, lab_name, policy_name
from game.report.facts import GameFacts, automatic, game_facts, styles
from game.report.loading import LoadedResult

OUTCOMES = ("won", "lost", "bankrupt", "unfinished")
#: Events shown in "which events most changed outcomes".
TOP_EVENTS = 8


@dataclass(frozen=True)
class GameRow:
    """One game of the class, with what the report groups it by."""

    loaded: LoadedResult
    facts: GameFacts
    style: str
    policy: str | None

    @property
    def score(self) -> int:
        return self.loaded.doc.score.total


def class_rows(results: list[LoadedResult], cat: Catalog) -> list[GameRow]:
    """The games in report order: best score first, then by name."""
    facts = [game_facts(r.doc, cat) for r in results]
    kinds = styles([f.mix for f in facts])
    rows = [GameRow(r, f, k, r.doc.policy()) for r, f, k in zip(results, facts, kinds, strict=True)]
    return sorted(rows, key=lambda g: (-g.score, g.loaded.name.lower(), g.loaded.path.name))


def _goal_kinds(rows: list[GameRow]) -> list[str]:
    return list(dict.fromkeys(k for g in rows for k in g.loaded.doc.score.parts))


#: CSV columns: (id used in English, key of the French header).
CSV_COLUMNS = ("nickname", "file", "scenario", "seed", "class_code", "side", "lab", "policy", "style", "outcome",
               "outcome_reason", "turns", "score", "band")


def csv_text(rows: list[GameRow], lang: str = "en") -> str:
    """The table of all games as CSV.

    English: comma-separated, column names are stable English ids (for scripts). French: what French
    Excel opens as columns: semicolons, French column names and values (the caller writes it with a
    BOM so accents survive).
    """
    s = strings(lang)
    french = lang == "fr"
    kinds = _goal_kinds(rows)
    decisions = list(rows[0].facts.decisions) if rows else []
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n" if french else "\n", delimiter=";" if french else ",")
    if french:
        head = [s.t(f"lesson.csv.{c}") for c in CSV_COLUMNS]
        head += [s.t("lesson.csv.score_part", goal=s.t(f"goal.{k}")) for k in kinds]
        head += [s.t(f"report.decision.{d}") for d in decisions]
    else:
        head = [*CSV_COLUMNS, *(f"score_{k}" for k in kinds), *decisions]
    writer.writerow(head)
    yes, no = (s.t("lesson.csv.yes"), s.t("lesson.csv.no")) if french else ("1", "0")
    for g in rows:
        doc = g.loaded.doc
        values = [g.loaded.name, g.loaded.path.name, doc.scenario, doc.seed, doc.class_code or "", doc.side,
                  lab_name(doc, doc.side), g.policy or "", g.style, doc.outcome, doc.outcome_reason or "",
                  doc.turns_played, doc.score.total, doc.band or ""]
        if french:
            values[5] = s.t(f"side.{doc.side}")
            values[7] = policy_name(g.policy, s)
            values[8] = s.t(f"report.style.{g.style}")
            values[9] = s.t(f"report.result.{doc.outcome}")
            values[10] = s.t(f"lesson.csv.reason.{doc.outcome_reason}") if doc.outcome_reason else ""
            values[13] = doc.band_label or ""
        writer.writerow([*values, *(doc.score.parts.get(k, "") for k in kinds),
                         *((yes if v else no) for v in g.facts.decisions.values())])
    return out.getvalue()


def compared(rows: list[GameRow]) -> list[GameRow]:
    """The games that comparisons of strategies read: finished and not bankrupt (a bankrupt game's score
    says it went bankrupt, not how its strategy did; an unfinished one was not played to the end)."""
    return [g for g in rows if g.loaded.doc.outcome in ("won", "lost")]


def _avg(scores: list[int], lang: str) -> str:
    return number(mean(scores), lang, 1) if scores else "–"


def _group_table(s: Strings, lang: str, head: str, groups: dict[str, list[int]]) -> str:
    rows = [[label, str(len(sc)), _avg(sc, lang), number(median(sc), lang, 1), str(max(sc))]
            for label, sc in sorted(groups.items(), key=lambda kv: (-mean(kv[1]), kv[0]))]
    return p.table([head, s.t("report.class.count"), s.t("report.class.mean"), s.t("report.class.median"),
                    s.t("report.class.highest")], rows, numeric=(1, 2, 3, 4))


def _header(rows: list[GameRow], cat: Catalog, s: Strings) -> list[str]:
    docs = [g.loaded.doc for g in rows]
    scenarios = list(dict.fromkeys(d.scenario for d in docs))
    title = s.t("report.class.title", scenario=" / ".join(cat.scenario_title(x) for x in scenarios))
    codes = list(dict.fromkeys(d.class_code or f"{d.scenario}-{d.seed}" for d in docs))
    out = [f"<h1>{p.esc(title)}</h1>",
           f'<p class="lead">{p.esc(s.t("report.class.lead", games=len(rows)))} · {p.esc(", ".join(codes))}</p>']
    if len(codes) > 1:
        out.append(f'<p class="note"><b>{p.esc(s.t("report.class.mixed", codes=", ".join(codes)))}</b></p>')
    return out


def _distribution(rows: list[GameRow], cat: Catalog, s: Strings) -> list[str]:
    lang = cat.lang
    scores = [g.score for g in rows]
    by_outcome = {o: [g.score for g in rows if g.loaded.doc.outcome == o] for o in OUTCOMES}
    by_outcome = {o: sc for o, sc in by_outcome.items() if sc}
    labels = {o: s.t(f"report.result.{o}") for o in OUTCOMES}
    out = [f"<h2>{p.esc(s.t('report.class.distribution'))}</h2>", p.cards([
        (s.t("report.class.count"), str(len(rows)), ""),
        (s.t("report.class.mean"), _avg(scores, lang), ""),
        (s.t("report.class.median"), number(median(scores), lang, 1), ""),
        (s.t("report.class.lowest"), str(min(scores)), ""),
        (s.t("report.class.highest"), str(max(scores)), ""),
    ])]
    svg = score_histogram(s.t("report.class.hist_title"), by_outcome, labels,
                          (s.t("report.class.axis_score"), s.t("report.class.axis_games")), lang)
    out.append(p.chart(svg))
    table_rows = [[labels[o], str(len(sc)), number(100 * len(sc) / len(rows), lang, 0) + "\u00a0%",
                   _avg(sc, lang)] for o, sc in by_outcome.items()]
    out.append(p.table([s.t("report.outcome"), s.t("report.class.count"), s.t("report.class.share"),
                        s.t("report.class.mean")], table_rows, numeric=(1, 2, 3)))
    return out


def _strategies(rows: list[GameRow], cat: Catalog, s: Strings) -> list[str]:
    lang = cat.lang
    out = [f"<h2>{p.esc(s.t('report.class.strategies'))}</h2>",
           f'<p class="note">{p.esc(s.t("report.class.strategies_note"))}</p>']
    policies: dict[str, list[int]] = {}
    for g in rows:
        policies.setdefault(policy_name(g.policy, s), []).append(g.score)
    if len(policies) > 1:
        out += [f"<h3>{p.esc(s.t('report.class.by_policy'))}</h3>",
                _group_table(s, lang, s.t("report.class.policy"), policies)]
    by_style: dict[str, list[int]] = {}
    for g in rows:
        by_style.setdefault(s.t(f"report.style.{g.style}"), []).append(g.score)
    ordered = sorted(by_style.items(), key=lambda kv: (-mean(kv[1]), kv[0]))
    out += [f"<h3>{p.esc(s.t('report.class.by_style'))}</h3>",
            f'<p class="note">{p.esc(s.t("report.class.style_note"))}</p>',
            _group_table(s, lang, s.t("report.class.style"), by_style),
            p.chart(score_strip(s.t("report.class.style_title"), ordered, s.t("report.class.axis_score"), lang))]
    decision_rows = []
    for key in rows[0].facts.decisions:
        yes = [g.score for g in rows if g.facts.decisions[key]]
        no = [g.score for g in rows if not g.facts.decisions[key]]
        gap = number(mean(yes) - mean(no), lang, 1) if yes and no else "–"
        if yes and no and mean(yes) > mean(no):
            gap = "+" + gap
        decision_rows.append([s.t(f"report.decision.{key}"), f"{len(yes)} · {_avg(yes, lang)}",
                              f"{len(no)} · {_avg(no, lang)}", gap])
    out += [f"<h3>{p.esc(s.t('report.class.by_decision'))}</h3>",
            p.table([s.t("report.class.decision"), s.t("report.class.with"), s.t("report.class.without"),
                     s.t("report.class.difference")], decision_rows, numeric=(1, 2, 3))]
    return out


Split = tuple[float, str, int, list[tuple[str, list[int]]]]


def event_splits(rows: list[GameRow], cat: Catalog, s: Strings) -> list[Split]:
    """Per event: (spread of group means, title, games that met it, [(group label, scores)]).

    Only events that split the class into two groups or more; the widest spread first.
    """
    met: dict[str, dict[str, list[int]]] = {}
    titles: dict[str, str] = {}
    dates: dict[str, list[str]] = {}
    for g in rows:
        doc = g.loaded.doc
        seen: dict[str, str] = {}
        for e in doc.events:
            if e.side in (doc.side, None) and e.id not in seen and e.turn >= doc.first_turn:
                seen[e.id] = "" if automatic(e, doc) else (e.choice or "")  # only the player's own choices
                event = cat.event(e.id)
                title = s.pick(event.title) if event else e.title
                if e.kind == "generic":
                    title = s.t("lesson.class.invented", title=title)
                titles.setdefault(e.id, title)
                dates.setdefault(e.id, []).append(e.date)
        for event_id, choice in seen.items():
            met.setdefault(event_id, {}).setdefault(choice, []).append(g.score)
    out = []
    for event_id, groups in met.items():
        met_count = sum(len(v) for v in groups.values())
        labelled = [(cat.choice_label(event_id, c) if c else s.t("report.class.no_choice"), sc)
                    for c, sc in sorted(groups.items())]
        # a game that ended (bankrupt, turn limit) before the event's date did not miss it: it never got
        # there, and counting it would only say that short games score low
        when = min(dates[event_id])
        missed = [g.score for g in rows if not _met(g, event_id) and g.loaded.doc.series[-1].date >= when]
        if missed:
            labelled.append((s.t("report.class.not_met"), missed))
        if len(labelled) < 2:
            continue
        means = [mean(sc) for _, sc in labelled]
        out.append((max(means) - min(means), titles[event_id], met_count, labelled))
    return sorted(out, key=lambda x: (-x[0], x[1]))


def _met(g: GameRow, event_id: str) -> bool:
    doc = g.loaded.doc
    return any(e.id == event_id and e.side in (doc.side, None) for e in doc.events)


def _events(rows: list[GameRow], cat: Catalog, s: Strings) -> list[str]:
    lang = cat.lang
    out = [f"<h2>{p.esc(s.t('report.class.events'))}</h2>",
           f'<p class="note">{p.esc(s.t("report.class.events_note"))}</p>']
    splits = event_splits(rows, cat, s)[:TOP_EVENTS]
    if not splits:
        return [*out, f"<p>{p.esc(s.t('report.class.no_events'))}</p>"]
    table_rows = []
    for spread, title, met_count, groups in splits:
        text = "; ".join(s.t("report.class.group", label=label, count=len(sc), mean=_avg(sc, lang))
                         for label, sc in groups)
        table_rows.append([title, f"{met_count}/{len(rows)}", text, number(spread, lang, 1)])
    out.append(p.table([s.t("report.class.event"), s.t("report.class.met"), s.t("report.class.groups"),
                        s.t("report.class.spread")], table_rows, numeric=(1, 3)))
    return out


def _games(rows: list[GameRow], cat: Catalog, s: Strings, csv_name: str) -> list[str]:
    mixed = len({(g.loaded.doc.scenario, g.loaded.doc.seed) for g in rows}) > 1
    head = [s.t("report.class.name"), s.t("report.class.side"), s.t("report.class.policy"),
            s.t("report.class.style"), s.t("report.class.outcome"), s.t("report.class.score"),
            s.t("report.class.turns")]
    if mixed:
        head += [s.t("report.class.scenario"), s.t("report.class.seed")]
    table_rows = []
    for g in rows:
        doc = g.loaded.doc
        row = [g.loaded.name, lab_name(doc, doc.side), policy_name(g.policy, s),
               s.t(f"report.style.{g.style}"), s.t(f"report.result.{doc.outcome}"), str(doc.score.total),
               str(doc.turns_played)]
        if mixed:
            row += [doc.scenario, str(doc.seed)]
        table_rows.append(row)
    return [f"<h2>{p.esc(s.t('report.class.games'))}</h2>",
            f'<p class="note">{p.esc(s.t("report.class.games_note", csv=csv_name))}</p>',
            p.table(head, table_rows, numeric=(5, 6))]


def class_report(results: list[LoadedResult], lang: str | None = None, csv_name: str = "report.csv",
                 left_out: list[str] | None = None) -> tuple[str, str]:
    """(HTML page, CSV text) of the class report; ``lang`` defaults to the first game's language.

    ``left_out``: lines naming the files left out of the report and why, shown at its top."""
    left_out = left_out or []
    if not results:
        raise ValueError("a class report needs at least one game")
    first = results[0].doc.lang
    lang = lang or (first if first in ("en", "fr") else "en")
    s = strings(lang)
    cat = Catalog.shipped(lang)
    rows = class_rows(results, cat)
    kept = compared(rows)
    note = [f'<p class="note">{p.esc(s.t("lesson.class.compared", kept=len(kept), total=len(rows)))}</p>']
    comparisons = [*_strategies(kept, cat, s), *note, *_events(kept, cat, s), *note] if kept else note
    left = [f'<p class="note"><b>{p.esc(line)}</b></p>' for line in left_out]
    body = [*_header(rows, cat, s), *left, *_distribution(rows, cat, s), *comparisons,
            *_games(rows, cat, s, csv_name), *footer(s, [g.loaded.doc for g in rows])]
    title = s.t("report.class.title", scenario=", ".join(dict.fromkeys(r.doc.scenario for r in results)))
    return p.page(title, lang, body), csv_text(rows, lang)
