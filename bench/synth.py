"""Seeded synthetic datasets in imrnet's schema, for benchmarks (not tests).

A realistic stand-in for a large influence network: people with Russian and
European names (Cyrillic aliases for the Russian ones), organizations,
companies, public bodies, media and events with plausible names, dates of
birth, founding and meeting, link types that fit the two ends' types,
statuses in realistic shares (accusations never ``reported``), start and
end dates, and sources with locators.

Structure: about 3 links per entity (``--links-per-entity``), degrees
heavy-tailed (each entity draws a Pareto weight; a few dozen hubs, mostly
events, media and large organizations, weigh far more), and clustered:
entities belong to groups of 20 to 400 and four links in five stay inside
the group, so community detection has structure to find.

The same records are written twice, in two directories:
``OUT/yaml/{sources,entities,links}.yaml`` and
``OUT/jsonl/{sources,entities,links}.jsonl`` (one JSON object a line, with
exactly the YAML records' fields). The output is a pure function of the
arguments: the same seed gives the same bytes.

Usage: ``python bench/synth.py OUT --entities 100000 [--seed 1]``
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import json
import random
import sys
from pathlib import Path

__all__ = ["generate", "write"]

FIRST_RU = [
    ("Aleksandr", "Александр"), ("Sergey", "Сергей"), ("Dmitry", "Дмитрий"), ("Andrey", "Андрей"),
    ("Alexey", "Алексей"), ("Maxim", "Максим"), ("Vladimir", "Владимир"), ("Konstantin", "Константин"),
    ("Nikolay", "Николай"), ("Igor", "Игорь"), ("Oleg", "Олег"), ("Pavel", "Павел"),
    ("Yuri", "Юрий"), ("Mikhail", "Михаил"), ("Viktor", "Виктор"), ("Anna", "Анна"),
    ("Elena", "Елена"), ("Olga", "Ольга"), ("Tatiana", "Татьяна"), ("Maria", "Мария"),
    ("Natalia", "Наталья"), ("Irina", "Ирина"), ("Svetlana", "Светлана"), ("Ekaterina", "Екатерина"),
]
LAST_RU = [
    ("Ivanov", "Иванов"), ("Smirnov", "Смирнов"), ("Kuznetsov", "Кузнецов"), ("Popov", "Попов"),
    ("Volkov", "Волков"), ("Sokolov", "Соколов"), ("Lebedev", "Лебедев"), ("Kozlov", "Козлов"),
    ("Novikov", "Новиков"), ("Morozov", "Морозов"), ("Petrov", "Петров"), ("Orlov", "Орлов"),
    ("Belov", "Белов"), ("Zaitsev", "Зайцев"), ("Medvedev", "Медведев"), ("Egorov", "Егоров"),
    ("Frolov", "Фролов"), ("Gusev", "Гусев"), ("Tarasov", "Тарасов"), ("Baranov", "Баранов"),
]
FIRST_EU = ["Jean", "Marie", "Luca", "Giulia", "Hans", "Petra", "Nikolai", "Ivana", "Marek",
            "Zsofia", "Georgi", "Elena", "Pierre", "Sofia", "Tomas", "Anja", "Milan", "Lucia"]
LAST_EU = ["Dupont", "Rossi", "Muller", "Novak", "Kovacs", "Georgiev", "Popescu", "Horvat",
           "Janssen", "Nowak", "Schmidt", "Bianchi", "Dimitrov", "Lefevre", "Varga", "Markovic"]
COUNTRIES = ["RU", "RU", "RU", "RU", "BY", "RS", "BG", "HU", "IT", "FR", "DE", "AT", "GR", "SK",
             "CZ", "MD", "GE", "AM", "KZ", "SY", "VE", "CF", "ML", "US", "GB", "ES"]
ADJECTIVES = ["Eurasian", "International", "Russian", "Slavic", "Orthodox", "Sovereign",
              "Continental", "Northern", "Patriotic", "Traditional", "Global", "Balkan",
              "Danube", "Volga", "Baltic", "Caspian", "United", "Free"]
NOUNS = ["Youth", "Dialogue", "Unity", "Heritage", "Future", "Friendship", "Values", "Solidarity",
         "Cooperation", "Development", "Renaissance", "Brotherhood", "Alliance", "Initiative"]
KIND_WORDS = {
    "organization": ["Movement", "Foundation", "Union", "Society", "Council", "Centre", "Institute"],
    "company": ["Holding", "Capital", "Trading", "Energy", "Consulting", "Logistics", "Media Holding"],
    "public_body": ["Ministry", "Agency", "Committee", "Service", "Directorate", "Court"],
    "media": ["TV", "Daily", "News", "Review", "Radio", "Herald", "Channel"],
    "event": ["Forum", "Congress", "Conference", "Summit", "Festival", "Exhibition"],
}
SUFFIX = {"company": ["LLC", "JSC", "Ltd", "AG", "SRL"]}
CITIES = ["Moscow", "Saint Petersburg", "Belgrade", "Sofia", "Budapest", "Vienna", "Rome",
          "Paris", "Berlin", "Minsk", "Chisinau", "Athens", "Damascus", "Caracas", "Bangui"]
PUBLISHERS = ["Meduza", "The Insider", "Reuters", "BBC", "OCCRP", "Bellingcat", "Le Monde",
              "Der Spiegel", "US Treasury", "EU Official Journal", "El Mundo", "The Bell"]
ROLES = ["chairman", "director", "founder", "board member", "deputy", "adviser", "spokesperson"]

# Entity types and their shares.
TYPES = [("person", 0.55), ("organization", 0.15), ("company", 0.14), ("media", 0.05),
         ("event", 0.08), ("public_body", 0.03)]

# Link types that fit a (source type, target type) pair.
P, O, C, B, M, E = "person", "organization", "company", "public_body", "media", "event"
ORGS = (O, C, M)
FITS: dict[tuple[str, str], list[str]] = {}
for org in ORGS:
    FITS[(P, org)] = ["member_of", "leads", "officer_of", "founded", "supports", "represents"]
    FITS[(org, P)] = ["employs", "funds", "supports"]
    FITS[(B, org)] = ["sanctioned", "designated", "charged", "contracted", "registered_with"]
    FITS[(org, B)] = ["registered_with", "complained_to", "acted_for"]
    FITS[(org, E)] = ["organized", "attended", "funds"]
    FITS[(E, org)] = ["founded_at"]
    for other in ORGS:
        FITS[(org, other)] = ["owns", "controls", "part_of", "funds", "cooperates_with", "operates"]
FITS[(P, P)] = ["met", "associate", "family", "advocated_for", "supports", "clashed_with"]
FITS[(P, E)] = ["attended", "spoke_at", "organized", "attended", "spoke_at"]
FITS[(E, P)] = ["attended"]  # read backwards below
FITS[(P, B)] = ["officer_of", "leads", "complained_to", "acted_for"]
FITS[(B, P)] = ["sanctioned", "charged", "appointed", "awarded", "banned_entry", "accused"]
FITS[(B, B)] = ["part_of", "cooperates_with", "sanctioned"]
FITS[(B, E)] = ["organized", "attended"]
FITS[(E, B)] = ["attended"]
FITS[(E, E)] = ["part_of"]
for org in ORGS:
    FITS[(M, org)] = FITS[(M, org)] + ["reported_on"]
FITS[(M, P)] = FITS[(M, P)] + ["reported_on", "reported_on"]
FITS[(M, B)] = FITS[(M, B)] + ["reported_on"]
FITS[(M, E)] = FITS[(M, E)] + ["reported_on"]
# Where the natural reading goes the other way, the generator swaps the ends.
SWAP = {(E, P), (E, B), *((E, org) for org in ORGS)}
ACCUSATIONS = {"charged", "accused", "acted_for"}
ACTS = {"founded", "founded_at", "funds", "contracted", "organized", "attended", "spoke_at", "met",
        "clashed_with", "appointed", "awarded", "sanctioned", "banned_entry", "charged",
        "accused", "designated", "complained_to", "reported_on"}
SYMMETRIC = {"family", "associate", "met", "cooperates_with", "clashed_with"}


def _slug(text: str) -> str:
    out = "".join(ch.lower() if ch.isalnum() and ch.isascii() else "-" for ch in text)
    return "-".join(part for part in out.split("-") if part)


def _date(rng: random.Random, first: int, last: int) -> str:
    year = rng.randint(first, last)
    precision = rng.random()
    if precision < 0.3:
        return str(year)
    month = rng.randint(1, 12)
    if precision < 0.6:
        return f"{year}-{month:02d}"
    return f"{year}-{month:02d}-{rng.randint(1, 28):02d}"


def _entity(rng: random.Random, kind: str, number: int, sources: list[str]) -> dict:
    record: dict = {}
    aliases: list[str] = []
    if kind == "person":
        if rng.random() < 0.7:
            (first, first_cy), (last, last_cy) = rng.choice(FIRST_RU), rng.choice(LAST_RU)
            if first.endswith("a") and not last.endswith("a"):
                last, last_cy = last + "a", last_cy + "а"
            aliases = [f"{first_cy} {last_cy}", last]
        else:
            first, last = rng.choice(FIRST_EU), rng.choice(LAST_EU)
            aliases = [last]
        name = f"{first} {last}"
    else:
        words = [rng.choice(ADJECTIVES), rng.choice(NOUNS), rng.choice(KIND_WORDS[kind])]
        if kind == "public_body":
            words = [rng.choice(KIND_WORDS[kind]), "of", rng.choice(NOUNS), "Affairs"]
        if kind == "event":
            year = rng.randint(2005, 2024)
            words.append(str(year))
        if kind in SUFFIX:
            words.append(rng.choice(SUFFIX[kind]))
        name = " ".join(words)
        initials = "".join(w[0] for w in words if w[0].isupper())
        aliases = [initials] if len(initials) > 2 else []
    record["id"] = f"{_slug(name)}-{number}"
    record["name"] = name
    record["type"] = kind
    if aliases:
        record["aliases"] = aliases
    record["country"] = rng.choice(COUNTRIES)
    if kind == "person":
        record["born"] = _date(rng, 1940, 1998)
    elif kind == "event":
        record["date"] = _date(rng, year, year)
        record["place"] = rng.choice(CITIES)
    elif rng.random() < 0.6:
        record["founded"] = _date(rng, 1991, 2022)
    if rng.random() < 0.3:
        record["summary"] = f"Synthetic {kind.replace('_', ' ')} number {number} of the benchmark."
    record["sources"] = [{"id": rng.choice(sources), "locator": f"para. {rng.randint(1, 40)}"}]
    return record


def _weights(rng: random.Random, kinds: list[str], hubs: int) -> list[float]:
    weights = [rng.paretovariate(1.6) for _ in kinds]
    hubbish = [i for i, k in enumerate(kinds) if k in ("event", "media", "organization", "public_body")]
    for i in rng.sample(hubbish, min(hubs, len(hubbish))):
        weights[i] *= rng.uniform(50, 400)
    return weights


def generate(entities: int, seed: int = 1, links_per_entity: float = 3.0) -> dict[str, list[dict]]:
    """The records of a synthetic dataset: ``{"sources": [...], "entities": [...], "links": [...]}``.

    Examples
    --------
    >>> d = generate(300, seed=2)
    >>> len(d["entities"]), 850 < len(d["links"]) <= 900
    (300, True)
    >>> generate(50, seed=3) == generate(50, seed=3)
    True
    """
    rng = random.Random(seed)
    n_sources = max(3, entities // 25)
    sources = []
    for i in range(n_sources):
        publisher = rng.choice(PUBLISHERS)
        sources.append({
            "id": f"src-{i:06d}",
            "title": f"{publisher} report {i}: {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} network",
            "publisher": publisher,
            "date": _date(rng, 2010, 2025) if rng.random() < 0.9 else None,
            "url": f"https://example.org/{_slug(publisher)}/{i}",
        })
    source_ids = [s["id"] for s in sources]
    type_names = [t for t, _ in TYPES]
    type_weights = [w for _, w in TYPES]
    kinds = rng.choices(type_names, type_weights, k=entities)
    records = [_entity(rng, kind, i, source_ids) for i, kind in enumerate(kinds)]
    weights = _weights(rng, kinds, hubs=max(3, entities // 2000))

    # Groups of 20-400 consecutive entities; 80 % of links stay inside one.
    groups, start = [], 0
    while start < entities:
        size = min(entities - start, int(rng.uniform(20, 400)))
        groups.append((start, start + size))
        start += size
    group_of = [0] * entities
    for g, (a, b) in enumerate(groups):
        for i in range(a, b):
            group_of[i] = g
    cumulative = list(itertools.accumulate(weights))

    def draw(lo: int, hi: int) -> int:
        base = cumulative[lo - 1] if lo else 0.0
        x = base + rng.random() * (cumulative[hi - 1] - base)
        return min(bisect.bisect_left(cumulative, x, lo, hi), hi - 1)

    links, seen = [], set()
    wanted = int(entities * links_per_entity)
    attempts = 0
    while len(links) < wanted and attempts < wanted * 4:
        attempts += 1
        a = draw(0, entities)
        if rng.random() < 0.8:
            b = draw(*groups[group_of[a]])
        else:
            b = draw(0, entities)
        if a == b:
            continue
        pair = (kinds[a], kinds[b])
        if pair not in FITS:
            a, b = b, a
            pair = (kinds[a], kinds[b])
        if pair not in FITS:
            continue
        kind = rng.choice(FITS[pair])
        if pair in SWAP:
            a, b = b, a
        source, target = records[a]["id"], records[b]["id"]
        link_start = _date(rng, 1995, 2024) if rng.random() < 0.75 else None
        key = (source, kind, target, link_start)
        if key in seen or (kind in SYMMETRIC and (target, kind, source, link_start) in seen):
            continue
        seen.add(key)
        if kind in ACCUSATIONS:
            status = "alleged" if rng.random() < 0.8 else "disputed"
        else:
            status = rng.choices(["reported", "alleged", "disputed", "planned"], [75, 15, 7, 3])[0]
        link: dict = {"source": source, "target": target, "type": kind, "status": status}
        if link_start:
            link["start"] = link_start
            if kind not in ACTS and rng.random() < 0.3:
                year = int(link_start[:4])
                link["end"] = str(rng.randint(year + 1, 2025))
        if kind in ("leads", "officer_of", "member_of", "employs") and rng.random() < 0.4:
            link["role"] = rng.choice(ROLES)
        if kind in ("funds", "contracted") and rng.random() < 0.5:
            link["amount"] = rng.randint(1, 500) * 10_000
            link["currency"] = rng.choice(["RUB", "USD", "EUR"])
        link["sources"] = [
            {"id": rng.choice(source_ids), "locator": f"para. {rng.randint(1, 40)}"}
            for _ in range(1 if rng.random() < 0.8 else 2)
        ]
        links.append(link)
    # Cite every source at least once, so validation stays quiet.
    for i, sid in enumerate(source_ids):
        records[i % entities]["sources"].append({"id": sid, "locator": "cited"})
    return {"sources": sources, "entities": records, "links": links}


def _yaml_value(value, indent: str) -> str:
    if isinstance(value, list):
        if all(isinstance(v, dict) for v in value):
            return "\n" + "".join(
                f"{indent}  - {{{', '.join(f'{k}: {json.dumps(x, ensure_ascii=False)}' for k, x in v.items())}}}\n"
                for v in value
            ).rstrip("\n")
        return " [" + ", ".join(json.dumps(v, ensure_ascii=False) for v in value) + "]"
    if value is None:
        return " null"
    return " " + json.dumps(value, ensure_ascii=False)


def _yaml(records: list[dict], title: str) -> str:
    parts = [f"# {title} of a synthetic benchmark dataset (bench/synth.py).\n"]
    for record in records:
        lines = []
        for i, (key, value) in enumerate(record.items()):
            lead = "- " if i == 0 else "  "
            lines.append(f"{lead}{key}:{_yaml_value(value, '')}")
        parts.append("\n" + "\n".join(lines) + "\n")
    return "".join(parts)


def write(data: dict[str, list[dict]], out: Path) -> tuple[Path, Path]:
    """Write ``data`` as ``out/yaml/*.yaml`` and ``out/jsonl/*.jsonl``; return the two directories."""
    yaml_dir, jsonl_dir = out / "yaml", out / "jsonl"
    for d in (yaml_dir, jsonl_dir):
        d.mkdir(parents=True, exist_ok=True)
    for name in ("sources", "entities", "links"):
        (yaml_dir / f"{name}.yaml").write_text(_yaml(data[name], name.capitalize()), encoding="utf-8")
        with open(jsonl_dir / f"{name}.jsonl", "w", encoding="utf-8") as fh:
            for record in data[name]:
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return yaml_dir, jsonl_dir


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="directory to write yaml/ and jsonl/ into")
    parser.add_argument("--entities", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--links-per-entity", type=float, default=3.0)
    args = parser.parse_args()
    data = generate(args.entities, args.seed, args.links_per_entity)
    yaml_dir, jsonl_dir = write(data, args.out)
    print(f"{len(data['entities'])} entities, {len(data['links'])} links, "
          f"{len(data['sources'])} sources -> {yaml_dir}, {jsonl_dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
