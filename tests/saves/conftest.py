"""Save tests never touch the real user data folder."""

import pytest


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("CHIP_RACE_DATA", str(tmp_path / "userdata"))
