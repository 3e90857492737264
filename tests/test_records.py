"""Library tests of the record queries (records, search, timeline, provenance) with known answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from imrnet.queries import provenance, records, search, timeline
from imrnet.errors import AmbiguousName, NoAnswer, UnknownName, UsageError
from imrnet.queries.filters import LinkFilter
from imrnet.dataset.model import Citation, Dataset, Entity, Link, Source
from imrnet.dataset.when import timed_link

BASIC = Path(__file__).parent / "fixtures" / "records" / "basic"


@pytest.fixture(scope="module")
def ds() -> Dataset:
    from imrnet.dataset.loader import load

    return load([BASIC])


def ids(items):
    return [item["id"] for item in items]


# --------------------------------------------------------------------------
# a dataset built directly, for date-ordering corner cases


def _direct() -> Dataset:
    cite = (Citation("s"),)
    people = [
        Entity("a", "Anna Alpha", "person", sources=cite),
        Entity("b", "Boris Beta", "person", summary="Knows Anna.", sources=cite),
        Entity("ev", "Summit", "event", date="2015", sources=cite),
        Entity("ev2", "Later summit", "event", date="2015-03-02", sources=cite),
        Entity("ev3", "Undated meeting", "event", sources=cite),
    ]
    links = (
        Link("l-precise", "a", "b", "met", "reported", start="2015-03-02", sources=cite),
        Link("l-undated", "a", "b", "associate", "reported", sources=cite),
        Link("l-year", "a", "ev", "attended", "reported", start="2015", sources=cite),
        Link("l-end-only", "b", "a", "employs", "reported", end="2014-12", sources=cite),
        Link("l-month", "a", "ev2", "spoke_at", "alleged", start="2015-03", sources=cite),
    )
    return Dataset(
        sources={"s": Source("s", "A source", "Publisher")},
        entities={e.id: e for e in people},
        links=links,
    )


def test_card_orders_links_oldest_first_partial_before_precise_undated_last():
    card = records.entity_card(_direct(), "a")
    assert ids(card["links"]) == ["l-end-only", "l-year", "l-month", "l-precise", "l-undated"]


def test_timeline_partial_dates_before_precise_and_events_before_links():
    items = timeline.timeline(_direct())["items"]
    assert [(i["date"], i["item"], i["id"]) for i in items] == [
        ("2014-12", "link", "l-end-only"),
        ("2015", "event", "ev"),
        ("2015", "link", "l-year"),
        ("2015-03", "link", "l-month"),
        ("2015-03-02", "event", "ev2"),
        ("2015-03-02", "link", "l-precise"),
    ]


def test_timeline_of_entity_keeps_its_events_and_respects_the_filter():
    ds = _direct()
    items = timeline.timeline(ds, "Boris Beta")["items"]
    assert ids(items) == ["l-end-only", "l-precise"]
    alleged = timeline.timeline(ds, "a", LinkFilter.from_options(statuses=["alleged"]))
    assert [(i["item"], i["id"]) for i in alleged["items"]] == [("link", "l-month"), ("event", "ev2")]
    assert alleged["entity"] == {"id": "a", "name": "Anna Alpha", "type": "person"}


def test_timeline_event_item_shape():
    items = timeline.timeline(_direct(), "Summit")["items"]
    assert items[0] == {
        "date": "2015", "item": "event", "id": "ev", "name": "Summit", "type": "event",
        "place": None, "country": [], "summary": None,
    }


# --------------------------------------------------------------------------
# show


def test_entity_card_is_entity_fields_plus_links(ds):
    card = records.entity_card(ds, "Ionov")
    ionov = ds.entities["alexander-ionov"]
    assert card == {
        **ionov.as_dict(),
        "links": [
            timed_link(next(link for link in ds.links if link.id == lid), ds)
            for lid in ["ionov-leads-agmr", "doj-charged-ionov", "ionov-spoke-congress",
                        "ionov-associate-malofeev"]
        ],
        "accounts": {},
    }
    assert card["aliases"] == ["Александр Ионов", "Aleksandr Viktorovich Ionov"]
    assert card["sources"] == [{"id": "wiki-ionov", "locator": None}]


@pytest.mark.parametrize("name", ["alexander-ionov", "Ионов", "aleksandr ionov", "IONOV", " Ionov "])
def test_entity_card_resolves_any_spelling(ds, name):
    assert records.entity_card(ds, name)["id"] == "alexander-ionov"


def test_entity_card_errors(ds):
    with pytest.raises(AmbiguousName):
        records.entity_card(ds, "Dugin")
    with pytest.raises(UnknownName):
        records.entity_card(ds, "Navalny")
    for junk in ["", "   ", "\u200b", "!!!", "\x00"]:
        with pytest.raises(UsageError):
            records.entity_card(ds, junk)


# --------------------------------------------------------------------------
# search


def test_search_cyrillic_finds_ionov_first(ds):
    assert search.search(ds, "Ионов") == {
        "query": "Ионов",
        "results": [{"id": "alexander-ionov", "name": "Alexander Ionov", "type": "person",
                     "score": 93.0, "matched": "name"}],
    }


def test_search_prefix_name_hits_rank_above_summary_hits(ds):
    result = search.search(ds, "russ")
    assert [(r["id"], r["score"], r["matched"]) for r in result["results"]] == [
        ("agmr", 91.0, "name"),
        ("imr", 91.0, "name"),
        ("alexander-ionov", 60.0, "summary"),
    ]


def test_search_tiers(ds):
    exact = search.search(ds, "AGMR")["results"]
    assert [(r["id"], r["score"], r["matched"]) for r in exact] == [("agmr", 100.0, "alias")]
    fuzzy = search.search(ds, "Tsargard")["results"]
    assert [(r["id"], r["score"], r["matched"]) for r in fuzzy] == [("tsargrad", 77.9, "alias")]
    folded = search.search(ds, "Malofeyev")["results"]
    assert [(r["id"], r["matched"]) for r in folded] == [("konstantin-malofeev", "name")]
    # a fuzzy name hit outranks a summary hit
    mixed = search.search(ds, "Eurasianism")["results"]
    assert [(r["id"], r["matched"]) for r in mixed] == [
        ("eurasian-forum", "name"), ("alexander-dugin", "summary")]
    assert mixed[0]["score"] > mixed[1]["score"]


def test_search_limit_and_type(ds):
    assert ids(search.search(ds, "movement", limit=1)["results"]) == ["agmr"]
    assert ids(search.search(ds, "movement", types=["person"])["results"]) == ["alexander-ionov"]
    assert ids(search.search(ds, "imr", types=["event", "media"])["results"]) == ["imr-congress"]


def test_search_errors(ds):
    with pytest.raises(NoAnswer):
        search.search(ds, "zzzzqqq")
    with pytest.raises(NoAnswer):
        search.search(ds, "Ионов", types=["media"])
    for junk in ["", "  ", "\u200b", "…", "\u0301"]:
        with pytest.raises(UsageError, match="empty search text"):
            search.search(ds, junk)
    with pytest.raises(UsageError, match="unknown entity type 'human'"):
        search.search(ds, "Ionov", types=["human"])
    with pytest.raises(UsageError, match="--limit"):
        search.search(ds, "Ionov", limit=0)


# --------------------------------------------------------------------------
# list


def test_list_all_sorted_by_name(ds):
    result = records.list_entities(ds)
    assert result["count"] == 10
    assert ids(result["entities"]) == [
        "alexander-dugin", "alexander-ionov", "agmr", "eurasian-forum", "imr-congress", "imr",
        "konstantin-malofeev", "pavel-dugin", "tsargrad", "us-doj",
    ]


def test_list_filters(ds):
    assert records.list_entities(ds, countries=["us"]) == {
        "count": 1,
        "entities": [{"id": "us-doj", "name": "U.S. Department of Justice", "type": "public_body",
                      "country": ["US"], "tags": []}],
    }
    people = records.list_entities(ds, types=["person"], tags=["agmr-circle", "oligarch"])
    assert ids(people["entities"]) == ["alexander-ionov", "konstantin-malofeev"]
    orgs = records.list_entities(ds, types=["organization", "media"], countries=["RU"])
    assert ids(orgs["entities"]) == ["agmr", "imr", "tsargrad"]
    assert records.list_entities(ds, types=["company"]) == {"count": 0, "entities": []}


def test_list_rejects_unknown_values(ds):
    with pytest.raises(UsageError, match="expected one of: person, organization"):
        records.list_entities(ds, types=["cult"])
    with pytest.raises(UsageError, match="tags in the dataset: agmr-circle, oligarch, russophiles"):
        records.list_entities(ds, tags=["nope"])
    with pytest.raises(UsageError, match="unknown country 'XX'"):
        records.list_entities(ds, countries=["XX"])
    with pytest.raises(UsageError):
        records.list_entities(ds, types=[""])


# --------------------------------------------------------------------------
# links


def test_links_unfiltered(ds):
    result = records.list_links(ds)
    assert result["count"] == 9
    assert ids(result["links"]) == [link.id for link in ds.links]
    assert result["filters"] == {
        "statuses": ["reported", "alleged", "disputed", "planned"],
        "ties": ["affiliation", "adversarial", "coverage"], "as_of": None, "since": None,
        "until": None, "undated": "exclude", "undated_left_out": 0,
        "link_types": None, "exclude_link_types": [], "entity": [],
    }


# Effective times in the basic fixture: leads 2012-, owns 2015-, employs 2015-09..2017 (states);
# funds 2023, charged 2022-07-29, spoke_at 2023-03-14 (acts); associate: a state without
# dates, bounded by its ends (Ionov born 1989, Malofeev 1974): 1989-; member_of 2023-03-;
# attended the undated Eurasian Forum: an act that cannot be placed.
@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [
        ("2016", None, ["ionov-leads-agmr", "malofeev-owns-tsargrad", "tsargrad-employs-dugin",
                        "malofeev-funds-imr", "doj-charged-ionov", "ionov-spoke-congress",
                        "ionov-associate-malofeev", "agmr-member-imr"]),
        ("2018", None, ["ionov-leads-agmr", "malofeev-owns-tsargrad", "malofeev-funds-imr",
                        "doj-charged-ionov", "ionov-spoke-congress", "ionov-associate-malofeev",
                        "agmr-member-imr"]),
        # the end "2017" reaches 2017-12-31: partial dates compare by precision
        ("2017-12", "2017-12", ["ionov-leads-agmr", "malofeev-owns-tsargrad",
                                "tsargrad-employs-dugin", "ionov-associate-malofeev"]),
        (None, "2015", ["ionov-leads-agmr", "malofeev-owns-tsargrad", "tsargrad-employs-dugin",
                        "ionov-associate-malofeev"]),
        (None, "2015-08", ["ionov-leads-agmr", "malofeev-owns-tsargrad",
                           "ionov-associate-malofeev"]),
        # an act is a point: the 2022 charge is not in a 2023 window; "2023" holds 2023-03-14
        ("2023-03-14", "2023-03-14", ["ionov-leads-agmr", "malofeev-owns-tsargrad",
                                      "malofeev-funds-imr", "ionov-spoke-congress",
                                      "ionov-associate-malofeev", "agmr-member-imr"]),
    ],
)
def test_links_date_range_acts_and_states(ds, since, until, expected):
    result = records.list_links(ds, since=since, until=until)
    assert ids(result["links"]) == expected
    assert result["filters"]["undated_left_out"] == 1  # dugin-attended-forum


def test_links_undated_include_keeps_them(ds):
    lf = LinkFilter.from_options(since="2016", undated="include")
    result = records.list_links(ds, lf)
    assert ids(result["links"])[-1] == "dugin-attended-forum" and result["count"] == 9
    assert result["filters"]["undated"] == "include"
    assert result["filters"]["undated_left_out"] == 0


def test_links_entities_and_shared_filters(ds):
    result = records.list_links(ds, entities=["Malofeev", "alexander-dugin"])
    assert ids(result["links"]) == [
        "malofeev-owns-tsargrad", "tsargrad-employs-dugin", "malofeev-funds-imr",
        "ionov-associate-malofeev", "dugin-attended-forum",
    ]
    assert result["filters"]["entity"] == ["konstantin-malofeev", "alexander-dugin"]
    lf = LinkFilter.from_options(as_of="2016")
    result = records.list_links(ds, lf)
    assert ids(result["links"]) == [
        "ionov-leads-agmr", "malofeev-owns-tsargrad", "tsargrad-employs-dugin",
        "ionov-associate-malofeev",
    ]
    assert result["filters"]["undated_left_out"] == 1  # the undated attendance of the forum
    # counted among the links of the entities asked about
    lf = LinkFilter.from_options(as_of="2016")
    assert records.list_links(ds, lf, entities=["Ionov"])["filters"]["undated_left_out"] == 0
    lf = LinkFilter.from_options(statuses=["alleged"], exclude_link_types=["charged"])
    result = records.list_links(ds, lf, since="2020")
    assert ids(result["links"]) == ["malofeev-funds-imr"]
    assert result["filters"] == {
        "statuses": ["alleged"], "ties": ["affiliation", "adversarial", "coverage"],
        "as_of": None, "since": "2020", "until": None, "undated": "exclude",
        "undated_left_out": 0, "link_types": None, "exclude_link_types": ["charged"],
        "entity": [],
    }


def test_links_errors(ds):
    with pytest.raises(UsageError, match="--since: malformed date"):
        records.list_links(ds, since="yesterday")
    with pytest.raises(UsageError, match="--until: impossible date"):
        records.list_links(ds, until="2023-02-30")
    with pytest.raises(UsageError, match="before --since"):
        records.list_links(ds, since="2020", until="2019-12")
    with pytest.raises(UsageError):
        records.list_links(ds, since="")
    with pytest.raises(AmbiguousName):
        records.list_links(ds, entities=["Dugin"])
    with pytest.raises(UsageError):
        records.list_links(ds, entities=[""])


# --------------------------------------------------------------------------
# timeline


def test_timeline_all(ds):
    result = timeline.timeline(ds)
    assert result["entity"] is None
    assert [(i["date"], i["item"], i["id"]) for i in result["items"]] == [
        ("1989", "link", "ionov-associate-malofeev"),  # bounded by Ionov's birth
        ("2012", "link", "ionov-leads-agmr"),
        ("2015", "link", "malofeev-owns-tsargrad"),
        ("2015-09", "link", "tsargrad-employs-dugin"),
        ("2022-07-29", "link", "doj-charged-ionov"),
        ("2023", "link", "malofeev-funds-imr"),
        ("2023-03", "link", "agmr-member-imr"),
        ("2023-03-14", "event", "imr-congress"),
        ("2023-03-14", "link", "ionov-spoke-congress"),
    ]
    link_item = result["items"][1]
    link = ds.links[0]
    assert link_item == {"date": "2012", "date_basis": "start", "item": "link", **link.as_dict(ds.entities),
                         "time": {"timing": "state", "start": "2012", "end": None,
                                  "basis": "dates", "earliest": None}}
    assert result["items"][0]["date_basis"] == "entities"


def test_timeline_entity_and_range(ds):
    result = timeline.timeline(ds, "Ionov")
    assert result["entity"] == {"id": "alexander-ionov", "name": "Alexander Ionov", "type": "person"}
    assert ids(result["items"]) == [
        "ionov-associate-malofeev", "ionov-leads-agmr", "doj-charged-ionov", "imr-congress",
        "ionov-spoke-congress"]
    # one meaning of --since: states still in force (placed at their start) and acts dated then
    since = timeline.timeline(ds, "Ionov", since="2023")
    assert ids(since["items"]) == [
        "ionov-associate-malofeev", "ionov-leads-agmr", "imr-congress", "ionov-spoke-congress"]
    until = timeline.timeline(ds, until="2015")
    assert ids(until["items"]) == [
        "ionov-associate-malofeev", "ionov-leads-agmr", "malofeev-owns-tsargrad",
        "tsargrad-employs-dugin"]
    assert until["filters"]["undated_left_out"] == 1
    # the library returns an empty timeline (the CLI exits 1 on it)
    assert timeline.timeline(ds, "Eurasian Forum") == {
        "entity": {"id": "eurasian-forum", "name": "Eurasian Forum", "type": "event"},
        "filters": {"statuses": ["reported", "alleged", "disputed", "planned"],
                    "ties": ["affiliation", "adversarial", "coverage"], "as_of": None,
                    "since": None, "until": None, "undated": "exclude", "undated_left_out": 0,
                    "link_types": None, "exclude_link_types": []},
        "accounts": {},
        "items": [],
    }


def test_timeline_errors(ds):
    with pytest.raises(AmbiguousName):
        timeline.timeline(ds, "Dugin")
    with pytest.raises(UsageError):
        timeline.timeline(ds, "   ")
    with pytest.raises(UsageError):
        timeline.timeline(ds, since="2015-1")


# --------------------------------------------------------------------------
# sources


def test_sources_list(ds):
    result = provenance.sources(ds)
    assert result["count"] == 3
    assert [(s["id"], s["counts"]) for s in result["sources"]] == [
        ("imr-article", {"entities": 7, "links": 7}),
        ("wiki-ionov", {"entities": 2, "links": 1}),
        ("doj-release", {"entities": 1, "links": 1}),
    ]
    assert result["sources"][2] == {
        **ds.sources["doj-release"].as_dict(), "counts": {"entities": 1, "links": 1}}


def test_source_detail(ds):
    assert provenance.sources(ds, "doj-release") == {
        "source": {
            "id": "doj-release", "title": "Russian national charged",
            "publisher": "U.S. Department of Justice", "date": "2022-07-29",
            "url": "https://example.org/doj-release", "authors": [], "note": None,
            "cited_in": None, "origin": "tests/fixtures/records/basic",
        },
        "counts": {"entities": 1, "links": 1},
        "entities": [{"id": "us-doj", "name": "U.S. Department of Justice",
                      "type": "public_body", "locators": []}],
        "links": [ds.links[4].as_dict(ds.entities)],
    }
    detail = provenance.sources(ds, " IMR-Article ")
    assert [(e["id"], e["locators"]) for e in detail["entities"]] == [
        ("imr", []), ("konstantin-malofeev", []), ("tsargrad", []), ("alexander-dugin", []),
        ("pavel-dugin", []), ("imr-congress", ["para. 1"]), ("eurasian-forum", []),
    ]
    assert ids(detail["links"]) == [
        "malofeev-owns-tsargrad", "tsargrad-employs-dugin", "malofeev-funds-imr",
        "ionov-spoke-congress", "ionov-associate-malofeev", "agmr-member-imr",
        "dugin-attended-forum",
    ]


def test_source_errors(ds):
    with pytest.raises(UsageError, match="did you mean: wiki-ionov"):
        provenance.sources(ds, "wiki-ionv")
    for junk in ["", " ", "\u200b"]:
        with pytest.raises(UsageError):
            provenance.sources(ds, junk)


# --------------------------------------------------------------------------
# helpers


def test_public_names_exist():
    for name in records.__all__:
        assert callable(getattr(records, name)), name
