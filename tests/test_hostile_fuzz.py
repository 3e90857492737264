"""Property tests: whatever a data file or a typed name holds, imrnet answers or refuses.

Hypothesis throws random record structures (dumped as YAML), random text and
random bytes at the loader, and random text at name resolution. Each run
must either load or report problems / raise the project's own error family,
never anything else (a ``TypeError``, a ``RecursionError``...), and a loaded
dataset must print as strict JSON.

Fuzzing budget: 410 examples in all (60 + 30 random structures, 80 random
texts, 60 random byte strings, 80 strings of YAML pieces, 100 typed names),
about 4 s of one core, on every test run, derandomized so CI is repeatable.
``IMRNET_FUZZ=N`` runs N times as many fresh (random) examples for a deeper
search; ``IMRNET_FUZZ=10`` (4,100 examples, ~5 minutes) was run while
writing these tests.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from imrnet.dataset.loader import check_dirs, load
from imrnet.dataset.vocab import ENTITY_TYPES, LINK_TYPES, STATUSES
from imrnet.errors import ImrnetError
from imrnet.queries.names import resolve

BASE = Path(__file__).parent / "fixtures" / "loader" / "base"
SMALL = Path(__file__).parent / "fixtures" / "graph" / "small"

_SCALE = int(os.environ.get("IMRNET_FUZZ", "0") or 0)


def budget(examples: int):
    """Settings for ``examples`` examples: fixed on CI, scaled by ``IMRNET_FUZZ``."""
    return settings(
        max_examples=examples * max(_SCALE, 1),
        derandomize=not _SCALE,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# ---------------------------------------------------------------- strategies

IDS = ["doc-a", "doc-b", "agmr", "alexander-ionov", "doj", "x"]
FIELDS = ["id", "name", "type", "title", "publisher", "date", "source", "target", "status",
          "sources", "aliases", "country", "start", "end", "amount", "currency", "role",
          "summary", "tags", "account_of", "cited_in", "locator", "born", "founded", "url"]
WORDS = IDS + list(ENTITY_TYPES) + list(LINK_TYPES)[:8] + list(STATUSES) + [
    "RU", "US", "RUB", "2011", "2011-03", "2022-07-29", "", " "]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(WORDS),
    st.text(max_size=30),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(FIELDS), st.text(max_size=8)), inner, max_size=4),
    ),
    max_leaves=12,
)
records = st.dictionaries(st.sampled_from(FIELDS), values, max_size=9)
files = st.one_of(st.lists(records, max_size=4), values)


def _dump(data) -> str:
    return yaml.dump(data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True, sort_keys=False)


def _check(directory: Path) -> None:
    """Checking must return a report, and a loaded dataset must print as strict JSON."""
    report = check_dirs([directory])
    for problem in report.errors + report.warnings:
        assert isinstance(str(problem), str)
        json.dumps(problem.as_dict(), allow_nan=False)
    if report.dataset is not None:
        json.dumps([e.as_dict() for e in report.dataset.entities.values()], allow_nan=False)
        json.dumps([link.as_dict() for link in report.dataset.links], allow_nan=False)


class _Scratch:
    """A reusable copy of the base dataset (Hypothesis forbids function fixtures)."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="imrnet-fuzz-"))
        self.dir = self.root / "data"

        self.dir.mkdir()
        self.base = {p.stem: p.read_bytes() for p in BASE.glob("*.yaml")}

    def reset(self, **files: str | bytes) -> Path:
        for stem, content in {**self.base, **files}.items():
            raw = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
            (self.dir / f"{stem}.yaml").write_bytes(raw)
        return self.dir


SCRATCH = _Scratch()


# ------------------------------------------------------------------- loader


@budget(60)
@given(kind=st.sampled_from(["sources", "entities", "links"]), data=files)
def test_random_structures_load_or_report(kind, data):
    _check(SCRATCH.reset(**{kind: _dump(data)}))


@budget(30)
@given(sources=st.lists(records, max_size=3), entities=st.lists(records, max_size=3),
       links=st.lists(records, max_size=3))
def test_random_datasets_load_or_report(sources, entities, links):
    _check(SCRATCH.reset(sources=_dump(sources), entities=_dump(entities), links=_dump(links)))


@budget(80)
@given(kind=st.sampled_from(["entities", "links"]), text=st.text(max_size=200))
def test_random_text_loads_or_reports(kind, text):
    _check(SCRATCH.reset(**{kind: text}))


@budget(60)
@given(kind=st.sampled_from(["entities", "links"]), raw=st.binary(max_size=200))
def test_random_bytes_load_or_report(kind, raw):
    _check(SCRATCH.reset(**{kind: raw}))


# Pieces of YAML syntax, to reach further into the parser than random text.
YAML_BITS = ["- ", "{", "}", "[", "]", ": ", ", ", "\n", "  ", "&a ", "*a", "!!int ", "!!float ",
             "!!bool ", "!!binary ", "!!set ", "? ", "<<: ", "'", '"', "\\e", "|\n  ", ">-\n  ",
             "---\n", "...\n", "#", "id: agmr", "name: x", "type: person", "sources: [doc-a]",
             "0x1F", "1e400", ".nan", "-.inf", "1_000", "0o17", "1:30", "~", "yes", "null", "é"]


@budget(80)
@given(kind=st.sampled_from(["entities", "links"]),
       parts=st.lists(st.one_of(st.sampled_from(YAML_BITS), st.text(max_size=3)), max_size=40))
def test_random_yaml_pieces_load_or_report(kind, parts):
    _check(SCRATCH.reset(**{kind: "".join(parts)}))


# ------------------------------------------------------------ name resolution

DATASET = load([SMALL])


@budget(100)
@given(text=st.one_of(st.text(max_size=60), st.sampled_from(
    ["Ionov", "Ионов", "alexander", "a", "-", " ", "\x1b[2J", "Dugin Malofeev", "ё", "ǅ"])))
def test_any_typed_name_resolves_or_is_refused(text):
    try:
        entity = resolve(DATASET, text)
    except ImrnetError:
        return
    assert entity.id in DATASET.entities
