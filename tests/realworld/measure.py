"""Agreement of gonogo with the corpus's expectations, alone and in the repository.

    .venv/bin/python -m tests.realworld.measure [--mismatches] [--json FILE] [filter]

Prints expectations matched / total per mode (counting known gaps as mismatches: the figure is
gonogo's, not the suite's), and with --mismatches every mismatch (file, criterion, expected,
actual, message). A filter keeps the cases whose name contains it."""

from __future__ import annotations

import argparse
import json
import sys
import time

from tests.realworld.harness import CORPUS, MODES, cases, known_gaps_markdown, outcomes, recognition_gaps


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("filter", nargs="?", default="")
    parser.add_argument("--mismatches", action="store_true")
    parser.add_argument("--json")
    parser.add_argument("--known-gaps", action="store_true", help="write KNOWN_GAPS.md and stop")
    args = parser.parse_args(argv)
    if args.known_gaps:
        (CORPUS / "KNOWN_GAPS.md").write_text(known_gaps_markdown())
        return 0
    totals = {mode: [0, 0] for mode in MODES}
    rows = []
    for case in cases():
        if args.filter not in case.name:
            continue
        for outcome in outcomes(case):
            totals[case.mode][1] += 1
            totals[case.mode][0] += outcome.matched
            if not outcome.matched or outcome.expectation.known_gap:
                rows.append((case, outcome))
                if args.mismatches:
                    print(
                        f"{'GAP ' if outcome.expectation.known_gap else ''}"
                        f"{'matches' if outcome.matched else 'MISMATCH'} {outcome.line()}",
                        flush=True,
                    )
        silent, _ = recognition_gaps(case)
        for rel in silent:
            print(f"UNRECOGNISED {case.name}: {rel}")
        print(f"done {case.name} {time.strftime('%H:%M:%S')}", file=sys.stderr, flush=True)
    for mode, (matched, total) in totals.items():
        share = f"{100 * matched / total:.1f}%" if total else "-"
        print(f"{mode}: {matched}/{total} expectations matched ({share})")
    if args.json:
        with open(args.json, "w") as handle:
            json.dump(
                [
                    {
                        "case": case.name,
                        "file": o.expectation.file,
                        "item": o.expectation.item,
                        "criterion": o.expectation.criterion,
                        "expected": o.expectation.verdict,
                        "actual": o.actual,
                        "message": o.message,
                        "matched": o.matched,
                        "known_gap": o.expectation.known_gap,
                    }
                    for case, o in rows
                ],
                handle,
                indent=1,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
