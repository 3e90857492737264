"""Every example in every --help and in README.md runs and answers.

The examples are read from the help texts as the installed ``imrnet``
script prints them, and from README.md (``sh`` code blocks and the worked
examples), then run through a shell with the installed script first on
PATH: each must exit 0 and print something (or, with ``-o``, write it). ``~/notes`` is a copy of
tests/fixtures/notes (a private directory laid over the bundled data),
``~/entities.ftm.json`` a copy of tests/fixtures/ftm/sample.ftm.json, and
``~/ftm-data`` its import, made before every example but the import itself.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from imrnet.cli import app

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SCRIPT = BIN / "imrnet"
NOTES = Path(__file__).parent / "fixtures" / "notes"
FTM = Path(__file__).parent / "fixtures" / "ftm" / "sample.ftm.json"
#: A command line an example shows: optional VAR=value words, then imrnet.
COMMAND = re.compile(r"^(?:[A-Z_]+=\S+ )*imrnet(?: .*)?$")


def _help_examples() -> list[tuple[str, str]]:
    env = {**os.environ, "COLUMNS": "80"}
    env.pop("IMRNET_DATA", None)
    found = []
    names = [""] + [info.name for info in app.registered_commands]
    for name in names:
        argv = [str(SCRIPT), *([name] if name else []), "--help"]
        text = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=120).stdout
        for line in text.splitlines():
            line = line.strip()
            if COMMAND.match(line) and " --help" not in line:
                found.append((f"imrnet {name} --help".replace("  ", " "), line))
    return found


def _readme_examples() -> list[tuple[str, str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = [("README worked example", "imrnet " + m) for m in
             re.findall(r"<!-- example: (.+?) -->", text)]
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        for line in block.splitlines():
            line = line.strip()
            if COMMAND.match(line) and not line.startswith("imrnet --install-completion"):
                found.append(("README", line))
    return found


HELP = _help_examples()
README = _readme_examples()


def test_examples_were_found():
    # Every command's help shows examples; so does the README.
    commands = {where for where, _ in HELP}
    assert len(commands) == len(app.registered_commands) + 1, sorted(commands)
    assert len(README) >= 6


@pytest.mark.parametrize("where,line", HELP + README, ids=[line for _, line in HELP + README])
def test_example_answers(where, line, tmp_path):
    if "| jq" in line and shutil.which("jq") is None:
        pytest.skip("jq is not installed")
    home = tmp_path
    shutil.copytree(NOTES, home / "notes")
    shutil.copy(FTM, home / "entities.ftm.json")
    (home / "docs").mkdir()  # README draws into docs/
    env = {k: v for k, v in os.environ.items() if k not in ("IMRNET_DATA", "NO_COLOR")}
    env.update({"HOME": str(home), "PATH": f"{BIN}{os.pathsep}{env.get('PATH', '')}",
                "COLUMNS": "80"})
    if "~/ftm-data" in line and "import ftm" not in line:
        subprocess.run([str(SCRIPT), "import", "ftm", str(home / "entities.ftm.json"), "-o",
                        str(home / "ftm-data")], env=env, capture_output=True, check=True,
                       timeout=120)
    result = subprocess.run(["bash", "-o", "pipefail", "-c", line], capture_output=True,
                            text=True, encoding="utf-8", env=env, cwd=home, timeout=120)
    assert result.returncode == 0, f"{where}: {line}\n{result.stderr}"
    written = re.search(r"(?:-o|--output) (\S+)", line)
    if written and not line.startswith("imrnet import"):
        # An example that writes a file answers with the file (and says so on stderr).
        target = home / written.group(1)
        assert target.exists() and (target.is_dir() or target.stat().st_size > 0), line
        assert result.stderr.startswith("imrnet: wrote "), result.stderr
        return
    assert result.stdout.strip(), f"{where}: {line} printed nothing"
