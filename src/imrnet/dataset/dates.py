"""Partial ISO 8601 dates: ``2015``, ``2015-09``, ``2015-09-25``.

A partial date stands for a period; comparisons respect its precision, so
``2015`` is neither before nor after ``2015-09-25`` but contains it.

Examples
--------
>>> parse_date("2015-09")
(2015, 9, None)
>>> date_bounds("2015-09")
('2015-09-01', '2015-09-30')
>>> in_force("2014", None, "2014-06")
True
>>> in_force("2015", "2016", "2017-01-01")
False
"""

from __future__ import annotations

import calendar
import re

__all__ = ["parse_date", "date_bounds", "in_force", "sort_key"]

_DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")


def parse_date(text: str) -> tuple[int, int | None, int | None]:
    """Parse a partial ISO date into ``(year, month, day)``.

    Parameters
    ----------
    text : str
        ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

    Returns
    -------
    tuple
        Year, then month and day or ``None`` where not given.

    Raises
    ------
    ValueError
        When the text is not such a date or names an impossible day.

    Examples
    --------
    >>> parse_date("2023-03-14")
    (2023, 3, 14)
    >>> parse_date("2023-02-30")
    Traceback (most recent call last):
    ...
    ValueError: impossible date '2023-02-30'
    """
    match = _DATE.match(str(text))
    if not match:
        raise ValueError(f"malformed date {text!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)")
    year = int(match[1])
    month = int(match[2]) if match[2] else None
    day = int(match[3]) if match[3] else None
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"impossible date {text!r}")
    if day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise ValueError(f"impossible date {text!r}")
    return year, month, day


def date_bounds(text: str) -> tuple[str, str]:
    """Return the first and last full day a partial date covers.

    Examples
    --------
    >>> date_bounds("2016")
    ('2016-01-01', '2016-12-31')
    >>> date_bounds("2024-02")
    ('2024-02-01', '2024-02-29')
    """
    year, month, day = parse_date(text)
    if day is not None:
        first = last = f"{year:04d}-{month:02d}-{day:02d}"
        return first, last
    if month is not None:
        end = calendar.monthrange(year, month)[1]
        return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{end:02d}"
    return f"{year:04d}-01-01", f"{year:04d}-12-31"


def in_force(start: str | None, end: str | None, as_of: str) -> bool:
    """Tell whether a link held at ``as_of``.

    A link holds when it started on or before ``as_of`` and did not end
    before it. Partial dates compare by their precision: a start of
    ``2015`` counts as on or before ``2015-03``, an end of ``2015`` as not
    before ``2015-12-31``. Undated bounds are open.

    Examples
    --------
    >>> in_force("2015-09", None, "2015")
    True
    >>> in_force(None, "2014", "2015-01")
    False
    """
    as_first, as_last = date_bounds(as_of)
    if start is not None and date_bounds(start)[0] > as_last:
        return False
    if end is not None and date_bounds(end)[1] < as_first:
        return False
    return True


def sort_key(text: str | None) -> tuple[int, str]:
    """Order dates oldest first, partial before precise, undated last.

    Examples
    --------
    >>> sorted(["2015-09-25", None, "2015", "2014-12"], key=sort_key)
    ['2014-12', '2015', '2015-09-25', None]
    """
    return (1, "") if text is None else (0, str(text))
