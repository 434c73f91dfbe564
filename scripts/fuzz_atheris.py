"""Coverage-guided fuzzing (atheris, libFuzzer) of what reads untrusted text: the intake's
parser and state machine, and the redaction (issue 10, item 10).

    .venv-service/bin/python scripts/fuzz_atheris.py -max_total_time=60   (make fuzz)
    .venv-service/bin/python scripts/fuzz_atheris.py -runs=2000           (the test suite)

Every input must be handled without an exception; the redaction must be idempotent and leave
no phone number or BSN the checks themselves still find. Any libFuzzer flag may be passed.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

with atheris.instrument_imports(include=["assistant"]):
    from assistant.intake.machine import Reading, new_state, step
    from assistant.intake.parse import parse_message
    from assistant.privacy.redact import redact

TODAY = date(2026, 12, 7)
START = step(new_state(), Reading(text="hoi"), TODAY).state  # the first question is open


def one_input(data: bytes) -> None:
    text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(4096)
    parse_message(text, TODAY)
    turn = step(START, Reading(text=text), TODAY)
    assert turn.messages, "every message gets an answer"
    once = redact(text)
    assert redact(once) == once, "redaction is idempotent"


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
