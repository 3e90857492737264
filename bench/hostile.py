"""Hostile-input benchmark of the imrnet command line (a script, not a test).

Builds, in a temporary directory, the datasets issue 11 measured -- an alias
bomb ("billion laughs"), a 200 MB file, nesting a million levels deep, a
5 MB summary, 100,000 links between the same two entities -- and runs
``imrnet`` on each in a fresh subprocess, printing the wall-clock time, the
CPU time (user + system: what counts on a busy machine), the peak memory
(max RSS) and the exit code. Hostile files must be refused
(exit 3) in well under a second and a few tens of megabytes; 100,000 links
must validate in seconds, and ``show`` must print its bounded table.

Usage: ``python bench/hostile.py``
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASE = ROOT / "tests" / "fixtures" / "loader" / "base"
IMRNET = Path(sys.executable).with_name("imrnet")


def _bomb(path: Path) -> None:
    lines = ["- id: bomb", "  type: person", '  x0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"  x{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    path.write_text("\n".join(lines) + "\n  name: *a9\n  sources: [doc-a]\n")


def _huge(path: Path) -> None:
    with path.open("wb") as stream:
        stream.truncate(200 * 2**20)


def _links(path: Path) -> None:
    path.write_text("".join(
        f"- {{id: l{i}, source: alexander-ionov, target: agmr, type: met, status: reported, "
        f"start: '{1900 + i % 120}', role: r{i}, sources: [doc-a]}}\n" for i in range(100_000)))


CASES = {
    "alias bomb": ("entities", _bomb, ["validate"]),
    "200 MB file": ("entities", _huge, ["validate"]),
    "nesting 1,000,000 deep": ("entities", lambda p: p.write_text("[" * 10**6 + "]" * 10**6), ["validate"]),
    "5 MB summary": ("entities", lambda p: p.write_text(
        "- id: a\n  name: A\n  type: person\n  summary: " + "word " * 10**6 + "\n"), ["validate"]),
    "100,000 links: validate": ("links", _links, ["validate"]),
    "100,000 links: show": ("links", _links, ["show", "Ionov"]),
}


def run(args: list[str]) -> tuple[float, float, float, int]:
    """Wall and CPU seconds, max RSS in MB and exit code of one ``imrnet`` run."""
    start = time.perf_counter()
    pid = os.posix_spawn(str(IMRNET), [str(IMRNET), *args], dict(os.environ),
                         file_actions=[(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
                                       (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0)])
    _, status, usage = os.wait4(pid, 0)
    cpu = usage.ru_utime + usage.ru_stime
    return time.perf_counter() - start, cpu, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main() -> None:
    root = Path(tempfile.mkdtemp(prefix="imrnet-hostile-"))
    try:
        print(f"{'case':28} {'wall s':>7} {'CPU s':>7} {'MB':>7} {'exit':>5}")
        for name, (stem, write, command) in CASES.items():
            directory = root / name.replace(" ", "-").replace(",", "")
            shutil.copytree(BASE, directory)
            write(directory / f"{stem}.yaml")
            wall, cpu, megabytes, code = run([*command, "--data", str(directory)])
            print(f"{name:28} {wall:7.2f} {cpu:7.2f} {megabytes:7.1f} {code:5}")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
