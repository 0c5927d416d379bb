"""Load the shipped content (and mods) from YAML into typed models.

Layout of a content folder::

    world.yaml          the catalogue: chips, techniques, stocks, rivals
    decks/*.yaml        event decks
    *.yaml              scenarios

Example::

    >>> content = load_content()
    >>> sorted(content.scenarios)[:2]
    ['cn_lab', 'head_to_head']
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from game.content.models import Deck, Event, Scenario, World

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS_DIR = ROOT / "scenarios"

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ContentError(Exception):
    """Content that cannot be used; ``problems`` lists every reason with its file."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Content:
    """Everything loaded from a content folder: one world, its decks, its scenarios."""

    world: World
    decks: dict[str, Deck]
    scenarios: dict[str, Scenario]
    digest: str = field(default="", compare=False)

    def scenario(self, scenario_id: str) -> Scenario:
        """The scenario with this id; ``KeyError`` naming the known ones otherwise."""
        try:
            return self.scenarios[scenario_id]
        except KeyError:
            known = ", ".join(sorted(self.scenarios))
            raise KeyError(f"unknown scenario '{scenario_id}' (known: {known})") from None

    def events_of(self, scenario: Scenario) -> list[Event]:
        """The events a scenario plays with: its decks, less the removed ones."""
        removed = set(scenario.remove_events)
        return [e for deck_id in scenario.decks for e in self.decks[deck_id].events if e.id not in removed]


def read_yaml(path: Path) -> Any:
    """Parse one YAML file with the C safe loader."""
    with path.open("rb") as handle:
        return yaml.load(handle, Loader=_Loader)


def _parse(path: Path, model: type[BaseModel], problems: list[str]) -> Any:
    try:
        data = read_yaml(path)
        return model.model_validate(data)
    except yaml.YAMLError as exc:
        problems.append(f"{path}: error: YAML: {exc}")
    except ValidationError as exc:
        for err in exc.errors():
            where = ".".join(str(p) for p in err["loc"])
            problems.append(f"{path}: error: {where}: {err['msg']}")
    except OSError as exc:
        problems.append(f"{path}: error: cannot read: {exc.strerror}")
    return None


def load_folder(folder: Path) -> Content:
    """Load and check one content folder; raise :class:`ContentError` listing every problem."""
    problems: list[str] = []
    world = _parse(folder / "world.yaml", World, problems)
    decks = {}
    for path in sorted((folder / "decks").glob("*.yaml")):
        deck = _parse(path, Deck, problems)
        if deck is not None:
            decks[deck.id] = deck
    scenarios = {}
    for path in sorted(folder.glob("*.yaml")):
        if path.name == "world.yaml":
            continue
        scenario = _parse(path, Scenario, problems)
        if scenario is not None:
            scenarios[scenario.id] = scenario
    for scenario in scenarios.values():
        problems += [f"{scenario.id}: error: unknown deck '{d}'" for d in scenario.decks if d not in decks]
    if problems:
        raise ContentError(problems)
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*.yaml")):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(path.read_bytes())
    return Content(world=world, decks=decks, scenarios=scenarios, digest=digest.hexdigest()[:16])


@cache
def load_content() -> Content:
    """The shipped content (cached: loading and validating is done once per process)."""
    return load_folder(SCENARIOS_DIR)
