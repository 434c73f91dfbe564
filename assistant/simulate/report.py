"""The Markdown report of a simulation run (results/simulation.md)."""

from __future__ import annotations

from assistant.simulate.conversation import Transcript
from assistant.simulate.invariants import KINDS, Violation
from assistant.simulate.run import Summary

WHAT = {
    "no_outcome": "geen samenvatting en advies, en geen gevraagde overdracht",
    "repeated_prompt": "dezelfde tekst meer dan 2 keer bij dezelfde open vraag",
    "wrong_fact": "een feit in het profiel dat de persoon niet gaf",
    "answer_overruled": "het antwoord op de vraag verloor van een ander bericht",
    "unaccepted_effect": "overdracht (of wissen/opnieuw) zonder ja van de persoon",
    "scheme_mention": "tekst over een regeling die niet gevraagd is of niet past",
    "crash": "de machine gaf een fout",
}
MAX_TURNS_SHOWN = 14


def _clip(text: str, size: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"


def transcript_lines(t: Transcript, v: Violation, all_turns: bool = False) -> list[str]:
    p = t.person
    lines = [f"- {p.label()}: {v.detail}", "", "  ```"]
    lines.append(f"  waarheid: {', '.join(f'{k}={val}' for k, val in sorted(p.truth.items()))}")
    if p.own_words:
        lines.append(f"  eigen woorden voor sector: {p.own_words}")
    turns = list(enumerate(t.turns))
    if len(turns) > MAX_TURNS_SHOWN and v.turn is not None and not all_turns:
        start = max(0, min(v.turn - MAX_TURNS_SHOWN // 2, len(turns) - MAX_TURNS_SHOWN))
        if start:
            lines.append("  …")
        turns = turns[start: start + MAX_TURNS_SHOWN]
    for i, turn in turns:
        mark = " <==" if i == v.turn else ""
        lines.append(f"  {i:>2} persoon [{turn.move}]: {_clip(turn.user)}{mark}")
        for text in turn.bot:
            lines.append(f"     koers: {_clip(text)}")
        extra = [f"asked={turn.asked}"] if turn.asked else []
        extra += [f"offer={turn.offer}"] if turn.offer else []
        extra += [f"shown={turn.shown}"] if turn.shown else []
        extra += [f"effect={k}" for k, _ in turn.effects]
        if extra:
            lines.append(f"     ({', '.join(extra)})")
    lines.append(f"  profiel: {t.profile}")
    lines += ["  ```", ""]
    return lines


def render(summary: Summary, command: str) -> str:
    mode = "parser alleen (geen NLU)" if summary.mode == "parser" else f"NLU ({summary.mode})"
    lines = [
        "# Gesprekssimulator",
        "",
        f"Gemaakt met `{command}`: {summary.n} gesprekken, seed {summary.seed}, lezer: {mode}, "
        f"typfouten in {summary.typo_rate:.0%} van de eerste antwoorden"
        + (f", commit {summary.commit}." if summary.commit else "."),
        "",
        "| soort fout | aantal | wat |",
        "|---|---:|---|",
    ]
    for kind in KINDS:
        lines.append(f"| {kind} | {summary.counts.get(kind, 0)} | {WHAT[kind]} |")
    lines += [
        "",
        f"Gesprekken met minstens één fout: {summary.failed_conversations} van {summary.n}.",
        f"Vragen per gesprek: mediaan {summary.question_median():g}, p90 {summary.question_p90()}.",
        f"Einde: advies {summary.outcomes.get('advice', 0)}, overdracht op verzoek "
        f"{summary.outcomes.get('handoff', 0)}, geen van beide {summary.outcomes.get('none', 0)}.",
        f"Gegeven feiten die niet in het profiel kwamen (niet begrepen of overgeslagen): {summary.lost_facts}.",
        "",
    ]
    if summary.by_field:
        lines += ["Foute feiten per veld (waarvan na een typfout in totaal: "
                  f"{summary.after_typo}):", "", "| soort | veld | aantal |", "|---|---|---:|"]
        for (kind, name), count in summary.by_field.most_common():
            lines.append(f"| {kind} | {name} | {count} |")
        lines.append("")
    lines += [f"Eén gesprek opnieuw bekijken: `koers simulate --seed {summary.seed} --show PERSOON`.", ""]
    if summary.examples:
        lines += ["## Voorbeelden", ""]
        for kind in KINDS:
            for t, v in summary.examples.get(kind, []):
                lines += [f"### {kind}", ""] if t is summary.examples[kind][0][0] else []
                lines += transcript_lines(t, v)
    return "\n".join(lines).rstrip() + "\n"
