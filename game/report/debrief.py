"""The debrief: one page about one game, for the student who played it and the class discussion.

First page: the outcome, three discussion questions drawn from what happened in that game, and the
player's path beside the real one. Then the parts of the score, charts of capability (with DeepSeek's
real releases), cash, users, share prices (with Nvidia's real price) and compute (beside the rival
labs' real fleets), and what each lab would announce for its last run against what it really spent; as
an appendix, the chronology met in the game (with each event's sources) next to
the player's decisions. Invented events are never compared with history, and choices taken
automatically (nobody played that side, or before a lesson's start) are labelled as such.

Example::

    >>> html = debrief_html(load_result(Path("r.json")), "fr")   # doctest: +SKIP
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.i18n import Strings, strings
from game.messages import number, price
from game.report import page as p
from game.report.catalog import Catalog
from game.report.charts import Line, LineChart, line_chart
from game.report.compare import compute_chart, costs_section, real_lines
from game.report.facts import automatic, game_facts
from game.report.loading import ActionRow, EventRow, LoadedResult, ResultDoc, parse_result
from game.report.path import path_heads, path_rows
from game.report.questions import discussion_questions
from game.sources import article_name

#: Stocks on the share-price chart are shown as an index: 100 at the start of the game.
INDEX_BASE = 100


@dataclass
class NewsItem:
    """One event met in the game (a two-lab game logs a world event once per lab: merged here)."""

    number: int
    row: EventRow
    choices: list[tuple[str | None, str]] = field(default_factory=list)  # (side, choice id)


def news_items(doc: ResultDoc) -> list[NewsItem]:
    """The game's events in order, numbered from 1, one item per event and turn."""
    items: dict[tuple[int, str], NewsItem] = {}
    for row in doc.events:
        item = items.get((row.turn, row.id))
        if item is None:
            item = items[(row.turn, row.id)] = NewsItem(len(items) + 1, row)
        if row.choice:
            item.choices.append((row.side, row.choice))
    return list(items.values())


def markers(items: list[NewsItem]) -> list[tuple[str, str]]:
    """(date, "3,4") for the chart markers: the real chronology only (cards from the articles and
    context, not invented happenings); events of the same turn share one line."""
    by_date: dict[str, list[str]] = {}
    for item in items:
        if item.row.kind in ("article", "context"):
            by_date.setdefault(item.row.date, []).append(str(item.number))
    return [(d, ",".join(nums)) for d, nums in sorted(by_date.items())]


def policy_name(policy: str | None, s: Strings) -> str:
    """A computer player's name in the report's language; "a student" for a game played by a person."""
    if policy is None or policy == "human":
        return s.t("report.human")
    key = f"report.policy.{policy}"
    return s.t(key) if s.has(key) else policy


def lab_name(doc: ResultDoc, side: str) -> str:
    return doc.sides[side].name if side in doc.sides else side


# --- sections ------------------------------------------------------------------------------------

def _header(loaded: LoadedResult, cat: Catalog, s: Strings) -> list[str]:
    doc = loaded.doc
    lang = cat.lang
    bits = [cat.scenario_title(doc.scenario), s.t("report.seed", seed=doc.seed)]
    if doc.class_code:
        bits.append(s.t("report.class_code", code=doc.class_code))
    labs = ", ".join(f"{lab_name(doc, side)} ({s.t(f'side.{side}')})" for side in doc.seats)
    bits.append(labs)
    played = [row for row in doc.series if row.turn >= doc.first_turn] or doc.series
    first, last = played[0].date[:7], played[-1].date[:7]
    bits.append(s.t("report.period", first=first, last=last))
    policies = [doc.policy(side) for side in doc.seats]
    if any(policies):
        bits.append(s.t("report.played_by", policies=", ".join(policy_name(x, s) for x in policies)))
    options = _options_text(doc, s)
    if doc.first_turn:
        options = " ".join(x for x in (options, s.t("lesson.debrief.took_over", date=first)) if x)
    out = [f"<h1>{p.esc(s.t('report.debrief.title', name=loaded.name))}</h1>",
           f'<p class="lead">{p.esc(" · ".join(bits))}</p>']
    if options:
        out.append(f'<p class="note">{p.esc(options)}</p>')
    score = doc.score.total
    win = cat.win_score(doc.scenario)
    out.append(p.cards([
        (s.t("report.outcome"), s.t(f"report.result.{doc.outcome}"), doc.outcome),
        (s.t("report.score"), f"{score}/100", ""),
        *([(s.t("report.win_at"), f"{win}/100", "")] if win else []),
        (s.t("report.turns"), number(doc.turns_played, lang), ""),
        (s.t("report.ended"), s.t(f"outcome.reason.{doc.outcome_reason}") if doc.outcome_reason
         else s.t("report.unfinished"), ""),
    ]))
    return out


