"""``python main.py replay SAVE``: re-play a save's action log from its seed and check that it
reproduces the saved state.

Exit codes: 0 and a one-line summary when the replay reproduces the save; 1 naming the first turn that
differs (or the action the engine refuses) when it does not; 2 when the file cannot be replayed at all
(damaged, foreign, or saved with other game content — ``--force`` tries anyway). A crash report is a
save too: its log is re-played, then the action that crashed is tried again.

Example::

    $ python main.py replay autosave.json
    autosave.json: the replay reproduces the saved game (cn_lab, seed 7, 121 actions, turn 30 2025-06-01, …)
"""

from __future__ import annotations

import argparse
from pathlib import Path

from game.cli import UsageError
from game.i18n import LANGUAGES, strings
from game.tools.modopts import add_mod_arguments, content_from_args


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("save", metavar="SAVE", help="a save file or a crash report (JSON)")
    parser.add_argument("--force", action="store_true",
                        help="replay even if the save was made with other game content (a mod, an update)")
    parser.add_argument("--lang", default="en", choices=LANGUAGES, help="language of the messages")
    add_mod_arguments(parser)


def _first_difference(saved: list[str], replayed: list[str]) -> int | None:
    """Index of the first turn-start hash that differs (or that one list lacks)."""
    for index in range(max(len(saved), len(replayed))):
        if index >= len(saved) or index >= len(replayed) or saved[index] != replayed[index]:
            return index
    return None


def _first_series_difference(saved: list[dict], replayed: list[dict]) -> int | None:
    """For saves without per-turn hashes (format 0): the first turn whose recorded figures differ."""
    for index in range(min(len(saved), len(replayed))):
        if saved[index] != replayed[index]:
            return int(saved[index].get("turn", index))
    return None


def run(args: argparse.Namespace) -> int:
    # Imported here: the command line builds every parser, and the engine is not light.
    import numpy as np

    from game import __version__
    from game.engine.canonical import state_hash
    from game.engine.errors import IllegalAction
    from game.saves import SaveError, load_save
    from game.saves.replaylog import finish_like, replay_log
    from game.tools.modcheck import missing_mods_lines, mods_of_file

    s = strings(args.lang)
    path = Path(args.save)
    name = path.name
    content = content_from_args(args)
    mods_lines = missing_mods_lines(name, mods_of_file(path), content, args.lang)
    try:
        loaded = load_save(path, content, strict=not args.force)
    except SaveError as exc:
        raise UsageError("\n".join([exc.message(args.lang), *mods_lines])) from None
    doc, game, saved = loaded.document, loaded.game, loaded.state
    if not loaded.content_matches:
        print(s.t("replay.forced", file=name, saved=doc.content_digest, current=game.content.digest))
        for line in mods_lines:
            print(line)
    why = ""
    if doc.numpy_version != np.__version__ or doc.game_version != __version__:
        why = s.t("replay.why_versions", game=doc.game_version, numpy=doc.numpy_version)

    replay = replay_log(game, doc.seed, list(doc.seats), loaded.actions, use_cache=False)
    failure = replay.failure
    if failure is not None and not isinstance(failure[1], IllegalAction):
        index, exc = failure  # the engine itself failed on a logged action
        entry = loaded.actions[index]
        print(s.t("replay.engine_error", file=name, index=index + 1, number=entry.turn + 1,
                  error=f"{type(exc).__name__}: {exc}"))
        return 1

    # 1. The first turn that began differently: the turn before it played differently.
    if doc.turn_hashes:
        reached = replay.turn_hashes[: len(doc.turn_hashes)]
        index = _first_difference(doc.turn_hashes[: len(reached)], reached)
        if index is not None:
            turn = max(index - 1, 0)
            print(s.t("replay.differs", file=name, number=turn + 1, date=replay.dates[turn], why=why))
            return 1
    else:
        turn = _first_series_difference(saved.series, replay.state.series)
        if turn is not None:
            print(s.t("replay.differs", file=name, number=turn + 1, date=replay.state.series[turn]["date"],
                      why=why))
            return 1
    # 2. An action the engine refuses on replay.
    if replay.failure is not None:
        index, exc = replay.failure
        entry = loaded.actions[index]
        reason = s.t(exc.key, **exc.params) if getattr(exc, "key", None) else str(exc)
        print(s.t("replay.illegal", file=name, index=index + 1, number=entry.turn + 1, side=entry.side,
                  action=entry.action.to_json()["type"], reason=reason))
        return 1
    # 3. The final state.
    final = finish_like(game, replay.state, saved)
    digest = state_hash(final)
    if digest != doc.state_hash:
        print(s.t("replay.differs_end", file=name, number=saved.turn + 1, date=saved.date, why=why))
        return 1
    print(s.t("replay.ok", file=name, scenario=doc.scenario, seed=doc.seed, actions=len(loaded.actions),
              number=saved.turn + 1, date=saved.date, hash=digest[:16]))
    if doc.crash is not None and doc.crash.action is not None:
        error = f"{doc.crash.error}: {doc.crash.message}"
        try:
            game.apply(final, doc.crash.action)
        except IllegalAction:
            print(s.t("replay.crash_gone", file=name, error=error))
        except Exception as exc:  # the crash again, as it should be for a report of an engine failure
            print(s.t("replay.crash_again", file=name, error=f"{type(exc).__name__}: {exc}",
                      number=final.turn + 1))
        else:
            print(s.t("replay.crash_gone", file=name, error=error))
    return 0
