"""Check the language data files (gazetteer, titles) and print one line per problem.

    python scripts/check_lexicons.py [DATA_DIR]

DATA_DIR defaults to warta/lang/id. Exit status 1 when a problem is found.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from warta.lang.gazetteer_check import check_all


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    data_dir = Path(args[0]) if args else REPO / "warta" / "lang" / "id"
    problems = check_all(data_dir)
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s) in {data_dir}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
