"""One output path: a result (plain data) printed as JSON or as Rich tables.

Commands build a plain ``dict``; :func:`emit` prints it either as exactly
one JSON document or through a table builder that turns the same dict into
Rich renderables. Rich is imported only for tables, so ``--json`` stays fast.

Examples
--------
>>> import io
>>> out = io.StringIO()
>>> emit({"query": "Ионов", "results": []}, as_json=True, table=None, file=out)
>>> out.getvalue()
'{\\n  "query": "Ионов",\\n  "results": []\\n}\\n'
"""

from __future__ import annotations

import functools
import json
import math
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sized
from typing import Any, TextIO

__all__ = [
    "emit",
    "console",
    "TYPE_STYLES",
    "STATUS_STYLES",
    "entity_text",
    "status_text",
    "read_link",
    "link_phrase",
    "kind_mark",
    "relation_text",
    "count_table",
    "dates_text",
    "sources_text",
    "new_table",
    "filters_text",
]

#: Colour of each entity type in tables.
TYPE_STYLES = {
    "person": "bold cyan",
    "organization": "bold green",
    "company": "bold yellow",
    "public_body": "bold magenta",
    "media": "bold blue",
    "event": "bold white",
}

#: Colour of each link status in tables.
STATUS_STYLES = {
    "reported": "green",
    "alleged": "yellow",
    "disputed": "red",
    "planned": "blue",
}


def emit(
    result: dict,
    *,
    as_json: bool,
    table: Callable[[dict], Iterable[Any]] | None,
    file: TextIO | None = None,
    delimiter: str | None = None,
    rows: Callable[[dict], Iterable[list]] | None = None,
) -> None:
    """Print a command's result.

    Parameters
    ----------
    result : dict
        The plain data a library function returned.
    as_json : bool
        Print one JSON document (UTF-8, not ASCII-escaped) and nothing else.
    table : callable or None
        Turns ``result`` into Rich renderables for people.
    file : text stream, optional
        Where to print; standard output by default.
    delimiter : str, optional
        ``","`` or ``"\t"``: print ``rows(result)`` (a header row, then one
        row per record) as CSV or TSV instead (:mod:`imrnet.output.delimited`).
    rows : callable, optional
        Turns ``result`` into the header and rows (:mod:`imrnet.output.rows`).
    """
    out = file if file is not None else sys.stdout
    if delimiter is not None and rows is not None:
        from imrnet.output.delimited import write

        if hasattr(out, "isatty") and out.isatty():  # shown, not saved: made inert
            import io

            from imrnet.output.inert import inert

            shown = io.StringIO()
            write(rows(result), delimiter, shown)
            out.write(inert(shown.getvalue().replace("\r\n", "\n")))
        else:
            write(rows(result), delimiter, out)
        out.flush()
        return
    if as_json or table is None:
        from imrnet.output.terminal import is_utf

        out.write(_json(result, ascii_only=not is_utf(out)) + "\n")
        out.flush()
        return
    from imrnet.output.inert import ENCODING, FULL, MAX_CELL, MAX_ROWS, tame
    from imrnet.output.terminal import is_utf

    full = FULL.get()
    con = console(out)
    encoding = None if is_utf(out) else con.encoding
    shown_in = ENCODING.set(encoding)  # builders may ask how a text will show
    try:
        for renderable in table(result):
            con.print(tame(renderable, None if full else MAX_ROWS, None if full else MAX_CELL, encoding))
    finally:
        ENCODING.reset(shown_in)


def _json(result: dict, ascii_only: bool) -> str:
    """Strict JSON: a non-finite number (which no parser reads) becomes ``null``."""
    try:
        return json.dumps(result, ensure_ascii=ascii_only, indent=2, allow_nan=False)
    except ValueError:
        return json.dumps(_finite(result), ensure_ascii=ascii_only, indent=2, allow_nan=False)


def _finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(item) for item in value]
    return value


def console(file: TextIO | None = None):
    """A Rich console: colour only on a terminal and when ``NO_COLOR`` is unset."""
    from imrnet.output.terminal import width_for

    out = file if file is not None else sys.stdout
    is_tty = hasattr(out, "isatty") and out.isatty()
    no_color = bool(os.environ.get("NO_COLOR"))
    plain = no_color or not is_tty
    return _pipe_console(
        file=out,
        width=width_for(out, is_tty),
        # No escape codes at all (not even bold) when piped or under NO_COLOR.
        color_system=None if plain else "auto",
        no_color=plain,
        highlight=False,
        # Names, summaries and locators are data, never console markup: a
        # "[bold]" or "[people]" in them is printed as typed.
        markup=False,
        soft_wrap=False,
        emoji=False,
    )


def _pipe_console(**options):
    """A Rich Console that leaves a closed output pipe to the CLI.

    Rich's own handling exits with status 1 (which means "no answer" here);
    raising BrokenPipeError instead lets :func:`imrnet.cli.command` end
    quietly with status 0, as it does for JSON.
    """
    from rich.console import Console

    class PipeConsole(Console):
        def on_broken_pipe(self) -> None:
            raise BrokenPipeError(32, "Broken pipe")

    return PipeConsole(**options)


