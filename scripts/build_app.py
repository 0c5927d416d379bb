"""Build the one-folder app for this machine: ``dist/chip-race/`` started by ``dist/chip-race/chip-race``
(``chip-race.exe`` on Windows). It needs no Python and no administrator rights, writes only to the
user's folders, and runs from a USB stick. ``--archive`` also zips it for handing out.

Example::

    python scripts/build_app.py                  # dist/chip-race/
    python scripts/build_app.py --archive        # and dist/chip-race-0.1.0-linux-x86_64.zip

Why PyInstaller: it is well kept (a release every month or two, hooks maintained with the packages
they cover), builds Windows, macOS and Linux apps with one command on each system, and knows our stack
(pygame-ce ships its own hook; numpy, pydantic, matplotlib and platformdirs have hooks). Its one-folder
mode starts fast because nothing is unpacked at start (the one-file mode unpacks ~100 MB to a
temporary folder each time, which is slow on school laptops and trips antivirus software).
Nuitka compiles to C (builds of many minutes and a C compiler on every CI machine); cx_Freeze covers
fewer of our packages with hooks; Briefcase makes installers, which need rights a student lacks.

The data files are those ``pyproject.toml`` ships as package data (one list for ``pip install .`` and
for the app), placed where ``game/paths.py`` looks in an installed package: ``game/assets`` and so on.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAME = "chip-race"
#: Modules the game never uses that PyInstaller would otherwise pull in through optional imports.
EXCLUDES = (
    "tkinter", "_tkinter", "pytest", "_pytest", "hypothesis", "IPython", "pip", "setuptools", "pydoc_data",
    "PyQt5", "PyQt6", "PySide2", "PySide6", "wx", "gi", "cairo", "sphinx", "docutils",
    "matplotlib.backends.backend_qtagg", "matplotlib.backends.backend_tkagg", "matplotlib.backends.backend_wxagg",
    "matplotlib.backends.backend_gtk3agg", "matplotlib.backends.backend_gtk4agg", "matplotlib.backends.backend_pdf",
    "matplotlib.backends.backend_pgf", "matplotlib.backends.backend_ps", "matplotlib.backends.backend_webagg",
)
#: Files the packages' own hooks bring in that the game never opens, removed after the build (globs under
#: ``_internal``): pygame_gui's fonts for Chinese, Japanese, Korean, Arabic, Georgian and Hebrew (40 MB;
#: they load only for those interface languages, and the game has English and French), matplotlib's
#: sample data, and the developer script that made the sounds.
UNUSED = (
    "pygame_gui/data/NotoSansJP-*", "pygame_gui/data/NotoSansKR-*", "pygame_gui/data/NotoSansSC-*",
    "pygame_gui/data/NotoSansArabic-*", "pygame_gui/data/NotoSansGeorgian-*", "pygame_gui/data/NotoSansHebrew-*",
    "matplotlib/mpl-data/sample_data", "game/assets/sounds/make_sounds.py",
)


def package_data(root: Path = ROOT) -> list[tuple[Path, str]]:
    """(file, folder inside the bundle) for every data file ``pyproject.toml`` ships with the package.

    Example::

        >>> any(dest == "game/assets/fonts" for _, dest in package_data())
        True
    """
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    files: list[tuple[Path, str]] = []
    for package, patterns in config["package-data"].items():
        source = root / config["package-dir"][package]
        for pattern in patterns:
            for path in sorted(source.glob(pattern)):
                if path.is_file():
                    rel = path.parent.relative_to(source)
                    dest = Path(*package.split(".")) / rel
                    files.append((path, dest.as_posix()))
    return files


def pyinstaller_args(dist: Path, work: Path, root: Path = ROOT) -> list[str]:
    """The PyInstaller command line (without the program name) for the one-folder app."""
    args = [str(root / "main.py"), "--name", NAME, "--onedir", "--noconfirm", "--clean",
            "--distpath", str(dist), "--workpath", str(work), "--specpath", str(work),
            # the commands and menu extras are imported by name (importlib): list them all
            # (pygame_gui's theme, fonts and translations come from the hook pygame_gui ships)
            "--collect-submodules", "game",
            # the report charts are SVG, and matplotlib finds its SVG writer by name
            "--hidden-import", "matplotlib.backends.backend_svg",
            "--paths", str(root)]
    if sys.platform in ("win32", "darwin"):
        args.append("--windowed")  # a double-click opens the game, not a console window with it
    for module in EXCLUDES:
        args += ["--exclude-module", module]
    sep = ";" if sys.platform == "win32" else ":"  # PyInstaller's --add-data separator (os.pathsep)
    for path, dest in package_data(root):
        args += ["--add-data", f"{path}{sep}{dest}"]
    return args


def prune(internal: Path) -> list[Path]:
    """Remove the :data:`UNUSED` files from a built app's ``_internal`` folder; return what went."""
    gone = []
    for pattern in UNUSED:
        for path in sorted(internal.glob(pattern)):
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()
            gone.append(path)
    return gone


def folder_size(folder: Path) -> int:
    """Bytes of every file under ``folder``."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def platform_tag() -> str:
    """``linux-x86_64``, ``windows-amd64``, ``macos-arm64``…: names the archive."""
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform.rstrip("0123456789"))
    return f"{system}-{platform.machine().lower()}"


def build(dist: Path, work: Path, archive: bool = False, quiet: bool = False) -> Path:
    """Build the app into ``dist/chip-race``; return its folder (and write the zip when asked)."""
    sys.path.insert(0, str(ROOT))
    from game import __version__

    command = [sys.executable, "-m", "PyInstaller", *pyinstaller_args(dist, work)]
    if quiet:
        command += ["--log-level", "WARN"]
    # PyInstaller lists the game's modules in a child Python: it must find the game there too.
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    subprocess.run(command, check=True, env=env)
    app = dist / NAME
    prune(app / "_internal")
    if archive:
        write_archive(dist, f"{NAME}-{__version__}-{platform_tag()}.zip")
    return app


def write_archive(dist: Path, name: str) -> Path:
    """Zip the app for handing out: the folder, or on macOS the ``.app`` bundle that ``--windowed`` also
    makes (zipped by ``ditto``, which keeps the bundle's symbolic links and signature)."""
    target = dist / name
    bundle = dist / f"{NAME}.app"
    if sys.platform == "darwin" and bundle.is_dir():
        subprocess.run(["ditto", "-c", "-k", "--keepParent", str(bundle), str(target)], check=True)
    else:
        shutil.make_archive(str(target.with_suffix("")), "zip", root_dir=dist, base_dir=NAME)
    return target


def executable(app: Path) -> Path:
    """The program in the app folder: ``chip-race``, or ``chip-race.exe`` on Windows."""
    return app / (NAME + (".exe" if sys.platform == "win32" else ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the one-folder Chip Race app with PyInstaller.")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the app goes (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="PyInstaller's work folder")
    parser.add_argument("--archive", action="store_true", help="also write a zip of the app next to it")
    parser.add_argument("--quiet", action="store_true", help="only PyInstaller's warnings")
    args = parser.parse_args(argv)
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print("PyInstaller is not installed: pip install -r requirements.txt", file=sys.stderr)
        return 2
    args.work.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    app = build(args.dist.resolve(), args.work.resolve(), args.archive, args.quiet)
    exe = executable(app)
    print(f"built {exe} in {time.perf_counter() - start:.0f} s; the folder holds "
          f"{folder_size(app) / 1e6:.0f} MB")
    for zipped in sorted(args.dist.glob(f"{NAME}-*.zip")):
        print(f"archive {zipped} ({zipped.stat().st_size / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
