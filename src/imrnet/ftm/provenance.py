"""Where imported records come from: FtM provenance as imrnet sources.

Each FtM dataset named in a stream (OpenSanctions' ``datasets`` key, else the
name given to the import) becomes a source ``ftm-NAME``; each ``publisher``
an entity names becomes a source of its own, cited in its dataset's. Every
record cites them, with its ``sourceUrl`` as the locator.

Examples
--------
>>> book = SourceBook("standard input")
>>> book.cite(("kek",), {"sourceUrl": ["http://kek.example/1"]}, "ftm")
[{'id': 'ftm-kek', 'locator': 'http://kek.example/1'}]
>>> book.cite((), {"publisher": ["OFAC"]}, "ftm")
['ftm-ftm-ofac']
>>> [(s["id"], s.get("cited_in")) for s in book.records()]
[('ftm-kek', None), ('ftm-ftm', None), ('ftm-ftm-ofac', 'ftm-ftm')]
"""

from __future__ import annotations

from imrnet.ftm.convert import first, slug

__all__ = ["SourceBook"]


class SourceBook:
    """The sources an import creates, made once each, in order of first use."""

    def __init__(self, shown: str) -> None:
        self.shown = shown
        self._ids: dict[tuple[str, str | None], str] = {}
        self._records: dict[str, dict] = {}

    def _new_id(self, base: str) -> str:
        candidate, number = base, 2
        while candidate in self._records:
            candidate, number = f"{base}-{number}", number + 1
        return candidate

    def dataset(self, name: str) -> str:
        """The source id of an FtM dataset."""
        key = (name, None)
        if key not in self._ids:
            sid = self._new_id(f"ftm-{slug(name) or 'dataset'}")
            self._ids[key] = sid
            self._records[sid] = {
                "id": sid,
                "title": f"FollowTheMoney dataset '{name}'",
                "publisher": "unknown",
                "date": None,
                "note": f"Imported from {self.shown} with 'imrnet import ftm'; "
                "the stream names the dataset, not who published it.",
            }
        return self._ids[key]

    def publisher(self, dataset: str, name: str, url: str | None) -> str:
        """The source id of a publisher named in a dataset."""
        key = (dataset, name)
        if key not in self._ids:
            parent = self.dataset(dataset)
            sid = self._new_id(f"{parent}-{slug(name)[:60].strip('-') or 'publisher'}")
            self._ids[key] = sid
            record = {"id": sid, "title": name, "publisher": name, "date": None}
            if url:
                record["url"] = url
            record["note"] = f"Named as publishing source in FollowTheMoney dataset '{dataset}'."
            record["cited_in"] = parent
            self._records[sid] = record
        return self._ids[key]

    def cite(self, datasets: tuple[str, ...], props: dict, default: str) -> list:
        """The citations of one record: its datasets (or publishers), located by ``sourceUrl``."""
        ids = []
        for name in datasets or (default,):
            publishers = props.get("publisher", [])
            if publishers:
                url = first(props, "publisherUrl")
                ids.extend(self.publisher(name, p, url) for p in publishers)
            else:
                ids.append(self.dataset(name))
        urls = props.get("sourceUrl") or [None]
        return [{"id": sid, "locator": url} if url else sid for sid in dict.fromkeys(ids) for url in urls]

    def records(self) -> list[dict]:
        """Every source made, as ``sources.jsonl`` lines."""
        return list(self._records.values())

    def __len__(self) -> int:
        return len(self._records)
