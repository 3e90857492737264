"""The console script's stored top-level help is exactly what Typer renders."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from imrnet.cli import app
from imrnet.console import stored_help

SCRIPT = Path(sys.executable).parent / "imrnet"


def script(*args: str, columns: str, module: bool = False) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "IMRNET_DATA"}
    env["COLUMNS"] = columns
    argv = [sys.executable, "-m", "imrnet", *args] if module else [str(SCRIPT), *args]
    return subprocess.run(argv, env=env, capture_output=True, text=True, timeout=60)


def test_stored_help_is_typers_rendering():
    # CliRunner renders help 80 columns wide, as Click does on any terminal at
    # least that wide.
    result = CliRunner().invoke(app, ["--help"], prog_name="imrnet")
    assert result.exit_code == 0
    assert stored_help() == result.stdout, "run: python scripts/update_docs.py"


def test_console_script_prints_the_stored_help_on_wide_terminals():
    for flag in ("--help", "-h"):
        result = script(flag, columns="120")
        assert (result.returncode, result.stdout, result.stderr) == (0, stored_help(), "")
    by_module = script("--help", columns="100", module=True)
    assert (by_module.returncode, by_module.stdout) == (0, stored_help())


def test_narrow_terminals_get_typers_own_wrapping():
    result = script("--help", columns="60")
    assert result.returncode == 0
    assert result.stdout != stored_help()
    assert result.stdout.startswith("Usage: imrnet [OPTIONS] COMMAND [ARGS]...\n")
    assert max(len(line) for line in result.stdout.splitlines()) <= 60


def test_other_arguments_go_to_typer():
    result = script("--version", columns="120")
    assert (result.returncode, result.stdout) == (0, "imrnet 0.1.0\n")
    result = script("validate", "--help", columns="120")
    assert result.returncode == 0 and result.stdout.startswith("Usage: imrnet validate")


def test_a_run_builds_only_its_own_command():
    from imrnet.cli import _app_for, app

    assert [c.name for c in _app_for(["path"]).registered_commands] == ["path"]
    assert _app_for(["--help"]) is app and _app_for(["pth"]) is app and _app_for([]) is app
    assert len(app.registered_commands) > 10  # the shared app is never narrowed
    done = subprocess.run([str(SCRIPT), "pth", "a", "b"], capture_output=True, text=True)
    assert done.returncode == 2 and "No such command 'pth'. Did you mean 'path'?" in done.stderr


def test_command_modules_name_where_every_command_is_registered():
    """A run imports only its command's module: the map must name the right one for each."""
    from imrnet import cli

    registered = {c.name: c.callback.__module__.rsplit(".", 1)[1] for c in cli.app.registered_commands}
    assert registered == cli.COMMAND_MODULES
    assert list(registered) == list(cli.COMMAND_MODULES)  # help's order


def test_a_query_imports_only_its_own_command_module():
    code = ("import sys; sys.argv = ['imrnet', 'path', 'Malofeev', 'Dugin', '--json']\n"
            "from imrnet.console import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith('imrnet.cli.')), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    loaded = done.stderr.strip().splitlines()[-1]
    assert "imrnet.cli.graph" in loaded
    assert not any(m in loaded for m in ("imrnet.cli.export", "imrnet.cli.validate", "imrnet.cli.records"))
