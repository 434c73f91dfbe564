"""Write tests/stories/test_*.yml from compact conversation scripts (the YAML is committed).

Run: .venv/bin/python tests/stories/generate_stories.py
"""

from pathlib import Path

import yaml

OUT = Path(__file__).resolve().parent


def u(text, intent):
    return [{"user": text, "intent": intent}]


def greet(text="hoi"):
    opening = [{"action": "utter_greet"}, {"action": "utter_explain_intake"}]
    return [*u(text, "greet"), *opening, {"action": "intake_form"}, {"active_loop": "intake_form"}]


def start_with(text, intent="inform"):
    return [*u(text, intent), {"action": "intake_form"}, {"active_loop": "intake_form"}]


def ans(text, intent="inform"):
    return [*u(text, intent), {"action": "intake_form"}]


def last(text, intent="inform"):
    done = [{"active_loop": None}, {"slot_was_set": [{"requested_slot": None}]}]
    return [*u(text, intent), {"action": "intake_form"}, *done, {"action": "action_show_summary"}]


def confirm(text="ja", uncertain=False):
    steps = [*u(text, "affirm"), {"action": "action_give_advice"}]
    if uncertain:
        steps.append({"slot_was_set": [{"handoff_offered": True}]})
    return steps


def resume():
    return [{"action": "intake_form"}, {"active_loop": "intake_form"}]


def faq(text, sub, in_form=True):
    return u(text, f"faq/{sub}") + [{"action": "utter_faq"}] + (resume() if in_form else [])


def digress(text, intent, utter, in_form=True):
    return u(text, intent) + [{"action": utter}] + (resume() if in_form else [])


def dont_know(text="weet ik niet"):
    return ans(text, "dont_know")


def fallback(text, offer=False, in_form=True):
    steps = [*u(text, "nlu_fallback"), {"action": "action_fallback"}]
    if offer:
        return [*steps, {"slot_was_set": [{"handoff_offered": True}]}]
    return steps + [{"slot_was_set": [{"handoff_offered": False}]}] + (resume() if in_form else [])


def ask_human(text="ik wil een mens spreken"):
    offered = {"slot_was_set": [{"handoff_offered": True}]}
    return [*u(text, "request_human"), {"action": "action_offer_handoff"}, offered]


def accept_handoff(text="ja graag"):
    return [*u(text, "affirm"), {"action": "action_handoff"}, {"slot_was_set": [{"handoff_offered": False}]}]


def decline_handoff(text="nee, ga maar verder", in_form=True):
    return (
        u(text, "deny")
        + [{"action": "action_decline_handoff"}, {"slot_was_set": [{"handoff_offered": False}]}]
        + (resume() if in_form else [])
    )


def handoff_back(in_form=True):
    # Inside or outside the intake the form comes back; outside it completes at once (summary).
    return [{"intent": "handoff_resume"}, {"action": "utter_handoff_resume"}, *resume()]


def start_over(text="opnieuw beginnen", in_form=True):
    steps = [*u(text, "start_over"), {"action": "action_start_over"}]
    if in_form:
        steps.append({"active_loop": None})
    return steps + resume()


def story(name, *parts):
    """The scripts keep the old actions as documentation of intent; Rasa now runs one action,
    action_turn, after every message (the state machine decides, tested in tests/dialogue and by
    the simulator). These stories therefore check that NLU reads each message in context as the
    intent the script names, and that every turn reaches action_turn."""
    steps = []
    for p in parts:
        for step in p:
            if "user" in step or "intent" in step:
                steps += [step, {"action": "action_turn"}]
    return {"story": name, "steps": steps}


FILES = {}

