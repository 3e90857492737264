"""Turn the values of one FtM entity into imrnet fields.

Every function takes an entity's properties (``{name: [values]}``) and a
:class:`Notes` to count what it had to leave out and why (a country that is
not an ISO code, a malformed date...), and returns plain field values.

Examples
--------
>>> notes = Notes()
>>> countries({"country": ["ru", "suhh"], "nationality": ["ru", "ua"]}, notes)
['RU', 'UA']
>>> dict(notes)
{"country 'suhh' is not an ISO 3166-1 code": 1}
>>> first_date({"birthDate": ["1962-07-03T00:00:00", "1962"]}, ("birthDate",), notes)
'1962'
>>> slug("Office of Foreign Assets Control (OFAC)")
'office-of-foreign-assets-control-ofac'
>>> make_id("NK-2gdB6aGKt5Ac7vHd4eqGsq"), make_id("q7747")
('nk-2gdb6agkt5ac7vhd4eqgsq-a0550eba', 'q7747')
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter

from imrnet.dataset.dates import date_bounds, parse_date
from imrnet.dataset.vocab import COUNTRIES, CURRENCIES
from imrnet.ftm.mapping import ALIAS_PROPS, COUNTRY_PROPS

__all__ = [
    "Notes",
    "slug",
    "make_id",
    "first",
    "names",
    "countries",
    "first_date",
    "interval",
    "tags",
    "money",
    "percentage_role",
]

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_NUMBER = re.compile(r"^-?[0-9]+(?:\.[0-9]+)?$")


class Notes(Counter):
    """Counts of values left out, by reason (the records themselves are kept)."""


def slug(text: str) -> str:
    """A lowercase slug of any text ('' when nothing is left)."""
    from anyascii import anyascii

    return re.sub(r"[^a-z0-9]+", "-", anyascii(text).lower()).strip("-")


def make_id(ftm_id: str, length: int = 8) -> str:
    """An imrnet id for an FtM id: itself when it is a slug already, else
    its slug plus a hash of the original, so that no two ids meet."""
    if _SLUG.match(ftm_id):
        return ftm_id
    digest = hashlib.sha1(ftm_id.encode("utf-8")).hexdigest()[:length]
    base = slug(ftm_id)[:60].strip("-")
    return f"{base}-{digest}" if base else f"x-{digest}"


def first(props: dict, *names: str) -> str | None:
    """The first value of the first of ``names`` that has one."""
    for name in names:
        if props.get(name):
            return props[name][0]
    return None


def names(props: dict) -> tuple[str | None, list[str]]:
    """The name and the aliases (other names, aliases, former names, abbreviations)."""
    given = props.get("name", [])
    name = given[0] if given else None
    aliases = dict.fromkeys(v for v in given[1:] + [v for p in ALIAS_PROPS for v in props.get(p, [])] if v != name)
    return name, list(aliases)


def countries(props: dict, notes: Notes) -> list[str]:
    """ISO 3166-1 codes from every country property, in order, once each."""
    found: dict[str, None] = {}
    for prop in COUNTRY_PROPS:
        for value in props.get(prop, []):
            code = value.strip().upper()
            if code in COUNTRIES:
                found[code] = None
            else:
                notes[f"country {value!r} is not an ISO 3166-1 code"] += 1
    return list(found)


def _date(value: str, notes: Notes) -> str | None:
    text = value.strip()[:10]
    try:
        parse_date(text)
    except ValueError:
        notes["malformed date"] += 1
        return None
    return text


def first_date(props: dict, names_: tuple[str, ...], notes: Notes, latest: bool = False) -> str | None:
    """The earliest (or latest) well-formed date of the first property that has one."""
    for name in names_:
        dates = [d for d in (_date(v, notes) for v in props.get(name, [])) if d]
        if dates:
            return max(dates) if latest else min(dates)
    return None


def interval(props: dict, notes: Notes) -> tuple[str | None, str | None]:
    """A link's ``start`` and ``end``; an end before the start is left out."""
    start = first_date(props, ("startDate", "date"), notes)
    end = first_date(props, ("endDate",), notes, latest=True)
    if start and end and date_bounds(end)[1] < date_bounds(start)[0]:
        notes["end date before start date"] += 1
        end = None
    return start, end


def tags(props: dict) -> list[str]:
    """Topics and keywords as lowercase slugs (``role.pep`` -> ``role-pep``)."""
    found = dict.fromkeys(slug(v) for p in ("topics", "keywords") for v in props.get(p, []))
    return [t for t in found if t]


def money(props: dict, notes: Notes) -> tuple[float | int | None, str | None]:
    """A payment's amount and currency, both or neither."""
    raw, currency = first(props, "amount"), first(props, "currency")
    if raw is None:
        return None, None
    text = raw.replace(",", "").strip()
    try:
        amount = float(text)
    except ValueError:
        notes["amount is not a number"] += 1
        return None, None
    if not math.isfinite(amount) or amount < 0:
        notes["amount is not a finite, non-negative number"] += 1
        return None, None
    code = (currency or "").strip().upper()
    if code not in CURRENCIES:
        notes["amount without an ISO 4217 currency"] += 1
        return None, None
    return (int(amount) if amount.is_integer() else amount), code


def percentage_role(role: str | None, percentages: list[str]) -> tuple[str | None, str | None]:
    """Fold an Ownership's percentage into its role (``"8.6%"``).

    Returns the role and, when several percentages leave it unknown which
    pair each belongs to, a note for the summary.

    Examples
    --------
    >>> percentage_role(None, ["8.6"])
    ('8.6%', None)
    >>> percentage_role("shareholder", ["50"])
    ('shareholder (50%)', None)
    >>> percentage_role(None, ["47.3", "8.7"])
    (None, 'percentage held: 47.3% or 8.7%')
    """
    shown = [p.strip().rstrip("%").strip() for p in percentages if p.strip()]
    shown = [p for p in shown if p]
    if len(shown) == 1:
        pct = f"{shown[0]}%"
        return (f"{role} ({pct})" if role else pct), None
    if shown:
        return role, "percentage held: " + " or ".join(f"{p}%" for p in shown)
    return role, None
