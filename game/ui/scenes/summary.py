"""Between turns: the turn summary (what changed and why) and, in hot-seat games, the "pass the
laptop" screen that hides one lab's figures from the other player. Both close through their
``on_close`` callback: the flow remembers what each player has seen."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from game import messages as m
from game.i18n import strings
from game.ui import theme
from game.ui.scene import Scene, panel
from game.ui.scenes.glimpse import MapGlimpse
from game.ui.session import Session
from game.ui.view import month_year, note_lines, people

BOX = pygame.Rect(140, 40, 1000, 640)


def deltas(session: Session, side: str, lang: str, t: Any) -> list[tuple[str, str, str]]:
    """(figure, before -> after, change) rows for ``side`` since its last summary."""
    before = session.seen[side]["lab"]
    lab = session.state.labs[side]
    rows = []

    def row(name: str, old: int, new: int, fmt: Any) -> None:
        change = "=" if old == new else ("▲ +" if new > old else "▼ −") + fmt(abs(new - old))
        rows.append((t(name), f"{fmt(old)} → {fmt(new)}", change))

    row("ui.sum.cash", before["cash"], lab.cash, lambda v: m.money(v, lang))
    row("ui.sum.capability", before["capability"], lab.capability, lambda v: m.capability(v, lang))
    row("ui.sum.users", before["users"], lab.users, lambda v: people(v, lang))
    row("ui.sum.reputation", before["reputation"], lab.reputation, lambda v: m.number(v, lang))
    row("ui.sum.chips", sum(before["chips"].values()), sum(lab.chips.values()), lambda v: m.number(v, lang))
    row("ui.sum.efficiency", before["efficiency"], lab.efficiency, lambda v: m.number(v / 10, lang, 1) + "%")
    return rows


def money_moves(session: Session, side: str, lang: str, t: Any) -> list[str]:
    """Where the cash went since the last summary, largest first: "research −40.0M", "revenue +2.1M".

    Read from the lab's ledger (every dollar in and out, by category), so the lines add up to the
    change in cash shown above them.
    """
    before = session.seen[side]["lab"].get("ledger", {})
    ledger = session.state.labs[side].ledger
    moves: dict[str, int] = {}
    for category, total in ledger.income.items():
        moves[category] = moves.get(category, 0) + total - before.get("income", {}).get(category, 0)
    for category, total in ledger.spend.items():
        moves[category] = moves.get(category, 0) - (total - before.get("spend", {}).get(category, 0))
    lines = []
    for category, amount in sorted(moves.items(), key=lambda kv: (-abs(kv[1]), kv[0])):
        if amount:
            key = f"ui.sum.money_{category}"
            name = t(key) if strings(lang).has(key) else category
            sign = "+" if amount > 0 else "−"
            lines.append(t("ui.sum.money_line", name=name, amount=sign + m.money(abs(amount), lang)))
    return lines


class SummaryScene(Scene):
    screen_id = "turn_summary"
    overlay = True

    def __init__(self, app: Any, on_close: Callable[[None], None] | None = None):
        super().__init__(app, on_close)

    def build(self) -> None:
        session: Session = self.app.session
        side = session.viewer
        seen_turn = session.seen[side]["turn"]
        self.label((BOX.x + 24, BOX.y + 16, BOX.w - 48, 40), self.t("ui.sum.title", date=month_year(
            session.state.date, self.lang)), "#title")
        self.rows = deltas(session, side, self.lang, self.t)
        # why: what you did and chose (your own moves explain most changes), then what the world did
        # only what this seat may read (the engine marks the other lab's moves and answers private)
        notes = [n for n in session.visible_notes(side=side) if seen_turn <= n.turn < session.state.turn]
        yours = [n for n in notes if n.key.startswith("action.") or n.key == "event.chosen"]
        world = [n for n in notes if not n.key.startswith(("action.", "event.", "turn.", "accounts"))]
        parts = []
        money = money_moves(session, side, self.lang, self.t)
        if money:
            parts.append(f"<b>{self.t('ui.sum.money')}</b> " + " · ".join(money))
        if yours:
            parts.append(f"<b>{self.t('ui.sum.you_did')}</b><br>" + "<br>".join(
                f"• {line}" for line in note_lines(session, yours, self.lang)[-8:]))
        if world:
            parts.append(f"<b>{self.t('ui.sum.world_did')}</b><br>" + "<br>".join(
                f"• {line}" for line in note_lines(session, world, self.lang)[-10:]))
        text = "<br><br>".join(parts) or self.t("ui.dash.no_news")
        if not hasattr(self, "glimpse"):  # the chip map for a moment when a flow changed (once, not on rebuilds)
            self.glimpse = MapGlimpse(self.app, notes)
        self.label((BOX.x + 24, BOX.y + 276, 400, 26), self.t("ui.sum.why"), "#heading")
        self.textbox((BOX.x + 24, BOX.y + 304, BOX.w - 48, 254), text, "#small")
        self.button((BOX.right - 324, BOX.bottom - 68, 300, 48), self.t("ui.sum.next"), self.done,
                    self.t("ui.key_tip", k="Enter"), "#primary")

    def handle_event(self, event: pygame.event.Event) -> bool:
        self.glimpse.handle_event(event)
        return super().handle_event(event)

    def update(self, dt: float) -> bool:
        return self.glimpse.update(dt)

    def draw_over(self, surface: pygame.Surface) -> None:
        super().draw_over(surface)
        self.glimpse.draw(surface)

    def done(self) -> None:
        self.close()

    def back(self) -> None:
        self.done()

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        panel(surface, BOX)
        pygame.draw.rect(surface, theme.INK, BOX, 2, border_radius=8)
        size = round(17 * self.scale)
        f, bold = theme.font(size), theme.font(size, bold=True)
        # columns as wide as their longest text (French names are long, large text longer still)
        x1 = BOX.x + 30 + max(bold.size(name)[0] for name, _, _ in self.rows) + 24
        x2 = max(BOX.x + 700, x1 + max(f.size(values)[0] for _, values, _ in self.rows) + 24)
        y = BOX.y + 70
        for name, values, change in self.rows:
            surface.blit(bold.render(name, True, theme.INK), (BOX.x + 30, y))
            surface.blit(f.render(values, True, theme.INK), (x1, y))
            surface.blit(bold.render(change, True, theme.INK), (x2, y))
            y += 32


class HandoffScene(Scene):
    """Hot-seat: a blank screen naming the next player, so nobody sees the other lab's figures."""

    screen_id = "pass_laptop"

    def __init__(self, app: Any, side: str, on_close: Callable[[None], None] | None = None):
        super().__init__(app, on_close)
        self.side = side

    def build(self) -> None:
        name = self.t(f"side.{self.side}")
        self.label((0, 250, 1280, 50), self.t("ui.pass.title", side=name), "#title_center")
        self.label((0, 310, 1280, 30), self.t("ui.pass.text"), "#center")
        self.button((520, 400, 240, 56), self.t("ui.pass.ready"), self.done, self.t("ui.key_tip", k="Enter"),
                    "#primary")

    def done(self) -> None:
        self.close()

    def back(self) -> None:
        pass  # Esc must not reveal the dashboard to the wrong player

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(theme.BG)
        pygame.draw.circle(surface, theme.BLUE if self.side == "us" else theme.VERMILION, (640, 190), 40)
        text = theme.font(30, bold=True).render(self.side.upper(), True, theme.PANEL)
        surface.blit(text, text.get_rect(center=(640, 190)))
