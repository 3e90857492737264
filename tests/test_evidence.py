"""The evidence in view: summaries, sources, competing accounts, origins.

Through the installed ``imrnet`` script on tests/fixtures/present (two
competing accounts of when Ionov began to lead the AGMR, a source with a
URL and a long id) and tests/fixtures/notes over the bundled data.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
PRESENT = str(FIXTURES / "present")
NOTES = str(FIXTURES / "notes")
SCRIPT = Path(sys.executable).parent / "imrnet"
ACCOUNTS = {"agmr-presidency": ["ionov-leads-agmr-2011", "ionov-leads-agmr-2012"]}


def imrnet(*args: str, data=(PRESENT,), columns: int = 80) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("IMRNET_DATA", "NO_COLOR")}
    env["COLUMNS"] = str(columns)
    argv = [str(SCRIPT), *args]
    for directory in data:
        argv += ["--data", directory]
    return subprocess.run(argv, capture_output=True, text=True, encoding="utf-8", env=env,
                          timeout=120)


def doc(*args: str, data=(PRESENT,)) -> dict:
    result = imrnet(*args, "--json", data=data)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def plain(text: str) -> str:
    """The table text without borders, one space between words."""
    for ch in "│┃┏┓┗┛┡┩└┘┌┐━─┳┻╇┼┬┴├┤╋":
        text = text.replace(ch, " ")
    return " ".join(text.split())


# ------------------------------------------------------------------ accounts


def test_links_groups_competing_accounts_and_counts_the_fact_once():
    links = doc("links")
    assert links["count"] == 3
    assert links["accounts"] == ACCOUNTS
    assert [link["id"] for link in links["links"]] == [
        "ionov-leads-agmr-2011", "ionov-leads-agmr-2012", "government-funds-agmr",
        "government-met-ionov"]
    by_date = doc("links", "--sort", "date")
    # sorted by date the accounts still stand together, at the first one's place
    assert [link["id"] for link in by_date["links"]] == [
        "ionov-leads-agmr-2011", "ionov-leads-agmr-2012", "government-funds-agmr",
        "government-met-ionov"]
    out = imrnet("links").stdout
    assert out.splitlines()[0].rstrip() == (
        "3 links (4 rows: 1 more competing account of a fact, counted once)")
    text = plain(out)
    assert "competing account 1 of 2 As the encyclopedia says." in text
    assert "competing account 2 of 2 The sources conflict; the journal says 2012." in text


def test_counts_count_a_fact_once():
    stats = doc("stats")
    assert (stats["links"], stats["links_total"], stats["account_groups"]) == (3, 3, 1)
    # the group counts once, as its best-established account (reported)
    assert stats["statuses"] == {"reported": 2, "alleged": 1, "disputed": 0, "planned": 0}
    assert stats["link_types"] == {"leads": 1, "funds": 1, "met": 1}
    assert [(h["id"], h["degree"], h["links"]) for h in stats["hubs"]] == [
        ("alexander-ionov", 2, 2), ("agmr", 2, 2), ("russian-government", 2, 2)]
    counts = doc("validate")["counts"]
    assert (counts["links"], counts["account_groups"], counts["statuses"]) == (
        3, 1, {"reported": 2, "alleged": 1})
    sources = {s["id"]: s["counts"] for s in doc("sources")["sources"]}
    assert sources == {"encyclopedia": {"entities": 4, "links": 2},
                       "albuquerque-journal-2017-02-20": {"entities": 0, "links": 2}}
    ego = doc("ego", "agmr")
    assert (len(ego["links"]), ego["facts"], ego["accounts"]) == (4, 3, ACCOUNTS)
    show = doc("show", "Ionov")
    assert show["accounts"] == ACCOUNTS and len(show["links"]) == 3
    assert doc("timeline", "agmr")["accounts"] == ACCOUNTS
    common = doc("common", "Ionov", "Russian government")["results"]
    assert [(r["entity"]["id"], {k: [l["id"] for l in v] for k, v in r["links"].items()})
            for r in common] == [("agmr", {
                "alexander-ionov": ["ionov-leads-agmr-2011", "ionov-leads-agmr-2012"],
                "russian-government": ["government-funds-agmr"]})]


# ------------------------------------------------------------------ evidence


def test_link_json_names_both_ends():
    link = doc("links", "--link-type", "funds")["links"][0]
    assert {k: link[k] for k in ("source", "source_name", "target", "target_name", "symmetric")} == {
        "source": "russian-government", "source_name": "Russian government",
        "target": "agmr", "target_name": "Anti-Globalization Movement of Russia",
        "symmetric": False}
    assert doc("links", "--link-type", "met")["links"][0]["symmetric"] is True


def test_every_link_table_shows_summary_and_sources_with_locators():
    for argv in (["links"], ["show", "AGMR"], ["timeline", "AGMR"], ["path", "Ionov", "AGMR"],
                 ["sources", "albuquerque-journal-2017-02-20"]):
        text = plain(imrnet(*argv, columns=200).stdout)
        assert "A presidential grant." in text or argv[0] == "path", argv
        assert "The sources conflict; the journal says 2012." in text, argv
        assert "albuquerque-journal-2017-02-20 (ref. 3)" in text, argv


def test_long_adds_publisher_title_date_and_url():
    short, long = imrnet("links", "--link-type", "funds"), imrnet("links", "--link-type", "funds", "--long", columns=200)
    assert "https://" not in short.stdout
    assert "Albuquerque Journal: Russian activists at a New Mexico conference (2017-02-20)" in long.stdout
    assert "https://example.org/abqjournal/2017/02/20/russian-activists" in long.stdout
    path = imrnet("path", "Ionov", "AGMR", "--long", columns=200).stdout
    assert "https://example.org/abqjournal/2017/02/20/russian-activists" in path
    show = imrnet("show", "AGMR", "--long", columns=200).stdout
    assert "https://example.org/abqjournal/2017/02/20/russian-activists" in show


def test_origin_in_show_and_on_overlay_links():
    card = imrnet("show", "Example Informant", data=("bundled", NOTES), columns=120).stdout
    assert "│ Origin  │ tests/fixtures/notes" in card
    assert "from tests/fixtures/notes" in card  # the link came from the overlay
    assert doc("show", "Example Informant", data=("bundled", NOTES))["origin"] == "tests/fixtures/notes"
    bundled = imrnet("show", "alexander-ionov", data=("bundled",), columns=120).stdout
    assert "│ Origin  │ bundled" in bundled and "from bundled" not in bundled


def test_ids_and_dates_never_break_in_a_terminal_of_80_columns():
    # Rich alone would fold the long source id here ("albuquerque-journal-2017-0").
    for columns in (80, 90, 100):
        out = imrnet("links", columns=columns).stdout
        assert "albuquerque-journal-2017-02-20" in out, columns
        assert "2012-03" in out and "3,500,000" in out


def test_one_line_columns_stay_whole_when_nothing_else_fits():
    # 50 columns cannot hold the longest words side by side: the wrapping
    # columns fold, the dates and statuses stay whole (Rich would cut them).
    out = imrnet("links", columns=50).stdout
    for word in ("2012-03", "reported", "disputed", "alleged", "undated"):
        assert word in out, word
    assert max(len(line) for line in out.splitlines()) <= 50


# ------------------------------------------------------------------ ego


def test_ego_lists_every_link_it_counts():
    out = imrnet("ego", "agmr").stdout
    assert out.splitlines()[0] == (
        "Anti-Globalization Movement of Russia (organization): 2 entities within 1 hop, 3")
    text = plain(out)
    assert "links among them (1 more competing account of a fact, counted once)" in text
    # the tie between two neighbours is shown too
    assert "Ties among entities at the same distance (1)" in text
    assert "Russian government met Alexander Ionov (alleged)" in text
    assert text.count("led by (") == 2 and text.count("funded by (") == 1
    assert "led by (disputed, 2012-03) · competing account 2 of 2" in text


def test_common_marks_competing_accounts():
    text = plain(imrnet("common", "Ionov", "Russian government", columns=200).stdout)
    # read from each given entity's side: Ionov leads
    assert "leads (reported, 2011) · competing account 1 of 2" in text
    assert "leads (disputed, 2012-03) · competing account 2 of 2" in text

