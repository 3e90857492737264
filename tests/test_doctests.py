"""Run the examples in every public docstring of the installed package."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import imrnet

MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(imrnet.__path__, prefix="imrnet.")
    if info.name != "imrnet.__main__"
)


def test_modules_are_found():
    assert "imrnet.dataset.loader" in MODULES and "imrnet.cli.options" in MODULES


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} example(s) failed in {name}"
