"""On a terminal that cannot show Cyrillic, an alias spelled in ASCII is not shown twice."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BASE = Path(__file__).parent / "fixtures" / "loader" / "base"

#: Beside the base fixture's two aliases: a repeat in Cyrillic, one of the name, one of neither.
ALIASES = "[Aleksandr Ionov, Александр Ионов, Alexander Ionov Jr, Ionov, Ионов, Алexander Ionov]"


@pytest.fixture
def spellings(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(BASE, target)
    entities = (BASE / "entities.yaml").read_text(encoding="utf-8")
    assert "aliases: [Aleksandr Ionov, Александр Ионов]" in entities
    (target / "entities.yaml").write_text(
        entities.replace("aliases: [Aleksandr Ionov, Александр Ионов]", f"aliases: {ALIASES}"),
        encoding="utf-8")
    return target


def _card(data: Path, encoding: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-m", "imrnet", "show", "Ionov", "--data", data.name],
        capture_output=True, timeout=120, cwd=data.parent,  # "Origin: data", whatever the tmp path
        env={**os.environ, "PYTHONIOENCODING": encoding, "COLUMNS": "80", "LANG": "C"},
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.decode(encoding).splitlines()[:4]


def test_an_ascii_terminal_shows_each_spelling_once(spellings):
    # "Александр Ионов" reads "Aleksandr Ionov", "Ионов" "Ionov" and "Алexander Ionov"
    # the name itself: each is left out, the first of each kept in its place.
    assert _card(spellings, "ascii") == [
        "+------------------------------------------------------+",
        "| Name    | Alexander Ionov                            |",
        "| Aliases | Aleksandr Ionov; Alexander Ionov Jr; Ionov |",
        "| Type    | person                                     |",
    ]


def test_a_utf8_terminal_shows_every_alias(spellings):
    assert _card(spellings, "utf-8") == [
        "┌─────────┬────────────────────────────────────────────────────────────────────┐",
        "│ Name    │ Alexander Ionov                                                    │",
        "│ Aliases │ Aleksandr Ionov; Александр Ионов; Alexander Ionov Jr; Ionov;       │",
        "│         │ Ионов; Алexander Ionov                                             │",
    ]
