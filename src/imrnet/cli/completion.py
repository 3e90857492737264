"""Shell completion of entity names: any case, any script, quoted for the shell.

What is typed is compared with every id, name and alias of the dataset
ignoring case (``ion`` offers ``Ionov``, ``алекс`` offers ``Александр
Ионов``); when nothing starts with it, with the words of each name after
transliteration (``Ион`` offers ``Alexander Ionov``). Bash inserts a completion as it is, so for bash a name
with spaces or shell characters comes back escaped (``Alexander\\ Ionov``);
zsh and fish quote completions themselves. Typer would keep only
candidates that start with the typed text as typed (case included), so
:func:`complete` hands the shell imrnet's own candidates unfiltered. zsh filters candidates by its
own matcher, case-sensitive unless configured
(``zstyle ':completion:*' matcher-list 'm:{a-zA-Z}={A-Za-z}'``).

Examples
--------
>>> from imrnet.dataset.examples import tiny_dataset
>>> candidates(tiny_dataset(), "ALEX")
['Alexander Ionov', 'alexander-ionov']
>>> candidates(tiny_dataset(), "алекс")
['Александр Ионов']
>>> candidates(tiny_dataset(), "Ион")
['Alexander Ionov', 'alexander-ionov', 'Александр Ионов']
>>> candidates(tiny_dataset(), "alexander i", shell="bash")
['Alexander\\\\ Ionov']
"""

from __future__ import annotations

import os
import re

__all__ = ["candidates", "shell_name", "escape_for_bash", "complete"]

# Characters bash reads literally in a word; anything else is escaped.
_PLAIN = re.compile(r"[\w.,:@%+=/-]")


def shell_name() -> str | None:
    """The shell asking for completions (``bash``, ``zsh``, ``fish``...), if any."""
    value = os.environ.get("_IMRNET_COMPLETE", "")
    return value.split("_", 1)[1] if value.startswith("complete_") else None


def escape_for_bash(text: str) -> str:
    """Backslash every character bash would not take literally.

    Examples
    --------
    >>> escape_for_bash("Alexander Ionov"), escape_for_bash("O'Neil (DOJ)")
    ('Alexander\\\\ Ionov', "O\\\\'Neil\\\\ \\\\(DOJ\\\\)")
    """
    return "".join(ch if _PLAIN.match(ch) else "\\" + ch for ch in text)


def candidates(dataset, incomplete: str, shell: str | None = None) -> list[str]:
    """The ids, names and aliases that begin with ``incomplete``, sorted.

    A candidate fits when it starts with the typed text, ignoring case.
    When none does, a candidate fits when one of its words starts with the
    typed text after both are normalized (:func:`imrnet.queries.names.normalize`:
    any script, the usual transliterations), so ``Ион`` offers ``Alexander
    Ionov`` even where no alias is written in Cyrillic.
    """
    from imrnet.queries.names import normalize

    names = [c for e in dataset.entities.values() for c in (e.id, e.name, *e.aliases)]
    typed = incomplete.casefold()
    found = {c for c in names if c.casefold().startswith(typed)}
    folded = normalize(incomplete)
    if not found and folded:
        found = {c for c in names if (" " + normalize(c)).find(" " + folded) >= 0}
    ordered = sorted(found, key=lambda c: (c.casefold(), c))
    if shell == "bash":
        return [escape_for_bash(c) for c in ordered]
    return ordered


def complete(app, prog_name: str = "imrnet") -> None:
    """Answer the shell's completion request with imrnet's own candidates.

    Builds the Click command from the Typer ``app`` and, for every
    parameter with a completion callback, drops Typer's case-sensitive
    prefix filter (the callbacks filter themselves); then runs it.
    """
    import typer.main

    command = typer.main.get_command(app)
    for sub in [command, *getattr(command, "commands", {}).values()]:
        for param in sub.params:
            _unfilter(param)
    command(prog_name=prog_name)


def _unfilter(param) -> None:
    wrapped = getattr(param, "_custom_shell_complete", None)
    cells = dict(zip(getattr(getattr(wrapped, "__code__", None), "co_freevars", ()),
                     getattr(wrapped, "__closure__", None) or ()))
    inner = cells.get("autocompletion")
    if inner is None:
        return  # not Typer's filtering wrapper: leave it
    callback = inner.cell_contents

    def unfiltered(ctx, param, incomplete, callback=callback):
        from typer._click.shell_completion import CompletionItem

        return [CompletionItem(c[0], help=c[1]) if isinstance(c, tuple) else CompletionItem(c)
                for c in callback(ctx, [], incomplete)]

    param._custom_shell_complete = unfiltered
