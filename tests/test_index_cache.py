"""The compiled index: built once, read back equal, never stale, private, cleared."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from imrnet.cli import app
from imrnet.dataset.loader import load
from imrnet.index import cache
from imrnet.index.indexed import IndexedDataset
from imrnet.index.store import write_index

BASIC = Path(__file__).parent / "fixtures" / "records" / "basic"
SCRIPT = Path(sys.executable).parent / "imrnet"
runner = CliRunner()


@pytest.fixture
def data(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(BASIC, target)
    return target


@pytest.fixture(autouse=True)
def empty_cache(tmp_path_factory, monkeypatch):
    """Each test here starts from an empty cache directory of its own."""
    monkeypatch.setenv("IMRNET_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


def indexes() -> list[Path]:
    return sorted(cache.cache_dir().glob("*.sqlite"))


def test_index_reads_back_the_same_dataset(data, tmp_path):
    dataset = load([data])
    write_index(tmp_path / "i.sqlite", dataset, {"x": 1})
    back = IndexedDataset(tmp_path / "i.sqlite")
    assert back.meta == {"x": 1}
    # read one at a time, then all at once
    assert [back.entities[eid] for eid in dataset.entities] == list(dataset.entities.values())
    assert back.sources == dataset.sources
    assert back.entities == dataset.entities
    assert back.links == dataset.links
    assert back.warnings == dataset.warnings and back.directories == dataset.directories
    assert list(back.entities) == list(dataset.entities)  # file order kept


def test_every_dataset_is_indexed_even_a_small_one(data):
    dataset = cache.load_cached([data])
    assert len(indexes()) == 1
    # the first load answers from the index it just wrote, as later ones do
    assert type(dataset).__name__ == "IndexedDataset"
    assert type(cache.load_cached([data])).__name__ == "IndexedDataset"
    assert dict(dataset.entities) == load([data]).entities


def test_second_load_comes_from_the_index(data):
    first = cache.load_cached([data])
    assert first.entities["tsargrad"].name == "Tsargrad TV"
    (index,) = indexes()
    assert stat.S_IMODE(index.stat().st_mode) == 0o600
    assert stat.S_IMODE(cache.cache_dir().stat().st_mode) == 0o700
    # Prove the second answer is read from the index: doctor the index, not the data.
    import sqlite3

    con = sqlite3.connect(index)
    with con:
        con.execute("UPDATE entities SET record = json_set(record, '$[1]', 'From The Index') WHERE id = 'tsargrad'")
    con.close()
    second = cache.load_cached([data])
    assert second.entities["tsargrad"].name == "From The Index"


def _edit(path: Path, old: str, new: str, keep_time: bool) -> None:
    st = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    if keep_time:
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


@pytest.mark.parametrize("keep_time", [False, True], ids=["new-mtime", "same-mtime"])
def test_every_edit_is_seen(data, keep_time):
    cache.load_cached([data])
    # Same length, and (second case) the same modification time: only the hash tells.
    _edit(data / "entities.yaml", "Tsargrad TV", "Tsargrad XY", keep_time)
    assert cache.load_cached([data]).entities["tsargrad"].name == "Tsargrad XY"
    _edit(data / "entities.yaml", "Tsargrad XY", "Tsargrad TV, more", keep_time)
    assert cache.load_cached([data]).entities["tsargrad"].name == "Tsargrad TV, more"
    assert len(indexes()) == 1  # rebuilt in place, not beside


def spy_hash(monkeypatch) -> list[str]:
    """Record which files the freshness check hashes (the real hash still runs)."""
    hashed: list[str] = []
    real = cache._hash
    monkeypatch.setattr(cache, "_hash", lambda p: hashed.append(p.name) or real(p))
    return hashed


def test_unchanged_stamps_are_trusted_without_hashing(data, monkeypatch):
    monkeypatch.setattr(cache, "_RACY_NS", 0)  # no racy window: times are trusted at once
    cache.load_cached([data])
    (index,) = indexes()
    built = index.stat().st_mtime_ns
    hashed = spy_hash(monkeypatch)
    assert cache.load_cached([data]).entities["tsargrad"].name == "Tsargrad TV"
    assert hashed == [] and index.stat().st_mtime_ns == built


def test_added_or_removed_file_rebuilds(data):
    cache.load_cached([data])
    (data / "links.yaml").unlink()
    assert cache.load_cached([data]).links == ()


def test_invalid_data_is_never_indexed(data):
    from imrnet.errors import DatasetError

    _edit(data / "links.yaml", "type: owns", "type: ownz", keep_time=False)
    with pytest.raises(DatasetError):
        cache.load_cached([data])
    assert indexes() == []


def test_broken_index_file_is_rebuilt(data):
    cache.load_cached([data])
    (index,) = indexes()
    index.write_bytes(b"not a database at all")
    assert cache.load_cached([data]).entities["tsargrad"].name == "Tsargrad TV"
    assert index.read_bytes()[:15] == b"SQLite format 3"


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions only")
def test_cache_directory_others_may_write_is_refused(data, capsys):
    os.chmod(cache.cache_dir(), 0o777)
    dataset = cache.load_cached([data])
    assert dataset.entities["tsargrad"].name == "Tsargrad TV"
    assert indexes() == []
    err = capsys.readouterr().err
    assert err.startswith("imrnet: warning: cache directory ") and "is not private to you" in err


def test_cache_command_info_and_clear(data, monkeypatch):
    assert runner.invoke(app, ["show", "tsargrad", "--data", str(data)]).exit_code == 0
    result = runner.invoke(app, ["cache", "--json"])
    assert result.exit_code == 0, result.output
    info = json.loads(result.stdout)
    assert info["directory"] == str(cache.cache_dir())
    assert [(i["entities"], i["links"], i["directories"]) for i in info["indexes"]] == [
        (10, 9, [str(data)])]
    # what killed builds left (their process is gone), and a build under way (this process)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    left = [cache.cache_dir() / f".{'0' * 32}.sqlite.{dead}.tmp{end}" for end in ("", ".names", ".links")]
    building = cache.cache_dir() / f".{'1' * 32}.sqlite.{os.getpid()}.tmp"
    for path in (*left, building):
        path.write_bytes(b"")
    result = runner.invoke(app, ["cache", "clear"])
    assert result.stdout == f"Deleted 1 index file(s) from {cache.cache_dir()}\n"
    assert indexes() == []
    assert list(cache.cache_dir().iterdir()) == [building]
    result = runner.invoke(app, ["cache", "purge"])
    assert result.exit_code == 2
    assert "unknown cache action 'purge'; expected info or clear" in result.stderr


def test_installed_script_uses_and_refreshes_the_index(data, tmp_path):
    env = {**os.environ, "IMRNET_CACHE_DIR": str(tmp_path / "c")}
    # Make the data larger than the threshold with valid padding: sources with long
    # notes, each within the 10,000-character limit on one text.
    text = (data / "sources.yaml").read_text(encoding="utf-8")
    padding = "".join(f"- id: pad-{i}\n  title: Padding\n  publisher: P\n  date: null\n  note: {'x' * 9_000}\n"
                      for i in range(240))
    (data / "sources.yaml").write_text(text.rstrip("\n") + "\n" + padding, encoding="utf-8")

    def show() -> dict:
        done = subprocess.run([str(SCRIPT), "show", "tsargrad", "--data", str(data), "--json"],
                              capture_output=True, text=True, env=env, check=True)
        return json.loads(done.stdout)

    assert show()["name"] == "Tsargrad TV"
    assert len(list((tmp_path / "c").glob("*.sqlite"))) == 1
    _edit(data / "entities.yaml", "Tsargrad TV", "Tsargrad XY", keep_time=True)
    assert show()["name"] == "Tsargrad XY"


def test_touched_file_is_hashed_once_then_trusted(data, monkeypatch):
    monkeypatch.setattr(cache, "_RACY_NS", 0)
    cache.load_cached([data])
    for path in data.iterdir():
        os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    hashed = spy_hash(monkeypatch)
    # Times changed, content did not: each file hashed once, the index kept and restamped.
    assert cache.load_cached([data]).entities["tsargrad"].name == "Tsargrad TV"
    assert sorted(hashed) == ["entities.yaml", "links.yaml", "sources.yaml"]
    hashed.clear()
    assert cache.load_cached([data]).entities["tsargrad"].name == "Tsargrad TV"
    assert hashed == []


def test_cache_table_keeps_headers_and_numbers_whole(data, monkeypatch):
    # the 36-character index names used to squeeze "Entities" into one letter a line
    assert runner.invoke(app, ["show", "tsargrad", "--data", str(data)]).exit_code == 0
    result = runner.invoke(app, ["cache"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    header = next(line for line in result.stdout.splitlines() if "Index" in line)
    assert "Entities" in header and "MB" in header
    info = json.loads(runner.invoke(app, ["cache", "--json"]).stdout)["indexes"][0]
    assert info["built"] in result.stdout
    assert info["file"][:8] in result.stdout
    # the data directory, folded perhaps, but all there
    assert str(data) in "".join(line.split("│")[-2].strip() for line in result.stdout.splitlines()
                                if line.startswith("│"))


def test_index_carries_the_name_index(data, tmp_path):
    from imrnet.queries.names import NameIndex, index_for

    dataset = load([data])
    write_index(tmp_path / "i.sqlite", dataset, {})
    back = IndexedDataset(tmp_path / "i.sqlite")
    fresh = NameIndex(dataset.entities)
    stored = index_for(back)  # looked up in the index's tables, not rebuilt
    assert all(stored._full.get(key) == ids for key, ids in fresh._full.items())
    assert all(stored._surname.get(s) == by_id for s, by_id in fresh._surname.items())
    assert list(stored._surname.values()) == list(fresh._surname.values())
    assert [tuple(pair) for pair in stored._choices] == fresh._choices
    assert stored._full.get("no such name") is None
    assert stored.resolve("Царьград").id == "tsargrad"
    assert stored.resolve("Aleksandr Dugin").id == "alexander-dugin"


@pytest.mark.parametrize("damage", [
    "DROP TABLE search_words",
    "DROP INDEX links_undated",
    "ALTER TABLE links DROP COLUMN account_of",
    "DELETE FROM blobs WHERE name = 'neighbours'",
])
def test_index_of_another_layout_is_rebuilt(data, damage):
    """A file that is an SQLite index but lacks a table, index, column or array is built again."""
    import sqlite3

    cache.load_cached([data])
    (index,) = indexes()
    con = sqlite3.connect(index)
    con.execute(damage)
    con.commit()
    con.close()
    result = runner.invoke(app, ["search", "Tsargrad", "--data", str(data), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["results"][0]["id"] == "tsargrad"
    back = cache.load_cached([data])
    assert type(back).__name__ == "IndexedDataset"  # rebuilt whole, and read
    assert back.entities["tsargrad"].name == "Tsargrad TV"


def _content(path: Path, meta: bool = True) -> dict:
    """Every table of an index file, its schema, and what its word index finds."""
    import sqlite3

    con = sqlite3.connect(path)
    tables = [t for (t,) in con.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_words%'")
        if meta or t != "meta"]
    content = {t: con.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in tables}
    # the word index answers the same prefix queries
    content["words"] = [con.execute(
        "SELECT rowid FROM search_words WHERE search_words MATCH ? ORDER BY rowid", (q,)).fetchall()
        for q in ('"ionov"*', '"tsar"*', '"international movement"*', '"inter"*')]
    content["schema"] = sorted(con.execute("SELECT type, name, tbl_name FROM sqlite_master"))
    con.close()
    return content


def test_index_written_with_a_second_process_is_the_same_file_content(tmp_path, monkeypatch):
    """Above PARALLEL_MIN entities a forked child writes the entities and name tables; the index is identical."""
    from imrnet.dataset.locations import bundled_dir
    from imrnet.index import store

    dataset = load([bundled_dir()])
    contents = []
    for name, least in (("one.sqlite", 10**9), ("two.sqlite", 0)):
        monkeypatch.setattr(store, "PARALLEL_MIN", least)
        write_index(tmp_path / name, dataset, {})
        contents.append(_content(tmp_path / name))
    assert contents[0] == contents[1]
    assert contents[1]["words"][0]  # not vacuous: Ionov is found
    assert len(contents[1]["entities"]) == len(dataset.entities)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["one.sqlite", "two.sqlite"]  # no side file left


def test_a_second_process_that_fails_leaves_its_part_to_the_first(tmp_path, monkeypatch):
    """Faults injected into the children only: the parent writes their parts, the index is the same."""
    from imrnet.dataset.locations import bundled_dir
    from imrnet.index import store

    parent = os.getpid()
    dataset = load([bundled_dir()])
    write_index(tmp_path / "one.sqlite", dataset, {})
    write_table, write_names = store.write_table, store.write_names_and_search

    def failing(real):
        def call(*args, **kwargs):
            if os.getpid() != parent:
                raise OSError("injected fault in a child")
            return real(*args, **kwargs)
        return call

    monkeypatch.setattr(store, "PARALLEL_MIN", 0)
    monkeypatch.setattr(store, "write_table", failing(write_table))
    monkeypatch.setattr(store, "write_names_and_search", failing(write_names))
    write_index(tmp_path / "two.sqlite", dataset, {})
    assert _content(tmp_path / "one.sqlite") == _content(tmp_path / "two.sqlite")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["one.sqlite", "two.sqlite"]


RETRACTIONS = Path(__file__).parent / "fixtures" / "retractions"


@pytest.mark.parametrize("dirs", [[BASIC], [RETRACTIONS / "base", RETRACTIONS / "overlay"]],
                         ids=["plain", "retracted"])
def test_index_begun_while_the_links_are_read_is_the_same(dirs, tmp_path, monkeypatch):
    """The first run starts writing the entities before the links are read: the same index results.

    With a retraction, the entities the child began on are not the dataset's
    in the end (some are replaced): the parent stops it and writes them itself.
    """
    from imrnet.index import store

    contents = []
    for least in (10**9, 0):
        monkeypatch.setattr(store, "PARALLEL_MIN", least)
        monkeypatch.setenv("IMRNET_CACHE_DIR", str(tmp_path / f"cache-{least}"))
        dataset = cache.load_cached(dirs)
        assert dict(dataset.entities) == load(dirs).entities
        (index,) = indexes()
        contents.append(_content(index, meta=False))
        assert [p.name for p in index.parent.iterdir()] == [index.name]
    assert contents[0] == contents[1]
    assert contents[1]["entities"]


def _built_with_and_without_children(dirs: list[Path], tmp_path: Path, monkeypatch) -> list[dict]:
    """The index of ``dirs`` built by one process, then with the children: both contents, and the link rows
    the child writing the links file's later lines had copied in (``None``: it did not)."""
    from imrnet.index import store, tail

    copy_links = store.copy_links
    results = []
    for least in (10**9, 0):
        tails = []
        monkeypatch.setattr(store, "copy_links", lambda *args: (tails.append(args[2]), copy_links(*args)))
        monkeypatch.setattr(store, "PARALLEL_MIN", least)
        monkeypatch.setattr(tail, "MIN_BYTES", least)
        monkeypatch.setenv("IMRNET_CACHE_DIR", str(tmp_path / f"cache-{least}"))
        cache.load_cached(dirs)
        (index,) = indexes()
        assert [p.name for p in index.parent.iterdir()] == [index.name]
        results.append((_content(index, meta=False), tails[0] if tails else None))
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # no child left behind
    return results


