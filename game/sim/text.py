"""The simulation tables as text, in the reader's language (string table ``sim.*``).

Example::

    >>> percent(0.3125, "en"), percent(0.3125, "fr")
    ('31.2%', '31,2 %')
"""

from __future__ import annotations

from typing import Any

from game.i18n import strings

#: The text lists this many never-fired events (the JSON document has them all).
NEVER_SHOWN = 25


def number(value: float | int, lang: str) -> str:
    text = f"{value:g}" if isinstance(value, float) else str(value)
    return text.replace(".", ",") if lang == "fr" else text


def percent(share: float, lang: str) -> str:
    text = f"{100 * share:.1f}"
    return f"{text.replace('.', ',')} %" if lang == "fr" else f"{text}%"


def signed(value: float, lang: str) -> str:
    return ("+" if value > 0 else "") + number(value, lang)


def render(doc: dict[str, Any], lang: str = "en") -> list[str]:
    """The lines ``simulate`` prints for a simulation document."""
    s = strings(lang)
    lines = [s.t("sim.header", scenario=doc["scenario"], runs=doc["runs_per_lineup"], seed=doc["seed"],
                 total=doc["runs"]),
             s.t("sim.seeds", seed=doc["seed"])]
    for table in doc["lineups"]:
        lines.append("")
        lines.append(s.t("sim.lineup", name=table["name"], runs=table["runs"]))
        for side, info in table["sides"].items():
            lines.append(s.t("sim.side", side=s.t(f"side.{side}"), policy=info["policy"],
                             rate=percent(info["win_rate"], lang), **info["outcomes"]))
            score = {k: number(v, lang) for k, v in info["score"].items()}
            lines.append(s.t("sim.score", **score))
            lines.append(s.t("sim.bands", bands=" ".join(str(n) for n in info["score_histogram"])))
        reasons = ", ".join(f"{s.t(f'outcome.reason.{r}')} {n}" for r, n in table["reasons"].items())
        turns = {k: number(v, lang) for k, v in table["turns"].items()}
        lines.append(s.t("sim.turns", reasons=reasons, **turns))
        events = table["events"]
        lines.append(s.t("sim.fired_most", events=", ".join(
            f"{e['id']} {percent(e['share'], lang)}" for e in events["most_fired"])))
        never = events["never_fired"]
        shown = ", ".join(never[:NEVER_SHOWN])
        if len(never) > NEVER_SHOWN:
            shown += " " + s.t("sim.more", count=len(never) - NEVER_SHOWN)
        lines.append(s.t("sim.never_fired", count=len(never), events=shown) if never
                     else s.t("sim.never_fired_none"))
        none = s.t("sim.association_none", support=events["min_support"])
        for key in ("winning", "losing"):
            listed = ", ".join(s.t("sim.association", id=e["id"], points=signed(e["difference_pts"], lang),
                                   games=e["games"]) for e in events[key])
            lines.append(s.t(f"sim.{key}", events=listed or none))
    return lines
