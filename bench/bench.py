"""Benchmarks of the imrnet command line (a script, not a test).

One run prints every figure beside its baseline and target.

Start-up, on the bundled data: the median wall-clock of N fresh processes of

* ``python -c "import typer, rich.table, networkx, yaml"`` (the floor any
  graph query pays),
* ``imrnet path Malofeev Dugin --json`` (a real query on the bundled data),
* ``imrnet --help``,
* ``python -c "import typer, rich"`` (the floor of any help screen),

with the ratios path/imports (target <= 0.7, issue 7) and help/typer+rich (<= 1.0),
and whether igraph or NetworkX is imported on those two (never).

Scale, on synthetic datasets of each ``--sizes`` (``bench/synth.py``, seed 1,
3 links per entity, cached under ``--work``), one whole process each, with
wall time and peak memory, in a fresh cache directory. First the queries
(below); then reading every record from the index (a reference: the
measures read only its topology arrays), ``stats``,
``communities`` and ``centrality --measure betweenness`` (sampled above
5,000 entities), the measure's share (timed in process), and the
baselines: the figures issue 7 measured before igraph, and igraph's own
time for the same computation on the same graph, read by a plain script
(``bench/plain_igraph.py``). Targets at 100,000 entities: ``stats`` under
15 s, ``communities`` at most 2x igraph's own time, sampled betweenness
under 30 s. ``--no-measures`` skips them (at a million entities they take
minutes). The data is read from JSON Lines.

Queries, at each size (``bench/queries.py``): the first run after a change
against a plain JSON + NetworkX script (target at most 1.5x), then ``show``,
``path``, ``ego`` and ``search`` with the index warm (targets: 0.5 s at
100,000 entities, 1 s at 1,000,000).

Usage: ``python bench/bench.py [--runs N] [--sizes 1000,10000,100000] [--work DIR] [--no-measures]``
(``--sizes ""`` for start-up only). The ``imrnet`` used is the console
script next to the running interpreter.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGETS = {"path": 0.7, "help": 1.0}
#: Issue 7's figures before igraph (whole processes, YAML), seconds; None: killed after 600 s.
BEFORE = {
    1_000: {"stats": 7.8, "betweenness": 4.7},
    10_000: {"stats": None, "betweenness": None},
    100_000: {"stats": None, "betweenness": None},
}
SCALE_TARGETS = {"stats": 15.0, "betweenness": 30.0}  # seconds at 100,000 entities
COMMUNITIES_RATIO = 2.0


def _tree_pss(pid: int) -> int:
    """Proportional set size (KiB) of a process and its descendants: what they hold together."""
    total = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            total = next((int(line.split()[1]) for line in fh if line.startswith("Pss:")), 0)
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                total += sum(_tree_pss(int(child)) for child in fh.read().split())
    except (OSError, ValueError):
        pass
    return total


def run(argv: list[str], env: dict[str, str], timeout: float) -> tuple[float, float, int, str]:
    """Wall seconds, peak memory (MiB), exit code and stdout of one process (inf: timed out).

    The peak is the larger of the process's own peak and the most its
    process tree held at once (sampled every 0.2 s where ``/proc`` tells):
    the index build runs in two processes.
    """
    import threading

    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    timer = threading.Timer(timeout, proc.kill)
    timer.start()
    together = [0]

    def sample() -> None:
        while proc.returncode is None and timer.is_alive():
            together[0] = max(together[0], _tree_pss(proc.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)  # this process's own peak, not its children's
    wall = time.perf_counter() - start
    timed_out = not timer.is_alive()
    timer.cancel()
    proc.stdout.close()
    proc.returncode = code = os.waitstatus_to_exitcode(status)
    sampler.join()
    peak = max(usage.ru_maxrss, together[0]) / 1024
    return (float("inf") if timed_out else wall), peak, code, out.decode("utf-8", "replace")


def median_seconds(argv: list[str], runs: int, env: dict[str, str]) -> tuple[float, int]:
    """Median wall-clock of ``runs`` runs (after one warm-up), and the last exit code."""
    code = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env).returncode
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        code = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env).returncode
        times.append(time.perf_counter() - start)
    return statistics.median(times), code


def imported(argv: list[str], env: dict[str, str], names: tuple[str, ...]) -> list[str]:
    """Which of ``names`` the process imports (from ``PYTHONPROFILEIMPORTTIME``)."""
    proc = subprocess.run(argv, capture_output=True, text=True, env={**env, "PYTHONPROFILEIMPORTTIME": "1"})
    seen = {line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines() if "|" in line}
    return [name for name in names if name in seen]


def startup(python: str, script: Path, runs: int, env: dict[str, str]) -> bool:
    cases = {
        "imports": [python, "-c", "import typer, rich.table, networkx, yaml"],
        "path": [str(script), "path", "Malofeev", "Dugin", "--json"],
        "help": [str(script), "--help"],
        "typer+rich": [python, "-c", "import typer, rich"],
    }
    figures = {}
    print(f"Start-up: median of {runs} runs each ({python})")
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
    for name in ("path", "help"):
        heavy = imported(cases[name], env, ("igraph", "networkx"))
        ok = ok and "igraph" not in heavy
        print(f"  {name:<11} imports igraph/networkx: {', '.join(heavy) or 'neither'}")
    return ok


def dataset(work: Path, size: int, python: str) -> Path:
    """The synthetic dataset of ``size`` entities (generated once), in the best format imrnet reads."""
    out = work / f"synth-{size}-seed1"
    if not (out / "jsonl" / "links.jsonl").exists():
        print(f"  generating {size:,} entities into {out} ...", flush=True)
        subprocess.run([python, str(HERE / "synth.py"), str(out), "--entities", str(size), "--seed", "1"],
                       check=True)
    jsonl = importlib.util.find_spec("imrnet.dataset.jsonl") is not None
    return out / ("jsonl" if jsonl else "yaml")


def _seconds(value: float | None) -> str:
    if value is None:
        return "> 600 s"
    if value == float("inf"):
        return "timeout"
    return f"{value:7.2f} s"


def _verdict(value: float, target: float) -> str:
    return "ok" if value <= target else "OVER"


def scale(python: str, script: Path, sizes: list[int], work: Path, timeout: float,
          env: dict[str, str], measures: bool = True) -> bool:
    ok = True
    load_code = ("import sys; from imrnet.cli.options import load_dataset; "
                 "load_dataset([sys.argv[1]]).links")
    commands = {
        "stats": ["stats"],
        "communities": ["communities"],
        "betweenness": ["centrality", "--measure", "betweenness"],
    }
    for size in sizes:
        data = dataset(work, size, python)
        print(f"\nScale: {size:,} entities, ~{3 * size:,} links, read from {data.name}/ ({data})")
        print(f"  {'process':<13} {'wall':>9} {'peak MiB':>9} {'measure':>9}  baselines and targets")
        # A fresh cache: the first run parses, checks and compiles the index,
        # every later one answers from it (bench/queries.py).
        cache = Path(tempfile.mkdtemp(prefix="cache-", dir=work))
        env = {**env, "IMRNET_CACHE_DIR": str(cache)}
        sys.path.insert(0, str(HERE))
        import queries

        ok = queries.measure(run, python, script, data, size, env, timeout) and ok
        if not measures:
            continue
        wall_load, peak, _, _ = run([python, "-c", load_code, str(data)], env, timeout)
        _, _, _, split_out = run([python, str(HERE / "measures.py"), str(data)], env, timeout)
        split = json.loads(split_out) if split_out.strip() else {}
        _, _, _, plain_out = run([python, str(HERE / "plain_igraph.py"), str(data.parent / "jsonl")],
                                 env, timeout)
        plain = json.loads(plain_out) if plain_out.strip() else {}
        print(f"  {'every record':<13} {_seconds(wall_load)} {peak:9.0f} "
              f"{_seconds(split.get('load', float('inf')))}  reading every link record from the index "
              "(for reference: the measures read its topology arrays instead)")
        big = size >= 100_000
        for name, args in commands.items():
            wall, peak, code, out = run([str(script), *args, "--data", str(data), "--json"], env, timeout)
            measure = split.get(name, float("inf"))
            before = BEFORE.get(size, {}).get(name, "n/a")
            notes = [f"before {_seconds(before).strip()}" if before != "n/a" else "before n/a"]
            if code != 0:
                notes.append(f"exit {code}!")
                ok = False
            if name == "communities" and "louvain" in plain:
                ratio = measure / plain["louvain"]
                verdict = _verdict(ratio, COMMUNITIES_RATIO) if big else "applies at 100k"
                notes.append(f"igraph alone {plain['louvain']:.2f} s, measure/igraph {ratio:.2f} "
                             f"(target <= {COMMUNITIES_RATIO:.0f}: {verdict})")
                ok = ok and (not big or ratio <= COMMUNITIES_RATIO)
            if name == "betweenness" and "betweenness" in plain:
                notes.append(f"igraph alone {plain['betweenness']:.2f} s from {plain['sources']:,} sources")
            if name in SCALE_TARGETS:
                target = SCALE_TARGETS[name]
                if big:
                    notes.append(f"target < {target:.0f} s: measure {_verdict(measure, target)}, "
                                 f"whole process {_verdict(wall, target)}")
                else:
                    notes.append(f"target < {target:.0f} s applies at 100k")
                ok = ok and (not big or measure <= target)
            if name == "stats" and code == 0 and out:
                doc = json.loads(out)
                notes.append(f"diameter {doc['diameter_bounds']}"
                             + (" exact" if doc["diameter_exact"] else " bounds"))
            print(f"  {name:<13} {_seconds(wall)} {peak:9.0f} {_seconds(measure)}  {'; '.join(notes)}")
        if plain:
            print(f"  plain script: JSON Lines read {plain['read']:.2f} s, igraph graph built "
                  f"{plain['build']:.2f} s")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11, help="start-up runs per command (default 11)")
    parser.add_argument("--sizes", default="1000,10000,100000",
                        help="entity counts of the scale runs, comma-separated ('' for none)")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "imrnet-bench",
                        help="where synthetic datasets are cached")
    parser.add_argument("--timeout", type=float, default=900, help="seconds before a process is killed")
    parser.add_argument("--no-measures", action="store_true",
                        help="skip stats, communities and betweenness (queries and loader only)")
    args = parser.parse_args()
    runs = max(1, args.runs)

    python = sys.executable
    script = Path(python).parent / ("imrnet.exe" if os.name == "nt" else "imrnet")
    if not script.exists():
        print(f"bench: console script not found: {script} (pip install -e .)", file=sys.stderr)
        return 2
    env = {k: v for k, v in os.environ.items() if k != "IMRNET_DATA"}
    ok = startup(python, script, runs, env)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    if sizes:
        ok = scale(python, script, sizes, args.work, args.timeout, env, not args.no_measures) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