def test_link_rows_a_child_wrote_from_the_file_are_the_same(large, tmp_path, monkeypatch):
    """A child reads the later lines of links.jsonl itself and writes their rows: the same index results,
    with blank lines and Windows line ends among them, and links in two directories."""
    links = large / "links.jsonl"
    lines = links.read_bytes().splitlines(keepends=True)
    lines[-40:-40] = [b"\n", b"   \r\n"]
    lines[-20:] = [line.replace(b"\n", b"\r\n") for line in lines[-20:]]
    links.write_bytes(b"".join(lines[:-100]))
    more = tmp_path / "more"
    more.mkdir()
    (more / "links.jsonl").write_bytes(b"".join(lines[-100:]))
    (one, none), (two, first) = _built_with_and_without_children([large, more], tmp_path, monkeypatch)
    assert none is None and first is not None  # the child wrote the rows of more/links.jsonl's later lines
    assert one == two
    assert len(two["links"]) == len(lines) - 2
    before, after = (json.loads(row[1])[13] for row in two["links"][first - 1:first + 1])  # lines in more/links.jsonl
    assert after == before + 1 and after < 61  # the child's part holds the blank lines (61, 62)


def test_a_link_the_fast_path_does_not_build_leaves_the_rows_to_the_parent(large, tmp_path, monkeypatch):
    """A line the precise path must read (a number as a locator) stops the child: the parent writes its rows."""
    links = large / "links.jsonl"
    lines = links.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[-5])
    record["sources"] = [{"id": record["sources"][0]["id"], "locator": 12}]
    lines[-5] = json.dumps(record)
    links.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (one, _), (two, first) = _built_with_and_without_children([large], tmp_path, monkeypatch)
    assert first is None and one == two
    assert json.loads(two["links"][-5][1])[11] == [[record["sources"][0]["id"], "12"]]


