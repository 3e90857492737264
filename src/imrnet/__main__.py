"""``python -m imrnet`` runs the command-line interface."""

from imrnet.cli import main

main()
