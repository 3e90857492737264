"""Read a FollowTheMoney entity stream, one entity at a time.

A stream holds one JSON object a line: ``{"id", "schema", "properties":
{name: [values]}}``. OpenSanctions adds top-level keys (``caption``,
``datasets``, ``referents``, ``first_seen``, ``last_seen``, ``last_change``,
``target``); of those only ``datasets`` is used (it names where each entity
comes from), the others are ignored. In a nested export a property value
may be a whole entity: it stands for its ``id``.

Examples
--------
>>> import io
>>> line = b'{"id": "p1", "schema": "Person", "properties": {"name": ["Jane Doe"]}, "datasets": ["demo"]}\\n'
>>> [(e.line, e.id, e.schema, e.properties, e.datasets) for e in read_entities(io.BytesIO(line), "x.json")]
[(1, 'p1', 'Person', {'name': ['Jane Doe']}, ('demo',))]
>>> list(read_entities(io.BytesIO(b'{"id": "p1"}\\n'), "x.json"))
Traceback (most recent call last):
...
imrnet.ftm.reader.FtmInputError: x.json:1: not an FtM entity: no 'schema'
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import IO, Any, NamedTuple

from imrnet.errors import ImrnetError

__all__ = ["FtmEntity", "FtmInputError", "read_entities"]


class FtmInputError(ImrnetError):
    """The input is not an FtM entity stream; the message names the line."""

    exit_code = 3


class FtmEntity(NamedTuple):
    """One entity of the stream: where it is, what it is, its values."""

    line: int
    id: str
    schema: str
    properties: dict[str, list[str]]
    datasets: tuple[str, ...]


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a value FtM holds")


_DECODER = json.JSONDecoder(parse_constant=_refuse_constant)


def read_entities(
    handle: IO[bytes], shown: str, progress: Callable[[int], None] | None = None
) -> Iterator[FtmEntity]:
    """Yield the entities of an FtM stream read from a binary handle.

    Parameters
    ----------
    handle : binary file
        The stream; read line by line, so memory stays constant.
    shown : str
        How to name the input in messages.
    progress : callable, optional
        Called with the number of bytes of each line read.

    Raises
    ------
    FtmInputError
        At the first line that is not an FtM entity, naming it.
    """
    for number, raw in enumerate(handle, start=1):
        if progress is not None:
            progress(len(raw))
        try:
            text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as err:
            raise FtmInputError(f"{shown}:{number}: not UTF-8 text: {err.reason} at byte {err.start + 1}") from None
        text = text.strip()
        if not text:
            continue
        try:
            data = _DECODER.decode(text)
        except json.JSONDecodeError as err:
            raise FtmInputError(f"{shown}:{number}: JSON syntax error, column {err.colno}: {err.msg}") from None
        except (ValueError, RecursionError) as err:
            raise FtmInputError(f"{shown}:{number}: {err}") from None
        yield _entity(data, number, shown)


def _entity(data: Any, number: int, shown: str) -> FtmEntity:
    def bad(what: str) -> FtmInputError:
        return FtmInputError(f"{shown}:{number}: not an FtM entity: {what}")

    if not isinstance(data, dict):
        raise bad("expected a JSON object")
    for key in ("id", "schema"):
        if key not in data:
            raise bad(f"no {key!r}")
        if not isinstance(data[key], str) or not data[key].strip():
            raise bad(f"{key!r} must be a non-empty string")
    properties = data.get("properties", {})
    if not isinstance(properties, dict):
        raise bad("'properties' must be an object of value lists")
    values: dict[str, list[str]] = {}
    for name, given in properties.items():
        given = given if type(given) is list else [given]
        # Values are nearly always strings: strip those in place, convert the rest.
        texts = [text for text in (v.strip() if type(v) is str else _text(v) for v in given) if text]
        if texts:
            values[name] = texts
    datasets = data.get("datasets") or ()
    if isinstance(datasets, str):
        datasets = (datasets,)
    datasets = tuple(d.strip() for d in datasets if isinstance(d, str) and d.strip())
    return FtmEntity(number, data["id"].strip(), data["schema"].strip(), values, datasets)


def _text(value: Any) -> str | None:
    """A property value as text: nested entities stand for their id."""
    if isinstance(value, dict):
        value = value.get("id")
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return value.strip() or None
    return None
