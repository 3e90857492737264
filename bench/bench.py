"""Start-up benchmark of the imrnet command line (a script, not a test).

Times, as the median wall-clock of N runs each in a fresh subprocess:

* ``python -c "import typer, rich.table, networkx, yaml"`` (the floor any
  graph query pays),
* ``imrnet path Malofeev Dugin --json`` (a real query on the bundled data),
* ``imrnet --help``,
* ``python -c "import typer, rich"`` (the floor of any help screen),

then prints each figure and two ratios with their targets: path/imports
≤ 1.15 and help/typer+rich ≤ 1.0. The ``imrnet`` used is the console script
next to the running interpreter.

Usage: ``python bench/bench.py [--runs N]``
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

TARGETS = {"path": 1.15, "help": 1.0}


def median_seconds(argv: list[str], runs: int, env: dict[str, str]) -> tuple[float, int]:
    """Median wall-clock of ``runs`` runs (after one warm-up), and the last exit code."""
    code = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env).returncode
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        code = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env).returncode
        times.append(time.perf_counter() - start)
    return statistics.median(times), code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11, help="runs per command (default 11)")
    args = parser.parse_args()
    runs = max(1, args.runs)

    python = sys.executable
    script = Path(python).parent / ("imrnet.exe" if os.name == "nt" else "imrnet")
    if not script.exists():
        print(f"bench: console script not found: {script} (pip install -e .)", file=sys.stderr)
        return 2
    env = {k: v for k, v in os.environ.items() if k != "IMRNET_DATA"}

    cases = {
        "imports": [python, "-c", "import typer, rich.table, networkx, yaml"],
        "path": [str(script), "path", "Malofeev", "Dugin", "--json"],
        "help": [str(script), "--help"],
        "typer+rich": [python, "-c", "import typer, rich"],
    }
    figures = {}
    print(f"median of {runs} runs each ({python})")
    for name, argv in cases.items():
        seconds, code = median_seconds(argv, runs, env)
        figures[name] = seconds
        note = "" if code == 0 else f"  (exit {code}!)"
        shown = " ".join(Path(argv[0]).name if i == 0 else a for i, a in enumerate(argv))
        print(f"  {name:<11} {seconds * 1000:8.1f} ms  {shown}{note}")

    ok = True
    for label, num, den, target in (
        ("path / imports", "path", "imports", TARGETS["path"]),
        ("help / typer+rich", "help", "typer+rich", TARGETS["help"]),
    ):
        ratio = figures[num] / figures[den]
        verdict = "ok" if ratio <= target else "OVER TARGET"
        ok = ok and ratio <= target
        print(f"  {label:<18} {ratio:5.2f}  (target <= {target:.2f}) {verdict}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
