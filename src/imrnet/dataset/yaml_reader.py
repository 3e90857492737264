"""Read one YAML data file into records, refusing what could do harm.

Pass one of :mod:`imrnet.dataset.loader`. The file is read from libyaml's
parser event by event (PyYAML's pure-Python parser where libyaml is
missing), and the lists, mappings and scalars are built here, iteratively,
rather than by PyYAML's composer and constructor. That way every limit of
:mod:`imrnet.dataset.limits` is checked before anything is built from the
part that breaks it, and nothing recurses:

* the file's size, before it is read;
* YAML aliases and anchors, refused outright (an alias bomb -- "billion
  laughs" -- is a handful of lines that expand to gigabytes);
* nesting depth (libyaml's composer crashes the interpreter on
  ``[[[[...`` 100,000 levels deep);
* the length of every text, and the digits of every number, which must be
  finite (``.nan`` and ``.inf`` have no JSON form);
* explicit tags other than the plain ones (``!!str``, ``!!int``, ...),
  merge keys (``<<``) and a second document in one file.

Scalars are resolved as PyYAML's safe loader resolves them (``yes`` is
true, ``0x1f`` is 31), except that dates stay text. Each mapping keeps its
line and the line of each key, and duplicate keys, which PyYAML would
silently collapse, are reported.

Examples
--------
>>> records, problems = read_text("- {id: agmr, founded: 2012-03}\\n- {id: x, id: y}\\n")
>>> records[0], records[0].line, problems
({'id': 'agmr', 'founded': '2012-03'}, 1, [(2, "duplicate key 'id' (first at line 2); YAML would keep only the last")])
>>> read_text("- &a [lol]\\n- *a\\n")
Traceback (most recent call last):
...
imrnet.dataset.yaml_reader.Refused: YAML anchor '&a' is not allowed: write the value out where it is used (see Limits in the README)
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any

import yaml

from imrnet.dataset.limits import MAX_DEPTH, MAX_DIGITS, MAX_FILE_BYTES, MAX_TEXT, SEE, megabytes

__all__ = ["Mapping", "Refused", "read_file", "read_text"]

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STD = "tag:yaml.org,2002:"
_PLAIN_TAGS = {_STD + name for name in ("str", "int", "float", "bool", "null")}


class Mapping(dict):
    """A parsed mapping that remembers its line and the line of each key."""

    line: int = 0
    key_lines: dict


class Refused(Exception):
    """A file refused whole: ``line`` (0 for the whole file) and a message."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """libyaml's parser with the safe loader's resolver and scalar constructors.

    Dates stay strings (partial dates are the norm here), so the timestamp
    resolver is dropped from a private copy of the resolver table.
    """

    yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != _STD + "timestamp"]
        for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
    }


def _short_tag(tag: str) -> str:
    tag = "!!" + tag[len(_STD):] if tag.startswith(_STD) else tag
    return tag if len(tag) <= 40 else tag[:40] + "…"


def _line(event) -> int:
    return event.start_mark.line + 1 if event.start_mark else 0


class _Builder:
    """Builds one document from parser events, checking as it goes."""

    def __init__(self, loader: _Loader) -> None:
        self.loader = loader
        self.duplicates: list[tuple[int, Any, int]] = []
        # Each open collection: [container, key waiting for its value, key line, line]
        self.stack: list[list] = []
        self.root: Any = None
        self.resolved: dict[tuple, str] = {}  # the tag of plain scalars seen before

    def check_node(self, event, kind: str) -> None:
        if event.anchor is not None:
            raise Refused(_line(event), f"YAML anchor '&{event.anchor}' is not allowed: "
                          f"write the value out where it is used {SEE}")
        if event.tag not in (None, "!", _STD + kind):
            raise Refused(_line(event), f"YAML tag {_short_tag(event.tag)!r} is not allowed here: "
                          "write plain text, numbers, lists and mappings")

    def scalar(self, event) -> Any:
        value = event.value
        if len(value) > MAX_TEXT:
            raise Refused(_line(event), f"{self.where()}a text of {len(value):,} characters is "
                          f"over the limit of {MAX_TEXT:,} characters {SEE}")
        if event.anchor is not None:
            self.check_node(event, "str")  # refuses the anchor
        tag = event.tag
        if tag is None or tag == "!":
            key = (value, event.implicit)
            tag = self.resolved.get(key)
            if tag is None:
                tag = self.loader.resolve(yaml.ScalarNode, value, event.implicit)
                if len(self.resolved) < 10_000 and len(value) < 100:
                    self.resolved[key] = tag
        elif tag not in _PLAIN_TAGS:
            raise Refused(_line(event), f"YAML tag {_short_tag(tag)!r} is not allowed here: "
                          "write plain text, numbers, lists and mappings")
        if tag == _STD + "str" or tag == _STD + "value":
            return value
        if tag == _STD + "merge":
            if self.stack and self.stack[-1][1] is _NO_KEY and isinstance(self.stack[-1][0], dict):
                raise Refused(_line(event), "YAML merge key '<<' is not allowed: write the fields out")
            return value
        return self.typed(event, tag, value)

    def where(self) -> str:
        """``field 'name': `` when the scalar being read is a field's value."""
        if self.stack and isinstance(self.stack[-1][0], dict) and self.stack[-1][1] is not _NO_KEY:
            key = self.stack[-1][1]
            if isinstance(key, str) and len(key) <= 40:
                return f"field {key!r}: "
        return ""

    def typed(self, event, tag: str, value: str) -> Any:
        """A null, boolean or number, from a plain scalar or an explicit tag."""
        name = tag[len(_STD):]
        if name in ("int", "float"):
            digits = sum(c.isalnum() for c in value.lower().lstrip("+-").removeprefix("0x")
                         .removeprefix("0b").removeprefix("0o"))
            if digits > MAX_DIGITS:
                raise Refused(_line(event), f"{self.where()}a number of {digits:,} digits is over "
                              f"the limit of {MAX_DIGITS} digits {SEE}")
        node = yaml.ScalarNode(tag, value, event.start_mark, event.end_mark)
        constructor = getattr(self.loader, f"construct_yaml_{name}")
        try:
            result = constructor(node)
        except (ValueError, KeyError, IndexError, yaml.YAMLError):
            raise Refused(_line(event), f"{self.where()}{value!r} is not a valid !!{name}") from None
        if isinstance(result, float) and not math.isfinite(result):
            raise Refused(_line(event), f"{self.where()}{value!r} is not a finite number: write "
                          "a number, or leave the field out")
        return result

    def add(self, value: Any, line: int) -> None:
        """Put a finished node into the collection that holds it."""
        if not self.stack:
            self.root = value
            return
        frame = self.stack[-1]
        container = frame[0]
        if isinstance(container, list):
            container.append(value)
        elif frame[1] is _NO_KEY:
            try:
                hash(value)
            except TypeError:  # a list or mapping used as a key
                value = str(value)
            frame[1], frame[2] = value, line
        else:
            key, key_line = frame[1], frame[2]
            if key in container:
                self.duplicates.append((key_line, key, container.key_lines[key]))
            container[key] = value
            container.key_lines[key] = key_line
            frame[1] = _NO_KEY

    def open(self, event, container) -> None:
        if len(self.stack) >= MAX_DEPTH:
            raise Refused(_line(event), f"nesting deeper than {MAX_DEPTH} levels is not "
                          f"allowed {SEE}")
        self.stack.append([container, _NO_KEY, 0, _line(event)])

    def close(self) -> None:
        container, _, _, line = self.stack.pop()
        self.add(container, line)

    def build(self) -> Any:
        """Read every event of the stream; the document, or ``None`` when empty.

        The common case -- plain text into a mapping or a list -- is
        written out inline: a file of 100,000 links is two million events.
        """
        get_event = self.loader.get_event
        first_chars = self.loader.yaml_implicit_resolvers
        plain_text = not first_chars.get(None)  # no resolver applies to every scalar
        stack = self.stack
        documents = 0
        while True:
            event = get_event()
            kind = type(event)
            if kind is yaml.ScalarEvent:
                value = event.value
                if not (event.tag is None and event.anchor is None and len(value) <= MAX_TEXT
                        and (not event.implicit[0] or plain_text and value
                             and value[0] not in first_chars)):
                    value = self.scalar(event)
                if not stack:
                    self.root = value
                    continue
                frame = stack[-1]
                container = frame[0]
                if container.__class__ is list:
                    container.append(value)
                elif frame[1] is _NO_KEY:
                    frame[1], frame[2] = value, event.start_mark.line + 1
                else:
                    self.add(value, 0)
            elif kind is yaml.MappingStartEvent:
                self.check_node(event, "map")
                mapping = Mapping()
                mapping.line = _line(event)
                mapping.key_lines = {}
                self.open(event, mapping)
            elif kind is yaml.SequenceStartEvent:
                self.check_node(event, "seq")
                self.open(event, [])
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                self.close()
            elif kind is yaml.AliasEvent:
                raise Refused(_line(event), f"YAML alias '*{event.anchor}' is not allowed: "
                              f"write the value out {SEE}")
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise Refused(_line(event), "a second YAML document starts here: "
                                  "a data file holds one list")
            elif kind is yaml.StreamEndEvent or event is None:
                return self.root


