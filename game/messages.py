"""Turn what the engine emits (message keys and parameters) into text in the player's language.

Example::

    >>> money(5_576_000, "en"), money(5_576_000, "fr")
    ('$5.58M', '5,58\xa0M$')
"""

from __future__ import annotations

from game.content.models import Content
from game.engine.notes import Note
from game.i18n import strings


def number(value: int | float, lang: str, decimals: int = 0) -> str:
    text = f"{value:,.{decimals}f}"
    if lang == "fr":
        text = text.replace(",", "\u202f").replace(".", ",")
    return text


def money(amount: int, lang: str) -> str:
    """Dollars, shortened: $5.58M, $1.2B (French: 5,58 M$, 1,2 Md$, with a no-break space)."""
    sign = "-" if amount < 0 else ""
    value = abs(amount)
    for size, en, fr in ((10**12, "T", "Bn$"), (10**9, "B", "Md$"), (10**6, "M", "M$"), (10**3, "k", "k$")):
        if value >= size:
            digits = 2 if value < 10 * size else 1
            short = number(value / size, lang, digits)
            return f"{sign}{short}\u00a0{fr}" if lang == "fr" else f"{sign}${short}{en}"
    return f"{sign}{value}\u00a0$" if lang == "fr" else f"{sign}${value}"


def price(cents: int, lang: str) -> str:
    """A price per million tokens: $2.19 (2,19 $)."""
    text = number(cents / 100, lang, 2)
    return f"{text}\u00a0$" if lang == "fr" else f"${text}"


def capability(value: int, lang: str) -> str:
    """Capability index, from hundredths: 7000 -> 70.0."""
    return number(value / 100, lang, 1)


def percent_bp(bp: int, lang: str) -> str:
    sign = "+" if bp > 0 else "−" if bp < 0 else ""
    text = number(abs(bp) / 100, lang, 1)
    return f"{sign}{text}\u00a0%" if lang == "fr" else f"{sign}{text}%"


def chip_name(content: Content, chip_id: str) -> str:
    return next((c.name for c in content.world.chips if c.id == chip_id), chip_id)


def tech_name(content: Content, tech_id: str, lang: str) -> str:
    tech = next((t for t in content.world.techs if t.id == tech_id), None)
    return strings(lang).pick(tech.name) if tech else tech_id


def event_title(content: Content, event_id: str, lang: str) -> str:
    for deck in content.decks.values():
        for event in deck.events:
            if event.id == event_id:
                return strings(lang).pick(event.title)
    return event_id


def _chips_text(content: Content, chips: dict[str, int], lang: str) -> str:
    return ", ".join(f"{number(n, lang)} {chip_name(content, c)}" for c, n in sorted(chips.items()))


def month_year(date: str, lang: str) -> str:
    """A calendar date as the screens write it.

    >>> month_year("2022-10-01", "fr")
    'octobre 2022'
    """
    year, month = date[:4], int(date[5:7])
    return f"{strings(lang).t(f'ui.month.m{month}')} {year}"


def describe(note: Note, content: Content, lang: str = "en") -> str:
    """One line of text for one emitted note."""
    s = strings(lang)
    key, p = note.key, dict(note.params)
    if "chip" in p:
        p["chip"] = chip_name(content, p["chip"])
    if "tech" in p:
        p["tech"] = tech_name(content, p["tech"], lang)
    for field in ("amount", "reported_cost", "revenue", "serving", "salaries", "cash", "need"):
        if field in p:
            p[field] = money(p[field], lang)
    for field in ("count", "gpu_hours", "done", "total", "left"):
        if field in p:
            p[field] = number(p[field], lang)
    if "capability" in p:
        p["capability"] = capability(p["capability"], lang)
    if "price_cents" in p:
        p["price"] = price(p["price_cents"], lang)
    if key == "turn.start":
        p["number"] = p.get("turn", 0) + 1
        p["date"] = month_year(p["date"], lang) if "date" in p else ""
    elif key == "training.done":
        p["verdict"] = s.t("msg.training.better" if p.get("improved") else "msg.training.worse")
    elif key == "research.done" and not p.get("efficiency_gain_pct"):
        # A technique that raises capability rather than efficiency (distillation, reasoning).
        tech = next((t for t in content.world.techs if t.id == note.params.get("tech")), None)
        key, p["gain"] = "research.done_capability", capability(tech.capability if tech else 0, lang)
    elif key == "research.done":
        bonus = p.get("scarcity_bonus_pct", 0)
        # The scarcity bonus multiplies an efficiency gain: worth saying only when there was one.
        p["scarcity"] = s.t("msg.research.scarcity", bonus=bonus) if bonus and p.get("efficiency_gain_pct") else ""
    elif key == "event.fired":
        p["title"] = event_title(content, p["event"], lang)
    elif key == "event.chosen":
        p["choice"] = _choice_label(content, p["event"], p["choice"], lang)
    elif key == "action.buy_chips":
        p["grey"] = s.t("msg.action.grey") if p.get("grey") else ""
    elif key == "action.release":
        p["openness"] = s.t("msg.action.open" if p.get("open_weights") else "msg.action.closed")
    elif key == "market.move":
        stock = next((x for x in content.world.stocks if x.id == p["stock"]), None)
        p["stock"] = stock.name if stock else p["stock"]
        p["move"] = percent_bp(p["bp"], lang)
    elif key in ("grey.seized", "grey.delivered"):
        p["chips"] = _chips_text(content, p.get("chips", {}), lang)
    elif key == "game.over":
        p["reason"] = s.t(f"outcome.reason.{p['reason']}")
    elif key == "turn.end" and note.side:
        p["side"] = s.t(f"side.{note.side}")
    return s.t(f"msg.{key}", **p)


def _choice_label(content: Content, event_id: str, choice_id: str, lang: str) -> str:
    for deck in content.decks.values():
        for event in deck.events:
            if event.id == event_id:
                for choice in event.choices:
                    if choice.id == choice_id:
                        return strings(lang).pick(choice.label)
    return choice_id


def describe_notes(notes: list[Note], content: Content, lang: str = "en",
                   skip: frozenset[str] = frozenset({"turn.end"})) -> list[str]:
    """Lines of text for a list of notes, with a market-wide move told once rather than per stock.

    Example::

        >>> from game.content.loader import load_content
        >>> from game.engine.notes import Note
        >>> moves = [Note.of("market.move", 0, None, {"stock": s, "bp": -200}) for s in ("nvda", "tsm")]
        >>> describe_notes(moves, load_content())
        ['Nvidia, TSMC −2.0%']
    """
    lines: list[str] = []
    index = 0
    while index < len(notes):
        note = notes[index]
        if note.key in skip:
            index += 1
            continue
        if note.key == "market.move":
            group = [note]
            while (index + len(group) < len(notes) and notes[index + len(group)].key == "market.move"
                   and notes[index + len(group)].params["bp"] == note.params["bp"]):
                group.append(notes[index + len(group)])
            if len(group) > 1:
                names = [_stock_name(content, n.params["stock"]) for n in group]
                lines.append(strings(lang).t("msg.market.moves", stocks=", ".join(names),
                                             move=percent_bp(note.params["bp"], lang)))
                index += len(group)
                continue
        lines.append(describe(note, content, lang))
        index += 1
    return lines


def _stock_name(content: Content, stock_id: str) -> str:
    return next((x.name for x in content.world.stocks if x.id == stock_id), stock_id)
