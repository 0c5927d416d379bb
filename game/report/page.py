"""The HTML frame of the reports: one self-contained page with screen and print styles.

No script, no web font, no link to anything outside the file: it opens offline, on any computer,
and prints cleanly (charts do not split across pages, the colour bars print).

Example::

    >>> "<table" in table(["a"], [["<b>"]])
    True
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

CSS = """
:root { --ink: #1d2733; --muted: #5b6672; --line: #d6dbe1; --accent: #c0392b; --soft: #f4f6f8; }
* { box-sizing: border-box; }
body { font: 15px/1.45 "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: var(--ink); margin: 0;
       background: #fff; }
main { max-width: 1040px; margin: 0 auto; padding: 28px 32px 48px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 34px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 16px; margin: 18px 0 6px; }
p.lead { color: var(--muted); margin: 0 0 14px; }
p.note, .muted { color: var(--muted); font-size: 13px; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; min-width: 150px;
        background: var(--soft); }
.card .label { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .03em; }
.card .value { font-size: 22px; font-weight: bold; }
.won { color: #1e7a46; } .lost { color: #b9770e; } .bankrupt { color: #c0392b; } .unfinished { color: #5b6672; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 12px; font-size: 13.5px; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
th { background: var(--soft); font-weight: bold; }
td.date { white-space: nowrap; }
table.timeline td:nth-child(3) { width: 34%; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.bar { background: #e5e8ec; height: 10px; border-radius: 3px; min-width: 120px; }
.bar span { display: block; height: 10px; border-radius: 3px; background: var(--accent); }
.chart { margin: 10px 0 18px; break-inside: avoid; page-break-inside: avoid; }
.chart svg { width: 100%; height: auto; }
.tag { display: inline-block; font-size: 11px; padding: 0 6px; border-radius: 8px; margin-right: 4px;
       border: 1px solid var(--line); color: var(--muted); white-space: nowrap; }
.tag.article { border-color: #1f5fa8; color: #1f5fa8; }
.tag.context { border-color: #8e44ad; color: #8e44ad; }
.tag.generic { border-color: #7f8c8d; }
.source { font-size: 12.5px; color: var(--muted); margin: 2px 0; }
.source b { color: var(--ink); font-weight: 600; }
.choice { font-size: 13px; margin-top: 3px; }
ol.questions li { margin: 0 0 12px; break-inside: avoid; }
ol.questions .fact { color: var(--muted); display: block; }
ol.questions .ask { font-weight: bold; display: block; }
ul.plain { padding-left: 18px; margin: 0; }
footer { margin-top: 36px; font-size: 12px; color: var(--muted); border-top: 1px solid var(--line);
         padding-top: 8px; }
.appendix { border-top: 3px solid var(--line); margin-top: 28px; }
.auto { color: var(--muted); font-style: italic; }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  .appendix { break-before: page; page-break-before: always; border-top: 0; margin-top: 0; }
  h2 { margin-top: 18px; font-size: 16px; }
  table { font-size: 11.5px; }
  th, td { padding: 3px 6px; }
  p.note { font-size: 11.5px; }
  .cards { margin: 8px 0; gap: 8px; }
  .card { padding: 4px 10px; }
  .card .value { font-size: 17px; }
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  tr, .card, .chart { break-inside: avoid; page-break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def esc(text: object) -> str:
    return escape(str(text), quote=True)


def page(title: str, lang: str, body: Iterable[str]) -> str:
    """A whole HTML document around already-escaped body parts."""
    return "\n".join([
        "<!DOCTYPE html>", f'<html lang="{esc(lang)}">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(title)}</title>", f"<style>{CSS}</style>", "</head>", "<body><main>", *body,
        "</main></body>", "</html>", "",
    ])


def table(headers: Sequence[str], rows: Iterable[Sequence[str]], numeric: Sequence[int] = (),
          raw: bool = False, css: str = "", dates: Sequence[int] = ()) -> str:
    """An HTML table; cells are escaped unless ``raw`` (already HTML); ``numeric`` columns align right,
    ``dates`` columns do not wrap."""
    def cell(tag: str, i: int, value: str) -> str:
        klass = ' class="num"' if i in numeric else ' class="date"' if i in dates else ""
        return f"<{tag}{klass}>{value if raw and tag == 'td' else esc(value)}</{tag}>"

    head = "".join(cell("th", i, h) for i, h in enumerate(headers))
    body = "".join("<tr>" + "".join(cell("td", i, v) for i, v in enumerate(row)) + "</tr>" for row in rows)
    klass = f' class="{css}"' if css else ""
    return f"<table{klass}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def cards(items: Iterable[tuple[str, str, str]]) -> str:
    """Figure cards: (label, value, css class of the value)."""
    parts = [f'<div class="card"><div class="label">{esc(label)}</div>'
             f'<div class="value {esc(klass)}">{esc(value)}</div></div>' for label, value, klass in items]
    return '<div class="cards">' + "".join(parts) + "</div>"


def bar(fraction: float) -> str:
    pct = max(0.0, min(1.0, fraction)) * 100
    return f'<div class="bar"><span style="width:{pct:.0f}%"></span></div>'


def chart(svg: str, caption: str = "") -> str:
    note = f'<p class="note">{esc(caption)}</p>' if caption else ""
    return f'<figure class="chart">{svg}{note}</figure>'
