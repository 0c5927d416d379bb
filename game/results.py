"""The result document of a game: what ``run --json`` prints and the game exports at its end.

Teachers collect these files; ``report`` reads them. Fields: ``scenario``, ``seed``, ``side``,
``turns``, ``score`` (total and parts), ``outcome``, ``band`` and ``band_label`` (the scenario's outcome
band), ``state_hash``, ``events``, ``actions``, ``series`` (each turn's figures, with
``rivals_compute``: the rival labs' compute in the unit of a lab's ``compute``), ``versions``, ``mods``
(the mods loaded: id, version, digest), ``options`` and ``class_code`` (the facilitator's settings), and
``sides`` with each lab's score, outcome, band and ``costs`` (``reported_last_run``: what the lab would
announce for its last finished run, GPU-hours x rental price; ``real_total``: what it really spent on
building models, :func:`game.engine.costs.real_total`; both in dollars).
"""

from __future__ import annotations

import platform
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

import numpy as np

from game import __version__
from game.classcode import class_code_or_none
from game.engine.canonical import state_hash
from game.engine.context import Ctx
from game.engine.costs import real_total, reported_last_run
from game.engine.game import Game
from game.engine.notes import LogEntry
from game.engine.rng import generator
from game.engine.scoring import lab_bands, score, score_parts
from game.engine.state import GameState
from game.i18n import strings

FORMAT = "chip-race-result"
FORMAT_VERSION = 1


def versions(game: Game) -> dict[str, str]:
    return {"game": __version__, "numpy": np.__version__, "python": platform.python_version(),
            "content": game.content.digest, "result_format": str(FORMAT_VERSION)}


def _event_rows(game: Game, state: GameState, lang: str) -> list[dict[str, Any]]:
    s = strings(lang)
    rows = []
    first = game.rules.first_turn
    for fired in state.fired:
        event = game.rules.events_by_id.get(fired.event)
        if event is None:
            continue
        source = event.source
        rows.append({
            "turn": fired.turn, "date": fired.date, "id": event.id, "kind": event.kind,
            "side": fired.side, "choice": fired.choice, "title": s.pick(event.title),
            # a choice nobody made: the side is not played, or the players had not taken over yet
            "auto": bool(fired.choice) and (fired.side not in state.seats or fired.turn < first),
            "source": {
                "articles": list(source.articles) if source else [],
                "context": bool(source and source.context),
                "says": s.pick(source.says) if source and source.says else None,
                "record": s.pick(source.record) if source and source.record else None,
            },
        })
    return rows


def band_label(game: Game, side: str, band: str, lang: str = "en") -> str:
    """The name of outcome band ``band`` of ``side``'s lab in ``lang``: the scenario's label, or the
    outcome's name when the scenario has no bands (``won``, ``lost``, ``bankrupt``).

    Example::

        >>> from game.content.loader import load_content
        >>> game = Game(load_content(), "cn_lab")
        >>> band_label(game, "cn", "contender", "fr"), band_label(game, "cn", "bankrupt", "en")
        ('Dans la course', 'bankrupt')
    """
    for b in lab_bands(game.rules.scenario, side):
        if b.id == band:
            return b.label.get(lang) or b.label["en"]
    return strings(lang).t(f"outcome.{band}")


def build_result(game: Game, state: GameState, actions: Iterable[LogEntry], policies: dict[str, str],
                 lang: str = "en", nickname: str | None = None) -> dict[str, Any]:
    """The result document for a game (finished or not)."""
    with generator(dict(state.rng)) as rng:
        ctx = Ctx(game.rules, state, rng)
        sides = {}
        for side in state.seats:
            lab = state.labs[side]
            outcome = state.outcome.results.get(side) if state.outcome else "unfinished"
            band = state.outcome.bands.get(side) if state.outcome else None
            sides[side] = {"name": lab.name, "policy": policies.get(side), "outcome": outcome,
                           "band": band, "band_label": band_label(game, side, band, lang) if band else None,
                           "score": {"total": score(ctx, lab), "parts": score_parts(ctx, lab)},
                           # what the lab would announce for its last run, against what it really spent
                           "costs": {"reported_last_run": reported_last_run(lab), "real_total": real_total(lab)}}
    main = state.seats[0]
    return {
        "format": FORMAT, "format_version": FORMAT_VERSION, "lang": lang, "nickname": nickname,
        "scenario": state.scenario, "seed": state.seed, "side": main, "seats": list(state.seats),
        "turns": state.turn + 1, "date": state.date,
        "score": sides[main]["score"], "outcome": sides[main]["outcome"],
        # the scenario's outcome band (frontier leader, contender…); its top bands are the won ones
        "band": sides[main]["band"], "band_label": sides[main]["band_label"],
        # an unfinished game is one a student handed in before its end ("stop here and export")
        "outcome_reason": state.outcome.reason if state.outcome else "stopped",
        "first_turn": game.rules.first_turn,
        "sides": sides, "state_hash": state_hash(state),
        "events": _event_rows(game, state, lang), "actions": [entry.to_json() for entry in actions],
        "series": state.series,
        "versions": versions(game),
        # the mods loaded (id, version, digest), in load order: replay and report name those missing
        "mods": [info.record() for info in game.content.mods if info.enabled],
        # the facilitator's options and the class code that reproduces this game (None when events
        # were removed or forced: no code can carry those)
        "options": dict(state.options), "class_code": class_code_or_none(state.scenario, state.seed, state.options),
    }


#: Characters no file system of a school takes in a name (Windows' list), and control characters.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\s]+')
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


def safe_name_part(text: str, limit: int = 40) -> str:
    """A nickname as a part of a file name: accents kept (composed, NFC, as every system shows them),
    anything a file system refuses replaced by a dash.

    Example::

        >>> safe_name_part("Léa / groupe 2")
        'léa-groupe-2'
    """
    text = unicodedata.normalize("NFC", text).strip().lower()
    part = _UNSAFE.sub("-", text).strip("-.")[:limit].strip("-.")
    return "" if part in _RESERVED else part


def result_file_name(result: dict[str, Any]) -> str:
    """The file name of an exported result: unique per student and game (the nickname, the scenario,
    the seed and the start of the game's fingerprint), so files gathered on one USB stick never
    overwrite each other.

    Example::

        >>> result_file_name({"nickname": "Léa", "scenario": "cn_lab", "seed": 4821, "state_hash": "3fa2b1c9e0"})
        'chip-race-cn_lab-4821-léa-3fa2b1c9.json'
    """
    nick = safe_name_part(str(result.get("nickname") or ""))
    parts = ["chip-race", str(result.get("scenario")), str(result.get("seed")), *([nick] if nick else []),
             str(result.get("state_hash") or "")[:8]]
    return "-".join(p for p in parts if p) + ".json"

