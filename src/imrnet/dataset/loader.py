"""Load and check a dataset in two passes, as followthemoney loads its model.

Pass one parses every file (YAML with :mod:`imrnet.dataset.yaml_reader`: libyaml's
parser where available, no aliases, and the :mod:`~imrnet.dataset.limits` on
size, depth, text and numbers checked before anything is built), keeping the
line of each record and field and catching duplicate keys, which PyYAML
would silently collapse. Pass two (:mod:`imrnet.dataset.checker`) checks the
whole dataset -- fields, vocabularies, dates, references, duplicates -- and
reports every problem at once, each naming its file, line and culprit::

    data/links.yaml:123: link alexander-ionov -> agmr: unknown status 'confirmed'
    (expected one of reported, alleged, disputed, planned)

Examples
--------
>>> dataset = load()
>>> dataset.entities["agmr"].type
'organization'
>>> report = check_dirs([bundled_dir()])
>>> report.errors
[]
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path
from typing import Any


from imrnet.dataset import fastpath
from imrnet.dataset.checker import Checker, Parsed, reset_suggestions
from imrnet.errors import DatasetError
from imrnet.dataset.model import Dataset, Link
from imrnet.dataset.problems import Problem, Report
from imrnet.dataset.jsonl import parse_jsonl
from imrnet.dataset.limits import field_limit, over_limit
from imrnet.dataset.linkkeys import LinkKeys
from imrnet.dataset.locations import KINDS, bundled_dir, dataset_files, display_path
from imrnet.dataset.retractions import FILE as RETRACTIONS, retract
from imrnet.dataset.yaml_reader import Mapping as _Mapping, Refused, read_file

__all__ = ["Problem", "Report", "load", "check_dirs", "parse_file", "limit_fields", "links_files"]

#: Objects made by a load above which they are kept out of the garbage
#: collector's sight afterwards (the bundled dataset leaves a few thousand).
_FREEZE_ABOVE = 200_000

# --------------------------------------------------------------------------
# Pass one: parse


def parse_file(path: Path, shown: str | None = None) -> tuple[list[_Mapping] | None, list[Problem]]:
    """Parse one YAML file into its records (pass one).

    Reading is :mod:`imrnet.dataset.yaml_reader`'s job, which refuses a
    file that breaks one of the :mod:`imrnet.dataset.limits` before
    building it.

    Parameters
    ----------
    path : Path
        A ``sources.yaml``, ``entities.yaml`` or ``links.yaml`` file.
    shown : str, optional
        How to name the file in messages.

    Returns
    -------
    records : list or None
        The top-level mappings, each with ``.line`` and ``.key_lines``;
        ``None`` when the file could not be read whole (unreadable, a syntax
        error, a limit broken, a wrong top-level shape).
    problems : list of Problem
        Syntax errors, limits, a wrong top-level shape, duplicate keys.

    Examples
    --------
    >>> records, problems = parse_file(bundled_dir() / "entities.yaml")
    >>> problems, records[0]["id"] != ""
    ([], True)
    """
    shown = shown or display_path(path)
    kind = path.stem
    try:
        data, duplicates = read_file(path)
    except Refused as err:
        return None, [Problem(shown, err.line, err.message)]
    problems = [Problem(shown, line, message) for line, message in duplicates]
    if data is None:
        return [], problems
    if not isinstance(data, list):
        found_kind = type(data).__name__ if not isinstance(data, dict) else "a mapping"
        return None, problems + [
            Problem(shown, 1, f"expected a list of {kind} at the top level, found {found_kind}")
        ]
    records = []
    for position, item in enumerate(data, start=1):
        if not isinstance(item, _Mapping):
            problems.append(
                Problem(shown, 0, f"item {position} is a {type(item).__name__}, expected a mapping of fields")
            )
            continue
        records.append(item)
    return records, problems


def limit_fields(records: list, shown: str) -> list[Problem]:
    """Report each field holding a text longer than its limit, and cut it there.

    Applies to records of either format; cutting keeps later messages short.

    Examples
    --------
    >>> from imrnet.dataset.yaml_reader import read_text
    >>> records, _ = read_text("- {id: a, name: " + "n" * 501 + "}")
    >>> [str(p) for p in limit_fields(records, "entities.yaml")], len(records[0]["name"])
    (["entities.yaml:1: field 'name' is 501 characters long, over the limit of 500 (see Limits in the README)"], 500)
    """
    problems = []
    for item in records:
        for key, value in item.items():
            message = over_limit(key, value)
            if message:
                problems.append(Problem(shown, item.key_lines.get(key, item.line), message))
                item[key] = _cut(key, value)
    return problems


def _cut(key: Any, value: Any) -> Any:
    """A field's value with each text cut to the field's limit."""
    if isinstance(value, str):
        return value[: field_limit(key)]
    if isinstance(value, list):
        return [_cut(key, entry) if isinstance(entry, str) else entry for entry in value]
    return value


def check_dirs(dirs: list[Path], *, fast: bool = True, ready: Callable[[Any], None] | None = None,
               advance: Callable[[int], None] | None = None) -> Report:
    """Parse and check the dataset in ``dirs`` (merged in order); never raises.

    Parameters
    ----------
    dirs : list of Path
        Dataset directories. A later one may add sources, entities and links
        and refer to ids of any other; the same id twice is an error.
    fast : bool, default True
        Build the common, valid JSON Lines record in one quick pass
        (:mod:`imrnet.dataset.fastpath`). The report is the same either way;
        ``False`` checks every record field by field, as tests compare.
    ready : callable, optional
        Called with the checker once its sources and entities are checked,
        before any links file is read: the index build starts on them
        meanwhile (:class:`imrnet.index.store.IndexWriter`). Whether the
        dataset turns out valid, and what becomes of these records (a
        retraction replaces them), is known only when this returns.
    advance : callable, optional
        Called now and then with the number of bytes of data files read
        since its last call (for a progress bar).

    Returns
    -------
    Report
        The dataset (``None`` when there are errors), errors and warnings.

    Examples
    --------
    >>> report = check_dirs([bundled_dir()])
    >>> len(report.dataset.entities) > 50, report.errors
    (True, [])
    """
    # Millions of records and no reference cycles among them: the cyclic
    # garbage collector would only walk them again and again (half the time),
    # and once more at its next run after the load (seconds, at a million
    # records) unless a big load's objects are frozen out of its sight.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _check_dirs(dirs, fast, ready, advance)
    finally:
        if collecting:
            if gc.get_count()[0] > _FREEZE_ABOVE:
                gc.freeze()
            gc.enable()


def _plan(dirs: list[Path]) -> tuple[list[tuple[str, Path, str]], list[str], list[Problem], bool]:
    """The files to parse, ``(kind, path, origin)`` in reading order; origins; directory problems."""
    files, origins, problems, unreadable = [], [], [], False
    bundled = bundled_dir().resolve()
    for directory in dirs:
        origin = "bundled" if directory.resolve() == bundled else display_path(directory)
        origins.append(origin)
        try:
            present, both = dataset_files(directory)
        except OSError as err:  # a directory that may not be listed
            problems.append(Problem(display_path(directory), 0, f"cannot read directory: {err.strerror or err}"))
            unreadable = True
            continue
        retracting = directory / RETRACTIONS
        for kind in both:
            problems.append(Problem(display_path(directory), 0, f"both {kind}.yaml and {kind}.jsonl here: keep {kind} in one of them"))
            unreadable = True
        if not present and not both and not retracting.is_file():
            problems.append(Problem(display_path(directory), 0, f"no dataset files here (expected {', '.join(KINDS)} as .yaml or .jsonl)"))
        if retracting.is_file():
            present = {**present, "retractions": retracting}
        files.extend((kind, path, origin) for kind, path in present.items())
    return files, origins, problems, unreadable


def links_files(dirs: list[Path]) -> list[tuple[Path, str, str]]:
    """The links files :func:`load` reads, in order, as ``(path, shown, origin)``: the file, how
    messages and records name it, and its directory as records name it.

    Examples
    --------
    >>> [(path.name, origin) for path, shown, origin in links_files([bundled_dir()])]
    [('links.yaml', 'bundled')]
    """
    return [(path, display_path(path), origin) for kind, path, origin in _plan(dirs)[0] if kind == "links"]


def _parse(kind: str, path: Path, origin: str, fast: bool, parsed: dict[str, list],
           advance: Callable[[int], None] | None) -> tuple[list[Problem], bool]:
    """Pass one for one file, into ``parsed[kind]``: its problems, and whether it was read whole."""
    shown = display_path(path)
    if path.suffix != ".jsonl":
        records, problems = parse_file(path, shown)
        if advance is not None:
            try:
                advance(path.stat().st_size)
            except OSError:  # gone since it was read: nothing to count
                pass
    else:
        build = fastpath.builder(kind, shown, origin) if fast and kind in fastpath.KINDS else None
        records, problems = parse_jsonl(path, shown, build, advance)
    if records is None:
        return problems, False
    # Built records (not mappings) passed every check a record can pass alone.
    problems.extend(limit_fields([r for r in records if isinstance(r, _Mapping)], shown))
    parsed[kind].extend(Parsed(shown, r, origin) if isinstance(r, _Mapping) else r for r in records)
    return problems, True


def _check_dirs(dirs: list[Path], fast: bool, ready: Callable[[Any], None] | None,
                advance: Callable[[int], None] | None) -> Report:
    files, origins, errors, unreadable = _plan(dirs)
    parsed: dict[str, list] = {kind: [] for kind in (*KINDS, "retractions")}
    # Links are read last, after the sources and entities are checked (so
    # ``ready`` can start on them); each file's problems keep their place.
    found: list[list[Problem]] = [[] for _ in files]
    reset_suggestions()
    checker = Checker()
    ids: dict[str, Link] = {}
    seen = LinkKeys()

    def parse(links: bool) -> bool:
        """Pass one for the links files, or for the others: whether each was read whole."""
        whole = True
        for i, (kind, path, origin) in enumerate(files):
            if (kind == "links") == links:
                found[i], read = _parse(kind, path, origin, fast, parsed, advance)
                whole = whole and read
        return whole

    unreadable = not parse(links=False) or unreadable
    if not unreadable:
        for kind in ("sources", "entities"):
            fastpath.admit(checker, kind, parsed[kind], ids, seen)
            if kind == "sources":
                checker.check_cited_in()
        if ready is not None and not checker.errors and not any(found):
            ready(checker)
    unreadable = not parse(links=True) or unreadable
    errors.extend(problem for problems in found for problem in problems)
    if unreadable:
        # A file that could not be read whole would make pass two report
        # every reference into it as unknown: stop at the syntax errors.
        return Report(None, errors, [])

    checker.errors[:0] = errors
    fastpath.admit(checker, "links", parsed["links"], ids, seen)
    checker.check_accounts()
    checker.unused_sources()
    retracted = retract(checker, parsed["retractions"], origins)

    order = {name: i for i, name in enumerate(dict.fromkeys(p.file for p in checker.errors))}
    checker.errors.sort(key=lambda p: (order[p.file], p.line))
    if checker.errors:
        return Report(None, checker.errors, checker.warnings)
    dataset = Dataset(
        sources=checker.sources,
        entities=checker.entities,
        links=tuple(checker.links),
        warnings=tuple(checker.warnings),
        directories=tuple(display_path(d) for d in dirs),
        retracted=tuple(retracted),
    )
    return Report(dataset, [], checker.warnings)


def load(dirs: list[Path] | None = None, *, ready: Callable[[Any], None] | None = None,
         advance: Callable[[int], None] | None = None) -> Dataset:
    """Load the dataset, refusing invalid data.

    Parameters
    ----------
    dirs : list of Path, optional
        Dataset directories; the bundled dataset when omitted.
    ready, advance : callable, optional
        See :func:`check_dirs`.

    Returns
    -------
    Dataset

    Raises
    ------
    DatasetError
        Listing every error found.

    Examples
    --------
    >>> load().entities["konstantin-malofeev"].type
    'person'
    """
    report = check_dirs(list(dirs) if dirs else [bundled_dir()], ready=ready, advance=advance)
    if report.errors:
        raise DatasetError(report.errors)
    return report.dataset
