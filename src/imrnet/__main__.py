"""``python -m imrnet`` runs the command-line interface."""

from imrnet.console import main

main()
