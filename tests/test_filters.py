"""LinkFilter: validation, acceptance, describe()."""

from __future__ import annotations

import pytest

from imrnet.errors import UsageError
from imrnet.queries.filters import ALL_LINKS, LinkFilter
from imrnet.dataset.model import Link

ALL = ["reported", "alleged", "disputed", "planned"]


def link(status="reported", kind="funds", start=None, end=None, lid="l"):
    return Link(lid, "a", "b", kind, status, start=start, end=end)


def test_unfiltered_counts_everything_and_says_so():
    f = LinkFilter.from_options()
    assert f == ALL_LINKS and f.is_open
    assert f.describe() == {"statuses": ALL, "ties": ["affiliation", "adversarial", "coverage"],
                            "as_of": None, "since": None, "until": None, "undated": "exclude",
                            "undated_left_out": None, "link_types": None,
                            "exclude_link_types": []}
    for status in ALL:
        assert f.accepts(link(status))


def test_empty_lists_mean_not_given():
    assert LinkFilter.from_options(statuses=[], link_types=[], exclude_link_types=[]) == ALL_LINKS


def test_statuses_in_vocabulary_order():
    f = LinkFilter.from_options(statuses=["planned", "reported", "planned"])
    assert f.statuses == frozenset({"planned", "reported"})
    assert f.describe()["statuses"] == ["reported", "planned"]
    assert f.accepts(link("planned")) and not f.accepts(link("alleged"))


def test_link_types_and_exclusions():
    f = LinkFilter.from_options(link_types=["met", "funds"], exclude_link_types=["funds"])
    assert f.describe()["link_types"] == ["funds", "met"]
    assert f.describe()["exclude_link_types"] == ["funds"]
    assert f.accepts(link(kind="met"))
    assert not f.accepts(link(kind="funds"))
    assert not f.accepts(link(kind="owns"))


def test_as_of_uses_partial_dates():
    f = LinkFilter.from_options(as_of="2016")
    assert f.describe()["as_of"] == "2016"
    # funds is an act: dated on or before 2016, at the precision given
    assert f.accepts(link(start="2015", end="2017"))
    assert f.accepts(link(start="2016-12"))
    assert not f.accepts(link())  # undated: left out...
    assert f.undated_left_out([link()]) == 1  # ...and counted
    assert LinkFilter.from_options(as_of="2016", undated="include").accepts(link())
    assert not f.accepts(link(start="2017"))
    # leads is a state: in force at 2016
    assert f.accepts(link(kind="leads", start="2015", end="2017"))
    assert not f.accepts(link(kind="leads", end="2015-12-31"))
    assert f.accepts(link(kind="leads", end="2016-01"))


def test_apply_keeps_order():
    links = [link("reported", lid="1"), link("alleged", lid="2"), link("reported", lid="3")]
    assert [l.id for l in LinkFilter.from_options(statuses=["reported"]).apply(links)] == ["1", "3"]


@pytest.mark.parametrize(
    "kwargs, needle",
    [
        ({"statuses": ["confirmed"]}, "unknown status 'confirmed' for --status; expected one of: reported, alleged"),
        ({"statuses": [""]}, "unknown status '' for --status"),
        ({"link_types": ["fund"]}, "unknown link type 'fund' for --link-type; did you mean: funds, founded? Expected one of: leads,"),
        ({"statuses": ["reported,aleged"]}, "unknown status 'aleged' for --status; did you mean: alleged? Expected one of: reported,"),
        ({"ties": ["adversial"]}, "unknown tie kind 'adversial' for --ties; did you mean: adversarial? Expected one of: all, affiliation, adversarial, coverage"),
        ({"undated": "maybe"}, "unknown value 'maybe' for --undated; expected one of: exclude, include"),
        ({"undated": "include,exclude"}, "--undated takes one value, exclude or include, not 'include,exclude'"),
        ({"since": "2020", "until": "2019-12"}, "--until 2019-12 is before --since 2020"),
        ({"since": "2020-02-30"}, "--since: impossible date '2020-02-30'"),
        ({"exclude_link_types": ["☃"]}, "unknown link type '☃' for --exclude-link-type"),
        ({"as_of": "2015-13"}, "--as-of: impossible date '2015-13'"),
        ({"as_of": "yesterday"}, "--as-of: malformed date 'yesterday'"),
        ({"as_of": ""}, "--as-of: malformed date ''"),
    ],
)
def test_bad_values_name_value_and_expected(kwargs, needle):
    with pytest.raises(UsageError) as info:
        LinkFilter.from_options(**kwargs)
    assert needle in str(info.value)
    assert "\n" not in str(info.value)
    assert info.value.exit_code == 2


