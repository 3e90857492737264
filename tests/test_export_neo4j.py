"""The Neo4j exports loaded into an embedded Cypher engine (ladybug, the kuzu fork).

No Neo4j server runs here: the import-tool CSVs are copied into ladybug,
whose Cypher shortest-path search must find exactly the paths
``imrnet path`` finds; the MERGE script is run twice and must create
everything once.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from imrnet.cli import app
from imrnet.dataset.vocab import LINK_TYPES
from imrnet.export.neo4j import NODE_HEADER, RELATIONSHIP_HEADER

lb = pytest.importorskip("ladybug", reason="ladybug is not installed (pip install ladybug)")

sys.path.insert(0, str(Path(__file__).parent))
from export_cases import SELECTIONS, SMALL  # noqa: E402

runner = CliRunner()
_TYPES = {"float": "DOUBLE", "boolean": "BOOLEAN"}


def _column(header: str, key: str) -> str:
    name, _, kind = header.partition(":")
    # arrays stay text here: ladybug's CSV lists use another syntax than the import tool's
    return f"`{key}` {_TYPES.get(kind, 'STRING')}"


def invoke(*argv, data=SMALL) -> str:
    result = runner.invoke(app, [*map(str, argv), "--data", str(data)])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def load_csv(directory: Path):
    """A ladybug connection holding the import-tool CSVs in ``directory``."""
    conn = lb.Connection(lb.Database(":memory:"))
    node_columns = ", ".join(_column(h, k) for h, k in NODE_HEADER)
    conn.execute(f"CREATE NODE TABLE Entity({node_columns}, PRIMARY KEY (id))")
    rel_columns = ", ".join(_column(h, k) for h, k in RELATIONSHIP_HEADER[2:])
    conn.execute(f"CREATE REL TABLE Link(FROM Entity TO Entity, {rel_columns})")
    conn.execute(f'COPY Entity FROM "{directory / "nodes.csv"}" (header=true)')
    conn.execute(f'COPY Link FROM "{directory / "relationships.csv"}" (header=true)')
    return conn


def rows(conn, query: str) -> list:
    result = conn.execute(query)
    out = []
    while result.has_next():
        out.append(result.get_next())
    return out


@pytest.mark.parametrize("name", SELECTIONS)
def test_neo4j_csv_loads_with_exact_counts(name, tmp_path):
    options, n_nodes, n_edges = SELECTIONS[name]
    invoke("export", "neo4j", *options, "-o", tmp_path)
    conn = load_csv(tmp_path)
    assert rows(conn, "MATCH (n:Entity) RETURN count(n)") == [[n_nodes]]
    assert rows(conn, "MATCH ()-[l:Link]->() RETURN count(l)") == [[n_edges]]


def test_neo4j_csv_headers_and_values(tmp_path):
    invoke("export", "neo4j", "-o", tmp_path)
    nodes = (tmp_path / "nodes.csv").read_text().splitlines()
    rels = (tmp_path / "relationships.csv").read_text().splitlines()
    assert nodes[0].startswith("id:ID,:LABEL,name,type,aliases:string[],")
    assert rels[0].startswith(":START_ID,:END_ID,:TYPE,id,")
    assert "amount:float" in rels[0] and "symmetric:boolean" in rels[0]
    assert nodes[1].startswith("konstantin-malofeev,Entity;Person,Konstantin Malofeev,person,"
                               "Konstantin Malofeyev;Константин Малофеев,")
    conn = load_csv(tmp_path)
    assert rows(conn, 'MATCH (a)-[l:Link]->(b) WHERE l.id = "konstantin-malofeev~owns~tsargrad" '
                      "RETURN l.rel_type, l.status, l.sources, l.symmetric") == [
        ["OWNS", "alleged", "src-a (p. 2)", False]
    ]


@pytest.mark.parametrize("data", [SMALL, "bundled"])
def test_cypher_shortest_paths_match_imrnet_path(data, tmp_path):
    invoke("export", "neo4j", "-o", tmp_path, data=data)
    conn = load_csv(tmp_path)
    found = rows(
        conn,
        'MATCH p = (a:Entity)-[:Link* ALL SHORTEST 1..10]-(b:Entity) '
        'WHERE a.id = "konstantin-malofeev" AND b.id = "alexander-dugin" '
        'RETURN properties(nodes(p), "id"), properties(rels(p), "id")',
    )
    answer = json.loads(invoke("path", "konstantin-malofeev", "alexander-dugin", "--limit", "1000", "--ties", "all",
                             "--json", data=data))
    expected_nodes = {tuple(n["id"] for n in p["nodes"]) for p in answer["paths"]}
    expected_links = {
        link["id"] for p in answer["paths"] for hop in p["hops"] for link in hop["links"]
    }
    assert {tuple(nodes) for nodes, _ in found} == expected_nodes
    assert {link for _, links in found for link in links} == expected_links
    assert found
    if data == SMALL:
        assert len(expected_nodes) == 3 and len(expected_links) == 7


def test_cypher_script_merges_idempotently(tmp_path):
    script = invoke("export", "cypher")
    conn = lb.Connection(lb.Database(":memory:"))
    node_columns = ", ".join(_column(h, k) for h, k in NODE_HEADER if k != "labels")
    node_columns = node_columns.replace("`aliases` STRING", "`aliases` STRING[]")
    for array in ("country", "tags", "sources"):
        node_columns = node_columns.replace(f"`{array}` STRING", f"`{array}` STRING[]")
    conn.execute(f"CREATE NODE TABLE Entity({node_columns}, PRIMARY KEY (id))")
    rel_columns = ", ".join(
        _column(h, k) for h, k in RELATIONSHIP_HEADER[3:]
    ).replace("`sources` STRING", "`sources` STRING[]")
    for link_type in LINK_TYPES:
        conn.execute(f"CREATE REL TABLE {link_type.upper()}(FROM Entity TO Entity, {rel_columns})")
    statements = [line for line in script.splitlines() if line]
    assert len(statements) == 13 + 15
    for _ in range(2):  # loading twice duplicates nothing
        for statement in statements:
            conn.execute(statement)
    assert rows(conn, "MATCH (n:Entity) RETURN count(n)") == [[13]]
    assert rows(conn, "MATCH ()-[l]->() RETURN count(l)") == [[15]]
    assert rows(conn, 'MATCH (n:Entity) WHERE n.id = "konstantin-malofeev" RETURN n.name, n.aliases') == [
        ["Konstantin Malofeev", ["Konstantin Malofeyev", "Константин Малофеев"]]
    ]
    assert rows(conn, 'MATCH ()-[l:OWNS]->() RETURN l.status, l.sources') == [["alleged", ["src-a (p. 2)"]]]