FILES["test_happy_paths.yml"] = [
    story(
        "werknemer vast mkb, zorg",
        greet("hoi"),
        ans("ik heb een vast contract"),
        ans("ja", "affirm"),
        ans("32"),
        ans("nee", "deny"),
        ans("in de thuiszorg"),
        ans("mbo 3"),
        ans("52"),
        ans("beter worden in mijn werk"),
        ans("zorg"),
        ans("4 uur"),
        ans("werken en leren tegelijk"),
        last("Zwolle"),
        confirm("ja klopt"),
    ),
    story(
        "flexwerker uitzendbureau, wil de techniek in",
        greet("hallo"),
        ans("ik werk via een uitzendbureau"),
        ans("weet ik niet", "dont_know"),
        ans("24 uur"),
        ans("ja", "affirm"),
        ans("logistiek, ik werk in een magazijn"),
        ans("vmbo"),
        ans("29"),
        ans("ik wil iets anders gaan doen"),
        ans("techniek lijkt me leuk"),
        ans("nee", "deny"),
        ans("8"),
        ans("online"),
        ans("nee", "deny"),
        last("ik woon in tilburg"),
        confirm("klopt"),
    ),
    story(
        "nulurencontract in de horeca",
        greet("goedemiddag"),
        ans("nul-urencontract"),
        ans("klein bedrijf"),
        ans("ongeveer 12 uur"),
        ans("nee", "deny"),
        ans("horeca"),
        ans("mbo 2"),
        ans("23"),
        ans("een diploma halen"),
        ans("horeca"),
        ans("10 uur"),
        ans("maakt niet uit"),
        ans("nee", "deny"),
        last("Groningen"),
        confirm("ja"),
    ),
    story(
        "zzp'er in de bouw",
        greet("hey"),
        ans("ik ben zzp'er"),
        ans("bouw"),
        ans("mbo 4 timmeren"),
        ans("47"),
        ans("mijn eigen bedrijf groter maken"),
        ans("techniek"),
        ans("5"),
        ans("in een klas"),
        last("Apeldoorn"),
        confirm("ja", uncertain=True),
    ),
    story(
        "WW na ontslag",
        greet("goedemorgen"),
        ans("ik zit in de ww"),
        ans("havo"),
        ans("41"),
        ans("omscholen"),
        ans("iets met kinderen"),
        ans("20 uur"),
        ans("maakt me niet uit"),
        last("Almere"),
        confirm("ja hoor"),
    ),
    story(
        "bijstand, geen diploma, hulp met taal",
        greet("hoi"),
        ans("bijstand"),
        ans("geen diploma"),
        ans("35"),
        ans("weet ik nog niet"),
        ans("buiten werken"),
        ans("ja", "affirm"),
        ans("6"),
        ans("werkend leren"),
        last("rotterdam"),
        confirm("ja"),
    ),
    story(
        "werkzoekend zonder uitkering",
        greet("hallo"),
        ans("ik zoek werk maar krijg geen uitkering"),
        ans("mbo 3"),
        ans("38"),
        ans("ander werk"),
        ans("kinderopvang"),
        ans("12"),
        ans("klassikaal"),
        last("Utrecht"),
        confirm("ja", uncertain=True),
    ),
    story(
        "student van 17",
        greet("hoi"),
        ans("ik zit nog op school"),
        ans("vmbo"),
        ans("17"),
        ans("diploma halen"),
        ans("ict"),
        ans("nee", "deny"),
        ans("10"),
        ans("werken en leren"),
        ans("ja", "affirm"),
        last("Den Haag"),
        confirm("ja"),
    ),
    story(
        "60 jaar, vast bij groot bedrijf, baan in gevaar",
        greet("goedendag"),
        ans("vast contract"),
        ans("groot bedrijf"),
        ans("36 uur"),
        ans("ja", "affirm"),
        ans("overheid"),
        ans("mbo 4"),
        ans("60"),
        ans("ander werk"),
        ans("groen"),
        ans("8"),
        ans("online"),
        last("Arnhem"),
        confirm("ja"),
    ),
    story(
        "hbo, wil de zorg in",
        greet("hallo"),
        ans("ik werk vast"),
        ans("minder dan 250"),
        ans("40"),
        ans("nee", "deny"),
        ans("ict"),
        ans("hbo bachelor"),
        ans("33"),
        ans("omscholen"),
        ans("zorg"),
        ans("6"),
        ans("online"),
        last("amsterdam"),
        confirm("ja"),
    ),
    story(
        "arbeidsongeschikt, wajong",
        greet("hoi"),
        ans("ik heb een wajong uitkering"),
        ans("praktijkonderwijs, geen diploma"),
        ans("26"),
        ans("beter leren rekenen"),
        ans("nee", "deny"),
        ans("4"),
        ans("in een klas"),
        ans("nee", "deny"),
        last("Enschede"),
        confirm("ja"),
    ),
    story(
        "met pensioen, wil iets leren",
        greet("goedemiddag"),
        ans("ik ben met pensioen"),
        ans("mbo 2"),
        ans("68"),
        ans("orienteren"),
        ans("weet ik niet", "dont_know"),
        ans("3"),
        ans("online"),
        last("Zeist"),
        confirm("ja"),
    ),
]

