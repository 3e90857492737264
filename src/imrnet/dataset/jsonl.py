"""Pass one for JSON Lines: ``sources.jsonl``, ``entities.jsonl``, ``links.jsonl``.

Big datasets (an import of a FollowTheMoney stream) are JSON Lines: one JSON
object a line, with the same fields as the YAML files. The file is read line
by line; each object becomes the same line-remembering mapping the YAML
parser makes, so pass two checks both formats alike and names the line of
every problem. A line that is not one JSON object is a one-line error naming
it; JSON's ``NaN`` and ``Infinity`` are refused (they are not numbers a
dataset can hold).

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> path = Path(tempfile.mkdtemp()) / "entities.jsonl"
>>> _ = path.write_text('{"id": "a", "name": "A", "type": "person", "sources": ["s"]}\\n\\n{"id": "b",\\n',
...                     encoding="utf-8")
>>> records, problems = parse_jsonl(path, "entities.jsonl")
>>> records is None, [str(p) for p in problems]
(True, ['entities.jsonl:3: JSON syntax error, column 12: Expecting property name enclosed in double quotes'])
>>> _ = path.write_text('{"id": "a", "name": "A", "type": "person", "sources": ["s"]}\\n', encoding="utf-8")
>>> records, problems = parse_jsonl(path)
>>> records[0]["name"], records[0].line, problems
('A', 1, [])
"""

from __future__ import annotations

import json
import math
from json.scanner import make_scanner
from pathlib import Path
from typing import Any, Callable, Iterator

from imrnet.dataset.locations import display_path
from imrnet.dataset.yaml_reader import Mapping

__all__ = ["parse_jsonl", "built_lines", "Declined", "MAX_SHOWN_ERRORS"]

#: A file broken on every line is reported by its first lines only.
MAX_SHOWN_ERRORS = 20

# Every key of a JSON line sits on that line: records share one empty table of
# key lines, and the checker falls back to the record's own line.
_NO_KEY_LINES: dict = {}

#: Progress is reported every this many + 1 lines (a mask: a power of two less one).
_REPORT_EVERY = 8191


class _NotANumber(ValueError):
    pass


def _refuse_constant(name: str) -> Any:
    raise _NotANumber(f"{name} is not a number a dataset can hold")


def _digits(text: str) -> str:
    """``text`` when it has no more digits than numbers may hold (see :mod:`imrnet.dataset.limits`)."""
    from imrnet.dataset.limits import MAX_DIGITS, SEE

    digits = sum(c.isdigit() for c in text)
    if digits > MAX_DIGITS:
        raise _NotANumber(f"a number of {digits:,} digits is over the limit of {MAX_DIGITS} digits {SEE}")
    return text


def _bounded_int(text: str) -> int:
    return int(_digits(text))


def _finite_float(text: str) -> float:
    value = float(_digits(text))
    if not math.isfinite(value):  # 1e999 overflows to infinity
        raise _NotANumber(f"{text} is not a number a dataset can hold")
    return value


class _Record(Mapping):
    """The loader's line-remembering mapping, its two attributes in slots.

    A record then carries no attribute dictionary of its own: a few hundred
    bytes less per line, which counts at millions of lines.
    """

    __slots__ = ("line", "key_lines")


