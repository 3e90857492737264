"""imrnet draw: pictures by extension, every entity named, repeatable."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from imrnet.cli import app
from imrnet.dataset.loader import load
from imrnet.export.draw import draw
from imrnet.export.selection import select

SMALL = Path(__file__).parent / "fixtures" / "graph" / "small"
SVG = "{http://www.w3.org/2000/svg}"
runner = CliRunner()


def run(*argv, data=SMALL):
    result = runner.invoke(app, [*map(str, argv), "--data", str(data)])
    assert result.exit_code == 0, result.stderr
    return result


def texts(svg: bytes) -> list[str]:
    return ["".join(t.itertext()) for t in ET.fromstring(svg).iter(f"{SVG}text")]


def test_svg_names_every_entity_with_a_legend(tmp_path):
    out = tmp_path / "ego.svg"
    result = run("draw", "--ego", "Malofeev", "-o", out)
    assert result.stderr == f"imrnet: wrote {out}\n"
    words = texts(out.read_bytes())
    for name in ("Konstantin Malofeev", "Tsargrad TV", "Big Forum", "Small Club"):
        assert name in words
    # legend: the types and statuses present; edge labels (few links)
    for word in ("person", "media", "event", "organization", "reported", "alleged", "funds, owns"):
        assert word in words
    assert "Ego network of Konstantin Malofeev, radius 1: 4 entities, 4 links" in words


def test_png_and_pdf_by_extension(tmp_path):
    run("draw", "--path", "Malofeev", "alexander-dugin", "-o", tmp_path / "p.png")
    assert (tmp_path / "p.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    run("draw", "-o", tmp_path / "all.PDF")
    assert (tmp_path / "all.PDF").read_bytes()[:5] == b"%PDF-"


def test_same_data_same_picture(small):
    selection = select(small)
    first = draw(selection, "svg")
    assert draw(selection, "svg") == first
    assert draw(selection, "svg", seed=8) != first


def test_edge_labels_switch(small):
    selection = select(small, ego="Malofeev")
    assert "funds, owns" in texts(draw(selection, "svg", edge_labels="auto"))
    assert "funds, owns" not in texts(draw(selection, "svg", edge_labels="none"))


def test_bundled_whole_network_every_name():
    dataset = load()
    words = texts(draw(select(dataset), "svg"))
    names = [e.name for e in dataset.entities.values()]
    # names are wrapped at 24 characters; every word of every name is drawn
    drawn = " ".join(words)
    assert all(part in drawn for name in names for part in name.split())
