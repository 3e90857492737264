"""Checks of values a user types: choices, entity types, dates, counts.

Each check returns the clean value or raises :class:`~imrnet.errors.UsageError`
with a one-line message that names the option and what was expected, so
every command words the same mistake the same way.

Examples
--------
>>> entity_types(["Person", " event"], "--type") == frozenset({"person", "event"})
True
>>> user_date(" 2015-09 ", "--since")
'2015-09'
>>> whole_number("3", "--radius", 1)
3
"""

from __future__ import annotations

from collections.abc import Iterable

from imrnet.dataset.dates import parse_date
from imrnet.errors import UsageError
from imrnet.dataset.vocab import ENTITY_TYPES

__all__ = ["split_values", "did_you_mean", "unknown_value", "choices", "entity_types", "user_date", "whole_number", "count",
           "MAX_TYPED", "typed_text"]

#: The longest name or search text a user may type (the longest name is 500).
MAX_TYPED = 1_000


def typed_text(text: str, what: str) -> str:
    """``text`` when it is no longer than :data:`MAX_TYPED`; fuzzy matching a
    longer text would take seconds to minutes for nothing.

    Examples
    --------
    >>> typed_text("Ionov", "entity name")
    'Ionov'
    >>> typed_text("x" * 1001, "search text")
    Traceback (most recent call last):
    ...
    imrnet.errors.UsageError: search text of 1,001 characters is over the limit of 1,000
    """
    if len(text) > MAX_TYPED:
        raise UsageError(f"{what} of {len(text):,} characters is over the limit of {MAX_TYPED:,}")
    return text


def split_values(values: Iterable[str] | str | None) -> list[str]:
    """The values of a repeatable option, each occurrence also split at commas.

    Examples
    --------
    >>> split_values(["reported,alleged", " disputed "])
    ['reported', 'alleged', 'disputed']
    >>> split_values("met")
    ['met']
    >>> split_values(None)
    []
    """
    if not values:
        return []
    if isinstance(values, str):
        values = [values]
    out = []
    for value in values:
        if isinstance(value, str) and "," in value:
            out.extend(part.strip() for part in value.split(","))
        else:
            out.append(value.strip() if isinstance(value, str) else value)
    return out


def did_you_mean(value: str, allowed: Iterable[str]) -> str:
    """``"; did you mean: x?"`` naming the nearest allowed values, or ``""``.

    Examples
    --------
    >>> did_you_mean("aleged", ("reported", "alleged"))
    '; did you mean: alleged?'
    >>> did_you_mean("zzz", ("reported", "alleged"))
    ''
    """
    import difflib

    near = difflib.get_close_matches(str(value).lower(), list(allowed), n=3, cutoff=0.6)
    return f"; did you mean: {', '.join(near)}?" if near else ""


def unknown_value(what: str, value: str, allowed: Iterable[str], option: str = "") -> UsageError:
    """The usage error for a value outside ``allowed``, with the nearest ones.

    Examples
    --------
    >>> str(unknown_value("measure", "betweeness", ("degree", "betweenness")))
    "unknown measure 'betweeness'; did you mean: betweenness? Expected one of: degree, betweenness"
    >>> str(unknown_value("sort", "size", ("date", "type"), option="--sort"))
    "unknown sort 'size' for --sort; expected one of: date, type"
    """
    allowed = list(allowed)
    hint = did_you_mean(value, allowed)
    listed = ", ".join(allowed)
    where = f" for {option}" if option else ""
    return UsageError(f"unknown {what} {value!r}{where}"
                      + (f"{hint} Expected one of: {listed}" if hint else f"; expected one of: {listed}"))