def _options_text(doc: ResultDoc, s: Strings) -> str:
    opts = doc.options
    parts = []
    if opts.get("turn_limit"):
        parts.append(s.t("report.option.turn_limit", turns=opts["turn_limit"]))
    if opts.get("lesson_turns"):
        parts.append(s.t("lesson.option.lesson_turns", turns=opts["lesson_turns"]))
    if opts.get("history") is not None:
        parts.append(s.t("report.option.history_on" if opts["history"] else "report.option.history_off"))
    if opts.get("difficulty"):
        parts.append(s.t("report.option.difficulty", level=s.t(f"report.difficulty.{opts['difficulty']}")))
    if opts.get("remove_events"):
        parts.append(s.t("report.option.removed", events=", ".join(opts["remove_events"])))
    if opts.get("force_events"):
        parts.append(s.t("report.option.forced", events=", ".join(opts["force_events"])))
    return s.t("report.options", options="; ".join(parts)) if parts else ""


def _score_section(doc: ResultDoc, cat: Catalog, s: Strings) -> list[str]:
    out = [f"<h2>{p.esc(s.t('report.score_parts'))}</h2>",
           f'<p class="note">{p.esc(s.t("report.score_parts_note"))}</p>']
    for side in doc.seats:
        info = doc.sides[side]
        weights = cat.goal_weights(doc.scenario, side)
        if len(doc.seats) > 1:
            out.append(f"<h3>{p.esc(lab_name(doc, side))} — {p.esc(s.t(f'report.result.{info.outcome}'))}, "
                       f"{info.score.total}/100</h3>")
        rows = []
        for kind, points in info.score.parts.items():
            weight = weights.get(kind)
            rows.append([p.esc(s.t(f"goal.{kind}")), str(points), str(weight) if weight else "–",
                         p.bar(points / weight) if weight else ""])
        out.append(p.table([s.t("report.goal"), s.t("report.points"), s.t("report.out_of"), ""], rows,
                           numeric=(1, 2), raw=True))
    return out


def _charts(doc: ResultDoc, cat: Catalog, s: Strings, items: list[NewsItem]) -> list[str]:
    lang = cat.lang
    dates = [row.date for row in doc.series]
    marks = markers(items)
    labs = [(side, lab_name(doc, side)) for side in doc.seats]

    def lab_lines(figure: str) -> list[Line]:
        return [Line(name, [row.labs.get(side, {}).get(figure, 0) for row in doc.series], main=i == 0)
                for i, (side, name) in enumerate(labs)]

    rival_ids = list(dict.fromkeys(r for row in doc.series for r in row.rivals))
    rivals = [Line(cat.rival(r), [row.rivals.get(r, float("nan")) for row in doc.series]) for r in rival_ids]
    frontier = Line(s.t("report.chart.frontier"), [row.frontier for row in doc.series], dashed=True)
    stock_ids = list(doc.series[0].stocks)
    stocks = [Line(cat.stock(x), [INDEX_BASE * row.stocks.get(x, 0) / max(doc.series[0].stocks[x], 1)
                                  for row in doc.series]) for x in stock_ids]
    real = real_lines(doc, s, INDEX_BASE)  # what really happened, beside the game's lines
    rivals += real.capability
    stocks += real.stocks
    charts = [
        (LineChart(s.t("report.chart.capability"), dates, [*lab_lines("capability"), *rivals, frontier], marks,
                   "capability"), s.t("report.chart.capability_note")),
        (LineChart(s.t("report.chart.cash"), dates, lab_lines("cash"), marks, "money"),
         s.t("report.chart.cash_note")),
        (LineChart(s.t("report.chart.users"), dates, lab_lines("users"), marks, "number"),
         s.t("report.chart.users_note")),
        (LineChart(s.t("report.chart.stocks"), dates, stocks, marks, "number", log=True),
         s.t("report.chart.stocks_note")),
    ]
    out = [f"<h2>{p.esc(s.t('report.charts'))}</h2>",
           f'<p class="note">{p.esc(s.t("report.charts_note"))}</p>']
    out += [p.chart(line_chart(c, lang), note) for c, note in charts]
    compute = compute_chart(doc, cat, s, labs, marks)
    return out + ([compute] if compute else []) + costs_section(doc, cat, s, labs)