_NO_KEY = object()


def read_text(text: str) -> tuple[Any, list[tuple[int, str]]]:
    """Build the document in ``text``.

    Returns
    -------
    document : object or None
        The top-level value (``None`` for an empty document).
    duplicates : list of (line, message)
        The duplicate keys found.

    Raises
    ------
    Refused
        For a syntax error or a limit broken: the file cannot be used.
    """
    loader = _Loader(text)
    builder = _Builder(loader)
    try:
        document = builder.build()
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 0
        column = f", column {mark.column + 1}" if mark else ""
        what = err.problem or err.context or "invalid YAML"
        raise Refused(line, f"YAML syntax error{column}: {what}") from None
    except yaml.reader.ReaderError as err:  # pure-Python parser only
        line = text.count("\n", 0, err.position) + 1
        what = f"#x{err.character:04x}" if isinstance(err.character, int) else repr(err.character)
        raise Refused(line, f"YAML syntax error: character {what} is not allowed") from None
    except yaml.YAMLError as err:
        raise Refused(0, "YAML error: " + " ".join(str(err).split())) from None
    finally:
        loader.dispose()
    duplicates = [
        (line, f"duplicate key {key!r} (first at line {first}); YAML would keep only the last")
        for line, key, first in builder.duplicates
    ]
    return document, duplicates


