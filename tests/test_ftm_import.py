"""`imrnet.ftm.importer`: FtM streams into dataset directories, counted by hand."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from imrnet.dataset.loader import check_dirs, load
from imrnet.dataset.locations import bundled_dir
from imrnet.errors import UsageError
from imrnet.ftm.importer import import_ftm
from imrnet.ftm.reader import FtmInputError

FIXTURE = Path(__file__).parent / "fixtures" / "ftm" / "sample.ftm.json"
KEK = Path(__file__).resolve().parents[1] / ".." / "shared" / "ftm" / "kek-ownership.ftm.json"


def run(tmp_path: Path, text: bytes | None = None, name: str = "out", **options) -> tuple[dict, Path]:
    out = tmp_path / name
    data = FIXTURE.read_bytes() if text is None else text
    result = import_ftm(io.BytesIO(data), "in.json", out, dataset=options.pop("dataset", "demo"), **options)
    return result, out


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_sample_counts(tmp_path):
    result, out = run(tmp_path)
    assert result["read"] == 32
    assert result["taken"] == {
        "entities": 12,
        "links": 15,
        "sources": 3,
        "entity_types": {"person": 3, "public_body": 3, "organization": 2, "company": 2, "media": 1, "event": 1},
        "link_types": {"attended": 2, "associate": 2, "funds": 2, "sanctioned": 2, "organized": 1, "member_of": 1,
                       "officer_of": 1, "owns": 1, "employs": 1, "represents": 1, "family": 1},
    }
    assert result["skipped"] == {
        "Sanction without an authority": 1,
        "schema Address is not imported": 1,
        "schema Vessel is not imported": 1,
        "repeated id (fragments of one entity: merge them with `ftm aggregate`)": 1,
        "Person without a name": 1,
        "the same link again": 1,
        "an end has schema Vessel, which is not imported": 1,
        "dangling reference (no entity with that id in the stream)": 1,
        "self-link (both ends are the same entity)": 1,
    }
    assert result["dropped"] == {
        "country 'suhh' is not an ISO 3166-1 code": 1,
        "malformed date": 1,
        "amount without an ISO 4217 currency": 1,
        "country 'eu' is not an ISO 3166-1 code": 1,
    }
    assert sorted(p.name for p in out.iterdir()) == ["entities.jsonl", "links.jsonl", "sources.jsonl"]


def test_sample_entities(tmp_path):
    _, out = run(tmp_path)
    entities = {e["id"]: e for e in lines(out / "entities.jsonl")}
    assert entities["p-ivanova"] == {
        "id": "p-ivanova", "name": "Anna Ivanova", "type": "person", "aliases": ["Анна Иванова"],
        "country": ["RU"], "born": "1971-04-02", "summary": "Chair of the Northern Forum.", "tags": ["role-pep"],
        "sources": [{"id": "ftm-demo-registry", "locator": "https://registry.example.org/p/1"}],
    }
    # an id that is no slug gets a slug and a hash of the original
    forum = entities["nk-forum1-4e37683a"]
    assert (forum["aliases"], forum["founded"]) == (["Severny Forum", "NF"], "2012-03-15")
    assert forum["sources"] == ["ftm-demo-registry-demo-registry-office"]
    assert entities["p-petrov"]["born"] == "1965" and entities["p-petrov"]["country"] == ["RU"]
    assert entities["m-channel"]["type"] == "media"
    assert entities["le-fund"]["type"] == "organization"
    assert entities["ev-congress"]["date"] == "2019-09-20" and entities["ev-congress"]["place"] == "Saint Petersburg"
    assert entities["authority-council-of-examples"]["type"] == "public_body"
    assert entities["authority-council-of-examples"]["country"] == ["BE"]


def test_sample_links(tmp_path):
    _, out = run(tmp_path)
    links = {link["id"]: link for link in lines(out / "links.jsonl")}
    assert links["own-1"] == {"id": "own-1", "source": "c-holding", "target": "c-media", "type": "owns",
                              "status": "reported", "start": "2016", "role": "75.5%", "sources": ["ftm-demo-registry"]}
    assert links["emp-1"]["source"] == "c-media" and links["emp-1"]["target"] == "p-petrova"
    assert (links["mem-1"]["start"], links["mem-1"]["end"], links["mem-1"]["role"]) == ("2015-01", "2018", "board member")
    assert (links["pay-1"]["amount"], links["pay-1"]["currency"], links["pay-1"]["role"]) == (250000, "EUR", "congress grant")
    assert "amount" not in links["pay-2"] and "start" not in links["pay-2"]
    assert links["sanc-1"]["source"] == "pb-treasury"  # the authority named like an entity of the stream
    assert links["sanc-1"]["summary"] == "Organises influence events."
    assert links["sanc-2"]["source"] == "authority-council-of-examples"
    assert links["unk-1"]["type"] == "associate" and links["fam-1"]["role"] == "spouse"
    assert "fam-2" not in links  # the same family tie read from the other side
    event = [(l["source"], l["type"], l.get("start")) for l in links.values() if l["target"] == "ev-congress"]
    assert event == [("nk-forum1-4e37683a", "organized", "2019-09-20"), ("p-ivanova", "attended", "2019-09-20"),
                     ("p-petrov", "attended", "2019-09-20")]
    assert {l["status"] for l in links.values()} == {"reported"}


def test_written_dataset_validates_and_merges_with_bundled(tmp_path):
    _, out = run(tmp_path)
    report = check_dirs([bundled_dir(), out])
    assert report.errors == [] and report.warnings == []
    assert len(report.dataset.entities) == len(load().entities) + 12


def test_ids_are_stable_and_collision_free(tmp_path):
    stream = b"\n".join([
        b'{"id": "A-1", "schema": "Person", "properties": {"name": ["Upper"]}}',
        b'{"id": "a-1", "schema": "Person", "properties": {"name": ["Lower"]}}',
        b'{"id": "a_1", "schema": "Person", "properties": {"name": ["Underscore"]}}',
        b'{"id": "ofac-123", "schema": "Organization", "properties": {"name": ["Club"]}}',
    ])
    _, first = run(tmp_path, stream, "first")
    _, second = run(tmp_path, stream, "second")
    assert (first / "entities.jsonl").read_bytes() == (second / "entities.jsonl").read_bytes()
    assert [e["id"] for e in lines(first / "entities.jsonl")] == ["a-1-04807be3", "a-1", "a-1-4defb0f4", "ofac-123"]


def test_several_owners_and_percentages(tmp_path):
    stream = b"\n".join([
        b'{"id": "c1", "schema": "Company", "properties": {"name": ["One"]}}',
        b'{"id": "c2", "schema": "Company", "properties": {"name": ["Two"]}}',
        b'{"id": "o1", "schema": "Ownership", "properties": {"owner": ["c1", "c2"], "asset": ["c2", "c1"], "percentage": ["47.3", "8.7"]}}',
    ])
    result, out = run(tmp_path, stream)
    assert [(l["id"], l["source"], l["target"], l["summary"]) for l in lines(out / "links.jsonl")] == [
        ("o1~1", "c1", "c2", "percentage held: 47.3% or 8.7%"),
        ("o1~4", "c2", "c1", "percentage held: 47.3% or 8.7%"),
    ]
    assert result["skipped"] == {"self-link (both ends are the same entity)": 2}


def test_links_may_come_before_their_ends_and_nested_values_stand_for_ids(tmp_path):
    stream = b"\n".join([
        b'{"id": "d1", "schema": "Directorship", "properties": {"director": [{"id": "p1", "schema": "Person"}], "organization": ["o1"]}}',
        b'{"id": "p1", "schema": "Person", "properties": {"name": ["Jane"]}}',
        b'{"id": "o1", "schema": "Organization", "properties": {"name": ["Club"]}}',
    ])
    result, out = run(tmp_path, stream)
    assert result["taken"]["links"] == 1 and result["skipped"] == {}
    assert lines(out / "links.jsonl")[0]["source"] == "p1"


def test_provenance_defaults_to_the_given_dataset(tmp_path):
    stream = b'{"id": "p1", "schema": "Person", "properties": {"name": ["Jane"], "sourceUrl": ["https://a.example/1", "https://a.example/2"]}}\n'
    _, out = run(tmp_path, stream, dataset="my stream")
    assert lines(out / "entities.jsonl")[0]["sources"] == [
        {"id": "ftm-my-stream", "locator": "https://a.example/1"},
        {"id": "ftm-my-stream", "locator": "https://a.example/2"},
    ]
    assert lines(out / "sources.jsonl")[0]["title"] == "FollowTheMoney dataset 'my stream'"


@pytest.mark.parametrize("line, message", [
    (b'{"id": "p2", "schema": "Person", "properties": {"name": ["B"]', "in.json:2: JSON syntax error, column 62: Expecting ',' delimiter"),
    (b'{"id": "p2", "properties": {}}', "in.json:2: not an FtM entity: no 'schema'"),
    (b'{"id": "", "schema": "Person"}', "in.json:2: not an FtM entity: 'id' must be a non-empty string"),
    (b'{"id": "p2", "schema": "Person", "properties": ["name"]}', "in.json:2: not an FtM entity: 'properties' must be an object of value lists"),
    (b'[1, 2]', "in.json:2: not an FtM entity: expected a JSON object"),
    (b'{"id": "p2", "schema": "Person", "properties": {"height": [NaN]}}', "in.json:2: NaN is not a value FtM holds"),
])
def test_a_broken_line_stops_the_import_and_writes_nothing(tmp_path, line, message):
    stream = b'{"id": "p1", "schema": "Person", "properties": {"name": ["A"]}}\n' + line + b"\n"
    with pytest.raises(FtmInputError) as caught:
        run(tmp_path, stream)
    assert str(caught.value) == message
    assert caught.value.exit_code == 3
    assert list(tmp_path.iterdir()) == []  # no output, no leftover temporary directory


def test_output_directory_rules(tmp_path):
    run(tmp_path)
    with pytest.raises(UsageError, match="is not empty; give --force"):
        run(tmp_path)
    result, out = run(tmp_path, b'{"id": "p1", "schema": "Person", "properties": {"name": ["A"]}}\n', force=True)
    assert result["taken"]["entities"] == 1 and len(lines(out / "entities.jsonl")) == 1
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(UsageError, match="it holds 'notes.txt', which is not a dataset file"):
        run(tmp_path, force=True)
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    (tmp_path / "empty").mkdir()
    assert run(tmp_path, name="empty")[0]["taken"]["entities"] == 12
    with pytest.raises(UsageError, match="not found"):
        run(tmp_path, name="missing/out")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty", "out"]


@pytest.mark.skipif(not KEK.is_file(), reason="the shared KEK stream (../shared/ftm/kek-ownership.ftm.json) is absent")
def test_kek_stream(tmp_path):
    out = tmp_path / "kek"
    with KEK.open("rb") as handle:
        result = import_ftm(handle, "kek", out, dataset="kek")
    assert result["read"] == 5607
    assert result["taken"] == {"entities": 2705, "links": 2903, "sources": 1,
                               "entity_types": {"company": 2705}, "link_types": {"owns": 2903}}
    # 2,908 owner -> asset pairs; five of them (four from two merged Ownerships) are an entity owning itself
    assert result["skipped"] == {"self-link (both ends are the same entity)": 5}
    assert result["dropped"] == {}
    report = check_dirs([bundled_dir(), out])
    assert report.errors == []
    links = {link.id: link for link in report.dataset.links}
    first = links["b14b23c16cacf228102cc1236aab1b15fc9eea93"]
    assert (first.source, first.target, first.role) == (
        "b4ca1c3b183bdb39e7dde98f10f2c537552ed739", "50ae22b2866bf642240eccc52c5b21ae3cacd64a", "100%")
    ullstein = report.dataset.entities["50ae22b2866bf642240eccc52c5b21ae3cacd64a"]
    assert ullstein.name == "Ullstein GmbH" and ullstein.sources[0].locator == "http://index.php/?c=1238&mt=1,2,3&s=&f=0"
