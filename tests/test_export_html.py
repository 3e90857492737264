"""imrnet html: one offline page, checked statically and in headless Chromium.

The browser tests drive the system's Chromium through the DevTools
protocol (tests/browser.py) and skip, saying why, when it or
websocket-client is missing.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from imrnet.cli import app
from imrnet.dataset.loader import load
from imrnet.queries.filters import LinkFilter

sys.path.insert(0, str(Path(__file__).parent))
from browser import Browser, find_chromium  # noqa: E402

SMALL = Path(__file__).parent / "fixtures" / "graph" / "small"
ASSETS = Path(__file__).parents[1] / "src" / "imrnet" / "export" / "assets"
runner = CliRunner()
CHROMIUM, WHY_NOT = find_chromium()
needs_browser = pytest.mark.skipif(CHROMIUM is None, reason=WHY_NOT)


def page(tmp_path: Path, *argv, data=SMALL) -> Path:
    out = tmp_path / "page.html"
    result = runner.invoke(app, ["html", *map(str, argv), "--data", str(data), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    return out


def test_self_contained(tmp_path):
    text = page(tmp_path).read_text()
    # nothing fetched: no external script, stylesheet, image or frame
    assert not re.search(r"<(script|link|img|iframe)[^>]*\b(src|href)=", text)
    assert "default-src 'none'" in text
    assert (ASSETS / "cytoscape.min.js").read_text()[:200] in text
    version = (ASSETS / "cytoscape.VERSION").read_text()
    assert version.startswith("cytoscape 3.") and "(MIT)" in version
    assert "Permission is hereby granted" in (ASSETS / "cytoscape.LICENSE").read_text()


def test_stdout_by_default():
    result = runner.invoke(app, ["html", "--ego", "Malofeev", "--data", str(SMALL)])
    assert result.exit_code == 0
    assert result.stdout.startswith("<!DOCTYPE html>")


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip(WHY_NOT)
    opened = Browser(CHROMIUM)
    yield opened
    opened.close()


def visible_links(browser) -> int:
    return browser.js("imrnet.cy.edges().filter(e => e.style('display') !== 'none').length")


def card_title(browser) -> str:
    return browser.js("(document.querySelector('#card h2') || {}).textContent || ''")


@needs_browser
def test_page_in_chromium(browser, tmp_path):
    browser.open(page(tmp_path))
    assert browser.errors() == []
    assert [url for url in browser.requests() if not url.startswith("file://")] == []
    assert browser.requests() == [(tmp_path / "page.html").resolve().as_uri()]
    assert browser.js("imrnet.cy.nodes().length") == 13
    assert visible_links(browser) == 15
    assert browser.js("document.getElementById('counts').textContent") == "13 entities, 15 of 15 links shown"

    # search, in another script: the Cyrillic alias finds Malofeev and shows his card
    browser.js("(s => { s.value = 'Малофеев'; s.dispatchEvent(new Event('input')); })"
               "(document.getElementById('search')); true")
    assert card_title(browser) == "Konstantin Malofeev"
    assert browser.js("imrnet.cy.$('.match').map(n => n.id())") == ["konstantin-malofeev"]

    # a real click on Tsargrad TV shows its card: names, links with status, dates, sources
    browser.js("imrnet.cy.animation && imrnet.cy.stop(); imrnet.cy.fit(); true")
    time.sleep(0.3)
    x, y = browser.js(
        "(() => { const p = imrnet.cy.getElementById('tsargrad').renderedPosition();"
        " const box = document.getElementById('cy').getBoundingClientRect();"
        " return [p.x + box.left, p.y + box.top]; })()"
    )
    browser.click(x, y)
    assert card_title(browser) == "Tsargrad TV"
    card = browser.js("document.getElementById('card').innerText")
    assert "Also known as: Царьград" in card
    assert "Links (4)" in card
    assert "Konstantin Malofeev owns Tsargrad TV — alleged, undated" in card
    assert "Sources: src-a (p. 2)" in card
    assert "Tsargrad TV employs Alexander Gelyevich Dugin — reported, 2015 – 2017" in card
    assert "Konstantin Malofeev funds Tsargrad TV — reported, 2015" in card

    # filters: status, kind, year (as --since Y --until Y: acts dated in Y,
    # states holding during Y; undated links hidden)
    def set_year(year):
        browser.js(f"(y => {{ y.value = '{year}'; y.dispatchEvent(new Event('input')); }})"
                   "(document.getElementById('year')); true")

    dataset = load([SMALL])
    for year in (2016, 2022):
        set_year(year)
        expected = len(LinkFilter.from_options(since=str(year), until=str(year)).apply(dataset.links, dataset))
        assert visible_links(browser) == expected
    set_year(2016)
    assert visible_links(browser) == 3  # the states L3 (2015-2017), L13 (2012-), L15 (2016-2018)
    set_year(2022)
    assert visible_links(browser) == 2  # L13 and the act L14 (2022-07-29)
    set_year(browser.js("document.getElementById('year').min"))
    assert visible_links(browser) == 15
    browser.js("document.querySelector('input[name=status][value=reported]').click(); true")
    assert visible_links(browser) == 5
    browser.js("document.querySelector('input[name=status][value=reported]').click();"
               "document.querySelector('input[name=kind][value=adversarial]').click(); true")
    assert visible_links(browser) == 14  # the one adversarial link (charged) hidden
    assert browser.errors() == []


@needs_browser
def test_bundled_page_in_chromium(browser, tmp_path):
    dataset = load()
    browser.events.clear()
    browser.open(page(tmp_path, data="bundled"))
    assert browser.errors() == []
    assert browser.js("imrnet.cy.nodes().length") == len(dataset.entities)
    assert browser.js("imrnet.cy.edges().length") == len(dataset.links)
    assert [u for u in browser.requests() if not u.startswith("file://")] == []


@needs_browser
def test_cytoscape_export_loads_in_cytoscape(browser, tmp_path):
    """The `export cytoscape` document is accepted by Cytoscape.js itself."""
    result = runner.invoke(app, ["export", "cytoscape", "--path", "Malofeev", "alexander-dugin",
                                 "--data", str(SMALL)])
    assert result.exit_code == 0
    browser.events.clear()
    browser.open(page(tmp_path))
    counts = browser.js(
        f"(() => {{ const doc = {result.stdout};"
        " const cy2 = cytoscape({headless: true, elements: doc.elements});"
        " return [cy2.nodes().length, cy2.edges().length]; })()"
    )
    assert counts == [5, 7]
    assert browser.errors() == []
