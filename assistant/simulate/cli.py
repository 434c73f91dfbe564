"""``koers simulate``: run generated conversations, print counts per failure kind, write the report."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from assistant.simulate.conversation import Machine, Reader, parser_reader, simulate
from assistant.simulate.invariants import Violation, check
from assistant.simulate.people import generate_people
from assistant.simulate.report import render, transcript_lines
from assistant.simulate.run import MachineMissing, load_machine, newest_model, nlu_reader, print_progress, run_many


def show_one(seed: int, pid: int, machine: Machine, reader: Reader | None, today: date, typo_rate: float) -> int:
    """Replay one person's conversation and print it with its violations (a reproduction)."""
    person = generate_people(pid + 1, seed, typo_rate)[pid]
    transcript = simulate(person, machine, reader or parser_reader(machine), today)
    violations = check(transcript)
    for v in violations or [Violation("ok", "geen fouten")]:
        print("\n".join(transcript_lines(transcript, v, all_turns=True)))
    return 1 if violations else 0


def cli_simulate(args: argparse.Namespace) -> int:
    try:
        machine = load_machine()
    except MachineMissing as exc:
        print(f"Simulatie kan niet: {exc}", file=sys.stderr)
        return 2
    reader = None
    mode = "parser"
    if args.nlu:
        model = Path(args.model) if args.model else newest_model()
        if model is None or not model.exists():
            print("Geen getraind model in models/: NLU-modus overgeslagen. Draai eerst 'koers train'.",
                  file=sys.stderr)
            return 0
        print(f"Model laden: {model}", file=sys.stderr, flush=True)
        reader = nlu_reader(machine, model)
        mode = str(model)
    today = date.fromisoformat(args.date) if args.date else date.today()
    if args.show is not None:
        return show_one(args.seed, args.show, machine, reader, today, args.typo_rate)
    print(f"{args.n} gesprekken, seed {args.seed}, {'NLU' if args.nlu else 'parser alleen'}", file=sys.stderr)
    summary = run_many(args.n, args.seed, machine=machine, reader=reader, mode=mode, typo_rate=args.typo_rate,
                       today=today, progress=print_progress(max(1, min(500, args.n // 10))))
    print(f"Klaar in {summary.seconds:.0f} s. Fouten per soort:")
    for kind, count in summary.as_dict()["counts"].items():
        print(f"  {kind}: {count}")
    print(f"Vragen per gesprek: mediaan {summary.question_median():g}, p90 {summary.question_p90()}")
    if args.report:
        command = f"koers simulate --n {args.n} --seed {args.seed}" + (" --nlu" if args.nlu else "")
        path = Path(args.report)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(summary, command), encoding="utf-8")
        print(f"Rapport: {path}")
    return 1 if summary.failures else 0
