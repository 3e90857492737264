"""A tiny dataset that docstring examples can rely on, whatever the bundled data says."""

from __future__ import annotations

from imrnet.dataset.model import Citation, Dataset, Entity, Link, Source

__all__ = ["tiny_dataset"]


def tiny_dataset() -> Dataset:
    """A tiny dataset (two entities, an event, two links) for examples.

    Examples
    --------
    >>> sorted(tiny_dataset().entities)
    ['agmr', 'alexander-ionov', 'imr-congress']
    """

    wiki, article = Citation("wiki-ionov"), Citation("imr-article", "p. 2")
    people = [
        Entity("alexander-ionov", "Alexander Ionov", "person", aliases=("Александр Ионов",),
               countries=("RU",), born="1989", sources=(wiki,)),
        Entity("agmr", "Anti-Globalization Movement of Russia", "organization",
               aliases=("AGMR", "АГМР"), countries=("RU",), founded="2012",
               summary="Movement led by Alexander Ionov.", tags=("ionov-network",),
               sources=(wiki, article)),
        Entity("imr-congress", "IMR congress", "event", date="2023-03-14", place="Moscow",
               sources=(article,)),
    ]
    links = (
        Link("ionov-leads-agmr", "alexander-ionov", "agmr", "leads", "reported", start="2012",
             sources=(wiki,)),
        Link("agmr-organized-congress", "agmr", "imr-congress", "organized", "reported",
             start="2023-03", sources=(article,)),
    )
    return Dataset(
        sources={
            "wiki-ionov": Source("wiki-ionov", "Alexander Ionov", "Wikipedia"),
            "imr-article": Source("imr-article", "Movement of Russophiles", "Example Review"),
        },
        entities={e.id: e for e in people},
        links=links,
    )
