"""The dataset's second edition (issue 9): each mended fact pinned by hand.

Facts are read from the YAML files as in ``test_dataset.py`` (whose helpers
this module reuses); link ids are checked on the dataset as imrnet's loader
builds it; the name forms are resolved through the installed ``imrnet``
console script, as a user would type them.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

# The test suite runs with --import-mode=importlib, so the sibling module is
# loaded by path (as test_docs.py loads scripts/update_docs.py).
_spec = importlib.util.spec_from_file_location("dataset_facts", Path(__file__).with_name("test_dataset.py"))
_facts = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_facts)
BY_ID, ENTITIES, LINKS, SOURCES = _facts.BY_ID, _facts.ENTITIES, _facts.LINKS, _facts.SOURCES
_cited, _links, _one = _facts._cited, _facts._links, _facts._one

SCRIPT = Path(sys.executable).parent / "imrnet"


def _cli(*args: str) -> subprocess.CompletedProcess:
    """Run the installed console script on the bundled data (IMRNET_DATA cleared)."""
    if not SCRIPT.exists():
        pytest.skip(f"console script not installed at {SCRIPT}")
    env = {k: v for k, v in os.environ.items() if k != "IMRNET_DATA"}
    return subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, encoding="utf-8",
                          env=env, timeout=60)


def _locators(link: dict, source: str) -> set[str]:
    return {c["locator"] for c in link["sources"] if isinstance(c, dict) and c["id"] == source}


# --- structural ties ----------------------------------------------------------


def test_imr_was_founded_at_its_congress():
    tie = _one(source="imr", target="imr-founding-congress", type="founded_at")
    assert (tie["status"], tie["start"]) == ("reported", "2023-03-14")
    assert _locators(tie, "imr-article") == {"para. 1", "para. 2"}


def test_every_event_is_tied_to_its_organizer_or_founded_organization():
    ties = {}
    for l in LINKS:
        if l["type"] in ("organized", "founded_at"):
            ties.setdefault(l["target"], set()).add((l["source"], l["type"], l["status"]))
    assert ties == {
        "imr-founding-congress": {("imr", "founded_at", "reported")},
        "agmr-conference-2014": {("agmr", "organized", "reported")},
        "national-dialogue": {("agmr", "organized", "reported")},
        "dialogue-of-nations-2015": {("agmr", "organized", "reported"),
                                     ("alexander-ionov", "organized", "reported")},
        "international-russian-conservative-forum-2015": {("agmr", "organized", "disputed")},
        "dialogue-of-nations-2016": {("agmr", "organized", "reported"),
                                     ("alexander-ionov", "organized", "reported")},
        "re-build-syria-2017": {("alexander-ionov", "organized", "alleged")},
        "veterans-volleyball-tournament": {("alexander-ionov", "organized", "alleged"),
                                           ("officers-of-russia", "organized", "alleged")},
    }
    assert set(ties) == {e["id"] for e in ENTITIES if e["type"] == "event"}


def test_public_bodies_are_tied_to_their_state():
    parts = {l["source"]: l["target"] for l in LINKS if l["type"] == "part_of"
             and BY_ID[l["source"]]["type"] == "public_body"}
    assert parts == {
        "russian-foreign-ministry": "russian-government",
        "russian-justice-ministry": "russian-government",
        "roskomnadzor": "russian-government",
        "rosfinmonitoring": "russian-government",
        "fsb": "russian-government",
        "federal-penitentiary-service": "russian-government",
        "us-treasury": "us-government",
        "us-department-of-justice": "us-government",
        "us-state-department": "us-government",
        "us-embassy-moscow": "us-government",
        "american-forces": "us-government",
        "rewards-for-justice": "us-state-department",
        "latvian-investment-and-development-agency": "latvian-government",
    }
    assert all(l["status"] == "reported" for l in LINKS if l["type"] == "part_of")
    states = {"russian-government", "us-government", "ukrainian-government", "spanish-government",
              "syrian-government", "bulgarian-government", "latvian-government"}
    # The European Commission belongs to no state, and the text ties it to no union; Seagal's
    # envoy post is named without its state.
    untied = {e["id"] for e in ENTITIES if e["type"] == "public_body"} - set(parts) - states
    assert untied == {"european-commission", "russia-japan-envoy-post"}
    # Meduza's "four different government branches".
    branches = {"russian-foreign-ministry", "russian-justice-ministry", "roskomnadzor", "rosfinmonitoring"}
    for body in branches:
        assert _locators(_one(source=body, target="russian-government", type="part_of"),
                         "meduza-ionov-2021") == {"Hurt feelings"}


# --- facts the text states that were missing ------------------------------------


def test_ukraine_barred_seagal():
    ban = _one(source="ukrainian-government", target="steven-seagal", type="banned_entry")
    assert ban["status"] == "reported" and "start" not in ban
    assert _locators(ban, "imr-article") == {"para. 8"}
    # Ionov's own claim that Ukraine would not let him in stays his word.
    own = _one(source="ukrainian-government", target="alexander-ionov", type="banned_entry")
    assert own["status"] == "alleged"


def test_butina_conviction_is_established():
    conviction = _one(target="maria-butina", type="convicted")
    assert (conviction["source"], conviction["status"]) == ("us-government", "reported")
    assert "start" not in conviction


def test_imr_as_a_russian_influence_operation():
    op = _one(source="imr", target="russian-government", type="acted_for")
    assert op["status"] == "alleged" and "start" not in op
    assert _locators(op, "imr-article") == {"para. 10"}


def test_dugin_the_kremlins_ideologue():
    tie = _one(source="alexander-dugin", type="ideologue_of")
    assert (tie["target"], tie["status"]) == ("russian-government", "reported")
    assert _locators(tie, "imr-article") == {"para. 2", "para. 6"}


def test_wagner_clashed_with_american_forces_in_2018():
    clash = _one(type="clashed_with")
    assert {clash["source"], clash["target"]} == {"wagner-pmc", "american-forces"}
    assert (clash["status"], clash["start"]) == ("reported", "2018")


def test_zakharova_and_ionov_met_butina_together():
    together = _one(source="alexander-ionov", target="maria-zakharova", type="met")
    assert (together["status"], together["start"]) == ("reported", "2019-10")
    for person in ("alexander-ionov", "maria-zakharova"):
        assert _one(source=person, target="maria-butina", type="met")["start"] == "2019-10"


def test_seagal_citizenship_and_envoy_post_are_dated():
    citizen = _one(source="steven-seagal", type="citizen_of")
    assert (citizen["target"], citizen["start"], citizen["status"]) == ("russian-government", "2016", "reported")
    envoy = _one(source="steven-seagal", type="officer_of")
    # The article names no state for the post: not the Russian government.
    assert (envoy["target"], envoy["start"]) == ("russia-japan-envoy-post", "2018")


def test_seagal_timeline_shows_citizenship_and_envoy_post():
    proc = _cli("timeline", "Seagal", "--json")
    assert proc.returncode == 0, proc.stderr
    dated = [(i["date"], i.get("type"), i.get("target")) for i in json.loads(proc.stdout)["items"]
             if i["item"] == "link"]
    assert ("2016", "citizen_of", "russian-government") in dated
    assert ("2018", "officer_of", "russia-japan-envoy-post") in dated


# --- claims cut back to their sources ------------------------------------------


def test_company_is_not_made_organizer_of_re_build_syria():
    assert _links(source="ionov-transcontinental", target="re-build-syria-2017") == []


def test_national_rally_is_an_example_not_a_member():
    assert "national-rally" not in BY_ID
    assert _links(target="altintern", type="member_of") == []
    assert "National Rally" in BY_ID["altintern"]["summary"]


def test_european_commission_blacklisted_passports_not_the_cipdh():
    assert _links(source="european-commission", type="designated") == []
    act = _one(source="european-commission", target="cipdh")
    assert (act["type"], act["status"]) == ("blacklisted_documents_of", "reported")


def test_tsargrad_dugin_contacts_are_not_dated_by_the_leak():
    contacts = _one(source="tsargrad-group", target="alexander-dugin", type="cooperates_with")
    assert "start" not in contacts and "2002" in contacts["summary"]


def test_agmr_2015_event_no_longer_cites_nbc():
    organized = _one(source="agmr", target="dialogue-of-nations-2015", type="organized")
    assert "nbc-2016-07-23" not in _cited(organized)
    assert "nbc-2016-07-23" not in _cited(BY_ID["dialogue-of-nations-2015"])


def test_the_treasury_is_the_sanctioner_not_sanctioned():
    assert "sanctioned" not in BY_ID["us-treasury"].get("tags", [])
    assert _links(target="us-treasury", type="sanctioned") == []


def test_meduza_coverage_dated_by_its_pieces():
    coverage = {(l["start"], tuple(sorted(_cited(l))))
                for l in _links(source="meduza", target="alexander-ionov", type="reported_on")}
    assert coverage == {("2019", ("meduza-ionov-2021", "meduza-venezuela-2019")),
                        ("2021", ("meduza-ionov-2021",))}
    talks = {l["start"] for l in _links(source="alexander-ionov", target="meduza", type="appeared_in")}
    assert talks == {"2018", "2021"}


def test_2014_conference_and_national_dialogue_are_kept_apart():
    conference = BY_ID["agmr-conference-2014"]
    dialogue = BY_ID["national-dialogue"]
    assert "National Dialogue" not in conference["aliases"]
    assert "National Dialogue" in dialogue["aliases"] and "date" not in dialogue
    assert _cited(_one(source="agmr", target="agmr-conference-2014", type="organized")) == [
        "wiki-ionov", "free-russia-foundation-2021-08-12"]
    grant = _one(source="national-charitable-foundation", target="agmr", type="funds", start="2014-12")
    assert "National Dialogue" in grant["summary"]


def test_conflicting_readings_are_not_aliases():
    forum = BY_ID["international-russian-conservative-forum-2015"]
    assert (forum["date"], forum["place"]) == ("2015-03-22", "St. Petersburg")
    assert "International Russian Conservative Forum" not in BY_ID["dialogue-of-nations-2015"]["aliases"]
    # A name both events bear belongs to both, so it never resolves silently.
    for event in ("dialogue-of-nations-2015", "dialogue-of-nations-2016"):
        assert "Dialogue of Nations" in BY_ID[event]["aliases"]


def test_countries_only_where_the_text_gives_them():
    for entity in ("mubashar", "national-charitable-foundation", "alexander-malkevich", "el-mundo"):
        assert "country" not in BY_ID[entity], entity


def test_state_ties_are_not_dated_by_the_report():
    for where in [dict(source="alexander-ionov", target="alexander-malkevich", type="cooperates_with"),
                  dict(source="alexander-ionov", target="maria-butina", type="supports"),
                  dict(source="alexander-malkevich", target="maria-butina", type="supports"),
                  dict(source="fznc", target="agmr", type="funds"),
                  dict(source="agmr", target="maria-butina", type="funds"),
                  dict(source="alexander-malkevich", target="dean-sterling-jones", type="informed"),
                  dict(source="alexander-ionov", target="spanish-government", type="opposes")]:
        assert "start" not in _one(**where), where
    assert _one(source="ria-fan", target="alexander-ionov", type="reported_on")["start"] == "2021"


# --- statuses, by one rule -------------------------------------------------------


def test_statuses_of_the_known_cases():
    assert _one(source="vladimir-putin", target="alexander-ionov", type="funds")["status"] == "disputed"
    assert _one(source="alexander-ionov", target="latvian-forbes", type="cooperates_with")["status"] == "alleged"
    assert _one(source="alexander-ionov", target="mubashar", type="owns")["status"] == "alleged"
    assert _one(source="alexander-ionov", target="officers-of-russia", type="cooperates_with")["status"] == "alleged"
    assert _one(source="alexander-ionov", target="federal-penitentiary-service",
                type="cooperates_with")["status"] == "alleged"
    assert _one(source="latvian-government", target="rt", type="opposes")["status"] == "alleged"


def test_competing_accounts_are_grouped():
    groups = {}
    for l in LINKS:
        if l.get("account_of"):
            groups.setdefault(l["account_of"], []).append((l["source"], l["type"], l["target"], l["status"]))
    assert {name: sorted(members) for name, members in groups.items()} == {
        "agmr-2016-conference-state-funding": [("russian-government", "funds", "agmr", "alleged"),
                                               ("russian-government", "funds", "agmr", "alleged"),
                                               ("russian-government", "funds", "agmr", "reported")],
        "ionov-agmr-beginning": [("alexander-ionov", "founded", "agmr", "reported"),
                                 ("alexander-ionov", "leads", "agmr", "reported")],
        "latvian-tourism-tender-2019": [("latvian-investment-and-development-agency", "contracted", "meduza", "reported"),
                                        ("latvian-investment-and-development-agency", "funds", "meduza", "disputed")],
        "ionov-cipdh-vice-presidency": [("alexander-ionov", "officer_of", "cipdh", "disputed"),
                                        ("alexander-ionov", "officer_of", "cipdh", "reported")],
    }


def test_complaint_recipients_are_side_by_side():
    # Different recipients cannot share a group: each account names the other.
    ministry = _one(source="alexander-ionov", target="russian-justice-ministry", type="complained_to")
    agency = _one(source="alexander-ionov", target="roskomnadzor", type="complained_to")
    assert "Roskomnadzor" in ministry["summary"] and "Justice Ministry" in agency["summary"]
    assert "account_of" not in ministry and "account_of" not in agency


# --- one convention for publications ------------------------------------------


def test_every_cited_publication_is_an_entity_with_its_coverage():
    publisher_of = {
        "el-mundo-2017-10-04": "el-mundo",
        "lansing-2019-12-02": "lansing-institute",
        "albuquerque-journal-2017-02-20": "albuquerque-journal",
        "bbc-2022-07-30": "bbc",
        "free-russia-foundation-2021-08-12": "free-russia-foundation",
        "guardian-2015-09-20": "the-guardian",
        "nbc-2016-07-23": "nbc-news",
        "bbc-2017-11-04": "bbc",
        "nyt-2017-02-21": "new-york-times",
        "msn-ionov-indictment": "msn",
        "meduza-venezuela-2019": "meduza",
        "foreign-policy-2021-03": "foreign-policy",
        "sterling-jones-2019-05": "dean-sterling-jones",
        "the-bell-ionov-syria": "the-bell",
        "nyt-2018-syria": "new-york-times",
        "los-angeles-times-2016": "los-angeles-times",
        "ria-fan-2021": "ria-fan",
        "bellingcat-cipdh": "bellingcat",
        "rt-ionov-interview-2018": "rt",
        "mbx-media-2021-05-20": "mbx-media",
    }
    # Public bodies' own publications are their acts, not coverage.
    acts = {"doj-2022-07-29": ("us-department-of-justice", "charged"),
            "rfj-ionov": ("rewards-for-justice", "offered_reward")}
    cited = {s["id"] for s in SOURCES if s.get("cited_in")}
    assert cited == set(publisher_of) | set(acts)
    for source, entity in publisher_of.items():
        # The piece is the outlet's coverage, or (an interview, a comment) someone's appearance in it.
        pieces = [l for l in LINKS if source in _cited(l) and (
            (l["source"] == entity and l["type"] == "reported_on")
            or (l["target"] == entity and l["type"] == "appeared_in"))]
        assert pieces, (source, entity)
    for source, (entity, kind) in acts.items():
        assert any(source in _cited(l) for l in _links(source=entity, type=kind)), source


def test_outlets_told_something_have_appearances():
    appearances = {(l["source"], l["target"]) for l in LINKS if l["type"] == "appeared_in"}
    assert appearances == {
        ("nikolay-malinov", "the-big-game"),
        ("alexander-ionov", "rt"), ("alexander-ionov", "mbx-media"), ("alexander-ionov", "foreign-policy"),
        ("alexander-ionov", "meduza"), ("alexander-ionov", "los-angeles-times"),
        ("alexander-ionov", "albuquerque-journal"), ("alexander-ionov", "el-mundo"),
        ("alexander-ionov", "nbc-news"), ("alexander-ionov", "lansing-institute"),
        ("galina-arapova", "meduza"),
    }


# --- names people type, through the installed CLI --------------------------------

NAME_FORMS = {
    "МИД": "russian-foreign-ministry",
    "Ministry of Foreign Affairs": "russian-foreign-ministry",
    "MFA": "russian-foreign-ministry",
    "Минюст": "russian-justice-ministry",
    "Ministry of Justice": "russian-justice-ministry",
    "ФСБ": "fsb",
    "ФСИН": "federal-penitentiary-service",
    "ОНК": "public-monitoring-commission",
    "ЧВК Вагнер": "wagner-pmc",
    "Wagner Group": "wagner-pmc",
    "PMC Wagner": "wagner-pmc",
    "Международное движение русофилов": "imr",
    "Антиглобалистское движение России": "agmr",
    "Anti-Globalisation Movement": "agmr",
    "Anti-Globalist Movement": "agmr",
    "Фонд защиты национальных ценностей": "fznc",
    "Офицеры России": "officers-of-russia",
    "Department of Justice": "us-department-of-justice",
    "Treasury Department": "us-treasury",
    "DNR": "donetsk-peoples-republic",
    "LNR": "luhansk-peoples-republic",
    "Lugansk": "luhansk-peoples-republic",
    "Tsargrad TV": "tsargrad-group",
    "Russia Today": "rt",
    "Vladimir Vladimirovich Putin": "vladimir-putin",
    "Роскомнадзор": "roskomnadzor",
    "Росфинмониторинг": "rosfinmonitoring",
    "International Russian Conservative Forum": "international-russian-conservative-forum-2015",
    "National Dialogue": "national-dialogue",
    # Cyrillic full names and patronymics
    "Министерство иностранных дел Российской Федерации": "russian-foreign-ministry",
    "Федеральная служба безопасности": "fsb",
    "Александр Викторович Ионов": "alexander-ionov",
    "Александр Гельевич Дугин": "alexander-dugin",
    "Владимир Владимирович Путин": "vladimir-putin",
}


@pytest.mark.parametrize("name, expected", sorted(NAME_FORMS.items()))
def test_name_form_resolves_through_the_installed_cli(name, expected):
    proc = _cli("show", name, "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["id"] == expected


def test_a_name_two_events_bear_asks_which_one():
    proc = _cli("show", "Dialogue of Nations", "--json")
    assert proc.returncode == 2 and proc.stdout == ""
    assert "dialogue-of-nations-2015" in proc.stderr and "dialogue-of-nations-2016" in proc.stderr


def test_charged_links_include_malinov_through_the_cli():
    proc = _cli("links", "--link-type", "charged", "--json")
    assert proc.returncode == 0, proc.stderr
    found = {(l["source"], l["target"], l["status"]) for l in json.loads(proc.stdout)["links"]}
    assert found == {("bulgarian-government", "nikolay-malinov", "alleged"),
                     ("us-department-of-justice", "alexander-ionov", "alleged")}


# --- every mended link by its id, as the loader derives it --------------------------

MENDED = {
    # id: (type, status, start, end, account_of)
    "imr~founded_at~imr-founding-congress~2023-03-14": ("founded_at", "reported", "2023-03-14", None, None),
    "imr~acted_for~russian-government": ("acted_for", "alleged", None, None, None),
    "bulgarian-government~charged~nikolay-malinov": ("charged", "alleged", None, None, None),
    "alexander-dugin~ideologue_of~russian-government": ("ideologue_of", "reported", None, None, None),
    "steven-seagal~citizen_of~russian-government~2016": ("citizen_of", "reported", "2016", None, None),
    "steven-seagal~officer_of~russia-japan-envoy-post~2018": ("officer_of", "reported", "2018", None, None),
    "ukrainian-government~banned_entry~steven-seagal": ("banned_entry", "reported", None, None, None),
    "ukrainian-government~banned_entry~alexander-ionov": ("banned_entry", "alleged", None, None, None),
    "us-government~convicted~maria-butina": ("convicted", "reported", None, None, None),
    "fsb~awarded~alexander-ionov~2017-02-27": ("awarded", "reported", "2017-02-27", None, None),
    "wagner-pmc~clashed_with~american-forces~2018": ("clashed_with", "reported", "2018", None, None),
    "alexander-ionov~met~maria-zakharova~2019-10": ("met", "reported", "2019-10", None, None),
    "tsargrad-group~cooperates_with~alexander-dugin": ("cooperates_with", "reported", None, None, None),
    "european-commission~blacklisted_documents_of~cipdh": ("blacklisted_documents_of", "reported", None, None, None),
    "fznc~funds~american-fund-for-butina": ("funds", "alleged", None, None, None),
    "american-fund-for-butina~supports~maria-butina": ("supports", "reported", None, None, None),
    "rewards-for-justice~offered_reward~alexander-ionov~2023-02": ("offered_reward", "reported", "2023-02", None, None),
    "meduza~reported_on~alexander-ionov~2019": ("reported_on", "reported", "2019", None, None),
    "meduza~reported_on~alexander-ionov~2021": ("reported_on", "reported", "2021", None, None),
    "agmr~organized~national-dialogue": ("organized", "reported", None, None, None),
    "agmr~organized~international-russian-conservative-forum-2015~2015-03-22":
        ("organized", "disputed", "2015-03-22", None, None),
    "vladimir-putin~funds~alexander-ionov": ("funds", "disputed", None, None, None),
    "alexander-ionov~cooperates_with~fsb": ("cooperates_with", "disputed", None, None, None),
    "alexander-ionov~officer_of~cipdh": ("officer_of", "reported", None, "2021-03", "ionov-cipdh-vice-presidency"),
    "alexander-ionov~officer_of~cipdh~2021-03":
        ("officer_of", "disputed", "2021-03", None, "ionov-cipdh-vice-presidency"),
    "mahmoud-ahmadinejad~honorary_member_of~agmr": ("honorary_member_of", "alleged", None, None, None),
    "nicolas-maduro~honorary_member_of~agmr": ("honorary_member_of", "alleged", None, None, None),
    "alexander-ionov~cooperates_with~latvian-forbes": ("cooperates_with", "alleged", None, None, None),
    "alexander-ionov~owns~mubashar": ("owns", "alleged", None, None, None),
    "alexander-ionov~leads~agmr~2011": ("leads", "reported", "2011", None, "ionov-agmr-beginning"),
    "alexander-ionov~founded~agmr~2012-03": ("founded", "reported", "2012-03", None, "ionov-agmr-beginning"),
    "russian-government-funds-agmr-2016-presidential-grant":
        ("funds", "reported", "2016", None, "agmr-2016-conference-state-funding"),
    "russian-government-funds-agmr-2016-30-percent":
        ("funds", "alleged", "2016", None, "agmr-2016-conference-state-funding"),
    "russian-government-funds-agmr-2016-nbc-grant":
        ("funds", "alleged", "2016", None, "agmr-2016-conference-state-funding"),
    "latvian-investment-and-development-agency~contracted~meduza~2019-08":
        ("contracted", "reported", "2019-08", None, "latvian-tourism-tender-2019"),
    "latvian-investment-and-development-agency~funds~meduza~2019-08":
        ("funds", "disputed", "2019-08", None, "latvian-tourism-tender-2019"),
    "alexander-ionov~opposes~us-embassy-moscow": ("opposes", "reported", None, None, None),
    "ria-fan~reported_on~alexander-ionov~2021": ("reported_on", "reported", "2021", None, None),
}


@pytest.fixture(scope="module")
def bundled():
    from imrnet.dataset.loader import load
    from imrnet.dataset.locations import bundled_dir

    return load([bundled_dir()])


@pytest.mark.parametrize("link_id", sorted(MENDED))
def test_mended_link_by_id(bundled, link_id):
    links = {link.id: link for link in bundled.links}
    assert link_id in links
    link = links[link_id]
    assert (link.type, link.status, link.start, link.end, link.account_of) == MENDED[link_id]


def test_removed_links_are_gone(bundled):
    ids = {link.id for link in bundled.links}
    for gone in ("ionov-transcontinental~organized~re-build-syria-2017~2017",
                 "national-rally~member_of~altintern",
                 "european-commission~designated~cipdh",
                 "fznc~funds~maria-butina",
                 "tsargrad-group~cooperates_with~alexander-dugin~2002",
                 "meduza~reported_on~alexander-ionov~2018",
                 "alexander-ionov~opposes~us-embassy-moscow~2012-10-19",
                 # The article names no state for Seagal's envoy post (audit of the 2nd edition).
                 "steven-seagal~officer_of~russian-government~2018"):
        assert gone not in ids, gone


def test_reported_on_comes_from_publications_only():
    # Publications are media, the two publishing organizations, or a journalist with no named outlet.
    publishers = {e["id"] for e in ENTITIES if e["type"] == "media"} | {
        "lansing-institute", "free-russia-foundation", "dean-sterling-jones"}
    assert {l["source"] for l in LINKS if l["type"] == "reported_on"} <= publishers
    comment = _one(source="alexander-ionov", target="wagner-pmc")
    assert (comment["type"], comment["status"], comment["start"]) == ("commented_on", "reported", "2018")


def test_summaries_claim_no_more_than_the_text():
    # Audit of the 2nd edition: each of these summaries had said more than its passage.
    malinov = BY_ID["nikolay-malinov"]["summary"]
    assert "driving force" in malinov and "creation" not in malinov  # para. 2: "driving force behind"
    dugin = BY_ID["alexander-dugin"]["summary"]
    assert "Crimea in 2014" in dugin and "before 2014" not in dugin  # para. 6: before the annexation
    # The "National Dialogue" was an expert discussion, not a gathering of separatists.
    assert "gatherings of separatists" not in BY_ID["agmr"]["summary"]
    bell = _one(source="the-bell", target="alexander-ionov", type="reported_on")["summary"]
    assert "Russian business" not in bell
    fund = _one(source="fznc", target="american-fund-for-butina", type="funds")["summary"]
    assert "May 2019" not in fund  # Meduza dates the announcement only relative to the e-mail
    rally = _one(source="agmr", target="us-embassy-moscow", type="opposes")["summary"]
    assert "at one" not in rally  # the caption does not say the 2012 rally was the AGMR's
