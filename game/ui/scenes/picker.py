"""The picker for actions with parameters: what (chip, technique, openness) and how much (chips,
GPU-hours, price), from the engine's presets. Targets that cannot be chosen stay visible, disabled,
with the engine's reason ("Nvidia H100: banned for sale to China since October 2022").
The action confirmed goes to the ``on_close`` callback (``None`` when cancelled)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame
import pygame_gui
from pygame_gui.core import ObjectID
from pygame_gui.elements import UITextEntryLine

from game import messages as msg
from game.engine import actions as a
from game.engine.preview import try_preview
from game.ui import theme
from game.ui.previewtext import preview_lines
from game.ui.scene import Scene, panel
from game.ui.view import Group, describe_action, hours, reason_text

BOX = pygame.Rect(200, 8, 880, 704)  # (tall: the engine's preview sits above the buttons)
#: One row of targets: the button and, under it, why it is refused.
ROW = 52


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


#: Action kinds whose amount may also be typed, and the string key of the amount's unit.
TYPED_UNITS = {a.BuyChips: "ui.pick.unit_chips", a.RentCloud: "ui.pick.unit_hours",
               a.StartTraining: "ui.pick.unit_hours", a.Release: "ui.pick.unit_price", a.SetPrice: "ui.pick.unit_price",
               a.Hire: "ui.pick.unit_people"}
#: The longest number a field takes (more digits than any cash in the game can pay for).
MAX_DIGITS = 12


def parse_amount(text: str, price: bool) -> int | None:
    """The amount typed in a field: a whole number, or for a price dollars with up to 2 decimals
    (``"2,19"`` or ``"2.19"`` → 219 cents). ``None`` when it is not a number.

    Example::

        >>> parse_amount("1200", False), parse_amount("2,19", True), parse_amount("1.2.3", True)
        (1200, 219, None)
    """
    text = text.strip().replace(" ", "").replace("\u202f", "")
    if not text:
        return None
    if not price:
        return int(text) if text.isdigit() and len(text) <= MAX_DIGITS else None
    whole, _, cents = text.replace(",", ".").partition(".")
    if not (whole or cents) or not (whole.isdigit() or not whole) or not (cents.isdigit() or not cents):
        return None
    if len(cents) > 2 or len(whole) > MAX_DIGITS:
        return None
    return int(whole or "0") * 100 + int((cents + "00")[:2])


def amount_of(action: a.Action) -> int:
    for field in ("count", "gpu_hours", "price_cents"):
        if hasattr(action, field):
            return int(getattr(action, field))
    return 0


class PickerScene(Scene):
    screen_id = "picker"
    overlay = True

    def __init__(self, app: Any, group: Group, on_close: Callable[[a.Action | None], None] | None = None,
                 preset: a.Action | None = None):
        super().__init__(app, on_close)
        self.group = group
        self.screen_id = f"picker_{group.id}"
        first = preset or group.options[0]
        self.target = target_of(first)
        self.amount = amount_of(first)
        #: What the player typed in the amount field ("" = a preset button is chosen).
        self.typed = ""
        self.entry: UITextEntryLine | None = None
        if preset is None and group.kind in (a.Release, a.SetPrice):
            self._start_from_current()

    def _start_from_current(self) -> None:
        """Release and price: start from the lab's price and openness now, not from the first preset;
        a price no preset button has is written in the field."""
        lab = self.session.state.labs[self.session.state.active]
        if self.group.kind is a.Release:
            self.target = "open" if lab.open_weights else "closed"
        self.amount = lab.price_cents
        if lab.price_cents not in [amount_of(o) for o in self.group.options if target_of(o) == self.target]:
            comma = "," if self.lang == "fr" else "."
            self.typed = f"{lab.price_cents // 100}{comma}{lab.price_cents % 100:02d}"

    @property
    def session(self) -> Any:
        return self.app.session

    def _targets(self) -> list[tuple[str, str, str | None]]:
        """(key, label, reason when unavailable) for the "what" row: the engine's targets for this kind,
        each with the engine's reason when the menu offers nothing for it (``Game.why_not``)."""
        session, lang, kind = self.session, self.lang, self.group.kind
        game, state = session.game, session.state
        side = state.active
        offered = {target_of(o) for o in self.group.options}

        def reason(target: str) -> str | None:
            exc = game.why_not(state, side, kind, target)
            return reason_text(session, exc, lang) if exc is not None else None

        rows: list[tuple[str, str, str | None]] = []
        if kind in (a.BuyChips, a.RentCloud, a.StartTraining):
            for chip in game.targets(side, kind):
                name = msg.chip_name(game.content, chip)
                for grey in ((False, True) if kind is a.BuyChips else (False,)):
                    key = f"{chip}:{'grey' if grey else 'legal'}" if kind is a.BuyChips else chip
                    label = name + (f" ({self.t('ui.pick.grey')})" if grey else "")
                    if key in offered:
                        rows.append((key, label, None))
                    elif not grey:  # a grey variant is listed only when it is on offer
                        rows.append((key, label, reason(chip)))
        elif kind is a.Research:
            for tech_id in game.targets(side, kind):
                if tech_id in state.lab.techs:
                    continue
                label = self.app.strings.pick(game.rules.techs[tech_id].name)
                rows.append((tech_id, label, None if tech_id in offered else reason(tech_id)))
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

    @property
    def typed_price(self) -> bool:
        return self.group.kind in (a.Release, a.SetPrice)

    def make(self, amount: int) -> a.Action | None:
        """The action for the chosen target with ``amount`` (None when no such action can exist)."""
        kind, target = self.group.kind, self.target
        try:
            if kind is a.BuyChips:
                chip, _, how = target.partition(":")
                return a.BuyChips(chip=chip, count=amount, grey=how == "grey")
            if kind in (a.RentCloud, a.StartTraining):
                return kind(chip=target, gpu_hours=amount)
            if kind is a.Release:
                return a.Release(price_cents=amount, open_weights=target == "open")
            if kind is a.SetPrice:
                return a.SetPrice(price_cents=amount)
            if kind is a.Hire:
                return a.Hire(count=amount)
        except ValueError:  # pydantic: zero or negative amounts
            return None
        return None

    def chosen(self) -> a.Action | None:
        if self.typed:
            value = parse_amount(self.typed, self.typed_price)
            return None if value is None else self.make(value)
        same = [o for o in self.group.options if target_of(o) == self.target]
        exact = [o for o in same if amount_of(o) == self.amount]
        return exact[0] if exact else (same[0] if same else None)

    def refusal(self, action: a.Action | None) -> str | None:
        """Why the chosen action would be refused (the engine's own check, in the player's words)."""
        if action is None:
            return self.t("illegal.invalid_amount") if self.typed else None
        exc = self.session.reason(action)
        return reason_text(self.session, exc, self.lang) if exc is not None else None

    def build(self) -> None:
        gid = self.group.id
        self.label((BOX.x + 20, BOX.y + 10, BOX.w - 40, 40), self.t(f"ui.act.{gid}"), "#title")
        self.label((BOX.x + 20, BOX.y + 50, BOX.w - 40, 24), self.t(f"ui.act.{gid}_tip"), "#small")
        y = BOX.y + 84
        targets = self._targets()
        if targets:
            self.label((BOX.x + 20, y, 400, 24), self.t(f"ui.pick.what_{gid}"), "#heading")
            y += 28
            col_w = (BOX.w - 60) // 2
            for i, (key, label, reason) in enumerate(targets):
                cx = BOX.x + 20 + (i % 2) * (col_w + 20)
                cy = y + (i // 2) * ROW
                btn = self.button((cx, cy, col_w, 30), label, lambda k=key: self._pick(target=k),
                                  reason or self.t("ui.keys.option_tip"), "#toggle", enabled=reason is None)
                self.choices.add(btn)
                if key == self.target:
                    btn.select()
                if reason:  # under the chip's button: without its name again ("Nvidia A800: on sale from…")
                    self.label((cx + 4, cy + 30, col_w, 22), "⚠ " + without_name(reason, label), "#reason")
            y += ((len(targets) + 1) // 2) * ROW + 6
        amounts = [o for o in self.group.options if target_of(o) == self.target]
        if len(amounts) > 1 or self.group.kind in (a.SetPrice, a.Hire, a.Release) or self.group.kind in TYPED_UNITS:
            self.label((BOX.x + 20, y, 600, 24), self.t(f"ui.pick.how_{gid}"), "#heading")
            y += 28
            per_row = 4  # "14,2 M d'heures-GPU" needs a quarter of the box
            w = (BOX.w - 40 - 8 * (per_row - 1)) // per_row
            for i, option in enumerate(amounts):
                bx = BOX.x + 20 + (i % per_row) * (w + 8)
                by = y + (i // per_row) * 42
                btn = self.button((bx, by, w, 36), self.fit(self._amount_label(option), w - 8),
                                  lambda v=amount_of(option): self._pick(amount=v), self._amount_label(option),  # noqa: B008
                                  "#toggle")
                self.choices.add(btn)
                if amount_of(option) == self.amount and not self.typed:
                    btn.select()
            y += ((len(amounts) + per_row - 1) // per_row) * 42 + 4
        if self.group.kind in TYPED_UNITS:
            self._typed_row(y)
            y += 42
        # the engine's preview: what it costs later, how long it takes, what it gives, the runway after it
        top = min(max(y + 4, BOX.bottom - 262), BOX.bottom - 214)
        self.preview_box = self.textbox((BOX.x + 20, top, BOX.w - 40, BOX.bottom - 144 - top), "",
                                        ObjectID(class_id="@wrapped"))
        self.cost_label = self.label((BOX.x + 20, BOX.bottom - 140, BOX.w - 40, 28), "", "#heading")
        self.summary_label = self.label((BOX.x + 20, BOX.bottom - 108, BOX.w - 40, 26), "")
        self.button((BOX.x + 20, BOX.bottom - 56, 200, 44), self.t("ui.cancel"), self.close,
                    self.t("ui.key_tip", k="Esc"))
        self.ok = self.button((BOX.right - 260, BOX.bottom - 56, 240, 44), self.t("ui.pick.confirm"), self.confirm,
                              self.t("ui.key_tip", k=self.t("ui.keys.enter")), "#primary")
        self.confirm_key = self.confirm  # Enter: do it, with the focused option if it is one
        self._refresh()
        if self.focus.index < 0:
            self.focus.focus(self.ok)

    def _typed_row(self, y: int) -> None:
        """"Or type an amount": a number field checked by the engine as you type."""
        label = self.t("ui.pick.type_price" if self.typed_price else "ui.pick.type_amount")
        width = min(420, self.text_width(label, "body") + 12)
        self.label((BOX.x + 20, y + 4, width, 30), label)
        hint = self.t("ui.pick.type_hint")
        field = max(200, self.text_width(hint, "big") + 16)  # the hint whole ("chiffres, puis Entrée")
        self.entry = self.add(UITextEntryLine(pygame.Rect(BOX.x + 24 + width, y, field, 38), self.app.manager,
                                              placeholder_text=hint), focus=True)
        self.entry.set_allowed_characters(list("0123456789.,") if self.typed_price else "numbers")
        self.entry.set_text_length_limit(MAX_DIGITS + 3)
        self.entry.set_text(self.typed)
        self.unit_label = self.label((BOX.x + 32 + width + field, y + 4, BOX.w - 52 - width - field, 30), "",
                                     "#small")
        self.key(pygame.K_n, self.focus_entry)

    def focus_entry(self) -> None:
        """Key N: type an amount."""
        if self.entry is not None:
            self.focus.focus(self.entry)
            self.app.manager.set_focus_set(self.entry)

    def _refresh(self) -> None:
        """Update the cost line, the summary and the confirm button for the chosen action (no rebuild:
        the amount field keeps its cursor while the player types)."""
        action = self.chosen()
        refused = self.refusal(action)
        if self.entry is not None:
            value = parse_amount(self.typed, self.typed_price) if self.typed else None
            unit = self.t(TYPED_UNITS[self.group.kind])
            shown = self._amount_label(self.make(value)) if value and self.make(value) else unit
            self.unit_label.set_text(shown)
        session = self.session
        shown = try_preview(session.game, session.state, action) if action is not None and not refused else None
        if shown is None:
            self.cost_label.set_text("⚠ " + refused if refused else "")
            self.summary_label.set_text("")
            self.preview_box.set_text("")
            self.preview_box.hide()
            self.ok.disable()
            return
        head, lines = preview_lines(session, shown, self.lang)
        self.cost_label.set_text(head)
        self.summary_label.set_text(self.t("ui.pick.summary", what=self._summary(action)))
        self._show_preview("<br>".join(lines))
        self.ok.enable()

    def _show_preview(self, html: str) -> None:
        """The engine's preview, whole: when its lines need more room than the box has (large text, a
        long training preview), the box takes the summary line's room too (the chosen buttons say it)."""
        box, height = self.preview_box, BOX.bottom - 144 - self.preview_box.rect.y
        self.summary_label.show()
        self.cost_label.set_relative_position((BOX.x + 20, BOX.bottom - 140))
        box.set_dimensions((box.rect.w, height))
        box.set_text(html)
        if box.scroll_bar is not None:
            self.summary_label.hide()
            self.cost_label.set_relative_position((BOX.x + 20, BOX.bottom - 100))
            box.set_dimensions((box.rect.w, height + 40))
            box.set_text(html)  # laid out again for its new height (set_dimensions keeps the scroll bar)
        box.show()

    def handle_event(self, event: pygame.event.Event) -> bool:
        if self.entry is not None and getattr(event, "ui_element", None) is self.entry:
            if event.type == pygame_gui.UI_TEXT_ENTRY_CHANGED:
                self.typed = self.entry.get_text()
                self._refresh()
                self.app.touch()
                return True
            if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED:  # Enter in the field: do it, if allowed
                self.confirm()
                return True
        return super().handle_event(event)

    def _summary(self, action: a.Action) -> str:
        return describe_action(self.session, action, self.lang)

    def _pick(self, target: str | None = None, amount: int | None = None) -> None:
        keep = self.focus.index
        if amount is not None:
            self.typed = ""  # a preset replaces what was typed
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
        if action is None or self.refusal(action) is not None:
            return
        self.close(action)

    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        panel(surface, BOX)
        pygame.draw.rect(surface, theme.INK, BOX, 2, border_radius=8)


def without_name(reason: str, name: str) -> str:
    """``reason`` without the leading ``name`` its button already shows ("Nvidia A800: on sale from
    November 2022" -> "On sale from November 2022"; French "Nvidia A800 : en vente dès…" likewise).

    Example::

        >>> without_name("Nvidia A800: on sale from November 2022", "Nvidia A800")
        'On sale from November 2022'
        >>> without_name("Not enough cash", "Nvidia A800")
        'Not enough cash'
    """
    for sep in (":", "\u00a0:", "\u202f:", " :"):
        if reason.startswith(name + sep):
            rest = reason[len(name) + len(sep):].strip()
            return rest[:1].upper() + rest[1:]
    return reason
