"""A store writer run as a child process by the crash and concurrency tests.

Usage: python writer.py COUNT TAG. Prints each record's number after its
insert has returned, so the parent knows which writes must survive a kill.
"""

import sys

from coach.context import Context


def main() -> None:
    count, tag = int(sys.argv[1]), sys.argv[2]
    records = Context.load(lang="en").store.collection("checkins")
    for n in range(count):
        records.insert({"tag": tag, "n": n, "note": "x" * 200})
        print(n, flush=True)


if __name__ == "__main__":
    main()