FILES["test_off_script.yml"] = [
    story(
        "multi-fact first message skips questions",
        start_with("ik ben 52, werk in de thuiszorg en heb mbo 3"),
        ans("vast contract"),
        ans("ja", "affirm"),
        ans("32"),
        ans("nee", "deny"),
        ans("bijscholen"),
        ans("zorg"),
        ans("4"),
        ans("werkend leren"),
        last("Zwolle"),
        confirm("ja"),
    ),
    story(
        "multi-fact answer mid intake",
        greet(),
        ans("ik zit in de ww, ben 44 en heb alleen de mavo"),
        ans("omscholen"),
        ans("zorg"),
        ans("nee", "deny"),
        ans("10"),
        ans("maakt niet uit"),
        last("Breda"),
        confirm("ja"),
    ),
    story(
        "everything in one message",
        start_with("ik ben 30, zzp'er in de ict, hbo, wil bijscholen, 5 uur per week online en woon in Delft"),
        ans("ict"),
        last("ja in Delft"),
        confirm("ja", uncertain=True),
    ),
    story(
        "first message asks for advice",
        start_with("welke opleiding past bij mij?", "ask_advice"),
        ans("bijstand"),
        ans("vmbo"),
        ans("45"),
        ans("diploma"),
        ans("zorg"),
        ans("nee", "deny"),
        ans("12"),
        ans("werkend leren"),
        last("Zaandam"),
        confirm("ja"),
    ),
    story(
        "correction mid intake",
        greet(),
        ans("ik zit in de ww"),
        ans("mbo 3"),
        ans("nee, ik bedoel mbo 4"),
        ans("50"),
        ans("omscholen"),
        ans("techniek"),
        ans("8"),
        ans("klassikaal"),
        last("Leiden"),
        confirm("ja"),
    ),
    story(
        "negation clears work situation and it is asked again",
        greet(),
        ans("ik zit in de ww"),
        ans("ik zit toch niet in de WW"),
        ans("ik zoek werk zonder uitkering"),
        ans("havo"),
        ans("27"),
        ans("ander werk"),
        ans("onderwijs"),
        ans("10"),
        ans("in een klas"),
        ans("nee", "deny"),
        last("Nijmegen"),
        confirm("ja", uncertain=True),
    ),
    story(
        "correction at the summary",
        greet(),
        ans("bijstand"),
        ans("mbo 2"),
        ans("39"),
        ans("omscholen"),
        ans("zorg"),
        ans("20"),
        ans("werken en leren"),
        last("Amersfoort"),
        u("nee, ik bedoel mbo 3", "inform"),
        [
            {"action": "intake_form"},
            {"active_loop": "intake_form"},
            {"active_loop": None},
            {"slot_was_set": [{"requested_slot": None}]},
            {"action": "action_show_summary"},
        ],
        confirm("ja nu klopt het"),
    ),
    story(
        "summary wrong, then tell what",
        greet(),
        ans("ik ben zzp"),
        ans("schoonmaak"),
        ans("geen diploma"),
        ans("55"),
        ans("bijscholen"),
        ans("schoonmaak"),
        ans("nee", "deny"),
        ans("2"),
        ans("online"),
        last("Venlo"),
        u("nee", "deny"),
        [{"action": "action_fix_summary"}],
        u("ik ben 56", "inform"),
        [
            {"action": "intake_form"},
            {"active_loop": "intake_form"},
            {"active_loop": None},
            {"slot_was_set": [{"requested_slot": None}]},
            {"action": "action_show_summary"},
        ],
        confirm("ja", uncertain=True),
    ),
    story(
        "summary denied with the fix in the same message",
        greet(),
        ans("flexcontract"),
        ans("groot"),
        ans("20"),
        ans("nee", "deny"),
        ans("retail"),
        ans("mbo 2"),
        ans("31"),
        ans("omscholen"),
        ans("zorg"),
        ans("8"),
        ans("online"),
        last("Hengelo"),
        u("nee het is mbo 3", "deny"),
        [{"action": "action_fix_summary"}],
        u("ja", "affirm"),
        [{"action": "action_give_advice"}],
    ),
    story(
        "skipping several questions",
        greet(),
        ans("vast"),
        dont_know("geen idee"),
        dont_know("sla over"),
        ans("nee", "deny"),
        ans("logistiek"),
        ans("mbo 2"),
        dont_know("wil ik niet zeggen"),
        ans("weet ik nog niet"),
        dont_know(),
        ans("6"),
        ans("maakt niet uit"),
        last("Emmen"),
        confirm("ja"),
    ),
    story(
        "start over mid intake",
        greet(),
        ans("ik ben zzp'er"),
        ans("bouw"),
        start_over("ik wil opnieuw beginnen"),
        ans("ww"),
        ans("mbo 4"),
        ans("58"),
        ans("omscholen"),
        ans("groen"),
        ans("10"),
        ans("klassikaal"),
        last("Ede"),
        confirm("ja"),
    ),
    story(
        "start over after the advice",
        greet(),
        ans("bijstand"),
        ans("geen"),
        ans("30"),
        ans("taal leren"),
        ans("4"),
        ans("klassikaal"),
        last("Lelystad"),
        confirm("ja"),
        start_over("opnieuw", in_form=False),
        ans("vast contract"),
    ),
    story(
        "stop mid intake",
        greet(),
        ans("ik werk vast"),
        u("stop", "stop"),
        [
            {"action": "utter_stop"},
            {"action": "action_deactivate_loop"},
            {"active_loop": None},
            {"action": "action_restart"},
        ],
    ),
    story(
        "stop at the summary",
        start_with("ik ben 40 en zit in de bijstand"),
        ans("vmbo"),
        ans("omscholen"),
        ans("zorg"),
        ans("nee", "deny"),
        ans("5"),
        ans("online"),
        last("Assen"),
        u("laat maar, ik stop", "stop"),
        [{"action": "utter_stop"}, {"action": "action_restart"}],
    ),
    story(
        "greeting again mid intake", greet(), ans("ww"), digress("hallo?", "greet", "utter_greet_again"), ans("mbo 2")
    ),
]

