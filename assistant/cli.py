"""The ``koers`` command line.

Every sub-command is declared here; its handler lives in the module that owns the
responsibility and is imported only when that command runs, so ``koers --help`` stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence

Handler = Callable[[argparse.Namespace], int]


def _lazy(target: str) -> Handler:
    module_name, func_name = target.split(":")

    def run(args: argparse.Namespace) -> int:
        func: Handler = getattr(importlib.import_module(module_name), func_name)
        return func(args)

    return run


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="koers",
        description="Koers: Nederlandse assistent voor leven lang ontwikkelen (LLO).",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("advise", help="Advies (regelingen, paden, cursussen) voor een profiel op een peildatum.")
    p.add_argument("--profile", required=True, help="Profiel als JSON-bestand, of - voor standaardinvoer.")
    p.add_argument("--date", default=None, help="Peildatum JJJJ-MM-DD (standaard: vandaag).")
    p.add_argument("--format", choices=["json", "text"], default="json")
    p.set_defaults(handler=_lazy("assistant.advice:cli_advise"))

    p = sub.add_parser("schemes", help="Regelingen beheren.")
    ssub = p.add_subparsers(dest="schemes_command", metavar="ACTION", required=True)
    s = ssub.add_parser("stale", help="Regelingen die langer dan N maanden niet zijn nagekeken.")
    s.add_argument("--months", type=int, required=True)
    s.set_defaults(handler=_lazy("assistant.policy.schemes:cli_stale"))

    p = sub.add_parser("faq", help="Antwoorden op veelgestelde vragen.")
    fsub = p.add_subparsers(dest="faq_command", metavar="ACTION", required=True)
    f = fsub.add_parser("sync", help="domain/faq.yml opnieuw maken uit de sjablonen en de regelingen.")
    f.add_argument("--date", default=None, help="JJJJ-MM-DD; standaard de laatste controle van de regelingen.")
    f.add_argument("--check", action="store_true", help="Alleen controleren of domain/faq.yml actueel is.")
    f.set_defaults(handler=_lazy("assistant.policy.faq:cli_sync"))

    p = sub.add_parser("db", help="Database beheren.")
    dbsub = p.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    d = dbsub.add_parser("upgrade", help="Migraties uitvoeren en referentiedata laden.")
    d.set_defaults(handler=_lazy("assistant.commands:db_upgrade"))

    p = sub.add_parser("train", help="Het Rasa-model trainen (alleen als data of config veranderd is).")
    p.add_argument("--force", action="store_true", help="Altijd opnieuw trainen.")
    p.set_defaults(handler=_lazy("assistant.nlu.training:cli_train"))

    p = sub.add_parser("improve", help="Beoordeelde correcties gebruiken: kandidaat trainen, keuren, live zetten.")
    p.add_argument("--dry-run", action="store_true", help="Alleen tonen wat verandert; niet trainen.")
    p.add_argument("--nlu-only", action="store_true", help="Alleen NLU trainen (sneller; voor tests).")
    p.set_defaults(handler=_lazy("assistant.learning.improve:cli_improve"))

    p = sub.add_parser("simulate", help="Gesprekken simuleren met de intake en de invarianten controleren.")
    p.add_argument("--n", type=int, default=1000, help="Aantal gesprekken (standaard 1000).")
    p.add_argument("--seed", type=int, default=1, help="Seed voor de mensen en hun antwoorden.")
    p.add_argument("--nlu", action="store_true", help="Elk bericht door het getrainde model (Rasa Agent).")
    p.add_argument("--model", default=None, help="Model (.tar.gz); standaard het nieuwste in models/.")
    p.add_argument("--report", default=None, help="Markdown-rapport schrijven, bijv. results/simulation.md.")
    p.add_argument("--typo-rate", type=float, default=0.1, help="Kans op een typfout per eerste antwoord.")
    p.add_argument("--date", default=None, help="Peildatum JJJJ-MM-DD (standaard: vandaag).")
    p.add_argument("--show", type=int, default=None, metavar="PERSOON",
                   help="Alleen het gesprek van deze persoon (nummer uit het rapport) tonen.")
    p.set_defaults(handler=_lazy("assistant.simulate.cli:cli_simulate"))

    p = sub.add_parser("run", help="Alles starten: Rasa, action server en de Koers-service.")
    p.add_argument("--no-train", action="store_true", help="Niet trainen, het laatste model gebruiken.")
    p.set_defaults(handler=_lazy("assistant.runner:cli_run"))

    p = sub.add_parser("serve", help="Alleen de Koers-service (aiohttp) starten.")
    p.set_defaults(handler=_lazy("assistant.gateway.app:cli_serve"))

    p = sub.add_parser("adviser", help="Accounts van adviseurs beheren.")
    asub = p.add_subparsers(dest="adviser_command", metavar="ACTION", required=True)
    a = asub.add_parser("add", help="Een adviseur toevoegen.")
    a.add_argument("--username", required=True)
    a.add_argument("--role", choices=["adviser", "admin"], default="adviser")
    a.add_argument("--password-stdin", action="store_true", help="Wachtwoord lezen van standaardinvoer.")
    a.add_argument("--loket", action="append", default=[], metavar="LOKET",
                   help="Loket waarvoor de adviseur werkt (vaker te geven). Zonder: het standaardloket.")
    a.set_defaults(handler=_lazy("assistant.gateway.handoff.cli:adviser_add"))
    a = asub.add_parser("list", help="Adviseurs tonen.")
    a.set_defaults(handler=_lazy("assistant.gateway.handoff.cli:adviser_list"))
    a = asub.add_parser("lokets", help="De loketten van een adviseur instellen.")
    a.add_argument("--username", required=True)
    a.add_argument("--loket", action="append", required=True, metavar="LOKET",
                   help="Loket waarvoor de adviseur werkt (vaker te geven).")
    a.set_defaults(handler=_lazy("assistant.gateway.handoff.cli:adviser_lokets"))

    p = sub.add_parser("export", help="Gegevens exporteren.")
    esub = p.add_subparsers(dest="export_command", metavar="WHAT", required=True)
    e = esub.add_parser("transcripts", help="Gesprekken en correcties exporteren.")
    e.add_argument("--since", default=None, help="Vanaf datum JJJJ-MM-DD.")
    e.add_argument("--format", choices=["jsonl", "rasa-nlu"], default="jsonl")
    e.add_argument("--output", default="-", help="Bestand, of - voor standaarduitvoer.")
    e.set_defaults(handler=_lazy("assistant.gateway.handoff.cli:export_transcripts"))

    p = sub.add_parser("retention", help="Gesprekken en tickets ouder dan de bewaartermijn verwijderen.")
    p.set_defaults(handler=_lazy("assistant.gateway.handoff.cli:retention_purge"))

    p = sub.add_parser("telegram", help="Telegram-kanaal beheren.")
    tsub = p.add_subparsers(dest="telegram_command", metavar="ACTION", required=True)
    t = tsub.add_parser("set-webhook", help="De webhook bij Telegram registreren.")
    t.add_argument("--url", required=True, help="Publieke https-URL van de Koers-service.")
    t.set_defaults(handler=_lazy("assistant.gateway.channels.telegram:cli_set_webhook"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 0
    from assistant.settings import SettingsError

    try:
        return handler(args)
    except SettingsError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
