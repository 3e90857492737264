"""Each export format read back by its real reader, with counts known by hand
(tests/export_cases.py)."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from imrnet.cli import app

sys.path.insert(0, str(Path(__file__).parent))
from export_cases import SELECTIONS, SMALL  # noqa: E402

runner = CliRunner()
EGO_LINKS = {
    "konstantin-malofeev~funds~tsargrad~2015",
    "konstantin-malofeev~owns~tsargrad",
    "konstantin-malofeev~attended~big-forum~2014-09",
    "konstantin-malofeev~member_of~small-club",
}
L3 = "tsargrad~employs~alexander-dugin~2015"
L15 = "alexander-ionov~associate~alexander-dugin~2016"


def export(fmt: str, *options, out: Path | None = None, data=SMALL) -> str:
    argv = ["export", fmt, *map(str, options), "--data", str(data)]
    if out is not None:
        argv += ["-o", str(out)]
    result = runner.invoke(app, argv)
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("name", SELECTIONS)
def test_graphml_read_back(name):
    options, n_nodes, n_edges = SELECTIONS[name]
    graph = nx.read_graphml(io.BytesIO(export("graphml", *options).encode()))
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (n_nodes, n_edges)
    assert isinstance(graph, nx.MultiDiGraph)
    if name == "ego":
        assert {k for _, _, k in graph.edges(keys=True)} == EGO_LINKS
    node = graph.nodes["konstantin-malofeev"]
    assert node["name"] == "Konstantin Malofeev"
    assert node["type"] == "person"
    assert node["aliases"] == "Konstantin Malofeyev; Константин Малофеев"
    assert node["sources"] == "src-a"


def test_graphml_typed_attributes():
    text = export("graphml")
    assert 'attr.name="symmetric" attr.type="boolean"' in text
    assert "None" not in text and "[" not in text
    graph = nx.read_graphml(io.BytesIO(text.encode()))
    owns = graph.edges["konstantin-malofeev", "tsargrad", "konstantin-malofeev~owns~tsargrad"]
    assert owns == {
        "id": "konstantin-malofeev~owns~tsargrad", "relation": "owns", "label": "owns",
        "status": "alleged", "kind": "affiliation", "symmetric": False, "sources": "src-a (p. 2)",
        "timing": "state", "time_basis": "none", "origin": owns["origin"],
        "source_name": "Konstantin Malofeev", "target_name": "Tsargrad TV",
    }
    assert owns["origin"].endswith("small")
    assert graph.edges["alexander-ionov", "alexander-dugin", L15]["symmetric"] is True


@pytest.mark.parametrize("name", SELECTIONS)
def test_gexf_read_back(name, tmp_path):
    options, n_nodes, n_edges = SELECTIONS[name]
    export("gexf", *options, out=tmp_path / "g.gexf")
    text = (tmp_path / "g.gexf").read_text()
    assert 'xmlns="http://gexf.net/1.3"' in text and 'version="1.3"' in text
    # the XML Schema instance namespace, so that xsi:schemaLocation names the schema
    assert 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' in text
    graph = nx.read_gexf(tmp_path / "g.gexf", version="1.3")
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (n_nodes, n_edges)
    malofeev = graph.nodes["konstantin-malofeev"]
    assert malofeev["viz"]["color"] == {"r": 0, "g": 114, "b": 178, "a": 1.0}
    assert malofeev["label"] == "Konstantin Malofeev" and malofeev["type"] == "person"


def test_gexf_timeline_and_relation(tmp_path):
    export("gexf", out=tmp_path / "g.gexf")
    graph = nx.read_gexf(tmp_path / "g.gexf", version="1.3")
    edges = {data["id"]: data for _, _, data in graph.edges(data=True)}
    # the effective time, partial dates widened to whole days: a state over its
    # interval, an act (funds, start 2015) on its date; an undated link stays open
    assert (edges[L3]["start"], edges[L3]["end"]) == ("2015-01-01", "2017-12-31")
    funds = edges["konstantin-malofeev~funds~tsargrad~2015"]
    assert (funds["start"], funds["end"]) == ("2015-01-01", "2015-12-31")
    assert funds["link_start"] == "2015" and "link_end" not in funds
    owns = edges["konstantin-malofeev~owns~tsargrad"]
    assert "start" not in owns and "end" not in owns
    assert edges[L3]["relation"] == "employs" and edges[L3]["label"] == "employs"
    assert edges[L15]["symmetric"] is True


@pytest.mark.parametrize("name", SELECTIONS)
def test_json_node_link_read_back(name):
    options, n_nodes, n_edges = SELECTIONS[name]
    doc = json.loads(export("json", *options))
    graph = nx.node_link_graph(doc, edges="links")
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (n_nodes, n_edges)
    assert graph.is_directed() and graph.is_multigraph()
    assert doc["graph"]["selection"]["mode"] == name
    link = graph.edges["tsargrad", "alexander-dugin", L3] if name != "ego" else None
    if link is not None:
        assert link["start"] == "2015" and link["end"] == "2017" and link["kind"] == "affiliation"
        assert link["sources"] == [{"id": "src-a", "locator": None}]


@pytest.mark.parametrize("name", SELECTIONS)
def test_cytoscape_elements(name):
    options, n_nodes, n_edges = SELECTIONS[name]
    doc = json.loads(export("cytoscape", *options))
    nodes, edges = doc["elements"]["nodes"], doc["elements"]["edges"]
    assert (len(nodes), len(edges)) == (n_nodes, n_edges)
    ids = {n["data"]["id"] for n in nodes}
    assert all(e["data"]["source"] in ids and e["data"]["target"] in ids for e in edges)


def _svg_counts(svg: str) -> tuple[int, int]:
    root = ET.fromstring(svg)
    groups = [g.get("class") for g in root.iter("{http://www.w3.org/2000/svg}g")]
    return groups.count("node"), groups.count("edge")


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz `dot` is not installed (apt-get install graphviz)")
@pytest.mark.parametrize("name", SELECTIONS)
def test_dot_rendered_by_graphviz(name):
    options, n_nodes, n_edges = SELECTIONS[name]
    text = export("dot", *options)
    done = subprocess.run(["dot", "-Tsvg"], input=text, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    assert _svg_counts(done.stdout) == (n_nodes, n_edges)
    if name == "ego":
        # alleged links dashed, in the rendered picture
        root = ET.fromstring(done.stdout)
        owns = next(g for g in root.iter("{http://www.w3.org/2000/svg}g")
                    if g.get("id") == "konstantin-malofeev~owns~tsargrad")
        assert next(owns.iter("{http://www.w3.org/2000/svg}path")).get("stroke-dasharray") == "5,2"


def test_dot_styles():
    text = export("dot")
    assert f'"alexander-ionov" -> "alexander-dugin" [id="{L15}", label="associate of", style=dotted, dir=none' in text
    assert '[id="konstantin-malofeev~owns~tsargrad", label="owns", style=dashed,' in text


@pytest.mark.parametrize("name", SELECTIONS)
def test_gephi_csv(name, tmp_path):
    options, n_nodes, n_edges = SELECTIONS[name]
    export("csv", *options, out=tmp_path / "gephi")
    with open(tmp_path / "gephi" / "nodes.csv", newline="") as handle:
        nodes = list(csv.DictReader(handle))
    with open(tmp_path / "gephi" / "edges.csv", newline="") as handle:
        edges = list(csv.DictReader(handle))
    assert (len(nodes), len(edges)) == (n_nodes, n_edges)
    assert list(nodes[0])[:3] == ["Id", "Label", "type"]
    assert list(edges[0])[:5] == ["Source", "Target", "Type", "Id", "Label"]
    assert {e["Type"] for e in edges} <= {"Directed", "Undirected"}
    if name == "all":
        by_id = {e["Id"]: e for e in edges}
        assert by_id[L15]["Type"] == "Undirected" and by_id[L15]["relation"] == "associate"
        assert by_id[L3]["Type"] == "Directed" and by_id[L3]["start"] == "2015"


def test_mermaid_flowchart():
    text = export("mermaid", "--path", "Malofeev", "alexander-dugin")
    lines = text.splitlines()
    assert lines[0] == "flowchart LR"
    assert sum(1 for l in lines if l.strip().startswith("n") and '["' in l) == 5
    assert sum(1 for l in lines if "|" in l and "classDef" not in l) == 7
    assert '  n0 -.->|"owns (alleged)"| n3' in lines


def test_mermaid_refuses_big_selections():
    from imrnet.export.mermaid import MAX_NODES

    result = runner.invoke(app, ["export", "mermaid"])  # the bundled dataset
    assert result.exit_code == 2
    assert f"mermaid holds at most {MAX_NODES} entities" in result.stderr
    assert result.stdout == ""