def read_file(path: Path) -> tuple[Any, list[tuple[int, str]]]:
    """Read and build one YAML file, refusing it whole when it breaks a limit.

    The size is checked before reading (and the read stops past the
    limit, whatever the file claims), then the text must be UTF-8.

    Returns
    -------
    document, duplicates
        As :func:`read_text`.

    Raises
    ------
    Refused
        As :func:`read_text`, and for a file that cannot be read, is too
        big or is not UTF-8 (``line`` 0 when the whole file is at fault).
    """
    try:
        with path.open("rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            raw = b"" if size > MAX_FILE_BYTES else stream.read(MAX_FILE_BYTES + 1)
            size = max(size, len(raw))  # a file may grow, or claim no size
    except OSError as err:
        raise Refused(0, f"cannot read file: {err.strerror or err}") from None
    if size > MAX_FILE_BYTES:
        raise Refused(0, f"file is {megabytes(size)}, over the limit of "
                         f"{megabytes(MAX_FILE_BYTES)} for a YAML data file: keep big datasets "
                         f"in JSON Lines {SEE}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise Refused(*_not_utf8(raw, err)) from None
    return read_text(text)


def _not_utf8(raw: bytes, err: UnicodeDecodeError) -> tuple[int, str]:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return 0, "the file is UTF-16 text: save it as UTF-8"
    line = raw.count(b"\n", 0, err.start) + 1
    column = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
    return line, (f"not UTF-8 text: byte 0x{raw[err.start]:02x} at column {column} cannot be read; "
                  "save the file as UTF-8")
