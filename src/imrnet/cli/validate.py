"""The ``validate`` command: check the dataset and summarise it."""

from __future__ import annotations

from imrnet.cli import command, say
from imrnet.cli.options import DataOption, JsonOption


@command("validate")
def validate(data: DataOption = None, json: JsonOption = False) -> None:
    """Check the dataset: a summary, or every problem found.

    Reads every file, then checks the whole dataset at once: fields,
    vocabularies, dates, references and duplicates. A clean dataset prints
    counts by entity type, link type and status, and the records an overlay
    directory retracted (retractions.yaml), each with its reason and source
    (exit 0); otherwise each problem is printed as FILE:LINE: message
    (exit 3). Warnings (unused sources) go to standard error and do not
    fail.

    Examples:

      imrnet validate

      imrnet validate --data bundled --data ~/notes

      IMRNET_DATA=bundled:~/notes imrnet validate --json | jq .counts
    """
    import typer

    from imrnet.dataset.counts import dataset_counts
    from imrnet.dataset.loader import check_dirs
    from imrnet.dataset.retractions import counts as retracted_counts
    from imrnet.dataset.locations import data_dirs
    from imrnet.output.render import emit
    from imrnet.output.tables_validate import validate_tables

    dirs = data_dirs(data)
    report = check_dirs(dirs)
    result = {
        "valid": not report.errors,
        "directories": [str(d) for d in dirs],
        "counts": (
            {**dataset_counts(report.dataset), "retracted": retracted_counts(report.dataset.retracted)}
            if report.dataset else None
        ),
        "retracted": list(report.dataset.retracted) if report.dataset else [],
        "errors": [p.as_dict() for p in report.errors],
        "warnings": [p.as_dict() for p in report.warnings],
    }
    if not json:
        for problem in report.warnings:
            say(str(problem))
    if report.errors and not json:
        for problem in report.errors:
            say(str(problem), err=False)
    else:
        emit(result, as_json=json, table=validate_tables)
    if report.errors:
        typer.echo(f"imrnet: invalid dataset: {len(report.errors)} problem(s)", err=True)
        raise typer.Exit(3)
