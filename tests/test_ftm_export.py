"""`imrnet.ftm.export.to_ftm`: FtM entities FollowTheMoney accepts, and a round trip."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from imrnet.dataset.loader import check_dirs, load
from imrnet.dataset.model import Citation, Entity, Link, Source
from imrnet.ftm.export import dataset_parts, ftm_id, to_ftm
from imrnet.ftm.importer import import_ftm

SMALL = Path(__file__).parent / "fixtures" / "graph" / "small"


def export(dataset) -> list[dict]:
    return list(to_ftm(*dataset_parts(dataset)))


def by_id(rows: list[dict]) -> dict[str, dict]:
    return {row["id"]: row for row in rows}


def test_entities_keep_their_ids_and_fields(small):
    rows = by_id(export(small))
    assert rows["konstantin-malofeev"] == {
        "id": "konstantin-malofeev", "schema": "Person",
        "properties": {"name": ["Konstantin Malofeev"], "alias": ["Konstantin Malofeyev", "Константин Малофеев"],
                       "publisher": ["Example News"]},
    }
    assert rows["tsargrad"]["schema"] == "Organization"
    assert rows["tsargrad"]["properties"]["classification"] == ["media"]
    assert (rows["doj"]["schema"], rows["lonely-co"]["schema"]) == ("PublicBody", "Company")
    # attended links that say no more than the event are kept on it
    assert rows["big-forum"]["properties"]["involved"] == ["anna-smirnova", "boris-smirnov", "clara-petrova", "alexander-ionov"]


def test_links_take_the_schema_that_fits_their_type_and_ends(small):
    links = [(row["id"], row["schema"]) for row in export(small)[13:]]
    assert links == [
        ("konstantin-malofeev.funds.tsargrad.2015", "Payment"),
        ("konstantin-malofeev.owns.tsargrad", "UnknownLink"),  # an Organization is no FtM Asset
        ("tsargrad.employs.alexander-dugin.2015", "Employment"),
        ("konstantin-malofeev.attended.big-forum.2014-09", "UnknownLink"),  # dated unlike the event
        ("alexander-dugin.spoke-at.big-forum.2014-09", "UnknownLink"),
        ("konstantin-malofeev.member-of.small-club", "Membership"),
        ("alexander-dugin.member-of.small-club", "Membership"),
        ("tsargrad.employs.pavel-dugin", "Employment"),
        ("alexander-ionov.leads.agmr.2012", "Directorship"),
        ("doj.charged.alexander-ionov.2022-07-29", "UnknownLink"),
        ("alexander-ionov.associate.alexander-dugin.2016", "Associate"),
    ]
    employment = by_id(export(small))["tsargrad.employs.alexander-dugin.2015"]["properties"]
    assert employment == {
        "employer": ["tsargrad"], "employee": ["alexander-dugin"], "startDate": ["2015"], "endDate": ["2017"],
        "recordId": ["imrnet:employs:reported:tsargrad~employs~alexander-dugin~2015"], "publisher": ["Example News"],
    }


def test_sanctions_ownership_percentages_and_payments():
    ofac = Entity(id="ofac", name="Office of Foreign Assets Control", type="public_body")
    holding = Entity(id="holding", name="Holding", type="company")
    media = Entity(id="media-co", name="Media Co", type="company")
    source = Source(id="s", title="T", publisher="US Treasury", url="https://home.treasury.gov/x")
    links = [
        Link(id="ofac~sanctioned~holding~2022", source="ofac", target="holding", type="sanctioned",
             status="reported", start="2022", summary="Sanctioned over media holdings.", sources=(Citation("s"),)),
        Link(id="holding~owns~media-co", source="holding", target="media-co", type="owns", status="reported",
             role="shareholder (25.1%)"),
        Link(id="holding~funds~media-co~2021", source="holding", target="media-co", type="funds",
             status="reported", start="2021", amount=1500000, currency="EUR", role="loan"),
    ]
    rows = list(to_ftm([ofac, holding, media], links, {"s": source}))
    sanction, ownership, payment = (r["properties"] for r in rows[3:])
    assert [r["schema"] for r in rows[3:]] == ["Sanction", "Ownership", "Payment"]
    assert sanction == {
        "authority": ["Office of Foreign Assets Control"], "entity": ["holding"], "startDate": ["2022"],
        "summary": ["Sanctioned over media holdings."], "recordId": ["imrnet:sanctioned:reported:ofac~sanctioned~holding~2022"],
        "publisher": ["US Treasury"], "sourceUrl": ["https://home.treasury.gov/x"],
    }
    assert (ownership["role"], ownership["percentage"]) == (["shareholder"], ["25.1"])
    assert (payment["amount"], payment["currency"], payment["purpose"]) == (["1500000"], ["EUR"], ["loan"])


def test_ids_are_stable_and_distinct():
    taken: set[str] = set()
    assert [ftm_id(i, taken) for i in ("a~b_c~d", "a~b-c~d", "x~", "~y")] == [
        "a.b-c.d", "a.b-c.d-484f1903d4", "x", "y"]
    assert export(load()) == export(load())


def _valid(rows: list[dict]) -> list[str]:
    """Problems FollowTheMoney finds: unknown schema or property, a value its type refuses, a range not met."""
    model = pytest.importorskip("followthemoney", reason="followthemoney (test extra) is not installed").model
    from followthemoney.types import registry

    problems = []
    schemata = {row["id"]: row["schema"] for row in rows}
    for row in rows:
        proxy = model.get_proxy(row, cleaned=False)  # raises on an unknown schema or property
        if proxy.schema.abstract:
            problems.append(f"{row['id']}: abstract schema")
        for prop in proxy.schema.required:
            if not row["properties"].get(prop):
                problems.append(f"{row['id']}: missing {prop}")
        for name, values in row["properties"].items():
            prop = proxy.schema.get(name)
            for value in values:
                if prop.type.clean(value, proxy=proxy) is None:
                    problems.append(f"{row['id']}: {name} {value!r} refused")
                if prop.type.name == "entity" and not model.get(schemata[value]).is_a(prop.range):
                    problems.append(f"{row['id']}: {name} {value} is no {prop.range.name}")
        if not registry.entity.validate(row["id"]):
            problems.append(f"{row['id']}: not a valid FtM id")
    return problems


def test_followthemoney_accepts_the_bundled_export():
    rows = export(load())
    assert _valid(rows) == []
    held = sum(len(r["properties"].get(p, [])) for r in rows for p in ("organizer", "involved"))
    assert len(rows) == len(load().entities) + len(load().links) - held


def test_followthemoney_accepts_the_small_export(small):
    assert _valid(export(small)) == []


def _round_trip(dataset, tmp_path: Path):
    text = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in export(dataset))
    result = import_ftm(io.BytesIO(text.encode("utf-8")), "export", tmp_path / "back", dataset="export")
    report = check_dirs([tmp_path / "back"])
    assert report.errors == [] and result["skipped"] == {}
    return report.dataset


ENTITY_FIELDS = ("id", "name", "type", "aliases", "countries", "born", "founded", "date", "place", "summary", "tags")
LINK_FIELDS = ("id", "source", "target", "type", "status", "start", "end", "role", "summary")


def _entities(dataset):
    return [tuple(getattr(e, f) for f in ENTITY_FIELDS) for e in dataset.entities.values()]


def _links(dataset):
    return sorted(tuple(getattr(link, f) for f in LINK_FIELDS) for link in dataset.links)


def test_round_trip_gives_back_the_small_graph(small, tmp_path):
    back = _round_trip(small, tmp_path)
    assert _entities(back) == _entities(small)
    assert _links(back) == _links(small)
    assert [(l.amount, l.currency) for l in back.links if l.type == "funds"] == [(None, None)]


def test_round_trip_gives_back_the_bundled_graph(tmp_path):
    bundled = load()
    back = _round_trip(bundled, tmp_path)
    assert _entities(back) == _entities(bundled)
    assert _links(back) == _links(bundled)
    money = sorted((l.id, l.amount, l.currency) for l in bundled.links if l.type in ("funds", "contracted"))
    assert sorted((l.id, l.amount, l.currency) for l in back.links if l.type in ("funds", "contracted")) == money
