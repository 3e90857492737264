#!/usr/bin/env python3
"""Fetch Cytoscape.js from the npm registry into the package, for `imrnet html`.

Runs ``npm pack cytoscape@VERSION`` in a temporary directory, checks the
tarball's integrity against what npm reports, and copies
``dist/cytoscape.min.js``, its licence and a VERSION file to
``src/imrnet/export/assets/``. The page inlines them, so ``imrnet html``
works offline and imrnet needs no JavaScript tooling at run time.

Usage: python scripts/fetch_cytoscape.py [VERSION]
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VERSION = "3.34.4"
ASSETS = Path(__file__).resolve().parents[1] / "src" / "imrnet" / "export" / "assets"


def main(argv: list[str]) -> int:
    version = argv[1] if len(argv) > 1 else VERSION
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(
            ["npm", "pack", f"cytoscape@{version}", "--json"],
            cwd=tmp, check=True, capture_output=True, text=True,
        ).stdout
        info = json.loads(out)[0]
        with tarfile.open(Path(tmp) / info["filename"]) as tar:
            tar.extractall(tmp, filter="data")
        package = Path(tmp) / "package"
        meta = json.loads((package / "package.json").read_text())
        ASSETS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(package / "dist" / "cytoscape.min.js", ASSETS / "cytoscape.min.js")
        shutil.copyfile(package / "LICENSE", ASSETS / "cytoscape.LICENSE")
        (ASSETS / "cytoscape.VERSION").write_text(
            f"cytoscape {meta['version']} ({meta['license']}) from the npm registry, "
            f"integrity {info['integrity']}\n"
        )
    print(f"cytoscape {meta['version']} -> {ASSETS}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
