"""export, draw and html on the command line: selection, filters, where output goes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from imrnet.cli import app
from imrnet.cli.options import _FILTER_OPTIONS

SMALL = Path(__file__).parent / "fixtures" / "graph" / "small"
SCRIPT = Path(sys.executable).parent / "imrnet"
runner = CliRunner()


def run(*argv, data=SMALL):
    return runner.invoke(app, [*map(str, argv), "--data", str(data)])


def node_link(*argv) -> dict:
    result = run("export", "json", *argv)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def _options(name: str) -> set[str]:
    command = typer.main.get_command(app).commands[name]
    return {opt for p in command.params if p.param_type_name == "option" for opt in p.opts}


@pytest.mark.parametrize("name", ["export", "draw", "html"])
def test_shared_filters_declared_once(name):
    shared = {f"--{key.replace('_', '-')}" for key in _FILTER_OPTIONS}
    assert shared <= _options(name)
    assert {"--ego", "--radius", "--path", "--limit", "--data"} <= _options(name)
    # the same filters as every other filtered command
    assert shared & _options("path") == shared & _options(name)


def test_filters_apply():
    assert len(node_link("--status", "reported")["links"]) == 10
    # as of 2016: the acts dated by then (L1 2015, L4 and L5 2014-09) and the states
    # in force (L3 2015-2017, L13 since 2012, L15 2016-2018); not L14 (2022), nor
    # the 8 undated links, unless asked
    doc = node_link("--as-of", "2016")
    assert len(doc["links"]) == 6
    assert "doj~charged~alexander-ionov~2022-07-29" not in {l["id"] for l in doc["links"]}
    assert len(node_link("--as-of", "2016", "--undated", "include")["links"]) == 14
    assert len(doc["nodes"]) == 13  # the whole graph keeps every entity
    assert doc["graph"]["selection"]["filters"]["as_of"] == "2016"
    assert len(node_link("--link-type", "attended")["links"]) == 5
    # the filters decide the ego network too
    ego = node_link("--ego", "Malofeev", "--status", "reported")
    assert sorted(n["id"] for n in ego["nodes"]) == ["big-forum", "konstantin-malofeev", "small-club", "tsargrad"]
    assert len(ego["links"]) == 3


def test_ego_radius_and_path_limit():
    assert len(node_link("--ego", "Malofeev", "--radius", "2")["nodes"]) == 10
    doc = node_link("--path", "Malofeev", "alexander-dugin", "--limit", "1")
    assert [n["id"] for n in doc["nodes"]] == ["konstantin-malofeev", "small-club", "alexander-dugin"]
    assert doc["graph"]["selection"] == {
        "mode": "path", "from": "konstantin-malofeev", "to": "alexander-dugin", "paths": 1,
        "length": 2, "filters": doc["graph"]["selection"]["filters"],
    }


@pytest.mark.parametrize(
    "argv, code, message",
    [
        (["export", "xls"], 2, "unknown format 'xls'; expected one of: graphml, gexf,"),
        (["export", "json", "--ego", "Malofeev", "--path", "a", "b"], 2, "choose either --ego or --path"),
        (["export", "json", "--ego", "Nobody Atall"], 2, "no entity matches"),
        (["export", "json", "--ego", "Malofeev", "--radius", "0"], 2, "--radius must be a whole number"),
        (["export", "json", "--path", "Malofeev", "lonely-co"], 1, "no path"),
        # an ego without counted links is an empty answer, as `imrnet ego` says
        (["export", "json", "--ego", "lonely-co"], 1, "Lonely Company has no counted link (Links counted: all)"),
        (["draw", "-o", "ego.png", "--ego", "lonely-co"], 1, "Lonely Company has no counted link"),
        (["html", "-o", "ego.html", "--ego", "Malofeev", "--status", "planned"], 1,
         "Konstantin Malofeev has no counted link (Links counted: status planned)"),
        (["export", "csv"], 2, "this format writes nodes.csv and edges.csv: give a directory with -o"),
        (["export", "json", "--status", "rumoured"], 2, "unknown status 'rumoured'"),
        (["draw", "-o", "net.gif"], 2, "cannot draw to net.gif: name the file .svg, .png or .pdf"),
        (["draw", "-o", "net.svg", "--edge-labels", "some"], 2, "--edge-labels must be one of auto, all, none"),
    ],
)
def test_refusals(argv, code, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run(*argv)
    assert result.exit_code == code, result.output
    assert message in result.stderr
    assert result.stdout == ""
    assert list(tmp_path.iterdir()) == []  # nothing written


@pytest.mark.parametrize("argv", [["export", "json"], ["draw"], ["html"]])
def test_never_overwrites_input_data(argv, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    for name in ("sources.yaml", "entities.yaml", "links.yaml"):
        (data / name).write_bytes((SMALL / name).read_bytes())
    target = data / "links.yaml"
    result = run(*argv, "-o", target, data=data)
    assert result.exit_code == 2
    assert result.stderr == f"imrnet: refusing to overwrite input data file {target}\n"
    assert target.read_bytes() == (SMALL / "links.yaml").read_bytes()


def test_never_overwrites_input_data_in_a_directory(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    for name in ("sources.yaml", "entities.yaml", "links.yaml"):
        (data / name).write_bytes((SMALL / name).read_bytes())
    (data / "nodes.csv").symlink_to(data / "entities.yaml")
    result = run("export", "csv", "-o", data, data=data)
    assert result.exit_code == 2
    assert "refusing to overwrite input data file" in result.stderr
    assert not (data / "edges.csv").exists()  # checked before the first file is written


def test_atomic_file_output(tmp_path):
    target = tmp_path / "out.graphml"
    target.write_text("old")
    result = run("export", "graphml", "-o", target)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == f"imrnet: wrote {target}\n"
    assert target.read_text().startswith("<graphml")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.graphml"]  # no temporary left


def test_directory_output_created(tmp_path):
    result = run("export", "neo4j", "-o", tmp_path / "new" / "neo4j")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "new" / "neo4j").iterdir()) == ["nodes.csv", "relationships.csv"]


def test_unwritable_target(tmp_path):
    result = run("export", "dot", "-o", tmp_path / "missing" / "g.dot")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"imrnet: cannot write {tmp_path / 'missing' / 'g.dot'}:")


def test_console_script_and_lazy_imports(tmp_path):
    """The installed script exports the bundled data; export never loads matplotlib."""
    proc = subprocess.run([str(SCRIPT), "export", "dot", "--ego", "Ionov"], capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("digraph imrnet {")
    code = (
        "import sys; from typer.testing import CliRunner; from imrnet.cli import app; "
        "r = CliRunner().invoke(app, ['export', 'gexf']); assert r.exit_code == 0, r.output; "
        "print('matplotlib' in sys.modules)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.stdout.strip() == "False", proc.stderr


def test_export_help_names_every_format_and_what_path_selects():
    from imrnet.export import FORMATS

    result = runner.invoke(app, ["export", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    description = " ".join(result.stdout.split("Arguments:")[0].split())
    # every format is described, not only listed as a choice
    assert [name for name in FORMATS if f"{name} (" not in description] == []
    # --path counts every kind of tie, unlike `imrnet path`: the help must not say otherwise
    assert "those `imrnet path` prints" not in result.stdout
    assert "--ties affiliation for exactly the paths it prints" in " ".join(result.stdout.split())
