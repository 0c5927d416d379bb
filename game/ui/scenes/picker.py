"""The picker for actions with parameters: what (chip, technique, openness) and how much (chips,
GPU-hours, price), from the engine's presets. Targets that cannot be chosen stay visible, disabled,
with the engine's reason ("Nvidia H100: export-banned for Chinese buyers since October 2022")."""

from __future__ import annotations

from typing import Any

import pygame

from game import messages as msg
from game.engine import actions as a
from game.ui import theme
from game.ui.scene import Scene, panel
from game.ui.view import Group, cash_effect, hours, reason_text

BOX = pygame.Rect(200, 50, 880, 620)


def target_of(action: a.Action) -> str:
    if isinstance(action, a.BuyChips):
        return f"{action.chip}:{'grey' if action.grey else 'legal'}"
    if isinstance(action, (a.RentCloud, a.StartTraining)):
        return action.chip
    if isinstance(action, a.Research):
        return action.tech
    if isinstance(action, a.Release):
        return "open" if action.open_weights else "closed"
    return "-"


def amount_of(action: a.Action) -> int:
    for field in ("count", "gpu_hours", "price_cents"):
        if hasattr(action, field):
            return int(getattr(action, field))
    return 0


class PickerScene(Scene):
    screen_id = "picker"
    overlay = True

    def __init__(self, app: Any, group: Group, preset: a.Action | None = None):
        super().__init__(app)
        self.group = group
        self.screen_id = f"picker_{group.id}"
        first = preset or group.options[0]
        self.target = target_of(first)
        self.amount = amount_of(first)

    @property
    def session(self) -> Any:
        return self.app.session

    def _targets(self) -> list[tuple[str, str, str | None]]:
        """(key, label, reason when unavailable) for the "what" row."""
        session, lang, kind = self.session, self.lang, self.group.kind
        content = session.game.content
        offered = {target_of(o) for o in self.group.options}
        rows: list[tuple[str, str, str | None]] = []
        if kind in (a.BuyChips, a.RentCloud, a.StartTraining):
            for chip in session.game.rules.chips:
                name = msg.chip_name(content, chip)
                for grey in ((False, True) if kind is a.BuyChips else (False,)):
                    key = f"{chip}:{'grey' if grey else 'legal'}" if kind is a.BuyChips else chip
                    label = name + (f" ({self.t('ui.pick.grey')})" if grey else "")
                    if key in offered:
                        rows.append((key, label, None))
                        continue
                    if grey:
                        continue  # a grey variant is listed only when it is on offer
                    probe = (a.BuyChips(chip=chip, count=1) if kind is a.BuyChips else
                             a.RentCloud(chip=chip, gpu_hours=1) if kind is a.RentCloud else
                             a.StartTraining(chip=chip, gpu_hours=10**6))
                    exc = session.reason(probe)
                    if exc is not None and exc.key in ("illegal.chip_not_for_side",):
                        continue
                    rows.append((key, label, reason_text(session, exc, lang) if exc else None))
        elif kind is a.Research:
            for tech in session.game.rules.techs.values():
                if tech.id in session.state.lab.techs:
                    continue
                exc = session.reason(a.Research(tech=tech.id)) if tech.id not in offered else None
                reason = reason_text(session, exc, lang) if exc else None
                rows.append((tech.id, self.app.strings.pick(tech.name), reason))
        elif kind is a.Release:
            rows = [("closed", self.t("msg.action.closed"), None), ("open", self.t("msg.action.open"), None)]
        return rows

    def _amount_label(self, action: a.Action) -> str:
        lang = self.lang
        if isinstance(action, a.BuyChips):
            return msg.number(action.count, lang)
        if isinstance(action, (a.RentCloud, a.StartTraining)):
            return hours(action.gpu_hours, lang)
        if isinstance(action, (a.Release, a.SetPrice)):
            return msg.price(action.price_cents, lang)
        if isinstance(action, a.Hire):
            return self.t("ui.act.hire_label", count=action.count)
        return ""

    def chosen(self) -> a.Action | None:
        same = [o for o in self.group.options if target_of(o) == self.target]
        exact = [o for o in same if amount_of(o) == self.amount]
        return exact[0] if exact else (same[0] if same else None)

    def build(self) -> None:
        gid = self.group.id
        self.label((BOX.x + 20, BOX.y + 14, BOX.w - 40, 34), self.t(f"ui.act.{gid}"), "#title")
        self.label((BOX.x + 20, BOX.y + 50, BOX.w - 40, 24), self.t(f"ui.act.{gid}_tip"), "#small")
        y = BOX.y + 84
        targets = self._targets()
        if targets:
            self.label((BOX.x + 20, y, 400, 24), self.t(f"ui.pick.what_{gid}"), "#heading")
            y += 28
            col_w = (BOX.w - 60) // 2
            for i, (key, label, reason) in enumerate(targets):
                cx = BOX.x + 20 + (i % 2) * (col_w + 20)
                cy = y + (i // 2) * 56
                btn = self.button((cx, cy, col_w, 32), label, lambda k=key: self._pick(target=k), reason,
                                  "#toggle", enabled=reason is None)
                if key == self.target:
                    btn.select()
                if reason:
                    self.label((cx + 4, cy + 32, col_w, 20), "⚠ " + reason, "#reason")
            y += ((len(targets) + 1) // 2) * 56 + 6
        amounts = [o for o in self.group.options if target_of(o) == self.target]
        if len(amounts) > 1 or self.group.kind in (a.SetPrice, a.Hire, a.Release):
            self.label((BOX.x + 20, y, 400, 24), self.t(f"ui.pick.how_{gid}"), "#heading")
            y += 28
            per_row = 6
            w = (BOX.w - 40 - 8 * (per_row - 1)) // per_row
            for i, option in enumerate(amounts):
                bx = BOX.x + 20 + (i % per_row) * (w + 8)
                by = y + (i // per_row) * 44
                btn = self.button((bx, by, w, 36), self._amount_label(option),
                                  lambda v=amount_of(option): self._pick(amount=v), object_id="#toggle")  # noqa: B008
                if amount_of(option) == self.amount:
                    btn.select()
            y += ((len(amounts) + per_row - 1) // per_row) * 44 + 6
        action = self.chosen()
        if action is not None:
            cost = cash_effect(self.session, action)
            lab = self.session.state.lab
            if cost is not None:
                line = self.t("ui.pick.cost", cost=msg.money(max(0, cost), self.lang),
                              after=msg.money(lab.cash - cost, self.lang), ap=action.cost)
                if cost < 0:
                    line = self.t("ui.pick.gain", gain=msg.money(-cost, self.lang), ap=action.cost)
                self.label((BOX.x + 20, BOX.bottom - 110, BOX.w - 40, 26), line, "#heading")
            self.label((BOX.x + 20, BOX.bottom - 84, BOX.w - 40, 24),
                       self.t("ui.pick.summary", what=self._summary(action)), "#small")
        self.button((BOX.x + 20, BOX.bottom - 56, 200, 44), self.t("ui.cancel"), self.app.pop,
                    self.t("ui.key_tip", k="Esc"))
        ok = self.button((BOX.right - 260, BOX.bottom - 56, 240, 44), self.t("ui.pick.confirm"), self.confirm,
                         self.t("ui.key_tip", k="F5"), "#primary", enabled=action is not None)
        self.key(pygame.K_F5, self.confirm)
        if self.focus.index < 0:
            self.focus.focus(ok)

    def _summary(self, action: a.Action) -> str:
        from game.ui.view import describe_action

        return describe_action(self.session, action, self.lang)

    def _pick(self, target: str | None = None, amount: int | None = None) -> None:
        keep = self.focus.index
        if target is not None:
            self.target = target
            options = [o for o in self.group.options if target_of(o) == target]
            if options and self.amount not in [amount_of(o) for o in options]:
                self.amount = amount_of(options[0])
        if amount is not None:
            self.amount = amount
        self.app.rebuild()
        self.focus.index = keep

    def confirm(self) -> None:
        action = self.chosen()
        if action is None:
            return
        self.app.pop()
        dashboard = self.app.top
        if dashboard is not None and hasattr(dashboard, "submit"):
            dashboard.submit(action)

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        panel(surface, BOX)
        pygame.draw.rect(surface, theme.INK, BOX, 2, border_radius=8)
