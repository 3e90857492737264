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
    assert f.describe() == {"statuses": ALL, "as_of": None, "link_types": None,
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
    assert f.accepts(link(start="2015", end="2017"))
    assert f.accepts(link(start="2016-12"))
    assert f.accepts(link())  # undated: open bounds
    assert not f.accepts(link(start="2017"))
    assert not f.accepts(link(end="2015-12-31"))


def test_apply_keeps_order():
    links = [link("reported", lid="1"), link("alleged", lid="2"), link("reported", lid="3")]
    assert [l.id for l in LinkFilter.from_options(statuses=["reported"]).apply(links)] == ["1", "3"]


@pytest.mark.parametrize(
    "kwargs, needle",
    [
        ({"statuses": ["confirmed"]}, "unknown status 'confirmed' for --status; expected one of: reported, alleged"),
        ({"statuses": [""]}, "unknown status '' for --status"),
        ({"link_types": ["fund"]}, "unknown link type 'fund' for --link-type; expected one of: leads,"),
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
