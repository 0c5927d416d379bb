"""The manifest of a mod: ``mods/<name>/mod.yaml``.

Example (YAML)::

    id: no_export_bans
    name: What if there were no export bans?
    version: "1.0"
    author: A history teacher
    description: {en: "A counterfactual.", fr: "Une uchronie."}
    languages: [en, fr]
    game_version: "0.1"
    disable_events: [us_ban_h800]
    scope: own_scenarios        # the shipped scenarios keep their events
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from game.content.models import Localized
from game.content.verbs import Id

#: Warning checks a mod may silence (errors can never be silenced).
SilenceableCheck = Literal["never_true", "choice_nowhere", "missing_translation", "game_version", "changes_shipped",
                           "mod_conflict"]

VERSION = r"^\d+(\.\d+){0,2}$"


class Manifest(BaseModel):
    """What a mod is, what it needs, and what it changes in the shipped content."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Id = Field(description="the mod's stable id (other mods name it in 'depends')")
    name: str = Field(min_length=1, max_length=80, description="the name shown on the Mods screen")
    version: str = Field(pattern=VERSION, description='the mod\'s own version, in quotes: "1.0"')
    author: str = Field(min_length=1, max_length=120)
    description: Localized
    languages: list[Literal["en", "fr"]] = Field(
        default_factory=lambda: ["en"], min_length=1,
        description="languages every text of the mod provides (a missing one is a warning)")
    game_version: str = Field(pattern=VERSION, description='the game version the mod was made for, e.g. "0.1"')
    depends: list[Id] = Field(default_factory=list, description="mods that must be loaded, and loaded before")
    load_after: list[Id] = Field(default_factory=list,
                                 description="mods loaded before this one when they are installed")
    replace_events: list[Id] = Field(default_factory=list,
                                     description="shipped events this mod replaces with its own version "
                                                 "(same id, in one of its event files)")
    disable_events: list[Id] = Field(default_factory=list, description="shipped events this mod removes")
    scope: Literal["everywhere", "own_scenarios"] = Field(
        "everywhere", description="where replace_events and disable_events apply: 'everywhere' (every scenario, "
                                  "the shipped ones too) or 'own_scenarios' (only the scenarios of this mod)")
    silence: list[SilenceableCheck] = Field(default_factory=list,
                                            description="warning checks not reported for this mod")
