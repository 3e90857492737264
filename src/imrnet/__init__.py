"""imrnet: explore a curated network of Russian influence operations.

The package is a library first: :mod:`imrnet.dataset.loader` reads and checks the
dataset, the analysis modules answer questions about it with plain data, and
:mod:`imrnet.cli` is a thin command-line layer over them.

Examples
--------
>>> from imrnet.dataset.loader import load
>>> dataset = load()
>>> dataset.entities["alexander-ionov"].name
'Alexander Ionov'
"""

__version__ = "0.1.0"