#: Columns whose cells never wrap: a date or a rank cut in two is hard to read.
_NO_WRAP = frozenset({"#", "Date", "Dates", "Status", "Built"})
#: Columns of numbers: one line, right-aligned, one format each.
_NUMBERS = frozenset({"#", "Score", "Count", "Neighbours", "Links", "Ent.", "Size", "Entities", "MB"})


@functools.cache
def _bounded_table() -> type:
    """A Rich Table that counts rows past the bound instead of keeping them."""
    from imrnet.output import layout
    from imrnet.output.inert import FULL, MAX_ROWS

    class Table(layout.Table):
        hidden = 0

        def keeps_row(self) -> bool:
            """Whether the next row is kept; if not, it is counted as left out.

            A builder asks before building a row's cells, which is the cost
            when a table has 100,000 rows.
            """
            if len(self.rows) < MAX_ROWS or FULL.get():
                return True
            self.hidden += 1
            return False

        def bounded(self, items: Iterable) -> Iterator:
            """The items whose rows are kept (one row each); the rest only counted.

            Past the bound the loop ends: no cell of a left-out row is built.
            """
            iterator = iter(items)
            for position, item in enumerate(iterator):
                if not self.keeps_row():  # counts this one
                    self.hidden += (len(items) - position - 1 if isinstance(items, Sized)
                                    else sum(1 for _ in iterator))
                    return
                yield item

        def add_row(self, *renderables, **kwargs):
            if len(self.rows) >= MAX_ROWS and not FULL.get():
                self.hidden += 1
                return
            super().add_row(*renderables, **kwargs)

    return Table


def new_table(*columns: str, title: str | None = None, **options):
    """A table in the house style, with the given column headers.

    Dates, ranks and statuses keep to one line; other cells wrap between
    words, and no column narrows below its longest word while the table
    can fit (:class:`imrnet.output.layout.Table`). Rows past
    :data:`imrnet.output.inert.MAX_ROWS` are counted, not kept (unless
    ``--full``): printing says how many were left out. Builders loop over
    ``table.bounded(items)``, which stops at the bound and counts the rest,
    so the cells of rows nobody sees are never built.

    Examples
    --------
    >>> table = new_table("N")
    >>> for n in table.bounded(range(1_000_000)):
    ...     table.add_row(str(n))
    >>> len(table.rows), table.hidden
    (500, 999500)
    """
    table = _bounded_table()(title=title, title_justify="left", show_lines=False, **options)
    for column in columns:
        number = column in _NUMBERS
        table.add_column(column, overflow="fold", no_wrap=number or column in _NO_WRAP,
                         justify="right" if number else "left")
    return table


def entity_text(ref: dict):
    """An entity's name coloured by its type."""
    from rich.text import Text

    from imrnet.output.inert import inert

    # Made inert here: Rich would silently drop a bell or a carriage return.
    return Text(inert(ref["name"]), style=TYPE_STYLES.get(ref["type"], ""))


def status_text(status: str):
    """A link status in its colour."""
    from rich.text import Text

    return Text(status, style=STATUS_STYLES.get(status, ""))


def read_link(link: dict, from_id: str | None = None) -> tuple[str, str, str]:
    """A link as ``(subject id, relation, object id)``, read from ``from_id``'s side.

    Read forward when ``from_id`` is ``None`` or the link's source.

    Examples
    --------
    >>> read_link({"source": "m", "target": "t", "type": "funds"}, from_id="t")
    ('t', 'funded by', 'm')
    """
    from imrnet.dataset.vocab import LINK_TYPES

    forward = from_id is None or from_id == link["source"]
    here, there = (link["source"], link["target"]) if forward else (link["target"], link["source"])
    return here, LINK_TYPES[link["type"]].label_for(forward=forward), there


def link_phrase(link: dict, names: dict[str, str], from_id: str | None = None) -> str:
    """Read a link as a sentence, from ``from_id``'s side when given.

    Examples
    --------
    >>> link = {"source": "m", "target": "t", "type": "funds", "label": "funds"}
    >>> link_phrase(link, {"m": "Malofeev", "t": "Tsargrad"}, from_id="t")
    'Tsargrad funded by Malofeev'
    >>> link_phrase({"source": "u", "target": "m", "type": "sanctioned"}, {})
    'u sanctioned m (adversarial)'
    """
    here, label, there = read_link(link, from_id)
    return f"{names.get(here, here)} {label} {names.get(there, there)}{kind_mark(link)}"


def kind_mark(link: dict) -> str:
    """`` (adversarial)`` or `` (coverage)`` for ties that are no affiliation, else ``""``.

    Examples
    --------
    >>> kind_mark({"type": "reported_on"}), kind_mark({"type": "funds"})
    (' (coverage)', '')
    """
    from imrnet.dataset.vocab import LINK_TYPES

    kind = LINK_TYPES[link["type"]].kind
    return "" if kind == "affiliation" else f" ({kind})"


