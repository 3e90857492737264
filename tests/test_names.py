"""Name resolution: normalize, NameIndex tiers, ambiguity and suggestions."""

from __future__ import annotations

from collections import defaultdict

import pytest

from imrnet.errors import AmbiguousName, UnknownName, UsageError
from imrnet.dataset.loader import load
from imrnet.dataset.model import Dataset, Entity
from imrnet.queries.names import NameIndex, fold_word, index_for, normalize, resolve


def make(*entities: Entity) -> Dataset:
    return Dataset(entities={e.id: e for e in entities})


IONOV = Entity(
    "alexander-ionov", "Alexander Ionov", "person", aliases=("Aleksandr Ionov", "Александр Ионов")
)
AGMR = Entity("agmr", "Anti-Globalization Movement of Russia", "organization", aliases=("AGMR",))
ALEX_DUGIN = Entity("alexander-dugin", "Alexander Gelyevich Dugin", "person")
PAVEL_DUGIN = Entity("pavel-dugin", "Pavel Dugin", "person")
DUGIN_CLUB = Entity("dugin", "Dugin", "organization")
MALOFEEV = Entity("konstantin-malofeev", "Konstantin Malofeev", "person")
TSARGRAD = Entity("tsargrad", "Tsargrad TV", "media", aliases=("Царьград",))


@pytest.mark.parametrize(
    "a, b",
    [
        ("Aleksandr", "Alexander"),
        ("Alexandr", "Aleksandr"),
        ("Sergei", "Sergey"),
        ("Nikolai", "Nikolay"),
        ("Yevgeny", "Evgeny"),
        ("Evgeniy", "Evgeny"),
        ("Evgenii", "Yevgeniy"),
        ("Malofeev", "Malofeyev"),
        ("Alexei", "Aleksey"),
        ("Yuri", "Yuriy"),
        ("Fyodor", "Fedor"),
        ("Pyotr", "Petr"),
        ("Ионов", "Ionov"),
        ("Малофеев", "Malofeyev"),
        ("Евгений Пригожин", "Yevgeny Prigozhin"),
        ("Сергей Лавров", "Sergei Lavrov"),
        ("Nicolás Maduro", "nicolas maduro"),
        ("Sinn Féin", "SINN FEIN"),
        ("Donetsk People's Republic", "Donetsk Peoples Republic"),
        ("Царьград", "Tsargrad"),
        ("U.S. Dept. of Justice", "US Dept of Justice"),
    ],
)
def test_normalize_folds_variants(a, b):
    assert normalize(a) == normalize(b)


@pytest.mark.parametrize(
    "a, b",
    [
        ("Smirnov", "Smirnova"),
        ("Ivan", "Ivana"),
        ("Maria", "Mario"),
        ("Dugin", "Dudin"),
        ("Alexander", "Alexandra"),
    ],
)
def test_normalize_keeps_distinct_names_apart(a, b):
    assert normalize(a) != normalize(b)


def test_normalize_exact_forms():
    assert normalize("  Jean-Marie   LE PEN! ") == "jean marie le pen"
    assert normalize("«Царьград» ТВ") == "tsargrad tv"
    assert normalize("Александр Ионов") == "aleksandr ionov"
    assert normalize("") == ""
    assert normalize("...!?") == ""
    assert normalize("\x00\t\n") == ""


def test_fold_word_rules():
    assert fold_word("xenia") == "ksenia"
    assert fold_word("yevgeniy") == "evgeni"
    assert fold_word("sergeyevich") == "sergeevich"
    assert fold_word("chernyy") == "cherni"
    assert fold_word("alexander") == "aleksandr"
    assert fold_word("yakunin") == "iakunin"


def test_resolve_by_id_name_alias_surname_any_script():
    d = make(IONOV, AGMR, TSARGRAD)
    for text in ["alexander-ionov", "Alexander Ionov", "aleksandr ionov", "Ионов", "ionov",
                 "IONOV", "Александр Ионов", " Alexander-Ionov "]:
        assert resolve(d, text) is IONOV, text
    assert resolve(d, "agmr") is AGMR
    assert resolve(d, "AGMR") is AGMR
    assert resolve(d, "anti globalization movement of russia") is AGMR
    assert resolve(d, "Tsargrad TV") is TSARGRAD
    assert resolve(d, "царьград") is TSARGRAD


def test_surname_with_other_name_words():
    d = make(ALEX_DUGIN, PAVEL_DUGIN)
    assert resolve(d, "Aleksandr Dugin") is ALEX_DUGIN
    assert resolve(d, "Alexander Gelyevich Dugin") is ALEX_DUGIN
    assert resolve(d, "Pavel Dugin") is PAVEL_DUGIN
    with pytest.raises(UnknownName):
        resolve(d, "Boris Dugin")


def test_ambiguous_surname_lists_every_candidate():
    d = make(ALEX_DUGIN, PAVEL_DUGIN)
    with pytest.raises(AmbiguousName) as info:
        resolve(d, "dugin")
    assert info.value.candidates == [ALEX_DUGIN.ref(), PAVEL_DUGIN.ref()]
    assert info.value.exit_code == 2
    assert "\n" not in str(info.value)


def test_given_name_of_several_people_is_ambiguous():
    sergei = Entity("sergey-lavrov", "Sergey Lavrov", "person")
    d = make(IONOV, ALEX_DUGIN, PAVEL_DUGIN, MALOFEEV, AGMR, sergei)
    for text in ("Alexander", "aleksandr", "Александр"):
        with pytest.raises(AmbiguousName) as info:
            resolve(d, text)
        assert info.value.candidates == [ALEX_DUGIN.ref(), IONOV.ref()]
    # one person only: still unknown, with that person suggested first
    for text, person in (("Konstantin", MALOFEEV), ("Sergei", sergei)):
        with pytest.raises(UnknownName) as info:
            resolve(d, text)
        assert info.value.suggestions[0] == person.ref()
    with pytest.raises(UnknownName):
        resolve(d, "Alexander Petrov")  # words of no one name together