FILES["test_digressions.yml"] = [
    story(
        "faq startkwalificatie mid intake",
        greet(),
        ans("ik zit in de bijstand"),
        faq("wat is een startkwalificatie?", "ask_startkwalificatie"),
        ans("vmbo"),
        ans("25"),
    ),
    story(
        "faq STAP mid intake and in the advice",
        greet(),
        ans("vast contract"),
        faq("kan ik nog stap budget krijgen", "ask_stap"),
        ans("klein"),
        ans("38"),
        ans("nee", "deny"),
        ans("zorg"),
        ans("mbo 3"),
        ans("45"),
        ans("bijscholen"),
        ans("zorg"),
        ans("3"),
        ans("online"),
        last("Deventer"),
        confirm("ja"),
    ),
    story("faq cost then resume", greet(), faq("kost dit geld?", "ask_cost"), ans("zzp"), ans("ict")),
    story(
        "faq bbl bol during education question",
        greet(),
        ans("ik zit in de ww"),
        faq("wat is het verschil tussen bbl en bol", "ask_bbl_bol"),
        ans("mbo 2"),
    ),
    story("faq privacy at start", greet(), faq("wat doen jullie met mijn gegevens", "ask_privacy"), ans("bijstand")),
    story(
        "faq levenlanglerenkrediet after advice",
        greet(),
        ans("ww"),
        ans("hbo"),
        ans("50"),
        ans("omscholen"),
        ans("onderwijs"),
        ans("10"),
        ans("online"),
        last("Haarlem"),
        confirm("ja", uncertain=True),
        decline_handoff("nee dank je", in_form=False),
        faq("hoe werkt het levenlanglerenkrediet", "ask_levenlanglerenkrediet", in_form=False),
    ),
    story(
        "faq ontwikkelpaden and evc mid intake",
        greet(),
        ans("vast"),
        ans("mkb"),
        faq("wat zijn ontwikkelpaden", "ask_ontwikkelpaden"),
        faq("wat is evc", "ask_evc"),
        ans("36"),
    ),
    story(
        "several smalltalk digressions mid intake",
        greet(),
        ans("flex"),
        digress("ben jij een robot?", "bot_challenge", "utter_bot_challenge"),
        u("wat voor weer wordt het morgen", "out_of_scope"),
        [{"action": "action_fallback"}, {"slot_was_set": [{"handoff_offered": False}]}, *resume()],
        digress("dank je", "thank", "utter_you_are_welcome"),
        ans("groot bedrijf"),
    ),
    story(
        "what do you mean rephrases the question",
        greet(),
        ans("vast contract"),
        u("wat bedoel je?", "explain_question"),
        [{"action": "action_explain_question"}, *resume()],
        ans("weet ik niet", "dont_know"),
    ),
    story(
        "asking for advice mid intake",
        greet(),
        ans("ww"),
        digress("wat kan ik doen?", "ask_advice", "utter_advice_after_questions"),
        ans("havo"),
    ),
    story("faq before any intake", faq("wat is koers?", "ask_what_is_koers", in_form=False), greet("oke hoi")),
    story(
        "thanks and goodbye after the advice",
        greet(),
        ans("student"),
        ans("havo"),
        ans("19"),
        ans("diploma halen"),
        ans("ict"),
        ans("12"),
        ans("klassikaal"),
        ans("ja", "affirm"),
        last("Leeuwarden"),
        confirm("ja"),
        u("bedankt!", "thank"),
        [{"action": "utter_you_are_welcome"}],
        u("doei", "goodbye"),
        [{"action": "utter_goodbye"}],
    ),
]