def parse_jsonl(path: Path, shown: str | None = None, build: Callable[[dict, int], Any] | None = None,
                advance: Callable[[int], None] | None = None) -> tuple[list | None, list]:
    """Parse one JSON Lines file into its records (pass one).

    With ``build`` (see :func:`imrnet.dataset.fastpath.builder`), each line
    is first read the quick way, as a plain object; when no key can repeat
    in it and ``build`` makes a record of it, that record stands for the
    line. Any other line is read as without ``build``, which finds and words
    its problems.

    Parameters
    ----------
    path : Path
        A ``sources.jsonl``, ``entities.jsonl`` or ``links.jsonl`` file.
    shown : str, optional
        How to name the file in messages.
    build : callable, optional
        ``build(object, line)``: a record built from a valid line's object, or ``None``.
    advance : callable, optional
        Called now and then with the number of bytes read since its last call.

    Returns
    -------
    records : list or None
        One mapping per non-blank line, each with ``.line`` and
        ``.key_lines`` like the YAML parser's (or what ``build`` made of
        the line); ``None`` when a line could not be read (pass two would
        only report its references as unknown).
    problems : list of Problem
        A broken line (syntax, encoding, ``NaN``), a line that is not an
        object, a key given twice in one line.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "links.jsonl"
    >>> _ = path.write_text('{"amount": NaN}\\n[1]\\n', encoding="utf-8")
    >>> [str(p) for p in parse_jsonl(path, "links.jsonl")[1]]
    ['links.jsonl:1: NaN is not a number a dataset can hold', 'links.jsonl:2: expected a JSON object of fields, found a list']
    """
    from imrnet.dataset.problems import Problem

    shown = shown or display_path(path)
    mapping = _Record
    duplicates: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict:
        record = mapping()
        for key, value in items:
            if key in record:
                duplicates.append(key)
            record[key] = value
        record.line = 0
        record.key_lines = _NO_KEY_LINES
        return record

    decoder = json.JSONDecoder(object_pairs_hook=pairs, parse_constant=_refuse_constant, parse_float=_finite_float,
                               parse_int=_bounded_int)
    quick = _limited_scanner()
    fast = _fast_decoder() if build is not None else None
    records: list = []
    problems: list = []
    broken = 0
    try:
        handle = path.open("rb")
    except OSError as err:
        return None, [Problem(shown, 0, f"cannot read file: {err}")]
    told = 0
    with handle:
        try:
            for number, raw in enumerate(handle, start=1):
                if advance is not None and not number & _REPORT_EVERY:
                    at = handle.tell()
                    advance(at - told)
                    told = at
                if build is not None:
                    built = _built(fast, quick, build, raw, number)
                    if built is not None:
                        records.append(built)
                        continue
                problem = None
                try:
                    text = _line_text(raw, number)
                except UnicodeDecodeError as err:
                    problem = f"not UTF-8 text: {err.reason} at byte {err.start + 1}"
                    text = ""
                if problem is None and (not text or text.isspace()):
                    continue
                if problem is None:
                    try:
                        value = decoder.decode(text)
                    except json.JSONDecodeError as err:
                        problem = f"JSON syntax error, column {err.colno}: {err.msg}"
                    except _NotANumber as err:
                        problem = str(err)
                    except RecursionError:
                        problem = "JSON nested too deeply"
                    if problem is None and "\\u" in text:
                        problem = _lone_surrogate(value)
                if problem is None and not isinstance(value, mapping):
                    problem = f"expected a JSON object of fields, found {_json_kind(value)}"
                if problem is not None:
                    broken += 1
                    if broken <= MAX_SHOWN_ERRORS:
                        problems.append(Problem(shown, number, problem))
                    duplicates.clear()
                    continue
                value.line = number
                for key in dict.fromkeys(duplicates):
                    problems.append(Problem(shown, number, f"duplicate key {key!r}; JSON would keep only the last"))
                duplicates.clear()
                records.append(value)
            if advance is not None:
                advance(handle.tell() - told)
        except OSError as err:
            return None, problems + [Problem(shown, 0, f"cannot read file: {err}")]
    if broken > MAX_SHOWN_ERRORS:
        problems.append(Problem(shown, 0, f"{broken - MAX_SHOWN_ERRORS} more broken line(s) not shown"))
    return (None if broken else records), problems


class Declined(Exception):
    """A line :func:`built_lines` cannot build: the precise path must read it."""


def built_lines(path: Path, build: Callable[[dict, int], Any], offset: int, line: int) -> Iterator[Any]:
    """The records ``build`` makes of the lines of ``path`` from byte ``offset`` on, the first numbered ``line``.

    This is :func:`parse_jsonl`'s fast path alone, for a part of a file
    whose lines are all expected to be valid (:mod:`imrnet.index.store`
    writes the rows of the later lines of a links file this way while the
    loader checks the whole file). Blank lines are skipped, as the loader
    skips them.

    Raises
    ------
    Declined
        At the first line the fast path does not build.

    Examples
    --------
    >>> import tempfile
    >>> from imrnet.dataset.fastpath import builder
    >>> path = Path(tempfile.mkdtemp()) / "links.jsonl"
    >>> line = '{"source": "a", "target": "%s", "type": "met", "status": "reported", "sources": ["s"]}\\n'
    >>> _ = path.write_text(line % "b" + "\\n" + line % "c", encoding="utf-8")
    >>> [(link.target, link.line) for link in built_lines(path, builder("links", "x", "o"), 0, 1)]
    [('b', 1), ('c', 3)]
    >>> next(built_lines(path, builder("entities", "x", "o"), 0, 1))
    Traceback (most recent call last):
    imrnet.dataset.jsonl.Declined: line 1
    """
    decode, scan = _fast_decoder(), _limited_scanner()
    with path.open("rb") as handle:
        handle.seek(offset)
        for number, raw in enumerate(handle, start=line):
            built = _built(decode, scan, build, raw, number)
            if built is not None:
                yield built
                continue
            try:
                text = _line_text(raw, number)
            except UnicodeDecodeError:
                text = "not blank"
            if text and not text.isspace():
                raise Declined(f"line {number}")


