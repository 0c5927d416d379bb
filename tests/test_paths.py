"""game/paths.py: the game's own files are found in a clone, an installed package and the app alike."""

from __future__ import annotations

from pathlib import Path

from game import paths


def test_clone_layout_finds_the_top_level_folders() -> None:
    top = Path(__file__).resolve().parents[1]
    assert top == paths.ROOT
    assert top / "assets" == paths.ASSETS and top / "scenarios" == paths.SCENARIOS and top / "mods" == paths.MODS


def test_installed_layout_is_preferred_when_the_package_holds_the_assets(tmp_path: Path) -> None:
    package = tmp_path / "site-packages" / "game"
    (package / "assets").mkdir(parents=True)
    assert paths.data_root(package) == package
    assert paths.data_root(tmp_path / "clone" / "game") == tmp_path / "clone"


def test_every_reader_uses_the_one_module() -> None:
    from game import i18n
    from game.content import loader, mods
    from game.ui import sound, theme

    assert i18n.ASSETS == paths.ASSETS / "strings"
    assert theme.ASSETS == paths.ASSETS and sound.SOUND_DIR == paths.ASSETS / "sounds"
    assert loader.SCENARIOS_DIR == paths.SCENARIOS and mods.MODS_DIR == paths.MODS


def test_no_other_module_finds_files_from_its_own_location() -> None:
    """A module that builds a path from its own ``__file__`` finds nothing inside the built app (the
    chip map's shapes once did): every data file goes through game/paths.py."""
    game_dir = Path(paths.__file__).resolve().parent
    offenders = [str(p.relative_to(game_dir)) for p in sorted(game_dir.rglob("*.py"))
                 if p.name != "paths.py" and "Path(__file__)" in p.read_text(encoding="utf-8")]
    assert offenders == []