def choices(
    values: Iterable[str] | str | None,
    allowed: Iterable[str],
    what: str,
    option: str,
    fold_case: bool = False,
) -> frozenset[str] | None:
    """Check values against a closed list; ``None`` or empty means no restriction.

    Parameters
    ----------
    values : str, iterable of str or None
        What was typed (one value or several; each may list values separated
        by commas).
    allowed : iterable of str
        The vocabulary, in the order to list it in messages.
    what : str
        What a value is ("status", "link type"), for the message.
    option : str
        The option it came from ("--status").
    fold_case : bool
        Accept any letter case.

    Examples
    --------
    >>> choices(["alleged"], ("reported", "alleged"), "status", "--status")
    frozenset({'alleged'})
    >>> choices(["rumoured"], ("reported", "alleged"), "status", "--status")
    Traceback (most recent call last):
    ...
    imrnet.errors.UsageError: unknown status 'rumoured' for --status; expected one of: reported, alleged
    >>> choices(["reported,aleged"], ("reported", "alleged"), "status", "--status")
    Traceback (most recent call last):
    ...
    imrnet.errors.UsageError: unknown status 'aleged' for --status; did you mean: alleged? Expected one of: reported, alleged
    """
    values = split_values(values)
    if not values:
        return None
    allowed = tuple(allowed)
    chosen = set()
    for value in values:
        text = value.strip() if isinstance(value, str) else value
        if fold_case and isinstance(text, str):
            text = text.lower()
        if not isinstance(text, str) or text not in allowed:
            hint = did_you_mean(value, allowed) if isinstance(value, str) else ""
            expected = f"{hint} Expected" if hint else "; expected"
            raise UsageError(
                f"unknown {what} {value!r} for {option}{expected} one of: {', '.join(allowed)}"
            )
        chosen.add(text)
    return frozenset(chosen)


def entity_types(values: Iterable[str] | str | None, option: str = "--type") -> frozenset[str] | None:
    """Check entity type names (any case); ``None`` or empty: every type.

    Examples
    --------
    >>> entity_types(["pope"], "--type")
    Traceback (most recent call last):
    ...
    imrnet.errors.UsageError: unknown entity type 'pope' for --type; expected one of: person, organization, company, public_body, media, event
    """
    return choices(values, ENTITY_TYPES, "entity type", option, fold_case=True)


def user_date(text: str | None, option: str) -> str | None:
    """Check a partial ISO date typed for ``option``; ``None`` passes through.

    Examples
    --------
    >>> user_date("2015-13", "--as-of")
    Traceback (most recent call last):
    ...
    imrnet.errors.UsageError: --as-of: impossible date '2015-13'
    """
    if text is None:
        return None
    if not isinstance(text, str):
        raise UsageError(f"{option}: not a date: {text!r}")
    text = text.strip()
    try:
        parse_date(text)
    except ValueError as err:
        raise UsageError(f"{option}: {err}") from None
    return text


def whole_number(value: str | int, option: str, minimum: int) -> int:
    """Read a whole number of at least ``minimum`` typed for ``option``.

    Examples
    --------
    >>> whole_number("0", "--top", 1)
    Traceback (most recent call last):
    ...
    imrnet.errors.UsageError: --top must be a whole number of at least 1, not '0'
    """
    try:
        number = int(str(value).strip(), 10)
    except ValueError:
        number = None
    if number is None or isinstance(value, bool) or number < minimum:
        raise _not_a_count(value, option, minimum)
    return number


def count(value: int, option: str, minimum: int) -> int:
    """Check a whole number of at least ``minimum`` passed to a library function.

    Unlike :func:`whole_number`, text is refused: library callers pass ints.

    Examples
    --------
    >>> count(3, "--radius", 1)
    3
    >>> count("3", "--radius", 1)
    Traceback (most recent call last):
    ...
    imrnet.errors.UsageError: --radius must be a whole number of at least 1, not '3'
    """
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise _not_a_count(value, option, minimum)
    return value


def _not_a_count(value, option: str, minimum: int) -> UsageError:
    return UsageError(f"{option} must be a whole number of at least {minimum}, not {value!r}")