def test_a_retracted_link_among_the_childs_lines_leaves_the_rows_to_the_parent(large, tmp_path, monkeypatch):
    """The child wrote a link a retraction withdraws: what it wrote is not the dataset's, the parent writes it."""
    last = json.loads((large / "links.jsonl").read_text(encoding="utf-8").splitlines()[-1])
    overlay = tmp_path / "overlay"
    overlay.mkdir()
    (overlay / "sources.yaml").write_text(
        "- {id: my-check, title: My check, publisher: Me, date: '2026'}\n", encoding="utf-8")
    link_id = f"{last['source']}~{last['type']}~{last['target']}" + (f"~{last['start']}" if "start" in last else "")
    (overlay / "retractions.yaml").write_text(
        f"- {{id: {link_id}, reason: Withdrawn., source: my-check}}\n", encoding="utf-8")
    (one, _), (two, first) = _built_with_and_without_children([large, overlay], tmp_path, monkeypatch)
    assert first is None and one == two
    assert link_id not in {json.loads(row[1])[0] for row in two["links"]}


def test_a_failing_child_leaves_the_link_rows_to_the_parent(large, tmp_path, monkeypatch):
    """A fault injected into the child reading the links file: the parent writes its rows, the index is the same."""
    from imrnet.dataset import jsonl

    parent = os.getpid()
    built_lines = jsonl.built_lines

    def failing(*args):
        for n, link in enumerate(built_lines(*args)):
            if os.getpid() != parent and n == 100:
                raise OSError("injected fault in a child")
            yield link

    monkeypatch.setattr(jsonl, "built_lines", failing)
    (one, _), (two, first) = _built_with_and_without_children([large], tmp_path, monkeypatch)
    assert first is None and one == two


