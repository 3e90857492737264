"""`imrnet import ftm`: through Typer's runner and the installed console script."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from imrnet.cli import app

FIXTURE = Path(__file__).parent / "fixtures" / "ftm" / "sample.ftm.json"
SCRIPT = Path(sys.executable).parent / "imrnet"
runner = CliRunner()
ENV = {"COLUMNS": "100", "NO_COLOR": "1", "IMRNET_DATA": None}


def script(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k != "IMRNET_DATA"}
    return subprocess.run([str(SCRIPT), *args], input=stdin, capture_output=True, timeout=120, env=environ)


def test_json_summary(tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["import", "ftm", str(FIXTURE), "-o", str(out), "--json"], env=ENV)
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["input"] == str(FIXTURE) and summary["output"] == str(out)
    assert (summary["read"], summary["taken"]["entities"], summary["taken"]["links"], summary["taken"]["sources"]) == (32, 12, 15, 3)
    assert summary["skipped"]["schema Address is not imported"] == 1


def test_table_summary(tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["import", "ftm", str(FIXTURE), "--output", str(out)], env=ENV)
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert " ".join(text.split()).startswith(f"Imported 12 entities, 15 links, 3 sources from {FIXTURE} (32 FtM entities read)")
    for title in ("Entities by type", "Links by type", "Skipped", "Values left out of records kept"):
        assert title in text
    rows = {line.split("│")[1].strip(): line.split("│")[2].strip() for line in text.splitlines() if line.count("│") == 3}
    assert rows["dangling reference (no entity with that id in the stream)"] == "1"
    assert rows["person"] == "3" and rows["sanctioned"] == "2"
    assert result.stderr == ""  # no progress bar when standard error is not a terminal


def test_table_summary_of_one_entity_is_singular(tmp_path):
    line = '{"id": "a", "schema": "Person", "properties": {"name": ["Иван Петров"]}}\n'
    result = runner.invoke(app, ["import", "ftm", "-", "-o", str(tmp_path / "out")], input=line, env=ENV)
    assert result.exit_code == 0, result.output
    assert " ".join(result.stdout.split()).startswith(
        "Imported 1 entity, 0 links, 1 source from standard input (1 FtM entity read)")


def test_dataset_name_comes_from_the_file_or_the_option(tmp_path):
    stream = tmp_path / "club.ftm.json"
    stream.write_text('{"id": "p1", "schema": "Person", "properties": {"name": ["Jane"]}}\n', encoding="utf-8")
    assert runner.invoke(app, ["import", "ftm", str(stream), "-o", str(tmp_path / "a")]).exit_code == 0
    assert json.loads((tmp_path / "a" / "sources.jsonl").read_text(encoding="utf-8"))["id"] == "ftm-club"
    assert runner.invoke(app, ["import", "ftm", str(stream), "-o", str(tmp_path / "b"), "--dataset", "Mine"]).exit_code == 0
    assert json.loads((tmp_path / "b" / "sources.jsonl").read_text(encoding="utf-8"))["id"] == "ftm-mine"


def test_usage_errors_exit_2(tmp_path):
    cases = [
        (["import", "csv", str(FIXTURE), "-o", str(tmp_path / "x")], "imrnet: unknown import format 'csv' (expected one of ftm)\n"),
        (["import", "ftm", str(tmp_path / "nope.json"), "-o", str(tmp_path / "x")],
         f"imrnet: cannot read {tmp_path / 'nope.json'}: No such file or directory\n"),
        (["import", "ftm", str(FIXTURE), "-o", str(FIXTURE)], f"imrnet: output {FIXTURE} exists and is not a directory\n"),
    ]
    for args, message in cases:
        result = runner.invoke(app, args, env=ENV)
        assert (result.exit_code, result.stderr) == (2, message)
    result = runner.invoke(app, ["import", "ftm", str(FIXTURE)], env=ENV)
    assert result.exit_code == 2 and "Missing option '--output'" in result.stderr
    assert not (tmp_path / "x").exists()


def test_script_reads_standard_input_and_the_result_merges_with_bundled(tmp_path):
    out = tmp_path / "ftm"
    proc = script("import", "ftm", "-", "-o", str(out), "--json", stdin=FIXTURE.read_bytes())
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["input"] == "standard input"
    assert proc.stderr == b""
    proc = script("validate", "--data", "bundled", "--data", str(out), "--json")
    assert proc.returncode == 0, proc.stdout
    assert json.loads(proc.stdout)["valid"] is True
    proc = script("show", "Anna Ivanova", "--data", "bundled", "--data", str(out), "--json")
    assert proc.returncode == 0
    shown = json.loads(proc.stdout)
    assert shown["id"] == "p-ivanova" and shown["origin"] == str(out)


def test_script_names_the_broken_line_and_writes_nothing(tmp_path):
    out = tmp_path / "ftm"
    broken = FIXTURE.read_bytes() + b'{"id": "late", "schema": "Person", "properties": {"name": ["X"]}\n'
    proc = script("import", "ftm", "-", "-o", str(out), stdin=broken)
    assert proc.returncode == 3
    assert proc.stdout == b""
    assert proc.stderr.decode() == "imrnet: standard input:33: JSON syntax error, column 65: Expecting ',' delimiter\n"
    assert list(tmp_path.iterdir()) == []


def test_progress_bar_only_on_a_terminal(tmp_path):
    pty = pytest.importorskip("pty", reason="needs a POSIX pseudo-terminal")
    master, slave = pty.openpty()
    environ = {k: v for k, v in os.environ.items() if k != "IMRNET_DATA"}
    proc = subprocess.run([str(SCRIPT), "import", "ftm", str(FIXTURE), "-o", str(tmp_path / "out"), "--json"],
                          stdout=subprocess.PIPE, stderr=slave, timeout=120, env={**environ, "TERM": "xterm"})
    os.close(slave)
    shown = b""
    try:
        while chunk := os.read(master, 65536):
            shown += chunk
    except OSError:  # the terminal's other end is closed
        pass
    os.close(master)
    assert proc.returncode == 0
    assert b"importing" in shown and b"5.8 kB" in shown
    assert json.loads(proc.stdout)["taken"]["entities"] == 12  # standard output stays plain JSON
