"""The selections the export tests write, with their sizes known by hand.

The small fixture (tests/fixtures/graph/small): 13 entities, 15 links. The
ego network of Malofeev (radius 1) is Malofeev, Tsargrad TV, Big Forum and
Small Club with L1, L2, L4 and L6; the shortest paths from Malofeev to
Alexander Dugin go through Tsargrad (L1 or L2, then L3), Big Forum (L4, L5)
and Small Club (L6, L7): 5 entities, 7 links.
"""

from pathlib import Path

SMALL = Path(__file__).parent / "fixtures" / "graph" / "small"

#: selection name -> (options, entities, links)
SELECTIONS = {
    "all": ([], 13, 15),
    "ego": (["--ego", "Malofeev"], 4, 4),
    "path": (["--path", "Malofeev", "alexander-dugin"], 5, 7),
}
