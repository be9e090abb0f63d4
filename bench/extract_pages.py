"""Extract every file of some directories and print how many tasks were found: the command
two code versions are timed with, side by side (``farm-bench --vs``). Not a test.

    python bench/extract_pages.py                        # ../shared/realdocs and data/corpus
    python bench/extract_pages.py DIR [DIR ...]          # other folders (generated plans …)

    farm-bench -n 5 --vs "env PYTHONPATH=OLD python bench/extract_pages.py" \\
        -- env PYTHONPATH=. python bench/extract_pages.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from loaders.extract import extract_file

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = (ROOT.parent / "shared" / "realdocs", ROOT / "data" / "corpus")


def main(argv: list[str]) -> int:
    folders = [Path(a) for a in argv] or [d for d in DEFAULT if d.is_dir()]
    tasks = 0
    for folder in folders:
        for path in sorted(p for p in folder.iterdir() if p.is_file()):
            tasks += len(extract_file(path).tasks)
    print(tasks)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