def _line_text(raw: bytes, number: int) -> str:
    """Line ``number`` as text, without its line end (a byte-order mark may open the file).

    Raises :class:`UnicodeDecodeError` when it is not UTF-8.

    Examples
    --------
    >>> _line_text(b"\\xef\\xbb\\xbf{}\\r\\n", 1), _line_text(b"  \\n", 2)
    ('{}', '  ')
    """
    return raw.decode("utf-8-sig" if number == 1 else "utf-8").rstrip("\r\n")


def _limited_scanner() -> Callable[[str, int], Any]:
    """The standard library's JSON scanner, with the limits on numbers (and no ``NaN``)."""
    return make_scanner(json.JSONDecoder(parse_constant=_refuse_constant, parse_float=_finite_float,
                                         parse_int=_bounded_int))


def _fast_decoder() -> Callable[[bytes], Any]:
    """msgspec's JSON decoder, which reads a line about twice as fast as the standard library's.

    It reads valid JSON to the same values and refuses what the standard
    library refuses (besides ``NaN``, ``Infinity``, numbers out of a double's
    range and lone surrogates, which it refuses too): a refused line takes
    the precise path, which words the problem.

    Examples
    --------
    >>> _fast_decoder()(b'{"id": "a", "sources": ["s"]}')
    {'id': 'a', 'sources': ['s']}
    """
    import msgspec.json

    return msgspec.json.Decoder().decode


def _built(decode: Callable[[bytes], Any], scan: Callable[[str, int], Any], build: Callable[[dict, int], Any],
           raw: bytes, number: int) -> Any:
    """What ``build`` makes of line ``number`` (``raw``), or ``None`` when it takes the precise path.

    ``decode`` reads the line (:func:`_fast_decoder`). A line holding an
    ``amount`` is read again by ``scan`` (:func:`json.scanner.make_scanner`
    with the limits on numbers): the only number a record may hold must
    pass them. A line ``decode`` refuses -- a blank line, a byte-order
    mark, an error -- the precise path reads again and reports.
    """
    try:
        value = decode(raw)
        if type(value) is not dict:
            return None
        if "amount" in value:
            text = raw.decode()
            value, end = scan(text, 0)
            if text[end:].strip(" \t\r\n"):
                return None
        built = build(value, number)
    except (StopIteration, ValueError, KeyError, TypeError, RecursionError):  # see fastpath.builder
        return None
    return None if built is None or _may_repeat(raw, value) else built


def _may_repeat(text: bytes, value: dict) -> bool:
    """False when no key is given twice in any object of a line: ``text`` (its bytes) decoded as ``value``.

    Every key of a JSON text is followed by one colon, and the only other
    colons lie inside strings. When the keys that survived decoding are as
    many as the colons of the text, none was lost to a repeat. Otherwise
    the colons inside strings are taken off, which is exact when the text
    has no escape (``\\u003a`` is a colon too). Only objects at most two
    levels down are counted (records and their citations): deeper ones
    count as nothing, which can only turn a "no" into a "maybe".

    Examples
    --------
    >>> _may_repeat(b'{"a": 1, "b": [{"c": "x"}]}', {"a": 1, "b": [{"c": "x"}]})
    False
    >>> _may_repeat(b'{"a": 1, "a": 2}', {"a": 2})
    True
    >>> _may_repeat(b'{"url": "https://x", "t": ["a:b"]}', {"url": "https://x", "t": ["a:b"]})
    False
    """
    colons, keys, inner = text.count(b":"), len(value), []
    for item in value.values():
        if type(item) is list:
            for entry in item:
                if type(entry) is dict:
                    keys += len(entry)
                    inner.append(entry)
    if colons == keys:
        return False
    if b"\\" in text:
        return True
    for mapping in (value, *inner):
        for key, item in mapping.items():
            colons -= key.count(":")
            if type(item) is str:
                colons -= item.count(":")
            elif type(item) is list:
                colons -= sum(entry.count(":") for entry in item if type(entry) is str)
    return colons != keys


def _lone_surrogate(value: Any) -> str | None:
    """A message when a decoded line holds half a UTF-16 surrogate pair alone (``"\\ud800"``), which is not text.

    JSON lets an escape name one; no file, terminal or database can hold it.

    Examples
    --------
    >>> _lone_surrogate({"name": "x\\ud83d"})
    'not Unicode text: a lone surrogate \\\\ud83d in a string'
    >>> _lone_surrogate({"name": "\\U0001f600"}) is None
    True
    """
    import re

    found = re.search("[\\ud800-\\udfff]", json.dumps(value, ensure_ascii=False))
    return None if found is None else f"not Unicode text: a lone surrogate \\u{ord(found.group()):04x} in a string"


def _json_kind(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    return "a number"
