"""``python main.py events``: the event deck, listed for a teacher preparing a lesson.

One line per event: its date (or "on trigger" / "random"), id, kind (article, context, invented),
source (the articles A0/A1, or context) and title, in the chosen language. ``--json`` prints
``{"events": [...]}`` with those fields and the card's text, what the article says and what the record
says. ``--scenario`` keeps only the events that scenario plays with.

Example::

    python main.py events --lang fr --scenario cn_lab
    python main.py events --json > deck.json
    python main.py events --lang fr --out fiche.html     # a printable handout
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from game.cli import UsageError
from game.content.loader import ContentError, load_content
from game.content.models import Content, Event
from game.i18n import LANGUAGES, strings
from game.sources import article_name, article_names
from game.tools.modopts import add_mod_arguments


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", default="en", choices=LANGUAGES, help="language of titles and texts")
    parser.add_argument("--json", action="store_true", help='print {"events": [...]} as JSON')
    parser.add_argument("--scenario", metavar="ID", help="only the events of this scenario")
    parser.add_argument("--out", type=Path, metavar="FILE",
                        help="write to FILE in UTF-8: a printable handout if it ends in .html, else the "
                             "listing (or with --json the JSON)")
    add_mod_arguments(parser)


def _sort_key(event: Event) -> tuple[str, str]:
    """Dated events by date, then triggered and random ones, each group by id (as the engine orders them)."""
    date = event.date if event.date is None or len(event.date) == 10 else f"{event.date}-01"
    return (date or "9999", event.id)


def select_events(scenario_id: str | None = None, content: Content | None = None) -> list[tuple[str, Event]]:
    """(deck id, event) pairs of every deck, or of one scenario's decks less its removed events (with
    the changes a mod made to that scenario only), from ``content`` (default: the shipped content).

    Example::

        >>> pairs = select_events("cn_lab")
        >>> any(e.id == "deepseek_r1" for _, e in pairs)
        True
    """
    if content is None:
        try:
            content = load_content()
        except ContentError as exc:
            raise UsageError("the shipped content has errors:\n" + "\n".join(map(str, exc.problems))) from None
    if scenario_id is None:
        pairs = [(deck_id, e) for deck_id, deck in sorted(content.decks.items()) for e in deck.events]
    else:
        try:
            scenario = content.scenario(scenario_id)
        except KeyError as exc:
            raise UsageError(exc.args[0]) from None
        removed = set(scenario.remove_events)
        changes: dict[str, Event | None] = content.scoped.get(scenario.id, {})
        pairs = []
        for deck_id in scenario.decks:
            for event in content.decks[deck_id].events:
                played = changes.get(event.id, event) if event.id not in removed else None
                if played is not None:
                    pairs.append((deck_id, played))
    return sorted(pairs, key=lambda pair: _sort_key(pair[1]))


def event_row(deck_id: str, event: Event, lang: str) -> dict[str, Any]:
    """The JSON form of one event for a teacher: id, date, kind, source, title, text…"""
    s = strings(lang)
    source = event.source
    return {
        "id": event.id,
        "deck": deck_id,
        "date": event.date,
        "until": event.until,
        "triggered": event.trigger is not None,
        "random": event.weight > 0,
        "side": event.side,
        "kind": event.kind,
        "context": bool(source and source.context),
        "article": bool(source and source.articles),
        "title": s.pick(event.title),
        "text": s.pick(event.text),
        "source": {
            "articles": list(source.articles) if source else [],
            "context": bool(source and source.context),
            "says": s.pick(source.says) if source and source.says else None,
            "record": s.pick(source.record) if source and source.record else None,
        },
        "choices": [s.pick(c.label) for c in event.choices],
    }


def _when(row: dict[str, Any], lang: str) -> str:
    if row["date"]:
        return row["date"]
    return strings(lang).t("events.when.random" if row["random"] else "events.when.trigger")


def _source_text(row: dict[str, Any], lang: str) -> str:
    s = strings(lang)
    if row["source"]["articles"]:
        return article_names(s, row["source"]["articles"])
    return s.t("events.source.context") if row["context"] else s.t("events.source.none")


def format_table(rows: list[dict[str, Any]], lang: str, scope: str) -> str:
    """The readable listing: a header, column names, one line per event."""
    s = strings(lang)
    cols = {k: s.t(f"events.col.{k}") for k in ("when", "id", "kind", "source", "title")}
    lines = [s.t("events.header", count=len(rows), scope=scope), s.t("events.columns", **cols)]
    for row in rows:
        lines.append(s.t("events.row", when=_when(row, lang), id=row["id"], kind=s.t(f"events.kind.{row['kind']}"),
                         source=_source_text(row, lang), title=row["title"]).rstrip())
    return "\n".join(lines)


def handout_html(rows: list[dict[str, Any]], lang: str, scope: str) -> str:
    """A printable handout (A4): the two source articles, then each card with its date, title, kind,
    what the article says and what the public record says.

    Example::

        >>> rows = [event_row(d, e, "fr") for d, e in select_events("cn_lab")]
        >>> "Báo Quốc Tế" in handout_html(rows, "fr", "cn_lab")
        True
    """
    from game.report import page as p

    s = strings(lang)
    body = [f"<h1>{p.esc(s.t('lesson.handout.title', scope=scope))}</h1>",
            f'<p class="lead">{p.esc(s.t("lesson.handout.lead"))}</p>',
            f"<h2>{p.esc(s.t('report.sources.title'))}</h2>",
            '<ul class="plain">' + "".join(f"<li>{p.esc(s.t(f'report.sources.{k}'))}</li>"
                                           for k in ("a0", "a1", "context")) + "</ul>",
            f"<h2>{p.esc(s.t('lesson.handout.cards'))}</h2>"]
    table_rows = []
    for row in rows:
        label = s.t(f"report.kind.{row['kind']}")
        kind = f'<span class="tag {p.esc(row["kind"])}">{p.esc(label)}</span>'
        tags = kind + "".join(f'<span class="tag">{p.esc(article_name(s, a))}</span>'
                              for a in row["source"]["articles"])
        text = [f"<b>{p.esc(row['title'])}</b> {tags}"]
        if row["source"]["says"]:
            text.append(f'<div class="source"><b>{p.esc(s.t("report.says"))}</b> '
                        f'{p.esc(row["source"]["says"])}</div>')
        if row["source"]["record"]:
            text.append(f'<div class="source"><b>{p.esc(s.t("report.record"))}</b> '
                        f'{p.esc(row["source"]["record"])}</div>')
        if row["kind"] == "generic":
            text.append(f'<div class="source">{p.esc(s.t("lesson.handout.invented"))}</div>')
        table_rows.append([p.esc(_when(row, lang)), "".join(text)])
    body.append(p.table([s.t("events.col.when"), s.t("lesson.handout.card")], table_rows, raw=True,
                        css="timeline", dates=(0,)))
    return p.page(s.t("lesson.handout.title", scope=scope), lang, body)


def run(args: argparse.Namespace) -> int:
    from game.tools.modopts import content_from_args

    content = content_from_args(args)
    rows = [event_row(deck_id, event, args.lang) for deck_id, event in select_events(args.scenario, content)]
    s = strings(args.lang)
    scope = s.t("events.scope_scenario", scenario=args.scenario) if args.scenario else s.t("events.scope_all")
    out: Path | None = args.out
    if args.json:
        text = json.dumps({"events": rows}, ensure_ascii=False, indent=1) + "\n"
    elif out is not None and out.suffix.lower() in (".html", ".htm"):
        text = handout_html(rows, args.lang, scope)
    else:
        text = format_table(rows, args.lang, scope) + "\n"
    if out is not None:
        from game.tools.output import write_document

        print(write_document(out, text, args.lang))
    else:
        print(text, end="")
    return 0