def test_invalid_data_leaves_no_index_and_no_process(data, monkeypatch):
    """The child begun on valid entities is stopped when the links turn out invalid."""
    from imrnet.index import store

    monkeypatch.setattr(store, "PARALLEL_MIN", 0)
    links = data / "links.yaml"
    links.write_text(links.read_text(encoding="utf-8") + "- {source: nobody, target: tsargrad}\n",
                     encoding="utf-8")
    result = runner.invoke(app, ["path", "Tsargrad", "Malofeev", "--data", str(data)])
    assert result.exit_code == 3, result.output
    assert "links.yaml" in result.stderr
    assert list(cache.cache_dir().iterdir()) == []
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # no child left behind, not even a zombie


@pytest.mark.parametrize("broken", ["entities", "links"])
def test_invalid_json_lines_leave_no_index_and_no_process(broken, large, monkeypatch):
    """The child forked before the load to write link rows is stopped, whether it got the entities or not."""
    from imrnet.index import store, tail

    monkeypatch.setattr(store, "PARALLEL_MIN", 0)
    monkeypatch.setattr(tail, "MIN_BYTES", 0)
    with (large / f"{broken}.jsonl").open("a", encoding="utf-8") as handle:
        handle.write('{"id": "x", "source": "nobody"}\n')
    result = runner.invoke(app, ["show", "x", "--data", str(large)])
    assert result.exit_code == 3, result.output
    assert f"{broken}.jsonl" in result.stderr
    assert list(cache.cache_dir().iterdir()) == []
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)


