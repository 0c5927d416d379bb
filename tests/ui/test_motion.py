"""Transitions last under 300 ms and are skipped when the motion setting is off."""

from __future__ import annotations

from game.ui.motion import DURATION, Tween, ease
from game.ui.settings import Settings


def test_tween_runs_under_300_ms_and_stops():
    assert DURATION < 0.3
    tween = Tween(on=True)
    assert tween.running and tween.value == 0.0
    assert tween.step(DURATION / 2) and 0 < tween.value < 1
    assert not tween.step(DURATION) and tween.value == 1.0 and not tween.step(0.1)


def test_motion_off_means_no_transition():
    tween = Tween(on=False)
    assert not tween.running and tween.value == 1.0
    assert ease(0.5) > 0.5  # eases out: most of the change shows at once


def test_motion_setting_round_trips_and_defaults_on():
    assert Settings().motion is True
    assert Settings.from_dict({"motion": False}).motion is False
    assert Settings.from_dict(Settings(motion=False).to_dict()).motion is False