def test_filter_is_hashable_and_frozen():
    f = LinkFilter.from_options(statuses=["reported"])
    assert hash(f) == hash(LinkFilter.from_options(statuses=["reported"]))
    with pytest.raises(AttributeError):
        f.as_of = "2020"  # type: ignore[misc]


def test_values_are_read_in_any_case():
    flt = LinkFilter.from_options(statuses=["Reported"], link_types=["FUNDS"], exclude_link_types=[" Met "])
    assert (flt.statuses, flt.link_types, flt.exclude_link_types) == (
        frozenset({"reported"}), frozenset({"funds"}), frozenset({"met"}))


def test_comma_separated_values_widen_like_repeats():
    flt = LinkFilter.from_options(statuses=["reported,alleged"], link_types=["met, funds"],
                                  ties=["affiliation,coverage"])
    assert flt == LinkFilter.from_options(statuses=["reported", "alleged"], link_types=["met", "funds"],
                                          ties=["affiliation", "coverage"])
    assert flt.describe()["ties"] == ["affiliation", "coverage"]


def test_ties_all_or_every_kind_is_no_restriction():
    assert LinkFilter.from_options(ties=["all"]) == ALL_LINKS
    assert LinkFilter.from_options(ties=["affiliation,adversarial,coverage"]) == ALL_LINKS
    assert LinkFilter.from_options(ties=["all", "coverage"]) == ALL_LINKS


def test_ties_keep_only_their_kind():
    flt = LinkFilter.from_options(ties=["affiliation"])
    assert flt.accepts(link(kind="funds"))
    assert not flt.accepts(link(kind="sanctioned"))
    assert not flt.accepts(link(kind="reported_on"))
    assert LinkFilter.from_options(ties=["coverage"]).accepts(link(kind="reported_on"))


@pytest.mark.parametrize(
    "kind, start, end, since, until, expected",
    [
        # acts: their date falls in the window
        ("attended", "2023-03-14", None, "2030", None, False),
        ("attended", "2023-03-14", None, "2023", None, True),
        ("attended", "2023-03-14", None, None, "2023-03-13", False),
        ("attended", "2023", None, "2023-06", None, True),  # partial: compared at its precision
        ("funds", "2013", "2016", "2015", "2015", True),  # an act over a period
        # states: their interval overlaps the window
        ("leads", "2012", None, "2030", None, True),
        ("leads", "2012", "2014", "2015", None, False),
        ("leads", "2018", None, None, "2017-12", False),
        ("leads", None, "2014", None, "2000", True),  # open start, bounded end
    ],
)
def test_since_until_read_acts_and_states(kind, start, end, since, until, expected):
    flt = LinkFilter.from_options(since=since, until=until)
    assert flt.accepts(link(kind=kind, start=start, end=end)) is expected


def test_describe_counts_undated_left_out(small):
    assert LinkFilter().describe(small)["undated_left_out"] == 0
    described = LinkFilter.from_options(as_of="2019").describe(small)
    # the small fixture: 15 links, 7 with dates of their own (L1, L3, L4, L5, L13, L14,
    # L15); no entity (not even big-forum) has a date, so the 8 others cannot be placed
    assert described["undated_left_out"] == 8
    assert LinkFilter.from_options(as_of="2019", undated="include").describe(small)[
        "undated_left_out"] == 0
