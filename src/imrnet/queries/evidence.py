"""How well a tie is established: the evidence score of links, hops and paths.

The **strength** of a link is the weight of its status times a factor for
its sources:

==========  ======  ===================================  ======
status      weight  independent sources                  factor
==========  ======  ===================================  ======
reported    1       two or more                          1
alleged     1/2     one                                  3/4
disputed    1/4
planned     1/8
==========  ======  ===================================  ======

Sources are *independent* when their ids differ, a source read through
another document (its ``cited_in``) counting as that document. So a status
always outweighs the number of sources (a reported link with one source,
3/4, is above an alleged one with many, 1/2), and among links of one
status several sources rank above one.

The strength of a **hop** is that of the best link joining its two
entities; the **evidence score** of a path is the product of its hops'
strengths: 1 when every hop rests on a reported link with several
independent sources, lower for each hop that rests on less. Scores are
exact fractions; they are printed to four places.

Examples
--------
>>> from imrnet.dataset.model import Citation, Dataset, Link, Source
>>> ds = Dataset(sources={"a": Source("a", "A", "P"), "b": Source("b", "B", "P", cited_in="a"),
...                       "c": Source("c", "C", "Q")})
>>> link = Link("x", "p", "q", "funds", "alleged", sources=(Citation("a"), Citation("b")))
>>> independent_sources(link, ds), link_strength(link, ds)
(1, Fraction(3, 8))
>>> strong = Link("y", "p", "q", "funds", "reported", sources=(Citation("a"), Citation("c")))
>>> hop_strength([link, strong], ds), float(path_score([Fraction(3, 8), Fraction(1)]))
(Fraction(1, 1), 0.375)
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction

__all__ = [
    "STATUS_WEIGHTS",
    "ONE_SOURCE",
    "independent_sources",
    "link_strength",
    "hop_strength",
    "path_score",
]

#: Weight of each status in a link's strength.
STATUS_WEIGHTS: dict[str, Fraction] = {
    "reported": Fraction(1),
    "alleged": Fraction(1, 2),
    "disputed": Fraction(1, 4),
    "planned": Fraction(1, 8),
}

#: Factor of a link resting on a single independent source (several: 1).
ONE_SOURCE = Fraction(3, 4)


def independent_sources(link, dataset=None) -> int:
    """Number of distinct documents behind ``link`` (``cited_in`` counts as its citing document).

    Examples
    --------
    >>> from imrnet.dataset.model import Citation, Link
    >>> independent_sources(Link("x", "a", "b", "met", "reported",
    ...                          sources=(Citation("s", "p. 1"), Citation("s", "p. 2"))))
    1
    """
    known = dataset.sources if dataset is not None else {}
    documents = set()
    for citation in link.sources:
        source = known.get(citation.id)
        documents.add(source.cited_in if source is not None and source.cited_in else citation.id)
    return len(documents)


def link_strength(link, dataset=None) -> Fraction:
    """Status weight times the sources factor (see the module notes).

    Examples
    --------
    >>> from imrnet.dataset.model import Citation, Link
    >>> link_strength(Link("x", "a", "b", "met", "disputed", sources=(Citation("s"),)))
    Fraction(3, 16)
    """
    weight = STATUS_WEIGHTS.get(link.status, STATUS_WEIGHTS["planned"])
    return weight * (1 if independent_sources(link, dataset) >= 2 else ONE_SOURCE)


def hop_strength(links: Iterable, dataset=None) -> Fraction:
    """The strength of the best of the links joining two entities (0 when none)."""
    return max((link_strength(link, dataset) for link in links), default=Fraction(0))


def path_score(strengths: Iterable[Fraction]) -> Fraction:
    """The evidence score of a path: the product of its hops' strengths."""
    score = Fraction(1)
    for strength in strengths:
        score *= strength
    return score
