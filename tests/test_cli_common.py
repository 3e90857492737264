"""Behaviour every command shares: help, version, JSON output, colour, pipes, start-up."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from imrnet import __version__
from imrnet.cli import app

BASIC = str(Path(__file__).parent / "fixtures" / "records" / "basic")
SCRIPT = Path(sys.executable).parent / "imrnet"
ANSI = re.compile(r"\x1b\[")


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("IMRNET_DATA", "NO_COLOR", "FORCE_COLOR")}
    env.update(extra)
    return env


def sh(command: str, **env: str) -> subprocess.CompletedProcess:
    """Run a command line through a real shell."""
    return subprocess.run(["bash", "-c", command], capture_output=True, text=True,
                          encoding="utf-8", env=clean_env(**env), timeout=120)


def test_help_lists_every_command():
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    for name in ("show", "search", "list", "links", "timeline", "sources"):
        assert re.search(rf"^\W*{name}\s", result.stdout, re.MULTILINE), name
    assert "Exit codes:" in result.stdout


def test_no_arguments_shows_help():
    result = CliRunner().invoke(app, [])
    assert "Usage:" in result.stdout + result.stderr


def test_version():
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"imrnet {__version__}\n"
    proc = subprocess.run([str(SCRIPT), "--version"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout == f"imrnet {__version__}\n" and proc.stderr == ""


def test_python_dash_m_help():
    proc = subprocess.run([sys.executable, "-m", "imrnet", "--help"], capture_output=True,
                          text=True, env=clean_env(), timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "Usage: imrnet" in proc.stdout or "Usage: python -m imrnet" in proc.stdout
    assert "show" in proc.stdout and proc.stderr == ""


def test_script_help():
    proc = subprocess.run([str(SCRIPT), "--help"], capture_output=True, text=True,
                          env=clean_env(), timeout=60)
    assert proc.returncode == 0 and "Usage: imrnet" in proc.stdout
    assert not ANSI.search(proc.stdout)


def _imported(argv: list[str]) -> set[str]:
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "imrnet", *argv],
                          capture_output=True, text=True, env=clean_env(), timeout=60)
    assert proc.returncode == 0, proc.stderr
    modules = set()
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            modules.add(line.rsplit("|", 1)[1].strip())
    assert modules, "no -X importtime output"
    return modules


@pytest.mark.parametrize("argv", [["--help"], ["show", "--help"], ["links", "--help"],
                                  ["--version"]])
def test_help_does_not_import_heavy_modules(argv):
    modules = _imported(argv)
    top = {name.split(".")[0] for name in modules}
    assert "networkx" not in top
    assert "yaml" not in top and "_yaml" not in top
    assert "rapidfuzz" not in top
    assert "imrnet.dataset.loader" not in modules and "imrnet.queries.records" not in modules


# --------------------------------------------------------------------------
# --json


JSON_COMMANDS = [
    ["show", "Ionov"], ["search", "Ионов"], ["list"], ["links"], ["timeline"], ["timeline", "Ionov"],
    ["sources"], ["sources", "wiki-ionov"],
]


@pytest.mark.parametrize("argv", JSON_COMMANDS)
def test_json_is_one_document_with_unescaped_text(argv):
    proc = subprocess.run([str(SCRIPT), *argv, "--json", "--data", BASIC], capture_output=True,
                          env=clean_env(), timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == b""
    text = proc.stdout.decode("utf-8")
    doc, end = json.JSONDecoder().raw_decode(text)
    assert text[end:] == "\n"  # one document, then only the final newline
    assert isinstance(doc, dict)
    assert "\\u" not in text
    assert not ANSI.search(text)


def test_json_keeps_cyrillic():
    proc = subprocess.run([str(SCRIPT), "show", "agmr", "--json", "--data", BASIC],
                          capture_output=True, env=clean_env(), timeout=60)
    assert "АДГ" in proc.stdout.decode("utf-8")
    proc = subprocess.run([str(SCRIPT), "search", "Ионов", "--json", "--data", BASIC],
                          capture_output=True, env=clean_env(), timeout=60)
    assert json.loads(proc.stdout)["query"] == "Ионов"
    assert '"query": "Ионов"' in proc.stdout.decode("utf-8")


# --------------------------------------------------------------------------
# colour


def test_no_escape_codes_when_not_a_terminal():
    for env in ({}, {"NO_COLOR": "1"}):
        proc = subprocess.run([str(SCRIPT), "show", "Ionov", "--data", BASIC],
                              capture_output=True, text=True, env=clean_env(**env), timeout=60)
        assert proc.returncode == 0
        assert "Alexander Ionov" in proc.stdout
        assert not ANSI.search(proc.stdout)


def _run_in_pty(argv: list[str], **env: str) -> str:
    import pty

    leader, follower = pty.openpty()
    try:
        proc = subprocess.Popen(argv, stdout=follower, stderr=subprocess.PIPE,
                                env=clean_env(TERM="xterm-256color", COLUMNS="80", **env))
        os.close(follower)
        chunks = []
        while True:
            try:
                data = os.read(leader, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not data:
                break
            chunks.append(data)
        proc.wait(timeout=60)
        assert proc.returncode == 0, proc.stderr.read()
        proc.stderr.close()
    finally:
        os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


PTY = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs a Linux pty")
COLOUR = re.compile(r"\x1b\[[0-9;]*(?:3[0-9]|9[0-7])[;m]")


@PTY
@pytest.mark.parametrize("argv", [["show", "Ionov"], ["links"], ["timeline", "Ionov"],
                                  ["search", "Ионов"], ["list"], ["sources", "imr-article"]])
def test_colour_on_a_terminal_and_tables_fit_80_columns(argv):
    coloured = _run_in_pty([str(SCRIPT), *argv, "--data", BASIC])
    assert COLOUR.search(coloured)
    plain = re.sub(r"\x1b\[[0-9;]*m", "", coloured).replace("\r", "")
    assert max(len(line) for line in plain.splitlines()) <= 80


@PTY
def test_no_color_on_a_terminal_has_no_colour():
    plain = _run_in_pty([str(SCRIPT), "show", "Ionov", "--data", BASIC], NO_COLOR="1")
    assert "Alexander Ionov" in plain
    assert not COLOUR.search(plain)


@PTY
def test_no_color_on_a_terminal_has_no_escape_codes():
    plain = _run_in_pty([str(SCRIPT), "show", "Ionov", "--data", BASIC], NO_COLOR="1")
    assert not ANSI.search(plain)


# --------------------------------------------------------------------------
# a reader that goes away


def _big_dataset(root: Path, count: int = 1500) -> Path:
    """A valid dataset with ``count`` links: far more JSON than a pipe buffer holds."""
    root.mkdir()
    (root / "sources.yaml").write_text(
        '- id: s\n  title: "Big source"\n  publisher: Test\n  date: "2020"\n', encoding="utf-8")
    ents = [f'- id: e{i}\n  name: "Сущность номер {i}"\n  type: organization\n  sources: [s]\n'
            for i in range(count + 1)]
    (root / "entities.yaml").write_text("".join(ents), encoding="utf-8")
    links = [f'- source: e{i}\n  target: e{i + 1}\n  type: cooperates_with\n  status: reported\n'
             f'  start: "2020-01-{1 + i % 28:02d}"\n  summary: "Связь номер {i}"\n  sources: [s]\n'
             for i in range(count)]
    (root / "links.yaml").write_text("".join(links), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> str:
    return str(_big_dataset(tmp_path_factory.mktemp("records") / "big"))


@pytest.mark.parametrize(
    "pipeline",
    [
        "{imrnet} links --json | head -c 100",
        "{imrnet} links | head -n 3",
        "{imrnet} timeline --json | head -c 10",
        "{imrnet} list | head -n 1",
    ],
)
def test_closed_pipe_exits_quietly(big, pipeline):
    command = pipeline.format(imrnet=shlex.quote(str(SCRIPT)))
    proc = sh(command + "; echo \"status=${PIPESTATUS[0]}\" >&2", IMRNET_DATA=big)
    assert "Traceback" not in proc.stderr
    assert "BrokenPipe" not in proc.stderr
    assert proc.stderr == "status=0\n"
    assert proc.stdout


@pytest.mark.parametrize(
    "argv",
    [["ego", "Ionov"], ["path", "Malofeev", "Dugin"], ["stats"], ["show", "Ionov"],
     ["centrality", "--measure", "all"], ["links", "--json"]],
)
def test_pipe_closed_before_any_output_exits_0(argv):
    # Tables too: Rich's own broken-pipe handling exits 1 ("no answer").
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first write
    try:
        proc = subprocess.run([str(SCRIPT), *argv], stdout=write_end, stderr=subprocess.PIPE,
                              env=clean_env(), timeout=60)
    finally:
        os.close(write_end)
    assert (proc.returncode, proc.stderr) == (0, b"")


def test_closed_pipe_output_really_exceeds_the_pipe(big):
    proc = subprocess.run([str(SCRIPT), "links", "--json", "--data", big], capture_output=True,
                          env=clean_env(), timeout=120)
    assert proc.returncode == 0
    assert len(proc.stdout) > 1 << 20 or len(proc.stdout) > 256 * 1024
    assert json.loads(proc.stdout)["count"] == 1500


# --------------------------------------------------------------------------
# shell completion of entity names


def _complete(words: str) -> list[str]:
    """What the installed script offers bash for the last of ``words``."""
    env = clean_env(_IMRNET_COMPLETE="complete_bash", COMP_WORDS=words,
                    COMP_CWORD=str(len(words.split()) - 1))
    result = subprocess.run([str(SCRIPT)], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_completion_offers_entity_names_from_the_bundled_data():
    assert _complete("imrnet show Malo") == ["Malofeev", "Malofeyev"]
    assert _complete("imrnet path Ionov Dug") == ["Dugin"]


def test_completion_reads_the_data_given_on_the_command_line():
    assert _complete(f"imrnet ego --data {BASIC} alexander") == [
        "Alexander\\ Dugin", "Alexander\\ Ionov", "alexander-dugin", "alexander-ionov"]
