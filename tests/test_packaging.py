"""The package a newcomer installs: a wheel with the data, a console script."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path


ROOT = Path(__file__).resolve().parents[1]
SCRIPT = Path(sys.executable).parent / "imrnet"
FILES = ("sources.yaml", "entities.yaml", "links.yaml")


def run(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k != "IMRNET_DATA"}
    environ.update(env or {})
    return subprocess.run(args, cwd=cwd, env=environ, capture_output=True, text=True, timeout=120)


def archive_text(wheel: Path, name: str) -> str:
    with zipfile.ZipFile(wheel) as archive:
        return archive.read(name).decode("utf-8")


def test_wheel_contains_the_dataset(tmp_path):
    built = run(sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path), str(ROOT), cwd=ROOT)
    assert built.returncode == 0, built.stderr[-2000:]
    (wheel,) = tmp_path.glob("imrnet-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        for name in FILES:
            assert archive.read(f"imrnet/data/{name}") == (ROOT / "data" / name).read_bytes()
        names = archive.namelist()
    assert "imrnet/dataset/loader.py" in names and "imrnet/cli/__init__.py" in names
    assert archive_text(wheel, "imrnet/help.txt") == (ROOT / "src" / "imrnet" / "help.txt").read_text()
    assert not any(name.startswith("tests/") for name in names)


def test_console_script_finds_bundled_data_from_any_directory(tmp_path):
    result = run(str(SCRIPT), "validate", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    doc = json.loads(result.stdout)
    assert doc["valid"] is True
    assert doc["counts"]["entities"] > 50


def test_python_dash_m_runs_the_cli(tmp_path):
    result = run(sys.executable, "-m", "imrnet", "--version", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout == "imrnet 0.1.0\n"


def test_environment_variable_merges_directories(tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "sources.yaml").write_text(
        "- {id: my-notes, title: Field notes, publisher: me, date: '2026-11'}\n", encoding="utf-8"
    )
    (notes / "entities.yaml").write_text(
        "- {id: my-contact, name: A Contact, type: person, sources: [my-notes]}\n", encoding="utf-8"
    )
    (notes / "links.yaml").write_text(
        "- {source: my-contact, target: agmr, type: member_of, status: alleged, sources: [my-notes]}\n",
        encoding="utf-8",
    )
    env = {"IMRNET_DATA": f"bundled{os.pathsep}{notes}"}
    merged = json.loads(run(str(SCRIPT), "validate", "--json", cwd=tmp_path, env=env).stdout)
    alone = json.loads(run(str(SCRIPT), "validate", "--json", cwd=tmp_path).stdout)
    assert merged["counts"]["entities"] == alone["counts"]["entities"] + 1
    assert merged["counts"]["links"] == alone["counts"]["links"] + 1
    assert merged["counts"]["sources"] == alone["counts"]["sources"] + 1
    only_notes = run(str(SCRIPT), "validate", "--data", str(notes), cwd=tmp_path)
    assert only_notes.returncode == 3
    assert only_notes.stdout == (
        "notes/links.yaml:1: link my-contact -> agmr: unknown entity 'agmr' in field 'target'\n"
    )
    assert "Traceback" not in only_notes.stderr