@pytest.fixture
def large(tmp_path, repo_script):
    """A synthetic JSON Lines dataset over the progress bar's size (3,000 entities, 2.5 MB)."""
    from imrnet.output.progress import MIN_BYTES

    module = repo_script("bench/synth.py")
    _, jsonl = module.write(module.generate(3000, seed=2), tmp_path / "synth")
    assert sum(p.stat().st_size for p in jsonl.iterdir()) >= MIN_BYTES
    return jsonl


def _on_a_terminal(argv: list[str], env: dict) -> tuple[subprocess.CompletedProcess, str]:
    """Run the installed script with standard error on a pseudo-terminal: the result and what it drew."""
    import pty

    leader, follower = pty.openpty()
    try:
        result = subprocess.run([str(SCRIPT), *argv], stdout=subprocess.PIPE, stderr=follower,
                                env={**os.environ, **env, "COLUMNS": "100"}, timeout=300)
    finally:
        os.close(follower)
    drawn = b""
    while True:
        try:
            chunk = os.read(leader, 1 << 16)
        except OSError:  # EIO: the terminal's other end is closed and everything was read
            break
        if not chunk:
            break
        drawn += chunk
    os.close(leader)
    return result, drawn.decode("utf-8", "replace")


def test_first_run_on_a_terminal_shows_its_progress(large, tmp_path):
    """The index build draws a bar on a terminal's standard error; standard output stays clean JSON."""
    first_id = json.loads((large / "entities.jsonl").read_text(encoding="utf-8").splitlines()[0])["id"]
    env = {"IMRNET_CACHE_DIR": str(tmp_path / "cache")}
    argv = ["show", first_id, "--data", str(large), "--json"]
    result, drawn = _on_a_terminal(argv, env)
    assert result.returncode == 0
    assert json.loads(result.stdout)["id"] == first_id
    assert "checking the data" in drawn and "writing the index" in drawn
    # warm: nothing to show
    result, drawn = _on_a_terminal(argv, env)
    assert result.returncode == 0 and drawn == ""


