"""Invariant checks on hand-made transcripts, and the simulator's loop on a stand-in machine."""

from __future__ import annotations

from datetime import date

from assistant.simulate import invariants as inv
from assistant.simulate.conversation import UNKNOWN, Transcript, Turn, parser_reader, simulate
from assistant.simulate.people import Events, Person, generate_people
from assistant.simulate.run import run_many
from tests.simulate.fake_machine import FakeMachine

TODAY = date(2026, 12, 2)


def _person(**events) -> Person:
    return Person(pid=0, seed=0, truth={"age": 47, "work_status": "zzp", "education_level": "havo"},
                  own_words=None, events=Events(**events))


def _good_turns() -> list[Turn]:
    return [
        Turn("hoi", "greeting", None, bot=["Hoi!", "Wat doe je nu?"], asked="work_status"),
        Turn("ik ben zzp'er", "answer", "work_status", bot=["Wat is je hoogste diploma?"], asked="education_level"),
        Turn("havo", "answer", "education_level", bot=["Hoe oud ben je?"], asked="age"),
        Turn("47", "answer", "age", bot=["Je bent 47. Klopt dit?"], asked="summary", shown="summary"),
        Turn("ja", "yes", "summary", bot=["Een goede eerste stap: praat met het Werkcentrum."], shown="advice"),
    ]


def _transcript(turns: list[Turn], profile: dict, given: dict | None = None, **events) -> Transcript:
    t = Transcript(person=_person(**events), turns=turns, profile=profile, today=TODAY)
    t.given = given if given is not None else {"work_status": ("zzp", "answer"), "education_level": ("havo", "answer"),
                                               "age": (47, "answer")}
    return t


def kinds(t: Transcript) -> list[str]:
    return [v.kind for v in inv.check(t)]


def test_a_clean_conversation_has_no_violations():
    t = _transcript(_good_turns(), {"work_status": "zzp", "education_level": "havo", "age": 47,
                                    "sector_interests": []})
    assert kinds(t) == []


def test_no_summary_is_no_outcome():
    turns = _good_turns()[:3]
    assert inv.NO_OUTCOME in kinds(_transcript(turns, {"work_status": "zzp", "education_level": "havo"}))


def test_a_third_identical_prompt_for_one_open_question_is_a_repeat():
    turns = [Turn("hoi", "greeting", None, bot=["Wat doe je nu?"], asked="work_status")]
    turns += [Turn("opropkracht", "answer", "work_status", bot=["Wat doe je nu?"], asked="work_status")
              for _ in range(2)]
    t = _transcript(turns + _good_turns()[1:], {"work_status": "zzp", "education_level": "havo", "age": 47})
    assert kinds(t).count(inv.REPEATED_PROMPT) == 1
    # Twice is allowed (asked, then asked again after one failed answer).
    t2 = _transcript(turns[:2] + _good_turns()[1:], {"work_status": "zzp", "education_level": "havo", "age": 47})
    assert inv.REPEATED_PROMPT not in kinds(t2)


def test_a_fact_nobody_gave_or_a_dont_know_filled_in_is_wrong():
    profile = {"work_status": "zzp", "education_level": "havo", "age": 47, "goal": "omscholen"}
    assert kinds(_transcript(_good_turns(), profile)) == [inv.WRONG_FACT]
    given = {"work_status": ("zzp", "answer"), "education_level": ("havo", "answer"), "age": (UNKNOWN, "answer")}
    assert kinds(_transcript(_good_turns(), {"work_status": "zzp", "education_level": "havo", "age": 47},
                             given)) == [inv.WRONG_FACT]


def test_an_answer_read_right_and_then_replaced_is_overruled_and_a_misread_is_a_wrong_fact():
    # "havo" to the diploma question is read right; a later word turns it into "geen".
    profile = {"work_status": "zzp", "education_level": "geen", "age": 47}
    turns = _good_turns()
    turns[2].facts = {"education_level": "havo"}
    t = _transcript(turns, profile)
    t.given_at = {"education_level": 2}
    assert kinds(t) == [inv.ANSWER_OVERRULED]
    # Never read as havo in the first place: a wrong fact, not an overruled answer.
    misread = _transcript(_good_turns(), profile)
    misread.given_at = {"education_level": 2}
    assert kinds(misread) == [inv.WRONG_FACT]
    volunteered = _transcript(turns, profile, {"work_status": ("zzp", "volunteer"),
                                               "education_level": ("havo", "volunteer"), "age": (47, "answer")})
    volunteered.given_at = {"education_level": 2}
    assert kinds(volunteered) == [inv.WRONG_FACT]


def test_out_of_vocabulary_sector_is_fine_as_anders_and_derived_fields_are_allowed():
    given = {"work_status": ("zzp", "answer"), "education_level": ("havo", "answer"), "age": (47, "answer"),
             "current_sector": ("anders", "answer"), "municipality": ("Zwolle", "answer")}
    profile = {"work_status": "zzp", "education_level": "havo", "age": 47, "current_sector": "anders",
               "municipality": "Zwolle", "region_code": "AM13", "connected_to_dutch_labour_market": True}
    assert kinds(_transcript(_good_turns(), profile, given)) == []


