"""What checking data finds: problems, each with its place, and the report of a check.

Examples
--------
>>> report = Report(None, [Problem("links.yaml", 3, "self-link")])
>>> [str(p) for p in report.errors]
['links.yaml:3: self-link']
"""

from __future__ import annotations

from dataclasses import dataclass, field

from imrnet.dataset.model import Dataset

__all__ = ["Problem", "Report"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the data, where it is and what it is.

    Examples
    --------
    >>> str(Problem("data/links.yaml", 12, "link a -> b: self-link"))
    'data/links.yaml:12: link a -> b: self-link'
    >>> str(Problem("notes/sources.yaml", 3, "source x is never cited", "warning"))
    'notes/sources.yaml:3: warning: source x is never cited'
    """

    file: str
    line: int
    message: str
    level: str = "error"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        prefix = "warning: " if self.level == "warning" else ""
        return f"{where}: {prefix}{self.message}"

    def as_dict(self) -> dict:
        return {"file": self.file, "line": self.line, "level": self.level, "message": self.message}


@dataclass
class Report:
    """What checking a set of directories found.

    ``dataset`` is ``None`` when there are errors.
    """

    dataset: Dataset | None
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