FILES["test_fallback_handoff.yml"] = [
    story("fallback once then answer", greet(), ans("vast"), fallback("asdf qwerty"), ans("minder dan 250")),
    story(
        "fallback ladder up to the adviser offer, accepted",
        greet(),
        ans("ww"),
        fallback("jaja blub"),
        fallback("pfff"),
        fallback("hmm ???", offer=True),
        accept_handoff("ja graag"),
    ),
    story(
        "fallback ladder, adviser declined, intake goes on",
        greet(),
        ans("zzp"),
        fallback("xyz"),
        fallback("zzz"),
        fallback("brr", offer=True),
        decline_handoff("nee, ga verder"),
        ans("bouw"),
    ),
    story(
        "a yes to an open question counts as not understood",
        greet(),
        ans("bijstand"),
        u("ja", "affirm"),
        [{"action": "action_fallback"}, {"slot_was_set": [{"handoff_offered": False}]}, *resume()],
        ans("mbo 1"),
    ),
    story(
        "ask for a human mid intake and confirm, adviser hands back",
        greet(),
        ans("ik werk vast"),
        ask_human("ik wil een mens spreken"),
        accept_handoff("ja"),
        handoff_back(),
        ans("klein bedrijf"),
    ),
    story(
        "ask for a human mid intake and decline",
        greet(),
        ans("flex"),
        ask_human("kan ik iemand bellen"),
        decline_handoff("nee toch niet"),
        ans("groot"),
    ),
    story("ask for a human at the start", ask_human("ik wil met een adviseur praten"), accept_handoff("ja")),
    story(
        "ask for a human after the advice",
        greet(),
        ans("bijstand"),
        ans("geen diploma"),
        ans("33"),
        ans("diploma halen"),
        ans("zorg"),
        ans("ja", "affirm"),
        ans("8"),
        ans("werkend leren"),
        last("Heerlen"),
        confirm("ja"),
        ask_human("ik wil toch met iemand praten"),
        accept_handoff("ja graag"),
        handoff_back(in_form=False),
        [{"active_loop": None}, {"slot_was_set": [{"requested_slot": None}]}, {"action": "action_show_summary"}],
    ),
    story(
        "uncertain advice, adviser offered and accepted",
        greet(),
        ans("zzp"),
        ans("ict"),
        ans("hbo"),
        ans("36"),
        ans("bijscholen"),
        ans("ict"),
        ans("4"),
        ans("online"),
        last("Eindhoven"),
        confirm("ja", uncertain=True),
        accept_handoff("ja graag"),
    ),
    story(
        "delete my data mid intake",
        greet(),
        ans("ww"),
        u("verwijder mijn gegevens", "delete_my_data"),
        [{"action": "utter_ask_delete_confirm"}],
        u("ja", "affirm"),
        [{"action": "action_delete_my_data"}, {"active_loop": None}],
    ),
    story(
        "delete my data cancelled mid intake",
        greet(),
        ans("ww"),
        u("wis mijn gegevens", "delete_my_data"),
        [{"action": "utter_ask_delete_confirm"}],
        u("nee", "deny"),
        [{"action": "utter_delete_cancelled"}, *resume()],
        ans("mbo 2"),
    ),
    story(
        "off-topic three times during the intake leads to an adviser offer",
        greet(),
        ans("bijstand"),
        u("hoe laat is het", "out_of_scope"),
        [{"action": "action_fallback"}, {"slot_was_set": [{"handoff_offered": False}]}, *resume()],
        fallback("asdf"),
        u("vertel een mop", "out_of_scope"),
        [{"action": "action_fallback"}, {"slot_was_set": [{"handoff_offered": True}]}],
        decline_handoff("nee"),
        ans("mbo 2"),
    ),
    story(
        "an answer the form cannot read climbs the ladder",
        greet(),
        ans("ik werk vast"),
        u("ik doe van alles eigenlijk", "inform"),
        [{"action": "action_fallback"}, {"slot_was_set": [{"handoff_offered": False}]}, *resume()],
        ans("ja minder dan 250", "affirm"),
    ),
    story(
        "goodbye mid intake, come back later with an answer",
        greet(),
        ans("ww"),
        u("ik moet gaan, doei", "goodbye"),
        [{"action": "utter_goodbye"}, {"action": "action_deactivate_loop"}, {"active_loop": None}],
        start_with("ik heb mbo 2"),
    ),
    story(
        "fallback outside the intake",
        greet(),
        ans("ww"),
        ans("mbo 2"),
        ans("50"),
        ans("omscholen"),
        ans("zorg"),
        ans("10"),
        ans("online"),
        last("Oss"),
        confirm("ja"),
        fallback("qqq", in_form=False),
    ),
]

OUT.mkdir(parents=True, exist_ok=True)
total = 0
for name, stories in FILES.items():
    total += len(stories)
    header = (
        "# End-to-end test stories with user text. Generated by generate_stories.py: edit that, not this.\n"
        "# Run: rasa test core --stories tests/stories --fail-on-prediction-errors\n"
    )
    body = yaml.safe_dump({"version": "3.1", "stories": stories}, allow_unicode=True, sort_keys=False, width=120)
    (OUT / name).write_text(header + body, encoding="utf-8")
print(total)
