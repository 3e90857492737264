"""The bundled dataset in ``data/``: shape, sourcing and hand-checked facts.

These tests read the YAML files directly with ``yaml.safe_load`` and use only
``imrnet.dataset.vocab`` from the package, so they do not depend on the loader's API.
The counts are pinned on purpose: any addition or removal of an entity or a
link must be a deliberate change that updates them.
"""

from __future__ import annotations

import collections
import re
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml

try:
    from imrnet.dataset import vocab
except ImportError:  # pragma: no cover - running from a bare checkout
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from imrnet.dataset import vocab

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
SOURCE_TEXTS = Path(__file__).parents[1].parent / "shared" / "sources"

ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def _load(name: str) -> list[dict]:
    with open(DATA / f"{name}.yaml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


SOURCES = _load("sources")
ENTITIES = _load("entities")
LINKS = _load("links")
SOURCE_IDS = {s["id"] for s in SOURCES}
BY_ID = {e["id"]: e for e in ENTITIES}


def _cited(item: dict) -> list[str]:
    return [ref if isinstance(ref, str) else ref["id"] for ref in item.get("sources") or []]


def _links(**want) -> list[dict]:
    return [l for l in LINKS if all(l.get(k) == v for k, v in want.items())]


def _one(**want) -> dict:
    found = _links(**want)
    assert len(found) == 1, f"expected one link matching {want}, found {len(found)}"
    return found[0]


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " " + " ".join(re.sub(r"[\W_]+", " ", text).split()) + " "


# --- shape -----------------------------------------------------------------


def test_files_are_lists_of_mappings():
    for items in (SOURCES, ENTITIES, LINKS):
        assert isinstance(items, list)
        assert all(isinstance(item, dict) for item in items)


def test_pinned_totals():
    assert (len(SOURCES), len(ENTITIES), len(LINKS)) == (25, 106, 205)


def test_entity_counts_by_type():
    assert collections.Counter(e["type"] for e in ENTITIES) == {
        "person": 26,
        "organization": 29,
        "public_body": 22,
        "media": 18,
        "event": 8,
        "company": 3,
    }


def test_link_counts_by_type():
    assert collections.Counter(l["type"] for l in LINKS) == {
        "accused": 2,
        "acted_for": 2,
        "advocated_for": 1,
        "appeared_in": 12,
        "associate": 2,
        "attended": 11,
        "awarded": 4,
        "banned_entry": 2,
        "blacklisted_documents_of": 1,
        "charged": 2,
        "citizen_of": 1,
        "clashed_with": 1,
        "commented_on": 1,
        "complained_about": 2,
        "complained_to": 2,
        "contracted": 1,
        "controls": 2,
        "convicted": 1,
        "cooperates_with": 8,
        "designated": 2,
        "founded": 6,
        "founded_at": 1,
        "funds": 12,
        "honorary_member_of": 3,
        "ideologue_of": 1,
        "informed": 8,
        "leads": 10,
        "member_of": 2,
        "met": 5,
        "offered_reward": 1,
        "officer_of": 7,
        "operates": 2,
        "opposes": 10,
        "organized": 10,
        "owns": 1,
        "part_of": 14,
        "registered_with": 1,
        "reported_on": 22,
        "represents": 2,
        "sanctioned": 6,
        "spoke_at": 5,
        "studied_at": 1,
        "supports": 13,
        "targeted": 2,
    }


def test_link_counts_by_status():
    assert collections.Counter(l["status"] for l in LINKS) == {
        "reported": 168,
        "alleged": 25,
        "disputed": 8,
        "planned": 4,
    }


def test_ids_are_unique_slugs():
    for items in (SOURCES, ENTITIES):
        ids = [item["id"] for item in items]
        assert len(ids) == len(set(ids))
        assert all(SLUG.match(i) for i in ids), [i for i in ids if not SLUG.match(i)]


def test_fields_and_vocabularies():
    for s in SOURCES:
        assert set(s) <= set(vocab.SOURCE_FIELDS), s["id"]
        assert s["date"] is None or (isinstance(s["date"], str) and ISO_DATE.match(s["date"])), s["id"]
        assert s.get("cited_in") in (None, *SOURCE_IDS), s["id"]
    for e in ENTITIES:
        assert set(e) <= set(vocab.ENTITY_FIELDS), e["id"]
        assert e["type"] in vocab.ENTITY_TYPES, e["id"]
        for field, types in vocab.ENTITY_DATE_FIELDS.items():
            if field in e:
                assert e["type"] in types, (e["id"], field)
        for field in ("born", "founded", "date"):
            if field in e:
                assert isinstance(e[field], str) and ISO_DATE.match(e[field]), (e["id"], field)
        countries = e.get("country") or []
        for code in [countries] if isinstance(countries, str) else countries:
            assert code in vocab.COUNTRIES, (e["id"], code)
    for l in LINKS:
        where = (l["source"], l["type"], l["target"])
        assert set(l) <= set(vocab.LINK_FIELDS), where
        assert l["type"] in vocab.LINK_TYPES, where
        assert l["status"] in vocab.STATUSES, where
        for field in ("start", "end"):
            if field in l:
                assert isinstance(l[field], str) and ISO_DATE.match(l[field]), (where, field)
        assert ("amount" in l) == ("currency" in l), where
        if "currency" in l:
            assert l["currency"] in vocab.CURRENCIES, where


def test_links_join_two_distinct_defined_entities():
    for l in LINKS:
        assert l["source"] in BY_ID, l["source"]
        assert l["target"] in BY_ID, l["target"]
        assert l["source"] != l["target"], l["source"]


def test_no_link_is_given_twice():
    keys = []
    for l in LINKS:
        pair = (l["source"], l["target"])
        if vocab.LINK_TYPES[l["type"]].symmetric:
            pair = tuple(sorted(pair))
        keys.append((pair, l["type"], l.get("start"), l.get("end"), l.get("role"),
                     l.get("amount"), l.get("currency")))
    dupes = [k for k, n in collections.Counter(keys).items() if n > 1]
    assert dupes == []
    link_ids = [l["id"] for l in LINKS if "id" in l]
    assert len(link_ids) == len(set(link_ids))


def test_every_entity_is_linked():
    linked = {l["source"] for l in LINKS} | {l["target"] for l in LINKS}
    assert set(BY_ID) - linked == set()


# --- sourcing ----------------------------------------------------------------


def test_every_entity_and_link_cites_an_existing_source():
    for item in ENTITIES + LINKS:
        cited = _cited(item)
        assert cited, item.get("id") or (item["source"], item["type"], item["target"])
        assert set(cited) <= SOURCE_IDS, set(cited) - SOURCE_IDS


def test_every_source_is_cited():
    cited = {c for item in ENTITIES + LINKS for c in _cited(item)}
    assert SOURCE_IDS - cited == set()


def test_the_three_documents_are_present():
    assert {"imr-article", "wiki-ionov", "meduza-ionov-2021"} <= SOURCE_IDS
    secondary = [s for s in SOURCES if s["id"] not in {"imr-article", "wiki-ionov", "meduza-ionov-2021"}]
    assert all(s.get("cited_in") in {"wiki-ionov", "meduza-ionov-2021"} for s in secondary)


def test_names_occur_in_the_source_texts():
    if not SOURCE_TEXTS.is_dir():
        pytest.skip(f"source documents not found at {SOURCE_TEXTS}; cannot check names against them")
    texts = [p.read_text(encoding="utf-8") for p in sorted(SOURCE_TEXTS.glob("*.txt"))]
    if not texts:
        pytest.skip(f"no .txt documents in {SOURCE_TEXTS}")
    corpus = _norm(" ".join(texts))
    missing = [
        e["id"]
        for e in ENTITIES
        if e["type"] != "event"
        and not any(_norm(n) in corpus for n in [e["name"], *(e.get("aliases") or [])])
    ]
    assert missing == []


# --- statuses ----------------------------------------------------------------


def test_accusations_are_never_reported():
    bad = [
        (l["source"], l["type"], l["target"])
        for l in LINKS
        if l["type"] in vocab.ACCUSATION_TYPES and l["status"] == "reported"
    ]
    assert bad == []


def test_malinov_espionage_charges_are_not_reported():
    # The article names the country that charges him, not the authority: the
    # charge comes from the Bulgarian state, alleged and undated, and the
    # espionage itself stays an alleged attempt to sway Bulgaria's policy.
    spying = _one(source="nikolay-malinov", target="bulgarian-government", type="targeted")
    assert spying["status"] == "alleged"
    assert "start" not in spying
    assert {c["locator"] for c in spying["sources"]} == {"para. 2", "para. 4"}
    charges = [l for l in LINKS if l["target"] == "nikolay-malinov" and l["type"] in vocab.ACCUSATION_TYPES]
    assert [(l["source"], l["type"], l["status"]) for l in charges] == [("bulgarian-government", "charged", "alleged")]
    assert "start" not in charges[0]
    assert {c["locator"] for c in charges[0]["sources"]} == {"para. 2", "para. 4"}


def test_indictment_claims_are_not_reported():
    charge = _one(source="us-department-of-justice", target="alexander-ionov", type="charged")
    assert (charge["status"], charge["start"]) == ("alleged", "2022-07-29")
    acted = _one(source="alexander-ionov", target="russian-government", type="acted_for")
    fsb = _one(source="alexander-ionov", target="fsb", type="cooperates_with")
    assert acted["status"] == "alleged"
    # Ionov denied FSB ties to Meduza in 2021 (only events for Officers of Russia).
    assert fsb["status"] == "disputed"
    # The unsealing date is when the claim was made, not when the alleged work began.
    assert "start" not in acted and "start" not in fsb


def test_planned_links_are_the_announced_plans():
    planned = {(l["source"], l["type"], l["target"]) for l in LINKS if l["status"] == "planned"}
    assert planned == {
        ("imr", "founded", "imr-eci"),
        ("imr-eci", "targeted", "european-union"),
        ("tsargrad-group", "founded", "altintern"),
        ("foundation-for-combating-repressions", "cooperates_with", "alexander-ionov"),
    }


# --- facts checked by hand against the documents -------------------------------


def test_ionov_identity():
    ionov = BY_ID["alexander-ionov"]
    assert ionov["born"] == "1989-12-12"
    assert "Александр Викторович Ионов" in ionov["aliases"]
    assert {"AGMR", "ADR"} <= set(BY_ID["agmr"]["aliases"])


def test_national_charitable_foundation_grant():
    grant = _one(source="national-charitable-foundation", target="agmr", type="funds", start="2014-12")
    assert (grant["amount"], grant["currency"], grant["status"]) == (1000000, "RUB", "reported")


def test_grants_of_2016():
    # Three accounts of one state contribution, grouped so nothing sums them.
    grants = {
        (l.get("amount"), l.get("currency"), l["status"], l.get("account_of"))
        for l in _links(source="russian-government", target="agmr", type="funds", start="2016")
    }
    group = "agmr-2016-conference-state-funding"
    assert grants == {(3500000, "RUB", "reported", group), (53000, "USD", "alleged", group),
                      (None, None, "alleged", group)}


def test_malinov_chairs_the_imr():
    lead = _one(source="nikolay-malinov", target="imr", type="leads")
    assert (lead["start"], lead["role"], lead["status"]) == ("2023-03-14", "chairman", "reported")
    congress = BY_ID["imr-founding-congress"]
    assert (congress["date"], congress["place"]) == ("2023-03-14", "Moscow")


def test_us_treasury_sanctions_of_july_2022():
    sanctions = _links(source="us-treasury", type="sanctioned")
    assert {l["target"] for l in sanctions} == {
        "alexander-ionov",
        "agmr",
        "stop-imperialism",
        "ionov-transcontinental",
    }
    assert {l["start"] for l in sanctions} == {"2022-07"}


def test_rewards_for_justice_offer():
    # "Up to" $10 million is a ceiling: no amount field, the summary keeps it.
    offer = _one(source="rewards-for-justice", target="alexander-ionov", type="offered_reward")
    assert (offer["start"], offer["status"]) == ("2023-02", "reported")
    assert "amount" not in offer and "currency" not in offer
    assert "up to $10 million" in offer["summary"]


def test_butina_fund_and_latvian_contract():
    # The FZNC's money went into an unnamed American fund backing Butina, per its own announcement.
    assert _links(source="fznc", target="maria-butina") == []
    fund = _one(source="fznc", target="american-fund-for-butina", type="funds")
    assert (fund["amount"], fund["currency"], fund["status"]) == (5000000, "RUB", "alleged")
    assert _one(source="american-fund-for-butina", target="maria-butina", type="supports")["status"] == "reported"
    # Contract (Meduza) or grant (Ionov): one fact, two accounts; the sum is Ionov's figure.
    contract = _one(source="latvian-investment-and-development-agency", target="meduza", type="contracted")
    assert (contract["start"], contract["status"], contract["account_of"]) == ("2019-08", "reported", "latvian-tourism-tender-2019")
    assert "amount" not in contract
    grant = _one(source="latvian-investment-and-development-agency", target="meduza", type="funds")
    assert (grant["amount"], grant["currency"], grant["start"], grant["status"], grant["account_of"]) == (
        70000, "EUR", "2019-08", "disputed", "latvian-tourism-tender-2019")


def test_meduza_designation_chain():
    assert _one(source="russian-justice-ministry", target="meduza", type="designated")["start"] == "2021-04-23"
    to_rkn = _one(source="alexander-ionov", target="roskomnadzor", type="complained_to")
    assert (to_rkn["start"], to_rkn["status"]) == ("2021-04-20", "reported")
    to_ministry = _one(source="alexander-ionov", target="russian-justice-ministry", type="complained_to")
    assert (to_ministry["start"], to_ministry["status"]) == ("2019", "disputed")


def test_honorary_members_of_agmr():
    # Meduza states Assad's certificate; the other two rest on Ionov's word alone.
    members = {(l["source"], l["status"]) for l in _links(target="agmr", type="honorary_member_of")}
    assert members == {("bashar-al-assad", "reported"), ("mahmoud-ahmadinejad", "alleged"),
                       ("nicolas-maduro", "alleged")}


def test_fsb_certificate():
    award = _one(source="alexander-bortnikov", target="alexander-ionov", type="awarded")
    assert award["start"] == "2017-02-27"
    assert _one(source="alexander-bortnikov", target="fsb", type="leads")["role"] == "director"
    by_fsb = _one(source="fsb", target="alexander-ionov", type="awarded")
    assert (by_fsb["start"], by_fsb["status"]) == ("2017-02-27", "reported")


def test_conflicting_readings_are_both_kept():
    # AGMR: president since 2011 (encyclopedia) vs registered March 2012 (Meduza): one group.
    lead = _one(source="alexander-ionov", target="agmr", type="leads")
    found = _one(source="alexander-ionov", target="agmr", type="founded")
    assert (lead["start"], found["start"]) == ("2011", "2012-03")
    assert lead["account_of"] == found["account_of"] == "ionov-agmr-beginning"
    # 2015 conference: Moscow in September (Meduza) vs St. Petersburg on 22 March (encyclopedia):
    # two events, neither an alias of the other.
    dn2015 = BY_ID["dialogue-of-nations-2015"]
    assert (dn2015["date"], dn2015["place"]) == ("2015-09", "Moscow, President Hotel")
    assert "St. Petersburg" in dn2015["summary"] and "22 March" in dn2015["summary"]
    assert BY_ID["dialogue-of-nations-2016"]["date"] == "2016-09-25"
    # Texas money: told to the LA Times, denied to Meduza.
    assert _one(source="los-angeles-times", target="alexander-ionov", type="reported_on")["status"] == "disputed"
    # CIPDH vice-presidency: held until March 2021 by his own words; held on after it, disputed.
    posts = {(l["status"], l.get("start"), l.get("end"), l["account_of"])
             for l in _links(source="alexander-ionov", target="cipdh", type="officer_of")}
    assert posts == {("reported", None, "2021-03", "ionov-cipdh-vice-presidency"),
                     ("disputed", "2021-03", None, "ionov-cipdh-vice-presidency")}


# --- added or corrected in the fact-check --------------------------------------


def test_imr_article_paragraph_locators():
    # Para. 9 of the IMR article is the quoted Seagal line; the plans (ECI) are para. 10.
    for item in [BY_ID["imr-eci"], _one(source="imr", target="imr-eci", type="founded"),
                 _one(source="imr-eci", target="european-union", type="targeted")]:
        locators = {c["locator"] for c in item["sources"] if isinstance(c, dict) and c["id"] == "imr-article"}
        assert locators == {"para. 10"}
    cited = [c for item in ENTITIES + LINKS for c in item["sources"] if isinstance(c, dict) and c["id"] == "imr-article"]
    assert all(c["locator"] in {f"para. {n}" for n in range(1, 11)} for c in cited)
    assert not any(c["locator"] == "para. 9" for c in cited)


def test_seagal_envoy_and_order_of_friendship():
    # The article names neither who appointed him nor whose envoy he is ("special envoy for
    # humanitarian relations between Russia and Japan", para. 8): the post is its own entity,
    # tied to no state, and he holds it from 2018; no appointer, no Russian government.
    assert _links(source="steven-seagal", type="represents") == []
    assert _links(target="steven-seagal", type="appointed") == []
    envoy = _one(source="steven-seagal", type="officer_of")
    assert (envoy["target"], envoy["start"], envoy["status"]) == ("russia-japan-envoy-post", "2018", "reported")
    assert {c["locator"] for c in envoy["sources"]} == {"para. 8"}
    post = BY_ID["russia-japan-envoy-post"]
    assert post["type"] == "public_body" and "country" not in post
    assert "special envoy for humanitarian relations between Russia and Japan" in post["aliases"]
    assert _links(source="russia-japan-envoy-post") == []
    assert [(l["source"], l["type"]) for l in _links(target="russia-japan-envoy-post")] == [
        ("steven-seagal", "officer_of")]
    assert {l["type"] for l in _links(source="steven-seagal", target="russian-government")} == {"citizen_of"}
    assert "2018" in BY_ID["steven-seagal"]["summary"] and "envoy" in BY_ID["steven-seagal"]["summary"]
    award = _one(source="vladimir-putin", target="steven-seagal", type="awarded")
    assert (award["start"], award["status"]) == ("2023-02", "reported")


def test_meduza_designation_officials():
    assert _one(source="vadim-subbotin", target="russian-justice-ministry", type="informed")["start"] == "2021-04-21"
    assert _one(source="vladimir-titov", target="russian-justice-ministry", type="informed")["start"] == "2021-04-22"
    assert _one(source="oleg-sviridenko", target="medusa-project-sia", type="designated")["start"] == "2021-04-23"


def test_added_sanctions_and_protest():
    assert _one(source="us-government", target="alexander-malkevich", type="sanctioned")["status"] == "reported"
    assert "start" not in _one(source="european-union", target="russian-government", type="sanctioned")
    protest = _one(source="alexander-ionov", target="us-embassy-moscow", type="opposes")
    # The photographed rally of 19 October 2012 is one protest, not the start of his opposition.
    assert protest["status"] == "reported" and "start" not in protest
    assert "19 October 2012" in protest["summary"]
    assert "start" not in _one(source="alexander-ionov", target="mubashar", type="owns")


def test_summaries_copy_no_sentence_from_the_sources():
    if not SOURCE_TEXTS.is_dir():
        pytest.skip(f"source documents not found at {SOURCE_TEXTS}; cannot compare summaries with them")
    words = _norm(" ".join(p.read_text(encoding="utf-8") for p in sorted(SOURCE_TEXTS.glob("*.txt")))).split()
    if not words:
        pytest.skip(f"no .txt documents in {SOURCE_TEXTS}")
    size = 10  # ten words in a row is a copied clause, not a shared name or figure
    grams = {tuple(words[i:i + size]) for i in range(len(words) - size + 1)}
    copied = []
    for item in ENTITIES + LINKS:
        summary = _norm(item.get("summary") or "").split()
        if any(tuple(summary[i:i + size]) in grams for i in range(len(summary) - size + 1)):
            copied.append(item.get("id") or (item["source"], item["type"], item["target"]))
    assert copied == []
