"""Make the game's sounds: short tones synthesised with numpy, written as 16-bit mono WAV files.

The WAV files are committed next to this script, so the game never synthesises anything at run
time; run this again only to change a sound (the output is the same on every machine: no noise,
no clock, only sine waves and fixed envelopes).

Usage (from the repository root)::

    python assets/sounds/make_sounds.py            # rewrites assets/sounds/*.wav

Sounds:

- ``click.wav``     a short soft tick for buttons (40 ms)
- ``card.wav``      two rising notes when a news card arrives (0.35 s)
- ``end_turn.wav``  a low "whoosh" chord when a turn ends (0.45 s)
- ``crash.wav``     a falling minor sting when the market crashes (0.8 s)
"""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np

RATE = 22050
HERE = Path(__file__).resolve().parent


def tone(freq: float | np.ndarray, seconds: float, attack: float = 0.005, release: float = 0.05) -> np.ndarray:
    """A sine of ``freq`` Hz (a number, or one frequency per sample for a glide) with a soft envelope."""
    n = int(RATE * seconds)
    t = np.arange(n) / RATE
    freq = np.broadcast_to(np.asarray(freq, dtype=np.float64), (n,))
    phase = 2 * np.pi * np.cumsum(freq) / RATE
    wave_ = np.sin(phase) + 0.25 * np.sin(2 * phase)  # a little second harmonic: less "beep", more "bell"
    env = np.minimum(1.0, t / max(attack, 1e-6)) * np.minimum(1.0, (seconds - t) / max(release, 1e-6))
    return wave_ * np.clip(env, 0.0, 1.0) * np.exp(-3.0 * t / seconds)


def seq(*parts: np.ndarray) -> np.ndarray:
    return np.concatenate(parts)


def mix(*parts: np.ndarray) -> np.ndarray:
    n = max(len(p) for p in parts)
    out = np.zeros(n)
    for p in parts:
        out[: len(p)] += p
    return out


def sounds() -> dict[str, np.ndarray]:
    """Each sound as float samples in -1..1."""
    return {
        "click": tone(1800, 0.04, attack=0.001, release=0.03) * 0.5,
        "card": seq(tone(660, 0.14), tone(880, 0.21, release=0.12)) * 0.6,
        "end_turn": mix(tone(np.linspace(330, 220, int(RATE * 0.45)), 0.45, release=0.2),
                        tone(np.linspace(415, 277, int(RATE * 0.45)), 0.45, release=0.2)) * 0.4,
        "crash": seq(tone(523, 0.16), tone(466, 0.16),
                     tone(np.linspace(392, 196, int(RATE * 0.5)), 0.5, release=0.3)) * 0.6,
    }


def write_wav(path: Path, samples: np.ndarray) -> None:
    """16-bit mono PCM at ``RATE``; peaks normalised to 80% of full scale."""
    peak = float(np.max(np.abs(samples))) or 1.0
    pcm = np.round(samples / peak * 0.8 * 32767).astype("<i2")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(pcm.tobytes())


def main(folder: Path = HERE) -> list[Path]:
    written = []
    for name, samples in sounds().items():
        path = folder / f"{name}.wav"
        write_wav(path, samples)
        written.append(path)
    return written


if __name__ == "__main__":
    for p in main():
        print(p.name, p.stat().st_size, "bytes")
