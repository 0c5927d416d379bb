"""Class codes: every student who types the teacher's code gets the same game."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.classcode import ClassCodeError, class_code_or_none, make_class_code, parse_class_code
from game.content.loader import load_content
from game.engine.game import Game
from game.match import play_game


@given(seed=st.integers(0, 2**63 - 1), turns=st.none() | st.integers(1, 200), history=st.none() | st.booleans(),
       difficulty=st.none() | st.sampled_from(["easy", "normal", "hard"]))
def test_a_code_reads_back_as_it_was_made(seed: int, turns: int | None, history: bool | None,
                                          difficulty: str | None) -> None:
    options = {k: v for k, v in (("turn_limit", turns), ("history", history), ("difficulty", difficulty))
               if v is not None}
    assert parse_class_code(make_class_code("cn_lab", seed, options)) == ("cn_lab", seed, options)


@pytest.mark.parametrize("typed", ["cn_lab-4821-t12", "CN_LAB-4821-T12", " cn_lab 4821 t12 ", "cn_lab–4821–t12",
                                   "cn_lab/4821/t12"])
def test_what_students_type_is_forgiven(typed: str) -> None:
    assert parse_class_code(typed) == ("cn_lab", 4821, {"turn_limit": 12})


@pytest.mark.parametrize(("typed", "key"), [("cn_lab", "shape"), ("4821-cn_lab", "bad_scenario"),
                                            ("cn_lab-48x", "bad_seed"), ("cn_lab-99999999999999999999", "bad_seed"),
                                            ("cn_lab-1-t0", "bad_option"), ("cn_lab-1-t201", "bad_option"),
                                            ("cn_lab-1-fast", "bad_option")])
def test_bad_codes_say_what_is_wrong_in_both_languages(typed: str, key: str) -> None:
    with pytest.raises(ClassCodeError) as info:
        parse_class_code(typed)
    assert info.value.key == key
    assert info.value.message("fr") != info.value.message("en")
    assert "classcode." not in info.value.message("fr")


def test_removed_events_have_no_code() -> None:
    assert class_code_or_none("cn_lab", 1, {"remove_events": ["nvidia_crash"]}) is None
    with pytest.raises(ClassCodeError):
        make_class_code("cn_lab", 1, {"force_events": ["nvidia_crash"]})


def test_the_same_code_gives_the_same_game() -> None:
    scenario, seed, options = parse_class_code("cn_lab-77-t5-hard")
    hashes = set()
    for _ in range(2):
        game = Game(load_content(), scenario, options)
        played = play_game(game, seed, {"cn": "random"})
        hashes.add(played.state.model_dump_json())
        assert played.state.options == options
    assert len(hashes) == 1


@given(seed=st.integers(0, 2**63 - 1), lesson=st.integers(1, 200), history=st.none() | st.booleans())
def test_a_lesson_length_reads_back(seed: int, lesson: int, history: bool | None) -> None:
    options = {"lesson_turns": lesson, **({"history": history} if history is not None else {})}
    assert parse_class_code(make_class_code("us_lab", seed, options)) == ("us_lab", seed, options)


@pytest.mark.parametrize(("typed", "suggestion"), [
    ("cn-lab-4821", "cn_lab-4821"), ("cn-lab-4821-l16", "cn_lab-4821-l16"), ("cn_lba-4821", "cn_lab-4821"),
    ("us-lab 77 h0", "us_lab-77-h0")])
def test_a_near_miss_gets_the_right_code(typed: str, suggestion: str) -> None:
    with pytest.raises(ClassCodeError) as info:
        parse_class_code(typed, ["cn_lab", "us_lab", "head_to_head"])
    assert info.value.key == "did_you_mean" and info.value.params["suggestion"] == suggestion
    assert f"vouliez-vous dire {suggestion}" in info.value.message("fr")


def test_an_unknown_scenario_without_a_near_one_lists_the_known() -> None:
    with pytest.raises(ClassCodeError) as info:
        parse_class_code("zzzz-1", ["cn_lab", "us_lab"])
    assert info.value.key == "unknown_scenario" and "cn_lab, us_lab" in info.value.message("en")
