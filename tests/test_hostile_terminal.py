"""The terminal is ours, not the data's: escapes, encodings, widths, Ctrl-C, volume.

Hostile text in a dataset (escape sequences, carriage returns, direction
overrides, newlines, Rich markup) must print visibly and inertly in
tables, titles, "did you mean" and error messages, while JSON keeps the exact
value. Any terminal encoding and width prints something readable; Ctrl-C
and unreadable directories end with a documented code and one line.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from imrnet.cli import app

HERE = Path(__file__).parent
BASE = HERE / "fixtures" / "loader" / "base"
runner = CliRunner()

#: A name that would retitle the window and clear the screen, printed raw.
HOSTILE_NAME = "Alexander \x1b]0;PWNED\x07\x1b[2JIonov"
SHOWN_NAME = "Alexander \\x1b]0;PWNED\\x07\\x1b[2JIonov"

HOSTILE_ENTITIES = r"""
- id: alexander-ionov
  name: "Alexander \e]0;PWNED\a\e[2JIonov"
  type: person
  aliases: ["[bold red]Ionov[/]", "Ионов"]
  summary: "Real text\rFORGED LINE \u202egnp.exe \x9b31m"
  sources: [doc-a]
- id: agmr
  name: "Anti-Globalization\nDataset OK: forged"
  type: organization
  founded: "2012-03"
  sources: [doc-a]
- id: doj
  name: United States Department of Justice
  type: public_body
  sources: [doc-b]
"""


@pytest.fixture
def hostile(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(BASE, target)
    (target / "entities.yaml").write_text(textwrap.dedent(HOSTILE_ENTITIES).lstrip(), encoding="utf-8")
    return target


def run(*args: str, data: Path | None = None):
    result = runner.invoke(app, [*args, *(["--data", str(data)] if data else [])])
    for stream in (result.stdout, result.stderr):
        assert not any(c in stream for c in "\x1b\x07\r\x9b\u202e"), stream
    return result


# ----------------------------------------------------------- inert output


def test_card_shows_escapes_visibly(hostile):
    result = run("show", "alexander-ionov", data=hostile)
    assert result.exit_code == 0
    text = result.stdout
    assert SHOWN_NAME in text
    assert "[bold red]Ionov[/]" in text  # markup printed as typed
    assert "Real text\\rFORGED LINE \\u202egnp.exe \\x9b31m" in text


def test_json_keeps_the_exact_values(hostile):
    result = runner.invoke(app, ["show", "alexander-ionov", "--json", "--data", str(hostile)])
    card = json.loads(result.stdout)
    assert card["name"] == HOSTILE_NAME
    assert card["summary"] == "Real text\rFORGED LINE \u202egnp.exe \x9b31m"
    assert "\\u001b]0;PWNED\\u0007" in result.stdout  # escaped as JSON escapes it


def test_titles_and_lines_cannot_be_forged_with_a_newline(hostile):
    result = run("timeline", "agmr", data=hostile)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].rstrip() == "Timeline of Anti-Globalization\\nDataset OK: forged"
    assert not any(line.startswith("Dataset OK") for line in result.stdout.splitlines())


def test_did_you_mean_is_inert(hostile):
    result = run("show", "Alexandr", data=hostile)
    assert result.exit_code == 2
    assert result.stderr == (
        f"imrnet: no entity matches 'Alexandr'; did you mean: {SHOWN_NAME} (alexander-ionov)?\n"
    )
    forged = run("show", "Anti-Globalisation Dataset", data=hostile)
    assert forged.stderr == (
        "imrnet: no entity matches 'Anti-Globalisation Dataset'; did you mean: "
        f"Anti-Globalization\\nDataset OK: forged (agmr), {SHOWN_NAME} (alexander-ionov)?\n"
    )


def test_error_messages_are_inert(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(BASE, target)
    with (target / "entities.yaml").open("a", encoding="utf-8") as stream:
        stream.write('- id: "x\\e[2J"\n  name: "Evil\\e]0;T\\a"\n  type: person\n  sources: [doc-a]\n')
    result = run("validate", data=target)
    assert result.exit_code == 3
    assert result.stdout.replace(str(target) + os.sep, "") == (
        "entities.yaml:21: entity x\\x1b[2J: id 'x\\x1b[2J' is not a lowercase slug (letters, digits, '-')\n"
    )


# ------------------------------------------------------- encodings, widths


def _imrnet(*args: str, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "imrnet", *args], capture_output=True,
                          env={**os.environ, **(env or {})}, timeout=120, **kwargs)


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "cp1252"])
def test_any_terminal_encoding_prints_transliterated(encoding):
    done = _imrnet("show", "Ионов", env={"PYTHONIOENCODING": encoding})
    assert done.returncode == 0, done.stderr
    text = done.stdout.decode(encoding)
    assert "Aleksandr Ionov" in text and "Traceback" not in done.stderr.decode(encoding)
    wrong = _imrnet("show", "Ионовв", env={"PYTHONIOENCODING": encoding})
    assert wrong.returncode == 2
    assert wrong.stderr.decode(encoding).startswith("imrnet: no entity matches 'Ionovv'")


def test_json_on_an_ascii_terminal_keeps_exact_values():
    done = _imrnet("show", "Ionov", "--json", env={"PYTHONIOENCODING": "ascii"})
    assert done.returncode == 0
    card = json.loads(done.stdout.decode("ascii"))
    assert "Александр Викторович Ионов" in card["aliases"]


@pytest.mark.parametrize(("columns", "narrowest", "widest"), [("0", 80, 80), ("5", 40, 40), ("100000", 81, 1000)])
def test_any_width_prints_something_readable(columns, narrowest, widest):
    """COLUMNS=0 counts as unset (80 when piped), a tiny width as 40, a huge one as 1,000."""
    done = _imrnet("show", "agmr", env={"COLUMNS": columns})
    assert done.returncode == 0
    lines = done.stdout.decode().splitlines()
    assert "Anti-Globalization" in done.stdout.decode()
    assert narrowest <= len(lines[0]) <= widest  # the card's top border


# ---------------------------------------------------- interrupts, OS errors

_INTERRUPT = """
import os, signal, sys, time
from imrnet.index import cache

