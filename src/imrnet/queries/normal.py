"""Names reduced to the form they are compared in: script, case, punctuation and spelling folded.

Examples
--------
>>> normalize("Konstantin Malofeyev") == normalize("Константин Малофеев")
True
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

__all__ = ["fold_word", "normalize"]

# Apostrophes (and the soft/hard signs anyascii renders as ') join letters.
_APOSTROPHES = re.compile(r"['`\u2018\u2019\u02b9\u02bb\u02bc\u00b4]")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
# The dots of single-letter abbreviations: "u.s." reads "us".
_INITIALISM = re.compile(r"\b([a-z0-9])\.(?=[a-z0-9]\.|[a-z0-9]\b)")
_VOWELS = "aeiou"


def fold_word(word: str) -> str:
    """Fold transliteration variants of one lower-case ASCII word.

    The rules, applied in this order:

    1. ``x`` → ``ks`` (Alexander → Aleksander, Alexei → Aleksei);
    2. ``ye`` at the start of a word or after a vowel → ``e``
       (Yevgeny → Evgeny, Malofeyev → Malofeev, Sergeyevich → Sergeevich);
    3. ``yo`` after a consonant → ``e`` (Fyodor → Fedor, Pyotr → Petr);
    4. every other ``y`` → ``i``, then runs of ``i`` collapse to one
       (Sergey/Sergei, Nikolay/Nikolai, Evgeniy/Evgenii/Evgeny, Yuriy/Yuri,
       Chernyy/Cherny);
    5. a final ``ander`` → ``andr`` (Alexander/Aleksandr).

    Examples
    --------
    >>> [fold_word(w) for w in ("alexander", "aleksandr", "alexandr")]
    ['aleksandr', 'aleksandr', 'aleksandr']
    >>> [fold_word(w) for w in ("yevgeny", "evgeny", "evgeniy", "evgenii")]
    ['evgeni', 'evgeni', 'evgeni', 'evgeni']
    >>> fold_word("malofeyev") == fold_word("malofeev")
    True
    >>> fold_word("sergei") == fold_word("sergey"), fold_word("nikolai") == fold_word("nikolay")
    (True, True)
    """
    if "x" not in word and "y" not in word and "ii" not in word:
        # the common case: nothing to fold but perhaps the ending
        return word[:-5] + "andr" if word.endswith("ander") else word
    return _fold_letters(word)


def _fold_letters(word: str) -> str:
    """:func:`fold_word` letter by letter (every rule applied, whatever the word)."""
    word = word.replace("x", "ks")
    out: list[str] = []
    i = 0
    n = len(word)
    while i < n:
        ch = word[i]
        if ch == "y":
            nxt = word[i + 1] if i + 1 < n else ""
            prev = out[-1] if out else ""
            if nxt == "e" and (not prev or prev in _VOWELS):
                i += 1  # drop the y; the e follows
                continue
            if nxt == "o" and prev and prev not in _VOWELS and prev.isalpha():
                out.append("e")
                i += 2
                continue
            ch = "i"
        if ch == "i" and out and out[-1] == "i":
            i += 1
            continue
        out.append(ch)
        i += 1
    folded = "".join(out)
    if folded.endswith("ander"):
        folded = folded[:-5] + "andr"
    return folded


def normalize(text: str) -> str:
    """Reduce a name to the form names are compared in.

    Transliterate to ASCII (Cyrillic to Latin, accents stripped), casefold,
    drop apostrophes and the dots of initialisms (U.S. → us), turn other
    punctuation into spaces, collapse spaces
    and fold transliteration variants word by word (see :func:`fold_word`).

    Parameters
    ----------
    text : str
        A name, alias, id or query.

    Returns
    -------
    str
        Space-separated folded words; empty when the text has no letter or
        digit.

    Examples
    --------
    >>> normalize("Ионов")
    'ionov'
    >>> normalize("Aleksandr  Ionov") == normalize("ALEXANDER IONOV")
    True
    >>> normalize("«Царьград» ТВ")
    'tsargrad tv'
    >>> normalize("Jean-Marie Le Pen")
    'jean marie le pen'
    >>> normalize("U.S.A. / Louis J. Marinelli")
    'usa louis j marinelli'
    >>> normalize("Konstantin Malofeyev") == normalize("Константин Малофеев")
    True
    >>> normalize("  ...  ")
    ''
    """
    text = str(text)
    # names recur across a large dataset; long texts (summaries) are not kept
    return _short(text) if len(text) <= 200 else _normalized(text)


def _normalized(text: str) -> str:
    ascii_text = (text if text.isascii() else anyascii(text)).casefold()
    ascii_text = _APOSTROPHES.sub("", ascii_text)
    ascii_text = _INITIALISM.sub(r"\1", ascii_text)
    words = _NON_ALNUM.sub(" ", ascii_text).split()
    return " ".join(fold_word(w) for w in words)


_short = lru_cache(maxsize=1 << 16)(_normalized)
