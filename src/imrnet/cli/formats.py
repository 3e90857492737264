"""How a command prints its answer: tables, ``--json``, ``--csv``, ``--tsv``.

:func:`answer` is the one place that applies the **empty-answer rule**, the
same for every command: an answer with nothing in it (no path, no match, no
link, no entity left by the filters) exits 1; standard error says what was
empty; ``--json`` still prints the command's one document, with its lists
empty; ``--csv`` / ``--tsv`` print the header row alone; tables print
nothing. Usage errors (exit 2) and invalid data (exit 3) print nothing on
standard output.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

import typer

__all__ = ["CsvOption", "TsvOption", "LongOption", "answer"]

CsvOption = Annotated[
    bool, typer.Option("--csv", help="Print comma-separated values with a header row.")
]
TsvOption = Annotated[
    bool, typer.Option("--tsv", help="Print tab-separated values with a header row.")
]
LongOption = Annotated[
    bool,
    typer.Option(
        "--long", "-l",
        help="Under each link, its sources in full: publisher, title, date and URL.",
    ),
]


def _delimiter(json: bool, csv: bool, tsv: bool) -> str | None:
    from imrnet.errors import UsageError

    if json + csv + tsv > 1:
        given = [flag for flag, on in (("--json", json), ("--csv", csv), ("--tsv", tsv)) if on]
        raise UsageError(f"{' and '.join(given)} cannot be combined: choose one output format")
    return "," if csv else "\t" if tsv else None


def answer(
    compute: Callable[[], dict],
    *,
    table,
    json: bool = False,
    csv: bool = False,
    tsv: bool = False,
    rows=None,
    empty: Callable[[dict], str | None] | None = None,
    shape: Callable[[], dict] | None = None,
) -> None:
    """Compute a command's answer and print it, applying the empty-answer rule.

    Parameters
    ----------
    compute : callable
        Returns the result (a plain dict); may raise :class:`~imrnet.errors.NoAnswer`.
    table : callable
        The Rich table builder of the result.
    json, csv, tsv : bool
        The output format flags (at most one).
    rows : callable, optional
        The row builder for ``--csv`` / ``--tsv`` (:mod:`imrnet.output.rows`).
    empty : callable, optional
        Returns a message when the result holds nothing, else ``None``.
    shape : callable, optional
        The command's empty answer, for a ``NoAnswer`` that carries none.

    Raises
    ------
    NoAnswer
        After printing the empty answer (exit 1).
    """
    from imrnet.errors import NoAnswer
    from imrnet.output.render import emit

    delimiter = _delimiter(json, csv, tsv)
    try:
        result = compute()
        message = empty(result) if empty is not None else None
    except NoAnswer as err:
        result = err.empty if err.empty is not None else (shape() if shape else None)
        if result is None:
            raise
        message = str(err)
    if message is None or json or delimiter:
        emit(result, as_json=json, table=table, delimiter=delimiter, rows=rows)
    if message is not None:
        raise NoAnswer(message)


def tables(name: str, **options) -> Callable:
    """The table builder ``module:function`` of :mod:`imrnet.output`, imported when a table prints.

    Rich and the table modules cost tens of milliseconds to import; an
    answer printed as JSON or CSV never needs them.

    Examples
    --------
    >>> build = tables("tables_cache:cache_tables")
    >>> callable(build)
    True
    """
    module, _, function = name.partition(":")

    def build(result, *args, **kwargs):
        from importlib import import_module

        builder = getattr(import_module(f"imrnet.output.{module}"), function)
        return builder(result, *args, **options, **kwargs)

    return build