def interrupted(dirs, progress=None):  # the user presses Ctrl-C while the data loads
    os.kill(os.getpid(), signal.SIGINT)
    time.sleep(5)

cache.load_cached = interrupted
sys.argv = ["imrnet", "show", "Ionov"]
from imrnet.console import main
main()
"""


def test_ctrl_c_exits_130_quietly():
    done = subprocess.run([sys.executable, "-c", _INTERRUPT], capture_output=True, timeout=120)
    assert (done.returncode, done.stdout, done.stderr) == (130, b"", b"")


def test_unlistable_data_directory_is_one_line(tmp_path):
    """A data directory that cannot be listed is a problem of the dataset (exit 3).

    Root reads every directory, so as root a path too long to reach its
    files stands in for the permission error: the same system error path.
    """
    if os.geteuid() == 0:
        locked = tmp_path  # grown to 4,090 characters: DIR/links.yaml is past PATH_MAX
        while len(str(locked)) < 4090 - 201:
            locked = locked / ("d" * 200)
        locked = locked / ("d" * (4090 - len(str(locked)) - 1))
        locked.mkdir(parents=True)
        reason = "File name too long"
    else:
        locked = tmp_path / "locked"
        shutil.copytree(BASE, locked)
        locked.chmod(0o000)
        reason = "Permission denied"
    try:
        result = runner.invoke(app, ["validate", "--data", str(locked)])
    finally:
        locked.chmod(0o755)
    assert result.exit_code == 3
    assert result.stdout == f"{locked}: cannot read directory: {reason}\n"
    assert result.stderr == "imrnet: invalid dataset: 1 problem(s)\n"


def test_os_error_on_a_data_path_is_one_line():
    name = "x" * 300
    result = runner.invoke(app, ["show", "Ionov", "--data", name])
    assert result.exit_code == 3
    assert result.stderr == f"imrnet: {name}: File name too long\n"


# --------------------------------------------------------------- volume


@pytest.fixture
def crowded(tmp_path) -> Path:
    """620 links between the same two entities."""
    target = tmp_path / "data"
    shutil.copytree(BASE, target)
    links = "".join(
        f"- {{id: m{i}, source: alexander-ionov, target: agmr, type: met, status: reported, "
        f"start: '{2000 + i % 20}', role: r{i}, sources: [doc-a]}}\n" for i in range(620))
    (target / "links.yaml").write_text(links, encoding="utf-8")
    return target


@pytest.fixture
def wordy(tmp_path) -> Path:
    """A 9,000-character summary."""
    target = tmp_path / "data"
    shutil.copytree(BASE, target)
    entities = (BASE / "entities.yaml").read_text().replace(
        "  founded:", "  summary: " + "word " * 1800 + "\n  founded:")
    (target / "entities.yaml").write_text(entities, encoding="utf-8")
    return target


def _rows(text: str) -> int:
    return sum(1 for line in text.splitlines() if line.startswith("│ 20"))


def test_tables_show_a_bounded_number_of_rows(crowded):
    result = run("links", data=crowded)
    assert result.exit_code == 0
    assert _rows(result.stdout) == 500
    assert "… and 120 more rows; --full shows every row" in result.stdout
    full = run("links", "--full", data=crowded)
    assert _rows(full.stdout) == 620 and "more rows" not in full.stdout
    as_json = runner.invoke(app, ["links", "--json", "--data", str(crowded)])
    assert len(json.loads(as_json.stdout)["links"]) == 620


def test_long_text_is_cut_in_tables_and_whole_in_json(wordy):
    result = run("show", "agmr", data=wordy)
    assert result.exit_code == 0
    flat = " ".join(result.stdout.replace("│", " ").split())
    assert "word word … [cut: 8,999 characters in all; --full shows them]" in flat
    assert flat.count("word") == 400
    full = run("show", "agmr", "--full", data=wordy)
    assert " ".join(full.stdout.replace("│", " ").split()).count("word") == 1800
    card = json.loads(runner.invoke(app, ["show", "agmr", "--json", "--data", str(wordy)]).stdout)
    assert card["summary"] == ("word " * 1800).strip()


@pytest.mark.parametrize(("command", "what"), [("show", "entity name"), ("search", "search text")])
def test_typed_text_has_a_length_limit(command, what):
    result = runner.invoke(app, [command, "Ionov " * 20_000])
    assert result.exit_code == 2
    assert result.stderr == f"imrnet: {what} of 120,000 characters is over the limit of 1,000\n"


@pytest.mark.parametrize("command", [["export", "dot"], ["list", "--csv"]])
def test_an_export_shown_on_a_terminal_is_inert(hostile, command):
    """Exports and CSV keep the data's values in files and pipes; on a terminal they are made inert."""
    import pty

    leader, follower = pty.openpty()
    try:
        done = subprocess.run([sys.executable, "-m", "imrnet", *command, "--data", str(hostile)],
                              stdout=follower, stderr=subprocess.PIPE, timeout=120)
        os.close(follower)
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(leader)
    assert done.returncode == 0, done.stderr
    assert SHOWN_NAME.encode() in shown and b"\x1b" not in shown
    piped = _imrnet(*command, "--data", str(hostile))
    assert b"Alexander \x1b]0;PWNED\x07" in piped.stdout  # (click drops colour codes from pipes)


def test_list_and_search_tables_are_bounded_too(tmp_path):
    target = tmp_path / "many"
    shutil.copytree(BASE, target)
    extra = "".join(f"- {{id: person-{i:03d}, name: Person {i:03d}, type: person, sources: [doc-a]}}\n"
                    for i in range(600))
    with open(target / "entities.yaml", "a", encoding="utf-8") as handle:
        handle.write("\n" + extra)
    listed = run("list", "--type", "person", data=target)
    assert listed.exit_code == 0, listed.stderr
    # Alexander Ionov sorts first: he and 499 of the 600 fill the 500 rows.
    assert sum(1 for line in listed.stdout.splitlines() if line.startswith("│ Person ")) == 499
    assert "… and 101 more rows; --full shows every row" in listed.stdout  # 600 + Alexander Ionov
    found = run("search", "Person", "--limit", "600", data=target)
    assert found.exit_code == 0, found.stderr
    assert "… and 100 more rows; --full shows every row" in found.stdout
