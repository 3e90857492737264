"""Query latency at scale, for ``bench/bench.py`` (a script's module, not a test).

On one synthetic dataset: the first run after a change (a fresh cache: the
data is parsed, checked and compiled into the index, then ``path``
answers), beside a plain script answering the same path from JSON with
NetworkX (``plain_networkx.py``); then, with the index warm, ``show``,
``path``, ``ego`` and ``search`` as whole processes (median of the runs),
wall time and peak memory. Issue 7's targets: warm queries at most 0.5 s at
100,000 entities and 1 s at 1,000,000; the first run at most 1.5x the
plain script, and at 1,000,000 entities under 2 minutes and 4 GiB.
"""

from __future__ import annotations

import json
import statistics
from pathlib import Path

#: Warm query targets, seconds, by the least size they apply to.
WARM_TARGETS = {100_000: 0.5, 1_000_000: 1.0}
#: The first run after a change, against the plain script.
FIRST_RUN_RATIO = 1.5
#: The first run (the index build) at a million entities: seconds, and peak MiB of every process.
BUILD_TARGET = {1_000_000: (120.0, 4096)}


def picks(data: Path) -> dict[str, str]:
    """The entities queried: the first in the file, the one halfway, the first one's surname.

    The file is streamed, never held: a child process inherits the bench's
    peak memory figure (``ru_maxrss`` survives fork and exec), so the bench
    must stay small.
    """
    path = data / "entities.jsonl"
    with open(path, "rb") as fh:
        count = sum(1 for _ in fh)
    with open(path, encoding="utf-8") as fh:
        first = json.loads(fh.readline())
        middle = first
        for number, line in enumerate(fh, start=1):
            if number == count // 2:
                middle = json.loads(line)
                break
    return {"first": first["id"], "middle": middle["id"], "word": first["name"].split()[-1]}


def commands(chosen: dict[str, str]) -> dict[str, list[str]]:
    return {
        "show": ["show", chosen["first"]],
        "path": ["path", chosen["first"], chosen["middle"]],
        "ego": ["ego", chosen["first"]],
        "search": ["search", chosen["word"]],
    }


def _target(size: int) -> float | None:
    fitting = [t for least, t in WARM_TARGETS.items() if size >= least]
    return fitting[-1] if fitting else None


def measure(run, python: str, script: Path, data: Path, size: int,
            env: dict[str, str], timeout: float, runs: int = 3) -> bool:
    """Print the first run against the plain script, then every warm query; True when all meet targets.

    ``env`` names a fresh cache directory (``IMRNET_CACHE_DIR``): the first run compiles the index there.
    """
    here = Path(__file__).resolve().parent
    chosen = picks(data)
    asked = commands(chosen)
    ok = True
    first, first_peak, code, _ = run([str(script), *asked["path"], "--data", str(data), "--json"], env, timeout)
    _, plain_peak, plain_code, plain_out = run(
        [python, str(here / "plain_networkx.py"), str(data), chosen["first"], chosen["middle"]], env, timeout)
    plain = json.loads(plain_out)["seconds"] if plain_code == 0 and plain_out.strip() else float("inf")
    ratio = first / plain
    applies = size >= min(WARM_TARGETS)
    verdict = ("ok" if ratio <= FIRST_RUN_RATIO else "OVER") if applies else "applies at 100k"
    ok = ok and (ratio <= FIRST_RUN_RATIO or not applies) and code == 0
    note = ""
    if size in BUILD_TARGET:
        most, memory = BUILD_TARGET[size]
        met = first < most and first_peak < memory
        note = f"; target under {most:.0f} s and {memory} MiB: {'ok' if met else 'OVER'}"
        ok = ok and met
    print(f"  {'path, 1st run':<13} {first:7.2f} s {first_peak:9.0f} {'':>9}  parse, check, compile, "
          f"answer; plain JSON+NetworkX script {plain:.2f} s ({plain_peak:.0f} MiB): "
          f"{ratio:.2f}x (target <= {FIRST_RUN_RATIO}: {verdict}){note}")
    target = _target(size)
    for name, args in asked.items():
        walls, peaks, code = [], [], 0
        for _ in range(runs):
            wall, peak, code, _ = run([str(script), *args, "--data", str(data), "--json"], env, timeout)
            walls.append(wall)
            peaks.append(peak)
        wall = statistics.median(walls)
        note = f"imrnet {' '.join(args)}"
        if code != 0:
            note += f"; exit {code}!"
            ok = False
        if target is not None:
            note += f"; target <= {target} s: {'ok' if wall <= target else 'OVER'}"
            ok = ok and wall <= target
        print(f"  {name + ', warm':<13} {wall:7.2f} s {max(peaks):9.0f} {'':>9}  {note}")
    return ok