def describe_action(action: dict, cat: Catalog, s: Strings) -> str:
    """A short text for one action of the log ("Bought 300 Ascend 910")."""
    kind = action.get("type", "")
    lang = cat.lang
    params: dict[str, object] = {}
    if "chip" in action:
        params["chip"] = cat.chip(str(action["chip"]))
    if "count" in action:
        params["count"] = number(int(action["count"]), lang)
    if "gpu_hours" in action:
        params["hours"] = number(int(action["gpu_hours"]), lang)
    if "price_cents" in action:
        params["price"] = price(int(action["price_cents"]), lang)
    if "tech" in action:
        params["tech"] = cat.tech(str(action["tech"]))
    if kind == "buy_chips" and action.get("grey"):
        kind = "buy_grey"
    if kind == "release":
        params["openness"] = s.t("report.act.open" if action.get("open_weights") else "report.act.closed")
    key = f"report.act.{kind}"
    return s.t(key, **params) if s.has(key) else kind


def _merged(rows: list[ActionRow]) -> list[ActionRow]:
    """The turn's actions with purchases of the same chip added up (policies buy in several lots)."""
    out: list[ActionRow] = []
    lots: dict[tuple[str, str, bool], int] = {}
    for row in rows:
        act = row.action
        if act.get("type") != "buy_chips":
            out.append(row)
            continue
        key = (row.side, str(act.get("chip")), bool(act.get("grey")))
        if key in lots:
            index = lots[key]
            total = int(out[index].action.get("count", 0)) + int(act.get("count", 0))
            out[index] = ActionRow(turn=row.turn, side=row.side, action={**out[index].action, "count": total})
        else:
            lots[key] = len(out)
            out.append(row)
    return out


def _turn_actions(doc: ResultDoc, turn: int, cat: Catalog, s: Strings) -> list[str]:
    lines: Counter[str] = Counter()
    rows = [r for r in doc.actions if r.turn == turn and r.action.get("type") not in ("end_turn", "choose")]
    for row in _merged(rows):
        text = describe_action(row.action, cat, s)
        if len(doc.seats) > 1:
            text = f"{lab_name(doc, row.side)}: {text}"
        lines[text] += 1
    return [f"{text} ×{n}" if n > 1 else text for text, n in lines.items()]


def _news_cell(item: NewsItem, doc: ResultDoc, cat: Catalog, s: Strings) -> str:
    row = item.row
    event = cat.event(row.id)
    title = s.pick(event.title) if event else row.title
    source = event.source if event else None
    says = s.pick(source.says) if source and source.says else row.source.says
    record = s.pick(source.record) if source and source.record else row.source.record
    articles = list(source.articles) if source else row.source.articles
    tags = [f'<span class="tag {p.esc(row.kind)}">{p.esc(s.t(f"report.kind.{row.kind}"))}</span>']
    tags += [f'<span class="tag">{p.esc(article_name(s, a))}</span>' for a in articles]
    html = [f"<b>{item.number}.</b> {p.esc(title)} {''.join(tags)}"]
    if says:
        html.append(f'<div class="source"><b>{p.esc(s.t("report.says"))}</b> {p.esc(says)}</div>')
    if record:
        html.append(f'<div class="source"><b>{p.esc(s.t("report.record"))}</b> {p.esc(record)}</div>')
    # history is compared only on real events, and only with a choice the player made
    historical = cat.historical_choice(row.id) if row.kind != "generic" else None
    auto = automatic(row, doc)
    for side, choice in item.choices:
        who = f"{lab_name(doc, side)}: " if side and len(doc.seats) > 1 else ""
        label = cat.choice_label(row.id, choice)
        if auto:
            text = who + s.t("lesson.debrief.auto_choice", choice=label)
            html.append(f'<div class="choice auto">{p.esc(text)}</div>')
            continue
        text = s.t("report.you_chose", choice=label)
        if historical:
            key = "report.as_history" if historical == choice else "report.history_chose"
            text += " " + s.t(key, choice=cat.choice_label(row.id, historical))
        html.append(f'<div class="choice">{p.esc(who + text)}</div>')
    return "".join(html)


def _chronology(doc: ResultDoc, cat: Catalog, s: Strings, items: list[NewsItem]) -> list[str]:
    by_turn: dict[int, list[NewsItem]] = {}
    for item in items:
        by_turn.setdefault(item.row.turn, []).append(item)
    rows = []
    for entry in doc.series:
        news = by_turn.get(entry.turn, [])
        actions = _turn_actions(doc, entry.turn, cat, s)
        if not news and not actions:
            continue
        news_html = "".join(f"<div>{_news_cell(i, doc, cat, s)}</div>" for i in news)
        acts = ('<ul class="plain">' + "".join(f"<li>{p.esc(a)}</li>" for a in actions) + "</ul>"
                if actions else f'<span class="muted">{p.esc(s.t("report.no_action"))}</span>')
        rows.append([p.esc(entry.date[:7]), news_html or '<span class="muted">–</span>', acts])
    return [f"<h2>{p.esc(s.t('report.chronology'))}</h2>",
            f'<p class="note">{p.esc(s.t("report.chronology_note"))}</p>',
            p.table([s.t("report.date"), s.t("report.news"), s.t("report.decisions")], rows, raw=True,
                    css="timeline", dates=(0,))]


