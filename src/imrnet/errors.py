"""One exception family; the CLI turns each class into its exit code.

Exit codes: 0 success, 1 a query with no answer, 2 usage error (bad option,
unknown or ambiguous name), 3 invalid dataset.

Examples
--------
>>> NoAnswer("no path").exit_code
1
>>> issubclass(UnknownName, ImrnetError)
True
"""

from __future__ import annotations

__all__ = [
    "ImrnetError",
    "NoAnswer",
    "UsageError",
    "UnknownName",
    "AmbiguousName",
    "DatasetError",
]


class ImrnetError(Exception):
    """Base of every error imrnet raises on purpose."""

    exit_code = 2


class NoAnswer(ImrnetError):
    """A well-formed query that has no answer (no path, no match).

    Parameters
    ----------
    message : str
        What was not found, for standard error.
    empty : dict, optional
        The command's answer with nothing in it (its usual shape, empty
        lists), which ``--json`` prints.

    Examples
    --------
    >>> NoAnswer("nothing matches 'x'", empty={"query": "x", "results": []}).empty["results"]
    []
    """

    exit_code = 1

    def __init__(self, message: str, empty: dict | None = None):
        super().__init__(message)
        self.empty = empty


class UsageError(ImrnetError):
    """A bad argument or option value."""

    exit_code = 2


class UnknownName(UsageError):
    """A name that fits no entity.

    Parameters
    ----------
    name : str
        What the user typed.
    suggestions : list of dict
        Nearest entity references (``{"id", "name", "type"}``), best first.
    """

    def __init__(self, name: str, suggestions: list[dict] | None = None):
        self.name = name
        self.suggestions = suggestions or []
        message = f"no entity matches {name!r}"
        if self.suggestions:
            hints = ", ".join(f"{s['name']} ({s['id']})" for s in self.suggestions)
            message += f"; did you mean: {hints}?"
        super().__init__(message)


class AmbiguousName(UsageError):
    """A name that fits several entities.

    Parameters
    ----------
    name : str
        What the user typed.
    candidates : list of dict
        Every entity reference (``{"id", "name", "type"}``) it fits.
    """

    def __init__(self, name: str, candidates: list[dict]):
        self.name = name
        self.candidates = candidates
        listed = "; ".join(f"{c['id']} ({c['name']}, {c['type']})" for c in candidates)
        super().__init__(
            f"{name!r} fits {len(candidates)} entities: {listed}; use an id or a fuller name"
        )


class DatasetError(ImrnetError):
    """The dataset could not be loaded or is invalid.

    Parameters
    ----------
    problems : list of Problem
        Every error found (warnings are not included), in file order.
    """

    exit_code = 3

    def __init__(self, problems: list):
        self.problems = list(problems)
        count = len(self.problems)
        head = str(self.problems[0]) if self.problems else "invalid dataset"
        more = f" (and {count - 1} more)" if count > 1 else ""
        super().__init__(head + more)