def relation_text(link: dict, from_id: str, subject: str | None = None, object: str | None = None):
    """``[subject] relation [object] (status, dates)``: the link read from ``from_id``'s side.

    Examples
    --------
    >>> link = {"source": "m", "target": "t", "type": "funds", "status": "alleged",
    ...         "start": "2015", "end": None}
    >>> relation_text(link, "t").plain, relation_text(link, "m", subject="Malofeev").plain
    ('funded by (alleged, 2015)', 'Malofeev funds (alleged, 2015)')
    >>> relation_text(link, "m", subject="Malofeev", object="Tsargrad").plain
    'Malofeev funds Tsargrad (alleged, 2015)'
    >>> relation_text({**link, "type": "sanctioned"}, "m").plain
    'sanctioned (adversarial; alleged, 2015)'
    """
    from rich.text import Text

    _, label, _ = read_link(link, from_id)
    if object:
        label = f"{label} {object}"
    text = Text(f"{subject} {label} (" if subject else f"{label} (")
    kind = kind_mark(link).strip(" ()")
    if kind:
        text.append(f"{kind}; ")
    text.append_text(status_text(link["status"]))
    when = dates_text(link)
    if when:
        text.append(f", {when}")
    text.append(")")
    return text


def count_table(title: str, header: str, counts: dict, cell=str):
    """A two-column table of counts (``header``, ``Count``).

    ``cell`` renders each key (``status_text`` colours statuses).
    """
    table = new_table(header, "Count", title=title)
    for key, count in table.bounded(counts.items()):
        table.add_row(cell(key), str(count))
    return table


def dates_text(link: dict) -> str:
    """A link's dates: ``start``, ``start–end`` or ``–end``; empty when undated.

    A lone start is shown bare: it may date a one-off act (a grant, a
    complaint) as well as the beginning of a tie that lasts.

    Examples
    --------
    >>> dates_text({"start": "2011", "end": None})
    '2011'
    >>> dates_text({"start": "2015-09", "end": "2015-09"})
    '2015-09'
    >>> dates_text({"start": None, "end": "2021-03"})
    '–2021-03'

    Without dates of its own, a link with an effective ``time`` shows it:
    its event's date, or ``≥`` the date both its ends existed.

    >>> dates_text({"start": None, "end": None, "time": {"start": "1989", "basis": "entities"}})
    '≥1989'
    """
    start, end = link.get("start"), link.get("end")
    time = link.get("time") or {}
    if not start and not end and time.get("start"):
        # placed by its event's date, or bounded by its entities ("not before")
        return time["start"] if time.get("basis") == "event" else f"≥{time['start']}"
    if not end:
        return start or ""
    if start == end:
        return start
    return f"{start or ''}–{end}"


def sources_text(citations: list[dict], sep: str = ", ") -> str:
    """Source ids with their locators, separated by ``sep``.

    Examples
    --------
    >>> sources_text([{"id": "wiki-ionov", "locator": "ref. 4"}, {"id": "imr-article", "locator": None}])
    'wiki-ionov (ref. 4), imr-article'
    """
    return sep.join(
        f"{c['id']} ({c['locator']})" if c.get("locator") else c["id"] for c in citations
    )


def filters_text(filters: dict) -> str:
    """One line saying which links an answer counted.

    Covers the shared filters (kinds of tie, statuses, dates, undated links
    left out, types) and the entities of ``links``.

    Examples
    --------
    >>> filters_text({"statuses": ["reported", "alleged", "disputed", "planned"],
    ...               "as_of": None, "link_types": None, "exclude_link_types": []})
    'Links counted: all'
    >>> filters_text({"statuses": ["reported"], "ties": ["affiliation"], "as_of": "2019",
    ...               "link_types": None, "exclude_link_types": ["met"], "since": "2015",
    ...               "undated": "exclude", "undated_left_out": 3})
    'Links counted: affiliation ties; status reported; in force at 2019; since 2015; not of type met; 3 undated left out (--undated include keeps them)'
    """
    from imrnet.dataset.vocab import KINDS, STATUSES

    parts = []
    ties = filters.get("ties")
    if ties is not None and list(ties) != list(KINDS):
        parts.append(", ".join(ties) + " ties")
    statuses = filters.get("statuses")
    if statuses is not None and list(statuses) != list(STATUSES):
        parts.append("status " + ", ".join(statuses))
    if filters.get("as_of"):
        parts.append(f"in force at {filters['as_of']}")
    if filters.get("since"):
        parts.append(f"since {filters['since']}")
    if filters.get("until"):
        parts.append(f"until {filters['until']}")
    if filters.get("link_types"):
        parts.append("of type " + ", ".join(filters["link_types"]))
    if filters.get("exclude_link_types"):
        parts.append("not of type " + ", ".join(filters["exclude_link_types"]))
    if filters.get("entity"):
        parts.append("touching " + ", ".join(filters["entity"]))
    dated = filters.get("as_of") or filters.get("since") or filters.get("until")
    if dated and filters.get("undated") == "include":
        parts.append("undated links included")
    elif dated and filters.get("undated_left_out"):
        parts.append(f"{filters['undated_left_out']} undated left out (--undated include keeps them)")
    return "Links counted: " + ("; ".join(parts) if parts else "all")