def test_bundled_alexander_lists_every_alexander():
    with pytest.raises(AmbiguousName) as info:
        resolve(load(), "Alexander")
    ids = [c["id"] for c in info.value.candidates]
    assert {"alexander-ionov", "alexander-dugin"} <= set(ids)
    assert all(c["type"] == "person" for c in info.value.candidates)


def test_exact_name_beats_surname_tokens():
    d = make(ALEX_DUGIN, PAVEL_DUGIN, DUGIN_CLUB)
    assert resolve(d, "Dugin") is DUGIN_CLUB  # exact id/name of one entity wins


def test_exact_alias_shared_by_two_is_ambiguous():
    a = Entity("a", "Anna One", "person", aliases=("Twin",))
    b = Entity("b", "Bella Two", "person", aliases=("Twin",))
    with pytest.raises(AmbiguousName) as info:
        resolve(make(a, b), "twin")
    assert [c["id"] for c in info.value.candidates] == ["a", "b"]


def test_surname_applies_to_people_only():
    org = Entity("acme", "Acme Holding", "company")
    with pytest.raises(UnknownName):
        resolve(make(org), "Holding")


def test_unknown_name_suggests_nearest():
    d = make(IONOV, AGMR, MALOFEEV, TSARGRAD)
    with pytest.raises(UnknownName) as info:
        resolve(d, "Malofef")
    assert info.value.suggestions[0] == MALOFEEV.ref()
    assert len(info.value.suggestions) <= 5
    assert "did you mean" in str(info.value)


def test_suggest_limit_and_order():
    people = [Entity(f"p{i}", f"Ivan Petrov{i}", "person") for i in range(8)]
    index = NameIndex({e.id: e for e in people})
    found = index.suggest("Ivan Petrov", limit=5)
    assert len(found) == 5
    assert [r["id"] for r in found] == ["p0", "p1", "p2", "p3", "p4"]
    assert index.suggest("Ivan Petrov", limit=0) == []
    assert index.suggest("") == []


@pytest.mark.parametrize("junk", ["", "   ", "!!!", "\t\n"])
def test_empty_names_are_usage_errors(junk):
    with pytest.raises(UsageError) as info:
        resolve(make(IONOV), junk)
    assert info.value.exit_code == 2
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("junk", ["😀", "\u202e\u200b", "中国", "x" * 500, "Ионов\nIonov"])
def test_odd_unicode_is_unknown_not_a_crash(junk):
    with pytest.raises(UsageError) as info:
        resolve(make(IONOV, AGMR), junk)
    assert "\n" not in str(info.value)


def test_index_is_cached_per_dataset():
    d1, d2 = make(IONOV), make(IONOV)
    assert index_for(d1) is index_for(d1)
    assert index_for(d1) is not index_for(d2)


def test_candidates():
    index = NameIndex({e.id: e for e in (ALEX_DUGIN, PAVEL_DUGIN)})
    assert index.candidates("dugin") == [ALEX_DUGIN.ref(), PAVEL_DUGIN.ref()]
    assert index.candidates("pavel-dugin") == [PAVEL_DUGIN.ref()]
    assert index.candidates("") == []


# --- the bundled data (changes while curated: only robust facts) ---


def test_bundled_key_names():
    d = load()
    assert resolve(d, "Ионов").id == "alexander-ionov"
    assert resolve(d, "Aleksandr Ionov").id == "alexander-ionov"
    assert resolve(d, "ionov").id == "alexander-ionov"
    assert resolve(d, "Malofeev").id == "konstantin-malofeev"
    assert resolve(d, "Malofeyev").id == "konstantin-malofeev"
    assert resolve(d, "Dugin").id == "alexander-dugin"


def test_bundled_folding_creates_no_collision():
    """Two entities share a normalized name only if they share it before folding."""
    d = load()
    folded, raw = defaultdict(set), defaultdict(set)
    for e in d.entities.values():
        for name in (e.name, *e.aliases):
            folded[normalize(name)].add(e.id)
            raw[name.casefold()].add(e.id)
    for key, ids in folded.items():
        if len(ids) > 1:
            names = {n.casefold() for i in ids for n in (d.entities[i].name, *d.entities[i].aliases)
                     if normalize(n) == key}
            assert len(names) == 1, (key, ids)


def test_bundled_every_id_and_unique_name_resolves():
    d = load()
    index = index_for(d)
    for e in d.entities.values():
        assert index.resolve(e.id) is e
        assert index.resolve(e.name.upper()) is e or len(index.candidates(e.name)) > 1


def test_fold_word_shortcut_equals_the_letter_by_letter_rules():
    """fold_word skips words with nothing to fold; the full rules give the same on any word."""
    import itertools

    from imrnet.queries.normal import _fold_letters, fold_word

    letters = "aeiouyxndrk"
    words = ["".join(p) for n in range(1, 6) for p in itertools.product(letters, repeat=n)]
    words += ["alexander", "ander", "hawaii", "sergey", "malofeyev", "fyodor", "kiiv"]
    assert [fold_word(w) for w in words] == [_fold_letters(w) for w in words]


def test_ascii_text_is_normalized_as_anyascii_would():
    from anyascii import anyascii

    assert all(anyascii(chr(i)) == chr(i) for i in range(128))