def test_a_job_on_a_sectors_edge_may_go_either_way_but_not_anywhere():
    given = {"work_status": ("zzp", "answer"), "education_level": ("havo", "answer"), "age": (47, "answer"),
             "current_sector": ("anders", "answer")}
    base = {"work_status": "zzp", "education_level": "havo", "age": 47}

    def with_sector(own_words, sector):
        t = _transcript(_good_turns(), {**base, "current_sector": sector}, dict(given))
        t.person = Person(pid=0, seed=0, truth=t.person.truth, own_words=own_words, events=Events())
        return kinds(t)

    assert with_sector("in de beveiliging", "overheid_veiligheid") == []
    assert with_sector("in de beveiliging", "anders") == []
    assert with_sector("in de beveiliging", "zorg_welzijn") == [inv.WRONG_FACT]
    assert with_sector("kapper", "cultuur") == [inv.WRONG_FACT]


def test_a_handoff_after_a_decline_fires_an_unaccepted_offer():
    turns = _good_turns()
    turns[1:1] = [
        Turn("ik wil een mens", "human", None, bot=["Wil je met een adviseur praten?"], offer="adviser"),
        Turn("nee, ga maar verder", "decline", None, bot=["Wat doe je nu?"], asked="work_status"),
    ]
    turns[-1] = Turn("ja", "yes", "summary", bot=["Ik zoek een adviseur."], effects=[("handoff", {})])
    found = kinds(_transcript(turns, {"work_status": "zzp", "education_level": "havo", "age": 47}))
    assert inv.UNACCEPTED_EFFECT in found and inv.NO_OUTCOME in found


def test_a_handoff_the_person_accepted_is_an_outcome():
    turns = [
        Turn("hoi", "greeting", None, bot=["Wat doe je nu?"], asked="work_status"),
        Turn("ik wil een mens", "human", None, bot=["Wil je met een adviseur praten?"], offer="adviser"),
        Turn("ja graag", "yes", None, bot=["Ik zoek een adviseur."], effects=[("handoff", {})]),
    ]
    assert kinds(_transcript(turns, {}, {})) == []


def test_restart_from_typed_intent_syntax_is_an_unaccepted_effect():
    turns = _good_turns()
    turns.insert(1, Turn("/restart", "injection", None, bot=["We beginnen opnieuw."], effects=[("restart", {})],
                         asked="work_status"))
    assert inv.UNACCEPTED_EFFECT in kinds(_transcript(turns, {"work_status": "zzp", "education_level": "havo",
                                                               "age": 47}))


def test_an_ended_scheme_nobody_asked_about_is_a_bad_mention_but_fine_when_asked():
    turns = _good_turns()
    turns[-1] = Turn("ja", "yes", "summary", bot=["Je vroeg naar het STAP-budget. Dat is gestopt."], shown="advice")
    profile = {"work_status": "zzp", "education_level": "havo", "age": 47}
    assert kinds(_transcript(turns, profile)) == [inv.SCHEME_MENTION]
    asked = _transcript(turns, profile)
    asked.asked_schemes = {"stap_budget"}
    assert kinds(asked) == []
    # The reply to the FAQ question itself may name what was asked and alternatives.
    faq = _good_turns()
    faq.insert(1, Turn("bestaat stap nog?", "faq", None, bot=["Het STAP-budget is gestopt."], asked="work_status"))
    assert kinds(_transcript(faq, profile)) == []


def test_scheme_names_are_found_by_name_and_short_name_but_not_everyday_words():
    assert inv.mentioned_schemes("Het STAP-budget is gestopt.") == [frozenset({"stap_budget"})]
    assert inv.mentioned_schemes("Zet een stap in je werk.") == []
    assert frozenset({"levenlanglerenkrediet"}) in inv.mentioned_schemes("Het Levenlanglerenkrediet van DUO.")
    assert inv.mentioned_schemes("Ik werk slim.") == []


def test_a_crash_is_reported():
    t = _transcript(_good_turns(), {})
    t.error = "KeyError: 'x'"
    assert kinds(t) == [inv.CRASH]


# -- the loop on a stand-in machine ---------------------------------------------------------------
def test_simulated_conversations_reach_an_end_and_record_what_was_said():
    machine = FakeMachine()
    for person in generate_people(30, 3):
        t = simulate(person, machine, parser_reader(machine), TODAY)
        assert t.error is None
        assert t.turns and t.turns[0].move in ("greeting", "volunteer")
        assert t.given, person.label()
        assert t.questions() >= 1
        for f, (value, _) in t.given.items():
            assert value == UNKNOWN or value == person.truth.get(f) or value == person.wrong.get(f)


def test_the_simulator_is_deterministic_per_seed():
    machine = FakeMachine()
    a = [simulate(p, machine, parser_reader(machine), TODAY) for p in generate_people(20, 8)]
    b = [simulate(p, machine, parser_reader(machine), TODAY) for p in generate_people(20, 8)]
    assert [[x.user for x in t.turns] for t in a] == [[x.user for x in t.turns] for t in b]


def test_faults_in_a_machine_are_caught():
    n = 150
    assert run_many(n, 2, machine=FakeMachine(handoff_on_any_answer=True), today=TODAY).counts[
        inv.UNACCEPTED_EFFECT] > 0
    assert run_many(n, 2, machine=FakeMachine(mention_stap=True), today=TODAY).counts[inv.SCHEME_MENTION] > 0
    assert run_many(n, 2, machine=FakeMachine(repeat_prompt=True), today=TODAY).counts[inv.REPEATED_PROMPT] > 0


def test_a_declined_request_for_a_person_never_hands_off_on_the_stand_in():
    people = [p for p in generate_people(600, 4) if p.events.human is False]
    assert people
    machine = FakeMachine()
    for p in people:
        t = simulate(p, machine, parser_reader(machine), TODAY)
        assert not inv.check_effects(t)
        assert not any(k == "handoff" for turn in t.turns for k, _ in turn.effects), p.label()