def test_progress_leaves_the_build_on_two_processes(large, monkeypatch):
    """The bar refreshes without a thread of its own, so the build still forks its second process."""
    import io

    from rich.console import Console

    from imrnet.index import store, tables, tail
    from imrnet.output.progress import BuildBar

    out = io.StringIO()
    copied, tails = [], []
    copy, copy_links = store.copy_side, store.copy_links
    monkeypatch.setattr(store, "copy_side", lambda *args: (copied.append(True), copy(*args)))
    monkeypatch.setattr(store, "copy_links", lambda *args: (tails.append(args[2]), copy_links(*args)))
    monkeypatch.setattr(store, "PARALLEL_MIN", 0)
    monkeypatch.setattr(tail, "MIN_BYTES", 0)
    monkeypatch.setattr(tables, "TICK", 1000)
    dataset = cache.load_cached([large], progress=lambda: BuildBar(Console(file=out, force_terminal=True)))
    assert copied == [True]  # the side files of the second processes were copied in
    (parent_rows,) = tails
    assert abs(parent_rows / len(dataset.links) - (1 - tail.SHARE)) < 0.05  # the child wrote the later lines
    assert len(dataset.entities) == 3000
    assert "checking the data" in out.getvalue()
    # the parent's share of the link rows counts up as it is written
    assert f"writing the index: links, 1,000 of {parent_rows:,}" in out.getvalue()
    assert "writing the index: finishing" in out.getvalue()
    # every byte of the data files was counted: the bar reached its total
    sizes = sum(p.stat().st_size for p in large.iterdir())
    assert f"{sizes / 1e6:.1f}/{sizes / 1e6:.1f} MB" in out.getvalue()


def test_a_child_that_never_got_the_entities_is_stopped(large, tmp_path):
    """The child forked before the load waits for the checked entities: without them, finishing stops it."""
    from imrnet.index.store import IndexWriter

    dataset = load([large])
    path = tmp_path / "index" / "index.sqlite"
    path.parent.mkdir()
    with IndexWriter(path) as writer:
        writer.prepare((large / "links.jsonl", str(large / "links.jsonl"), str(large)))
        writer.finish(dataset, {})  # no start(): the child never hears of the entities
    assert IndexedDataset(path).links == dataset.links
    assert [p.name for p in path.parent.iterdir()] == ["index.sqlite"]
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)


@pytest.mark.parametrize("argv, code", [(["show", "{first}", "--json"], 0), (["show", "nobody-at-all"], 2)])
def test_a_build_that_leaves_its_records_in_memory_ends_at_once(argv, code, large, tmp_path):
    """Above LEAVE_FROM links the first run ends without freeing the records it read: the same output and code."""
    first_id = json.loads((large / "entities.jsonl").read_text(encoding="utf-8").splitlines()[0])["id"]
    argv = [a.format(first=first_id) for a in argv] + ["--data", str(large)]
    script = ("import sys; import imrnet.index.cache as cache; cache.LEAVE_FROM = 1; "
              "sys.argv = ['imrnet', *sys.argv[1:]]; from imrnet.console import main; main()")
    env = {**os.environ, "IMRNET_CACHE_DIR": str(tmp_path / "cache")}
    left = subprocess.run([sys.executable, "-c", script, *argv], capture_output=True, text=True, env=env,
                          timeout=300)
    freed = subprocess.run([str(SCRIPT), *argv], capture_output=True, text=True, env=env, timeout=300)  # warm
    assert (left.returncode, left.stdout, left.stderr) == (freed.returncode, freed.stdout, freed.stderr)
    assert left.returncode == code
    assert (json.loads(left.stdout)["id"] == first_id) if code == 0 else "nobody-at-all" in left.stderr
