"""The generated documentation matches the program and the data."""

from __future__ import annotations

from pathlib import Path

import pytest

from imrnet.cli import app
from imrnet.dataset.vocab import LINK_TYPES

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def generator(repo_script):
    return repo_script("scripts/update_docs.py")


def test_cli_reference_is_current(generator):
    current = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert current == generator.cli_reference(), "run: python scripts/update_docs.py"


def test_readme_examples_are_current(generator):
    assert README == generator.readme(README), "run: python scripts/update_docs.py"


def test_readme_lists_every_command_and_link_type():
    for info in app.registered_commands:
        assert f"`imrnet {info.name}" in README, info.name
    for kind in LINK_TYPES.values():
        flags = ", ".join(f for f, on in (("symmetric", kind.symmetric), ("accusation", kind.accusation)) if on)
        row = f"| `{kind.name}` | {kind.forward} | {kind.backward} | {kind.kind} | {kind.timing} | {flags} |"
        assert row in README, kind.name


def test_readme_documents_every_exit_code():
    for code in ("| 0 |", "| 1 |", "| 2 |", "| 3 |"):
        assert code in README
