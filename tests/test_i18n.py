"""String tables: English and French have the same keys and the same placeholders."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from game.i18n import ASSETS, LANGUAGES, _flatten, read_table, strings


def table(lang: str, name: str) -> dict[str, str]:
    return _flatten(yaml.safe_load((ASSETS / lang / name).read_text(encoding="utf-8")) or {})


FILES = sorted(p.name for p in (ASSETS / "en").glob("*.yaml"))


@pytest.mark.parametrize("name", FILES)
def test_same_keys_in_every_language(name: str) -> None:
    english = table("en", name)
    for lang in LANGUAGES[1:]:
        other = table(lang, name)
        assert sorted(set(english) - set(other)) == [], f"missing in {lang}/{name}"
        assert sorted(set(other) - set(english)) == [], f"only in {lang}/{name}"


@pytest.mark.parametrize("name", FILES)
def test_same_placeholders(name: str) -> None:
    english = table("en", name)
    for lang in LANGUAGES[1:]:
        other = table(lang, name)
        for key, text in english.items():
            if key in other:
                assert set(re.findall(r"{(\w+)}", text)) == set(re.findall(r"{(\w+)}", other[key])), key


def test_fallback_and_missing_keys() -> None:
    assert strings("fr").t("ui.end_turn") == "Finir le tour"
    assert strings("fr").t("no.such.key") == "no.such.key"
    assert strings("en").t("msg.action.raise", amount="$1") == "Raised $1 from investors"
    with pytest.raises(ValueError, match="unknown language"):
        strings("de")


def test_every_file_has_a_french_twin() -> None:
    assert sorted(p.name for p in (ASSETS / "fr").glob("*.yaml")) == FILES
    assert Path(ASSETS / "en" / "engine.yaml").exists()


def test_yes_no_on_off_are_keys_not_booleans() -> None:
    for lang in LANGUAGES:
        for key in ("ui.yes", "ui.no", "ui.on", "ui.off"):
            assert strings(lang).has(key), f"{lang}: {key}"


def test_unquoted_boolean_key_is_refused() -> None:
    with pytest.raises(ValueError, match="write it in quotes"):
        _flatten({"ui": {True: "On"}})


def test_french_tables_follow_french_typography() -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    from fr_typography import french

    for key, text in strings("fr").table.items():
        assert french(text) == text, f"{key}: run scripts/fr_typography.py assets/strings/fr/*.yaml"


def test_a_key_written_twice_is_refused_with_its_lines(tmp_path: Path) -> None:
    path = tmp_path / "ui.yaml"
    path.write_text("ui:\n  yes_: Yes\n  end_turn: End\n  end_turn: Finish\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"ui\.yaml:4: the key 'end_turn' appears twice .*first on line 3"):
        read_table(path)
    path.write_text("ui:\n  end_turn: End\n  nested: {a: b}\n", encoding="utf-8")
    assert read_table(path) == {"ui.end_turn": "End", "ui.nested.a": "b"}
