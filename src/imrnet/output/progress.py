"""A progress bar on standard error while the first run on a large dataset builds its index.

Checking a million records and writing their index takes minutes; a
command that sat silent that long would look hung. :func:`build_progress`
gives a bar when standard error is a terminal (never in a pipe, never in
``--json`` output, which goes to standard output anyway), and
:func:`imrnet.index.cache.load_cached` drives it only when it builds an
index of at least :data:`MIN_BYTES` of data files: a warm run, or a build
of the bundled data, shows nothing.

The bar refreshes when it is told of progress, not from a timer thread of
its own: the index build forks a second process only while the program
runs a single thread.

Examples
--------
>>> import io
>>> from rich.console import Console
>>> out = io.StringIO()
>>> bar = BuildBar(Console(file=out, force_terminal=True, width=60))
>>> bar.start(2_000)
>>> bar.advance(1_000)
>>> bar.stage("writing the index")
>>> bar.stop()
>>> "checking the data" in out.getvalue() and "writing the index" in out.getvalue()
True
"""

from __future__ import annotations

import sys

__all__ = ["MIN_BYTES", "BuildBar", "build_progress"]

#: Data files smaller than this build their index in a second or two: no bar.
MIN_BYTES = 2_000_000


class BuildBar:
    """A transient Rich bar over the bytes of the data files, then the stages of the index build.

    Parameters
    ----------
    console : rich.console.Console
        Where the bar is drawn (standard error).
    """

    def __init__(self, console):
        self.console = console
        self._progress = None
        self._task = None

    def start(self, total: int) -> None:
        """Show the bar, for ``total`` bytes of data files to check."""
        from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeElapsedColumn

        self._progress = Progress(
            TextColumn("{task.description}"), BarColumn(), DownloadColumn(), TimeElapsedColumn(),
            console=self.console, transient=True, auto_refresh=False, redirect_stdout=False,
        )
        self._task = self._progress.add_task("checking the data", total=total)
        self._progress.start()
        self._progress.refresh()

    def advance(self, size: int) -> None:
        """``size`` more bytes of the data files were read."""
        if self._progress is not None:
            self._progress.update(self._task, advance=size, refresh=True)

    def stage(self, label: str) -> None:
        """Name what the build does now (the bar stays full)."""
        if self._progress is not None:
            task = self._progress.tasks[0]
            self._progress.update(self._task, description=label, completed=task.total, refresh=True)

    def stop(self) -> None:
        """Take the bar off the terminal."""
        if self._progress is not None:
            self._progress.stop()
            self._progress = None


def build_progress() -> BuildBar | None:
    """A :class:`BuildBar` on standard error when it is a terminal, else ``None``."""
    if not sys.stderr.isatty():
        return None
    from rich.console import Console

    return BuildBar(Console(stderr=True))
