"""The ``import`` command: read another format into a dataset directory."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from imrnet.cli import command
from imrnet.cli.options import JsonOption

__all__ = ["import_"]

#: The formats ``imrnet import`` reads.
FORMATS = ("ftm",)


def _dataset_name(path: str) -> str:
    """The provenance of entities that name none: the file's name, bare."""
    if path == "-":
        return "stdin"
    name = Path(path).name
    for suffix in (".gz", ".json", ".jsonl", ".ndjson", ".ftm"):
        name = name.removesuffix(suffix)
    return name or "ftm"


@command("import")
def import_(
    format: Annotated[str, typer.Argument(metavar="FORMAT", help="The input's format: ftm.", show_default=False)],
    file: Annotated[str, typer.Argument(metavar="FILE", help="The input file, or - for standard input.", show_default=False)],
    output: Annotated[Path, typer.Option("--output", "-o", metavar="DIR", help="The dataset directory to write (new or empty).", show_default=False)],
    dataset: Annotated[str | None, typer.Option("--dataset", metavar="NAME", help="Provenance of entities that name no dataset (default: the file's name).", show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace the dataset already in DIR.")] = False,
    json: JsonOption = False,
) -> None:
    """Import a FollowTheMoney entity stream as a dataset directory.

    Reads FILE (one FtM entity a line, as OpenSanctions and Aleph publish
    them) once, line by line, and writes DIR as JSON Lines (sources.jsonl,
    entities.jsonl, links.jsonl), whole or not at all. People,
    organizations, companies, public bodies, legal entities and events
    become entities; memberships, directorships, ownerships, employments,
    representations, family, associates, other links, payments, an event's
    organizers and participants, and sanctions become links, all
    'reported'. Each FtM dataset and publisher becomes a source, cited with
    the entity's source URL. Prints what it took and what it skipped, and
    why. Use the result with --data (imrnet validate --data bundled --data
    DIR). A line that is not an FtM entity stops the import (exit 3).

    Examples:

      imrnet import ftm entities.ftm.json -o ~/ftm-data

      curl -s URL | imrnet import ftm - -o ~/ftm-data --json | jq .skipped
    """
    import sys

    from imrnet.errors import UsageError
    from imrnet.ftm.importer import import_ftm
    from imrnet.output.render import emit
    from imrnet.output.tables_import import import_tables

    if format not in FORMATS:
        raise UsageError(f"unknown import format {format!r} (expected one of {', '.join(FORMATS)})")
    if file == "-":
        handle, shown, size = sys.stdin.buffer, "standard input", None
    else:
        path = Path(file).expanduser()
        try:
            handle = path.open("rb")
        except OSError as err:
            raise UsageError(f"cannot read {file}: {err.strerror or err}") from None
        shown, size = file, path.stat().st_size if path.is_file() else None
    name = dataset if dataset is not None else _dataset_name(file)
    if not name.strip():
        raise UsageError("--dataset needs a name")
    try:
        with _progress(size) as advance:
            result = import_ftm(handle, shown, output, dataset=name, force=force, progress=advance)
    finally:
        if handle is not sys.stdin.buffer:
            handle.close()
    emit(result, as_json=json, table=import_tables)


def _progress(total: int | None):
    """A Rich progress bar on standard error, only when it is a terminal."""
    import contextlib
    import sys

    if not sys.stderr.isatty():
        return contextlib.nullcontext(None)
    return _bar(total)


def _bar(total: int | None):
    import contextlib

    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeElapsedColumn

    @contextlib.contextmanager
    def bar():
        columns = [TextColumn("importing"), BarColumn(), DownloadColumn(), TimeElapsedColumn()]
        with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
            task = progress.add_task("import", total=total)
            yield lambda size: progress.advance(task, size)

    return bar()