def _questions(doc: ResultDoc, cat: Catalog, s: Strings) -> list[str]:
    facts = game_facts(doc, cat)
    items = [f'<li><span class="fact">{p.esc(q.fact)}</span><span class="ask">{p.esc(q.ask)}</span></li>'
             for q in discussion_questions(facts, doc, cat)]
    return [f"<h2>{p.esc(s.t('report.questions'))}</h2>", f'<ol class="questions">{"".join(items)}</ol>']


def footer(s: Strings, docs: list[ResultDoc]) -> list[str]:
    """The sources of the events and the versions the games were played with."""
    versions = sorted({d.versions.get("game", "?") for d in docs})
    digests = sorted({d.versions.get("content", "?") for d in docs})
    lines = [s.t("report.sources.title"), s.t("report.sources.a0"), s.t("report.sources.a1"),
             s.t("report.sources.context"), s.t("report.limits"),
             s.t("report.versions", game=", ".join(versions), content=", ".join(digests))]
    if len(docs) == 1:
        lines.append(s.t("report.state_hash", hash=docs[0].state_hash[:16]))
    return ["<footer>" + "".join(f"<div>{p.esc(line)}</div>" for line in lines) + "</footer>"]


def debrief_html(loaded: LoadedResult, lang: str | None = None) -> str:
    """The debrief page of one game, in ``lang`` (default: the language the game was played in)."""
    doc = loaded.doc
    lang = lang or (doc.lang if doc.lang in ("en", "fr") else "en")
    s = strings(lang)
    cat = Catalog.shipped(lang)
    doc = lesson_view(doc)  # a lesson that started later: its charts and chronology from the players' start
    loaded = LoadedResult(path=loaded.path, name=loaded.name, doc=doc)
    items = news_items(doc)
    # First page: the outcome, the three questions, the path beside the real one; then the score and
    # the charts; the chronology (long: every card and decision) is an appendix on its own pages.
    body = [*_header(loaded, cat, s), *_questions(doc, cat, s), *_path(doc, cat, s),
            *_score_section(doc, cat, s), *_charts(doc, cat, s, items),
            '<section class="appendix">', f"<h2>{p.esc(s.t('lesson.debrief.appendix'))}</h2>",
            *_chronology(doc, cat, s, items), "</section>", *footer(s, [doc])]
    return p.page(s.t("report.debrief.title", name=loaded.name), lang, body)


def lesson_view(doc: ResultDoc) -> ResultDoc:
    """The document as the players saw it: in a lesson that started later (``first_turn``), the turns
    before it were played by history and are left out of the charts and the chronology (the turn before
    stays as the starting point of the charts)."""
    if not doc.first_turn:
        return doc
    start = doc.first_turn - 1
    return doc.model_copy(update={
        "series": [r for r in doc.series if r.turn >= start] or doc.series,
        "events": [e for e in doc.events if e.turn >= doc.first_turn],
        "actions": [a for a in doc.actions if a.turn >= doc.first_turn],
    })


def _path(doc: ResultDoc, cat: Catalog, s: Strings) -> list[str]:
    facts = game_facts(doc, cat)
    return [f"<h2>{p.esc(s.t('lesson.path.title'))}</h2>", f'<p class="note">{p.esc(s.t("lesson.path.note"))}</p>',
            p.table(path_heads(doc, cat), path_rows(facts, doc, cat))]



def write_debrief(result: dict[str, Any], path: Path, lang: str | None = None) -> Path:
    """Write the debrief of a result document (as the end screen holds it) to ``path``.

    Raises :class:`~game.report.loading.ResultError` for a document the report cannot read and
    ``OSError`` when the file cannot be written.

    Example::

        >>> write_debrief(build_result(game, state, actions, policies), Path("debrief.html"))  # doctest: +SKIP
    """
    doc = parse_result(result, path.name)
    loaded = LoadedResult(path=path, name=(doc.nickname or "").strip() or path.stem, doc=doc)
    path.write_text(debrief_html(loaded, lang), encoding="utf-8")
    return path
