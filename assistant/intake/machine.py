"""The conversation as one pure state machine: open question, open offer, attempts, answers.

``step(state, reading, today)`` reads one message and returns the new state, the bot's messages
and the effects for the service (handoff, delete, advice document). No Rasa here: the Rasa action
``action_turn`` and the conversation simulator both call ``step``.

Reading order, question first: while a question is open, the message is read as an answer to
*that* question (button titles, the field's extractor, number words, typos, yes/no with an
explanation). Only a message that is no answer and clearly something else (a person, an FAQ,
stop, start over, delete my data) leaves the question; facts for other questions are kept but
never overwrite an answer given to its own question unless the person corrects it explicitly.

Guaranteed progress: every prompt is sent at most twice while its question is open; after two
failed tries the question is asked with buttons only and "Weet ik niet"; after three it is
skipped and noted as unknown. An offer (adviser, delete, start over, "Bedoel je ...?") closes on
any message that is not a yes.
"""

from __future__ import annotations

import copy
import itertools
import logging
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from assistant.intake import slots as slotlib
from assistant.intake import typos
from assistant.intake.handoff import Staffing, first_words
from assistant.intake.relevance import relevant
from assistant.vocabulary import Field, vocabulary

log = logging.getLogger(__name__)

STATE_VERSION = 1
MAX_SAME_PROMPT = 2  # a prompt is never sent a third time while its question is open
SKIP_AFTER = 3  # failed tries before a question is skipped as unknown
FREE_OFFER_AFTER = 3  # misunderstandings outside a question before an adviser is offered
NLU_SURE = 0.7  # intent confidence above which a non-answer is taken as that intent
FUZZY_CUTOFF = 80
FAQ_SURE = 0.3  # response-selector confidence below which its answer is more likely wrong than right

# -- readings --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reading:
    """One message as NLU read it (intent None: unknown, e.g. in parser-only simulation)."""

    text: str
    intent: str | None = None
    confidence: float = 0.0
    entities: tuple[Mapping[str, Any], ...] = ()
    faq_key: str | None = None
    faq_text: str | None = None
    faq_confidence: float | None = None  # the response selector's; None: not known


@dataclass
class Message:
    text: str
    buttons: list[str] = field(default_factory=list)
    custom: dict[str, Any] | None = None


@dataclass
class Effect:
    kind: str  # handoff | delete | restart | advice_document
    data: dict[str, Any] = field(default_factory=dict)


@dataclass
class TurnResult:
    state: dict[str, Any]
    messages: list[Message]
    effects: list[Effect]
    asked: str | None = None  # the field asked this turn, or "summary"
    offer: str | None = None  # the offer left open
    shown: str | None = None  # "summary" | "advice"


INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
INTENT_SYNTAX = re.compile(r"^\s*/\s*\w")


def clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", (text or "").translate(INVISIBLE)).split())


def read_nlu(parse_data: Mapping[str, Any]) -> Reading:
    """A Rasa parse result as a Reading. Intent syntax typed by a person ("/restart") is text."""
    text = clean(str(parse_data.get("text") or ""))
    if INTENT_SYNTAX.match(text):
        return Reading(text=text)
    intent = parse_data.get("intent") or {}
    selector = ((parse_data.get("response_selector") or {}).get("faq") or {}).get("response") or {}
    responses = selector.get("responses") or []
    faq_text = next((str(r.get("text")) for r in responses if r.get("text")), None)
    return Reading(
        text=text,
        intent=intent.get("name"),
        confidence=float(intent.get("confidence") or 0.0),
        entities=tuple(parse_data.get("entities") or ()),
        faq_key=selector.get("intent_response_key"),
        faq_text=faq_text,
        faq_confidence=float(selector["confidence"]) if "confidence" in selector else None,
    )


# -- words that decide without NLU -------------------------------------------------------------


_FILLER = re.compile(r"^(?:(?:nou|nouja|tja|ja nee|eh+|uh+|ehm+|hm+|hmm+|oh|o|ah|oke|ok|eigenlijk|nja)\s+)+(?=\S)")


def _answer_part(norm: str) -> str:
    """The message without leading fillers ("nou nee" -> "nee"), for yes/no reading."""
    return _FILLER.sub("", norm)


def _abbreviation_fits(cue: str, text: str, end: int) -> bool:
    """A short cue ("ww", "aow", "zzp") at the start of a longer word counts only when that word
    is the cue glued to a word ("ww-uitkering", "aowleeftijd", "zzp'er"), not a typo ("wwek")."""
    if len(cue) > 3 or not cue.isalpha():
        return True
    rest = re.match(r"\S*", text[end:])
    glued = rest.group() if rest else ""
    return not glued or glued[0] in "-'" or glued in ("er", "ers") or (len(glued) >= 4 and typos.is_word(glued))


def _norm(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.lower())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = re.sub(r"([^\W\d_])\1{2,}", r"\1\1", folded)  # "jaaaa" -> "jaa" (letters only: "2000" stays)
    return " ".join(re.sub(r"[^\w'\- ]+", " ", folded).split())


_NO = re.compile(
    r"^(?:nee+j?|neen|nope|no|nah|niet echt|liever niet|hoeft niet|klopt niet|dat klopt niet|niet|nooit|geen|"
    r"helemaal niet|zeker niet|absoluut niet|neu|nej|(?:ik )?denk (?:het|van) niet|waarschijnlijk niet|"
    r"eigenlijk niet|nog niet|doe maar niet|laat maar|niet nodig|volgens mij niet|ik geloof (?:het )?niet)\b")
_YES = re.compile(
    r"^(?:ja+|jawel|jazeker|jaja|jep|jup|yes|yep|yup|klopt|dat klopt|zeker|zeker weten|graag|ja graag|prima|"
    r"goed|is goed|oke?|okay|oké|natuurlijk|doe maar|precies|correct|inderdaad|wel|best wel|eigenlijk wel|"
    r"soms|een beetje|af en toe|ietsje|(?:ik )?denk (?:het|van) wel|waarschijnlijk wel|"
    r"ik geloof (?:het )?wel|volgens mij wel|dat wel)\b")
# The yes or no after the story: "de fabriek gaat dicht, dus ja", "ze zoeken juist mensen, dus nee".
_ENDS_YES = re.compile(r"\b(?:dus|helaas|jammer genoeg|ik denk het) (?:ja|wel)(?: \w+){0,2}$")
_ENDS_NO = re.compile(r"\b(?:dus|gelukkig) (?:nee|niet)$")
_DONT_KNOW = re.compile(
    r"^(?:(?:eerlijk gezegd|tja|nou|hmm+|pff+|sorry|oei|eh+|ehm)\s+)*"
    r"(?:(?:dat )?weet ik (?:niet|het niet|nog niet)|geen idee|weet niet|geen flauw idee|ik weet het niet|"
    r"ik weet niet|wn|idk|onbekend|zeg ik liever niet|dat zeg ik liever niet|sla maar over|overslaan|skip|"
    r"weet ik veel|misschien|geen idee eigenlijk|(?:ik )?(?:heb )?(?:echt |werkelijk )?geen (?:flauw )?(?:idee|benul)|"
    r"ik zou het niet weten|(?:dat )?weet ik (?:echt |eigenlijk |ook )?(?:niet|het niet)|"
    r"ik weet het (?:echt |ook )?niet|"
    r"geen flauw benul|daar heb ik geen idee van|(?:dat )?kan ik niet zeggen|lastig te zeggen|weet ik zo niet|"
    r"geen idee hoor|dat weet ik zo niet)\b")
_CORRECTION = re.compile(
    r"\b(?:wacht|toch|eigenlijk|ik bedoel|bedoel ik|bedoelde|correctie|verkeerd|fout|vergissing|vergis\w*|"
    r"verkeerde|anders gezegd|liever gezegd|niet waar|"
    r"moet zijn|verbeter|veranderen|aanpassen|klopt niet|niet goed|sorry|oeps|foutje)\b")
# A bare "medewerker" at the end asks for a person only when nothing else names it: "pedagogisch
# medewerker" or "ik ben medewerker" is a job.
_HUMAN = re.compile(
    r"(?:^|\b(?:met|een|wil|graag|liever) )"
    r"(?:adviseur|mens|medewerker|persoon|iemand|echt iemand|loopbaanadviseur)(?: (?:spreken|praten|bellen|chatten))?$|"
    r"\b(?:spreken|praten|bellen|chatten) met (?:een |de )?(?:adviseur|mens|medewerker|persoon|iemand)\b|"
    # "met iemand van jullie praten", "een adviseur bij jullie spreken"
    r"\b(?:adviseur|mens|medewerker|iemand|persoon)(?: (?:van|bij) (?:jullie|koers|u|het werkcentrum))? "
    r"(?:spreken|praten|bellen|opbellen|aan de lijn)\b|"
    # "kan iemand mij terugbellen?", "kunnen jullie me bellen", "bel me maar"
    r"\b(?:iemand|jullie|u|adviseur)(?: \w+)? (?:mij|me) (?:even |terug ?|op ?)?bellen\b|\bbel (?:mij|me)\b|"
    r"\bterug ?gebeld worden\b|"
    # "is er ook iemand die ik kan spreken?", "kan ik dit beter met een adviseur bespreken?"
    r"\biemand (?:die|waar|met wie) (?:ik|je) (?:\w+ )?(?:kan|kun|mag) (?:spreken|bellen|praten|mailen)\b|"
    # "kan ik dit met iemand van jullie bespreken?", "kan iemand dit met mij doorlopen?", "iemand aan de telefoon"
    r"\b(?:iemand|een (?:echte? )?(?:mens|persoon)|een adviseur|een medewerker)\b.{0,30}"
    r"\b(?:bespreken|doorlopen|doornemen|doorpraten|"
    r"overleggen)\b|\biemand aan de (?:telefoon|lijn)\b|"
    r"\bmet (?:een |de |iemand )?(?:adviseur|mens|medewerker|persoon|echt iemand|echte? (?:persoon|mens))\b"
    r"(?: \w+){0,2} "
    r"(?:bespreken|spreken|praten|overleggen|doornemen)\b|"
    # "kan ik later met iemand persoonlijk over praten?", "persoonlijk contact"
    r"\bmet iemand\b(?: \w+){0,3} (?:spreken|praten|bellen|bespreken|overleggen)\b|\bvan vlees en bloed\b|"
    r"\been echte? (?:persoon|mens)\b|\biemand (?:van jullie )?(?:mij|me) (?:helpen|bellen)\b|"
    r"\bpersoonlijk (?:contact|gesprek|spreken|praten)\b|"
    r"^(?:praat met een adviseur|ik wil een adviseur|kan ik iemand spreken)")
_STOP = re.compile(r"^(?:stop|stoppen|ik wil stoppen|ik stop|hou op|ophouden|klaar ermee|ik wil niet meer)$")
_RESTART = re.compile(r"^(?:opnieuw beginnen|opnieuw|begin opnieuw|overnieuw|helemaal opnieuw|reset|restart|"
                      r"start opnieuw|nog een keer beginnen|ik wil opnieuw beginnen)$")
_DELETE = re.compile(r"\b(?:verwijder|wis|wissen|verwijderen)\b.*\b(?:gegevens|data|gesprek|alles)\b")
_GREETING = re.compile(r"^(?:hoi|hallo|hey|hi|hoihoi|goedemorgen|goedemiddag|goedenavond|dag|daag|hee|he|"
                       r"hai|hello|yo|middag|morgen|avond|goeiedag|goedendag)\b")
# A goodbye is the whole message, with at most a courtesy word: "later weer werk vinden" and "ik ga
# omscholen" are answers, not goodbyes.
_BYE = re.compile(r"^(?:doei|doeg|dag|daag|tot ziens|tot later|tot de volgende keer|later|ciao|bye|houdoe|"
                  r"fijne dag(?: nog)?|ik ga(?: nu| weer| ervandoor)?|ik moet (?:nu )?(?:gaan|weg|ervandoor))"
                  r"(?: (?:en )?(?:hoor|he|allemaal|dan|maar|ok|oke|bedankt|dankjewel|doei|dag|daag|nog|verder))*$")
_THANKS = re.compile(r"^(?:dank(?:je|jewel|u|uwel)?|bedankt|thanks|merci|top bedankt)\b")
_QUESTION = re.compile(r"\?\s*$|^(?:wat|hoe|waar|wie|wanneer|waarom|welke|kan|kun|mag|moet|is|heb|krijg|"
                       r"betaal|wordt|zijn)\b")
# A question asked back instead of an answer: starts like a question and ends with "?".
_ASKS_BACK = re.compile(r"^(?:(?:en|maar|oh|oke|ok|eh|sorry|hallo|hoi|nou|ja|nee)[,!]?\s+)?(?:moet|moeten|kan|kun|kunt|"
                        r"mag|krijg|krijgt|heb|hebben|ben|is|zijn|wordt|word|betaal|betaalt|telt|geldt|hoe|wat|"
                        r"kost|kosten|duurt|valt|zit|hoort|"
                        r"waarom|wanneer|welke|wie|waar|hoeveel|gaat|klopt)\b[^.!?]*\?", re.S)
# Said of something right after it: it is not wanted ("thuis komt er niks van").
_DISLIKE = (r"(?:komt er (?:niks|niets|weinig) van|vind ik (?:niks|niets|niet fijn|niet leuk|vervelend|moeilijk)|"
            r"werkt niet|lukt (?:me |mij )?niet|gaat (?:me |mij )?niet|is (?:niks|niets) voor (?:mij|me)|hekel aan)")
_DISLIKED = re.compile(r"^\w*(?: \w+){0,2}? " + _DISLIKE + r"\b")
_DISLIKED_PART = re.compile(r"\b" + _DISLIKE + r"\b")
_HELP_OTHERS = re.compile(
    r"\b(?:anderen|nieuwkomers|mensen|kinderen|statushouders|vluchtelingen|ouderen|leerlingen)\b"
    r"(?: \w+){0,2} (?:helpen|leren|les geven|begeleiden|ondersteunen)\b|"
    r"\b(?:helpen|les geven|begeleiden|ondersteunen|maatje)\b(?: \w+){0,4} (?:met|bij) (?:de |het )?"
    r"(?:taal|lezen|rekenen|nederlands|huiswerk)\b|\btaalmaatje\b")
# Learning a skill or technique ("leren werken aan elektrische auto's", "de nieuwe systemen snappen").
_LEARN_SKILL = re.compile(r"\b(?:leren|snappen|begrijpen|onder de knie|bijleren|kennis|vaardig\w*|kunnen)\b")
_STAP = re.compile(r"\bSTAP\b|\b[Ss][Tt][Aa][Pp][- ]?(?:budget|subsidie|regeling)")
_GO_ON = re.compile(r"^(?:(?:ga|gaan|we gaan) (?:maar |dan |gewoon )?(?:verder|door)|verder|doorgaan|door|"
                    r"laat maar|hoeft niet|niet nodig|ik wil verder|graag verder|ga verder met de vragen)\b")
# Declining an offer in other words than "nee" ("nu even niet", "misschien later").
_DECLINE = re.compile(r"^(?:(?:nu |voor nu |op dit moment )?(?:even |eerst )?niet(?: nu| nodig| hoor| meteen)?|"
                      r"niet nu|nu niet|nog niet|(?:misschien |eventueel )?later(?: misschien)?|"
                      r"een andere keer|straks misschien|ander keertje|liever zelf|ik doe het (?:liever )?zelf|"
                      r"eerst (?:de )?vragen|eerst verder|geen behoefte|hoeft (?:nu )?niet)\b")
# A slip taken back inside one answer: "vast contract, o nee wacht, ik bedoel tijdelijk", "52 nee sorry 53".
# What follows the last of these is the answer, when it is one.
_SELF_CORRECTION = re.compile(
    r"\b(?:o+h? nee+|eh+ nee+|uh+ nee+|nee+ nee+|nee+ wacht|wacht even|wacht nee+|nee+ sorry|sorry nee+|"
    r"ik bedoel(?:de)?|bedoel ik|of nee+|nee+ toch|nee+ eigenlijk|nee+ correctie|correctie|ik vergis me|"
    r"vergist|foutje|oeps|sorry)\b")
# "vijfentwintig, sorry, zevenentwintig bedoel ik": the closing "bedoel ik" names no new answer.
_MEANT_AT_END = re.compile(r"\s(?:bedoel ik|ik bedoel|bedoelde ik)$")
_SLIP_FILLER = frozenset({"o", "oh", "oo", "eh", "ehm", "uh", "nee", "ja", "sorry", "oeps", "foutje", "wacht", "even"})
# "52 nee 53", "vast nee tijdelijk", "rotterdam, nee spijkenisse, daar woon ik sinds kort"
_SHORT_SLIP = re.compile(r"^(\S+(?: \S+){0,2}) nee+ (\S+(?: \S+){0,7})$")
_WANT = re.compile(r"\b(?:wil|willen|wilde|zou|graag|halen|behalen|doen|worden|leren|liefst|droom|"
                   r"zie (?:ik )?mezelf)\b")
_BECOME = re.compile(r"\bworden\b")
# A certificate on its own ("certificaten voor azure"), not a trade's papers ("heftruckcertificaat",
# "een papiertje als bakker"), which people count as a diploma.
# The computer as what is learnt ("beter leren met de computer", "een computercursus").
_DIGITAL_TOPIC = re.compile(
    r"\b(?:leren|les|cursus|beter|omgaan)\b(?: \w+){0,6} (?:computer|pc|laptop|internet|tablet|telefoon|digitaal|"
    r"mailen|e-?mail|digid|bankieren)|\bcomputer\w*(?:les|cursus)|\bcursus (?:\w+ )?computer")
# Learning online said as such ("een cursus online", "thuis leren"), not a computer at work ("op school
# moet alles via de computer").
_ONLINE_LEARNING = re.compile(
    r"\b(?:leren|leer|les|lessen|cursus|cursussen|opleiding|studeren|studie|training)\b.{0,30}\b(?:online|thuis|"
    r"computer|internet|laptop|e-?learning|digitaal)\b|\b(?:online|thuis|computer|internet|laptop|e-?learning|"
    r"digitaal)\b.{0,30}\b(?:leren|leer|les|lessen|cursus|cursussen|opleiding|studeren|studie|training)\b")
# Said to have no benefit, or that it ended ("mijn ww is afgelopen en nu heb ik niks meer").
_NO_BENEFIT = re.compile(r"\b(?:geen|zonder) (?:\w+ )?(?:uitkering|ww|bijstand|inkomen)\b|\bniks meer\b|"
                         r"\b(?:ww|uitkering|bijstand)\b(?: \w+){0,2} (?:op|afgelopen|voorbij|gestopt|beeindigd)\b")
# Teaching, not learning: "ik weet niet of ik terug wil naar de klas" (a teacher), "voor de klas staan".
_TEACHING = re.compile(r"\b(?:terug )?(?:naar|voor) de klas\b(?! (?:in|op) )|\bles (?:geven|willen geven)\b")
_ABOUT_LEARNING = re.compile(r"\b(?:leren|leer|les|lessen|cursus|cursussen|opleiding|studeren|studie|scholing|"
                             r"bbl|bol|klas|klassikaal|school)\b")
# Words that compare a size with the question's 250 beat a head count ("meer dan 300 man").
_SIZE_COMPARED = re.compile(r"\b(?:meer|minder|onder de|boven de|ruim|over de|nog geen|tot|max|maximaal)\b")
_PEOPLE_WORD = re.compile(r"^(?:man|mensen|medewerkers|werknemers|collega|personeel|personeelsleden|fte|werkenden)")
_CERTIFICATE = re.compile(r"certifica(?:a?t|ten|ering)\b|\bpapieren\b|\bpasje?\b|\bbewijs\b|\bbrevet\b|\bvca\b|"
                          r"licentie")
_DIPLOMA = re.compile(r"diploma|\bmbo\b|\bhbo\b|\bopleiding\b|school|\bniveau\b")
# A diploma held ("ik heb", "gehaald"), not one wanted.
_HELD = re.compile(r"\b(?:heb|had|hebt|gehaald|behaald|gedaan|afgerond|afgemaakt|bezit)\b")
_IS_ZZP = re.compile(r"\b(?:ben|zit|heb|werk|werkte|nu)\b.*\b(?:zzp|zelfstandig|ondernemer|eigen (?:bedrijf|zaak))")
_NOT_A_PLACE = re.compile(r"\b(?:weet|niet|geen|zeggen|idee|snap|begrijp|waarom|hoezo|nee|ja)\b")
_NEGATORS = frozenset({"niet", "geen", "nooit", "niks", "niets"})
_DIPLOMA_WORDS = re.compile(r"\b(?:diploma|opleiding|school|gestudeerd|studie|universiteit|master|bachelor|mbo|hbo|"
                            r"wo|graad|certificaat|papieren|afgestudeerd)\b|"
                            # a school finished, not a workplace ("ik werk op een basisschool")
                            r"\b(?:heb|alleen|maar|gedaan|afgemaakt|gehaald) (?:\w+ )?(?:de |het )?"
                            r"(?:basisschool|lagere school|praktijkonderwijs)\b|"
                            r"\b(?:gestopt|klaar|van school) na (?:de |het )?(?:basisschool|lagere school)\b|"
                            r"\b(?:basisschool|lagere school|praktijkonderwijs) (?:gedaan|afgemaakt|gehad)\b")
_FIELD_WORDS: dict[str, re.Pattern[str]] = {
    "age": re.compile(r"\b(?:leeftijd|oud|jaar)\b"),
    "education_level": re.compile(r"\b(?:diploma|opleiding|school|niveau)\b"),
    "work_status": re.compile(r"\b(?:werk|baan|uitkering|contract)\b"),
    "goal": re.compile(r"\b(?:doel|wil|wens)\b"),
    "municipality": re.compile(r"\b(?:gemeente|woonplaats|plaats|woon)\b"),
    "current_sector": re.compile(r"\b(?:sector|branche)\b"),
    "hours_per_week": re.compile(r"\buren\b"),
    # "de uren om te leren klopt niet", "de hoeveelheid uur om te leren": the study hours, not the work hours
    "max_hours_study_per_week": re.compile(r"\b(?:uren|uur|tijd)\b.{0,25}\b(?:leren|studeren|studie|les)\b|"
                                           r"\bstudie ?uren\b"),
}

# Fields whose words above are specific enough to say which answer a correction is about.
# A job one grows into: "eerste monteur", "chef-kok", "teamleider" (a step up, not other work).
_STEP_UP = re.compile(r"\b(?:eerste|chef|hoofd|senior|leidinggevende|teamleider|manager|coordinator|allround|"
                      r"specialist|uitvoerder|voorman|ploegleider|praktijkopleider|meewerkend|rechercheur|"
                      r"brigadier|inspecteur)\w*\b")
# Sectors whose jobs the intake lists as steps (helpende, verzorgende, verpleegkundige; monteur ...):
# becoming another of them is growing in one's work; elsewhere ("agent" from "beveiliger") it is other work.
_BY_SECTOR = vocabulary()["current_function"].buttons_by
_FUNCTION_SECTORS = frozenset(_BY_SECTOR[1]) if _BY_SECTOR is not None else frozenset()
_NAMED_FIELDS = frozenset({"age", "education_level", "municipality", "current_sector", "hours_per_week",
                           "max_hours_study_per_week"})
_SECTOR_FIELDS = frozenset({"current_sector", "sector_interests"})
# Words around a one-word sector answer ("iets in de htel"): not the word that names the sector.
_GUESS_FILLER = frozenset({"in", "de", "het", "een", "iets", "met", "bij", "op", "graag", "ik", "wil", "werk", "werken",
                           "nou", "eh", "ehm", "uh", "oh", "ja", "denk", "sector", "branche", "vak"})
CONTROL_INTENTS = frozenset({"request_human", "delete_my_data", "start_over", "stop", "goodbye"})
DIGRESSIONS = frozenset({
    "request_human", "faq", "stop", "start_over", "delete_my_data", "greet", "goodbye", "thank",
    "bot_challenge", "explain_question", "ask_advice", "out_of_scope", "handoff_resume", "dont_know",
})


def _texts() -> dict[str, str]:
    return vocabulary().texts


def _t(key: str, **kwargs: Any) -> str:
    text = _texts()[key]
    return text.format(**kwargs) if kwargs else text


# -- state -------------------------------------------------------------------------------------


def new_state() -> dict[str, Any]:
    return {
        "v": STATE_VERSION, "phase": "new", "open": None, "offer": None, "answers": {}, "sources": {},
        "unknown": [], "own_words": {}, "attempts": {}, "shown": {}, "asked": [], "asked_schemes": [],
        "free_attempts": 0,
    }


def load_state(raw: Any) -> dict[str, Any]:
    """A state from a slot; anything unreadable starts fresh rather than failing the turn."""
    if not isinstance(raw, Mapping) or raw.get("v") != STATE_VERSION:
        return new_state()
    state = new_state()
    state.update(copy.deepcopy(dict(raw)))
    return state


def profile_of(state: Mapping[str, Any]) -> dict[str, Any]:
    """The canonical profile (profile.schema.json) of the answers so far."""
    return slotlib.profile_from_slots(state.get("answers") or {})


# -- one turn -----------------------------------------------------------------------------------


class _Turn:
    def __init__(self, state: dict[str, Any], reading: Reading, today: date,
                 staffing: Staffing | None = None) -> None:
        self.s = state
        self.r = reading
        self.today = today
        self.staffing = staffing  # the person's loket right now, from the service (None: not known)
        self.text = typos.expand_chat(clean(reading.text))
        self.norm = _norm(self.text)
        self.injected = bool(INTENT_SYNTAX.match(self.text))
        self._repaired: tuple[str, tuple[tuple[str, str], ...]] | None = None
        self.whole = True  # False for the shadow turn that reads only the words after a slip
        # Fields whose reading came from a repaired typo ("landsbouw"), not from the words typed.
        self.from_repair: set[str] = set()
        self.out: list[Message] = []
        self.effects: list[Effect] = []
        self.asked: str | None = None
        self.shown: str | None = None

    # -- helpers
    def say(self, text: str, buttons: list[str] | None = None, custom: dict[str, Any] | None = None) -> None:
        self.out.append(Message(text=text, buttons=list(buttons or []), custom=custom))

    @property
    def intent(self) -> str | None:
        if self.injected:
            return None
        return self.r.intent

    def sure(self, *intents: str) -> bool:
        return self.intent in intents and (self.r.confidence >= NLU_SURE or self.r.confidence == 0.0)

    def control(self) -> str | None:
        """A message that is clearly not an answer to any question."""
        n = self.norm
        if self.injected:
            return None
        if _DELETE.search(n):
            return "delete_my_data"
        if _RESTART.match(n):
            return "start_over"
        if _STOP.match(n):
            return "stop"
        if _HUMAN.search(n):
            return "request_human"
        return None

    def result(self) -> TurnResult:
        offer = self.s.get("offer")
        return TurnResult(state=self.s, messages=self.out, effects=self.effects, asked=self.asked,
                          offer=offer["kind"] if offer else None, shown=self.shown)

    # -- entry
    def run(self) -> TurnResult:
        # The response selector always names some FAQ: it counts only when the intent is an FAQ.
        asked_stap = _STAP.search(self.text) or (
            self.r.faq_key == "faq/ask_stap" and self.intent == "faq" and self.r.confidence >= 0.8
            and bool(_QUESTION.search(self.text)))
        if asked_stap and "stap_budget" not in self.s["asked_schemes"]:
            self.s["asked_schemes"].append("stap_budget")
        if self.intent == "handoff_resume":
            self.s["offer"] = None
            if self.after_ticket():
                return self.result()
            self.say(_t("resume"))
            self.continue_()
            return self.result()
        if self.s["phase"] == "new":
            self.s["phase"] = "intake"
            if self.first_message():
                return self.result()
        if self.s.get("offer") and self.handle_offer():
            return self.result()
        ctrl = self.control()
        if ctrl:
            self.digression(ctrl)
            return self.result()
        open_ = self.s.get("open")
        if open_ == "summary":
            self.at_summary()
        elif open_ == "correction":
            self.at_correction()
        elif open_:
            self.at_question(open_)
        else:
            self.free()
        return self.result()

    def first_message(self) -> bool:
        """The opening: greet, and go on with the first question unless the message asks something."""
        facts = self.extract(None)
        if self.control() or (not facts and self.sure("faq", "request_human", "delete_my_data", "bot_challenge")):
            self.say(_t("greet"))
            return False  # handled as a digression by the normal flow
        self.say(_t("greet"))
        self.say(_t("explain_intake"))
        if facts:
            self.apply(facts, source="volunteered")
        self.next_question()
        return True

    # -- offers
    def handle_offer(self) -> bool:
        """True when the message was the answer to the open offer (yes or a plain no)."""
        offer = self.s["offer"]
        self.s["offer"] = None
        yes = self.is_yes() and not self.extract(None)
        kind = offer["kind"]
        if kind == "confirm" and yes:
            self.accept(offer["field"], offer["value"], source="asked")
            return True
        if kind == "confirm":
            if self.is_no() or self.norm == _norm(str(offer["typed"])):  # "nee" or the same again: as typed
                spec = vocabulary()[offer["field"]]
                typed = self._listify(spec, spec.other) if spec.other else offer["typed"]
                self.accept(offer["field"], typed, source="asked", own=True, words=str(offer["typed"]))
                return True
            return False  # read the message as a new answer to the open question
        if yes:
            if kind == "adviser":
                self.handoff(offer.get("reason") or "user_request")
            elif kind == "delete":
                self.say(_t("deleted"), custom={"privacy": "delete_requested"})
                self.effects.append(Effect("delete"))
                self.s.clear()
                self.s.update(new_state())
            elif kind == "go_on":
                self.continue_()
            elif kind == "restart":
                self.effects.append(Effect("restart"))
                self.s.clear()
                self.s.update(new_state())
                self.s["phase"] = "intake"
                self.say(_t("restarted"))
                self.next_question()
            return True
        if (self.is_no() or _GO_ON.match(self.norm) or _DECLINE.match(_answer_part(self.norm))) \
                and not self.extract(None):
            if kind == "go_on":
                self.say(_t("go_on_later"))
                return True
            if kind == "adviser" and self.s["phase"] == "advice" and not self.s.get("open"):
                self.say(_t("anything_else"), list(_after_advice_buttons()))
                return True
            self.say({"adviser": _t("adviser_declined"), "delete": _t("delete_cancelled"),
                      "restart": _t("restart_cancelled")}.get(kind, _t("adviser_declined")))
            self.continue_()
            return True
        return False  # closed; the message itself is read as usual

    def handoff(self, reason: str) -> None:
        summary = profile_of(self.s)
        # How each answer was learnt, so the adviser sees which facts are corrected or uncertain.
        notes = {"unknown": list(self.s["unknown"]), "own_words": dict(self.s["own_words"]),
                 "sources": dict(self.s["sources"])}
        # The truth about the loket first; "told" lets the service add only what was not said.
        *before, last = first_words(self.staffing)
        for text in before:
            self.say(text)
        self.say(last, custom={"handoff": "requested", "reason": reason, "summary": summary,
                               "intake_notes": notes, "told": self.staffing.status if self.staffing else None})
        self.effects.append(Effect("handoff", {"reason": reason}))

    def after_ticket(self) -> bool:
        """Back from a callback request: ask whether to go on, instead of asking on at once."""
        if not any(e.get("entity") == "after" and e.get("value") == "ticket" for e in self.r.entities):
            return False
        if self.s.get("open") or self.s["phase"] != "advice" or self.next_field() is not None:
            self.offer("go_on", _t("go_on_after_ticket"), _t("yes_button"), _t("no_button"))
        else:
            self.say(_t("anything_else"), list(_after_advice_buttons()))
        return True

    def offer(self, kind: str, text: str, yes: str, no: str, reason: str | None = None) -> None:
        self.s["offer"] = {"kind": kind, "reason": reason}
        self.say(text, [yes, no])

    # -- digressions: answered, then the open question again
    def digression(self, kind: str) -> None:
        if kind == "request_human":
            self.offer("adviser", _t("offer_adviser"), _t("yes_please"), _t("no_go_on"), "user_request")
            return
        if kind == "delete_my_data":
            self.offer("delete", _t("delete_confirm"), _t("delete_yes"), _t("no_button"))
            return
        if kind == "start_over":
            self.offer("restart", _t("restart_confirm"), _t("restart_yes"), _t("no_go_on"))
            return
        if kind == "stop":
            self.say(_t("stopped"))
            return
        if kind == "goodbye":
            self.say(_t("goodbye"))
            return
        if kind == "faq":
            self.say(self.faq_text() or _t("faq_unknown"))
        elif kind == "greet":
            self.say(_t("greet_again"))
        elif kind == "thank":
            self.say(_t("welcome"))
        elif kind == "bot_challenge":
            self.say(_t("bot_challenge"))
        elif kind == "ask_advice":
            self.say(_t("advice_after_questions") if self.s.get("open") else _t("advice_again"))
            if not self.s.get("open"):
                self.next_question()
                return
        elif kind == "explain_question":
            self.say(_t("explain"))
            self.continue_(explain=True)
            return
        elif kind == "out_of_scope":
            self.say(_t("out_of_scope"))
        elif kind == "dont_know":
            self.say(_t("anything_else"))
            return
        self.continue_()

    def faq_text(self) -> str | None:
        """The answer rendered from today's scheme data; the trained response only as fallback."""
        from assistant.policy.faq import faq_answer

        if self.r.faq_confidence is not None and self.r.faq_confidence < FAQ_SURE:
            return None  # a question the FAQ does not know ("waar verleng ik mijn paspoort?"): no wrong answer
        answer = faq_answer(self.r.faq_key, self.today) if self.r.faq_key else None
        return answer or self.r.faq_text

    def nlu_digression(self) -> str | None:
        """What the message is when it is no answer. While a question is open NLU alone must be
        sure and the message long enough: a one-word answer outside its vocabulary ("kapper")
        is easily misread as an intent; the short commands are caught by the regexes above."""
        if self.injected:
            return None
        words = len(self.norm.split())
        if _BYE.match(self.norm) and words <= 4:
            return "goodbye"
        if _GREETING.match(self.norm) and words <= 2:
            return "greet"
        if _THANKS.match(self.norm) and words <= 3:
            return "thank"
        asking = bool(self.s.get("open"))
        faq = self.intent == "faq" and self.r.faq_text and (self.r.confidence >= 0.5 or self.r.confidence == 0.0)
        if faq and (not asking or _QUESTION.search(self.text) or words >= 3):
            return "faq"
        for kind in ("request_human", "delete_my_data", "start_over", "stop", "bot_challenge", "explain_question",
                     "ask_advice", "thank", "greet", "goodbye", "out_of_scope"):
            if not self.sure(kind):
                continue
            if asking and kind in CONTROL_INTENTS and (words < 3 or 0.0 < self.r.confidence < 0.9):
                continue
            if asking and words < 2 and kind not in ("greet", "thank"):
                continue
            return kind
        return None

    # -- reading facts
    def extract(self, field_name: str | None) -> dict[str, Any]:
        """Facts in the message; with a field, read as the answer to that question."""
        if self.injected or not self.text:
            return {}
        answers = dict(self.s["answers"])
        entities = [e for e in self.r.entities if isinstance(e, Mapping)]
        try:
            found = dict(slotlib.extract(self.text, "inform", entities, field_name, answers, self.today).updates)
            text, repairs = self.repaired
            if repairs:
                # What the repaired words say wins where it differs from the typed ones
                # ("landsbouw" holds "bouw", but means "landbouw").
                meant = dict(slotlib.extract(text, "inform", entities, field_name, answers, self.today).updates)
                self.from_repair = {k for k, v in meant.items() if found.get(k) != v}
                found = meant  # "ik stdeer aan het hbo": studying there is no hbo diploma
        except Exception:  # a parser bug must never break the conversation
            log.exception("extract failed")
            return {}
        return found

    def is_yes(self) -> bool:
        n = _answer_part(self.norm)
        if _NO.match(n) or _DONT_KNOW.match(n) or _ENDS_NO.search(n):
            return False
        short = len(n.split()) <= 4
        said = bool(_YES.match(n)) or bool(_ENDS_YES.search(n))
        return said or (self.intent == "affirm" and self.r.confidence >= NLU_SURE and short)

    def is_no(self) -> bool:
        n = _answer_part(self.norm)
        if _DONT_KNOW.match(n) or _ENDS_YES.search(n):
            return False  # "geen idee hoeveel" is no "geen"
        said = bool(_NO.match(n)) or bool(_ENDS_NO.search(n))
        return said or (self.intent == "deny" and self.r.confidence >= NLU_SURE and len(n.split()) <= 4)

    def answer_to(self, spec: Field) -> tuple[Any, dict[str, Any], bool]:
        """(value for this question or None, other facts, own words used)."""
        if self.injected or _ASKS_BACK.match(self.text.strip().lower()):
            return None, {}, False  # "moet ik mijn papieren van de universiteit laten zien?" answers nothing
        slip = self._after_slip(spec) or self._without_disliked(spec)
        if slip is not None:
            return slip
        n = self.norm
        # A tapped (or typed) button title is that answer.
        for v in spec.values:
            if n == _norm(v.button) or n == _norm(v.label):
                return self._listify(spec, v.value), {}, False
        facts = self.extract(spec.id)
        value = facts.pop(spec.id, None) if spec.id in facts else None
        if spec.id == "age":
            year = re.search(r"\b(19\d\d|20[0-2]\d)\b", self.norm)
            if year and self.today.year - int(year.group(1)) >= 15:
                value = self.today.year - int(year.group(1))  # "ik ben van 1980"
        if spec.id == "education_level" and value is not None:
            from assistant.intake.parse import NOT_OBTAINED, parse_message

            if NOT_OBTAINED.search(self.norm) and parse_message(self.text, self.today).education_level is None:
                value = None  # "de havo niet afgemaakt": NLU's entity is no diploma the parser rejected
        override = self._cue(spec, spec.overrides) if spec.overrides else None
        if override is not None and not (spec.id == "employer_size" and self._head_count() is not None
                                         and not _SIZE_COMPARED.search(self.fixed)):
            value = override  # not over a head count: "3 vestigingen, zo'n 50 man" is 50 people
        count = self._head_count() if spec.id == "employer_size" else None
        if count is not None and not _SIZE_COMPARED.search(self.fixed):
            value = "mkb" if count < 250 else "groot"  # "20 scholen, ongeveer 600 mensen": the people count
        if value is None and spec.id == "employer_size" and not facts:
            # The question is "Werken er minder dan 250 mensen bij je werkgever?"
            value = "mkb" if self.is_yes() else "groot" if self.is_no() else None
        if spec.kind == "bool" and (self.is_yes() or self.is_no()):
            # "nee, lezen en schrijven gaat goed": the yes or no said first is the answer, whatever
            # the parser reads in the explanation after it.
            value = self.is_yes()
        if value is None and spec.kind == "int" and not facts:
            value = self._number(spec)
        if value is None and spec.id == "employer_size" and not facts:
            count = self._number(spec)
            value = None if count is None else "mkb" if count < 250 else "groot"
        if value is None and spec.cues:
            value = self._cue(spec, spec.cues)
        if value is None and spec.kind in ("enum", "list"):
            value = self._fuzzy(spec)
        if value is None and spec.id == "goal" and not facts:
            value = self._goal_from_story()
        if spec.id == "municipality" and (value is None or isinstance(value, str)):
            value = self._place(value)
        if value is not None and spec.kind == "int":
            value = slotlib.coerce(spec.id, value)
            if value is None:
                return "invalid", facts, False
        if value is not None and self.corrects_other(spec, facts):
            # "nee sorry, ik heb de hogeschool gedaan" at the sector question corrects the diploma;
            # it is no answer to the open question (nor is the "nee" of it to a yes/no question).
            return None, facts, False
        fields = vocabulary().fields
        # Only a diploma held says "this is no goal": "lezen en schrijven" to the goal question is
        # the goal basisvaardigheden, although it also tells the need for help.
        if value is not None and "education_level" in facts and spec.id in fields["education_level"].blocks:
            if _HELD.search(self.norm) and not _WANT.search(self.norm):
                value = None  # "nee sorry, ik heb een mbo 3 diploma" to the goal question: a diploma held, no goal
            elif value == "diploma_halen" and not _HELD.search(self.norm):
                facts.pop("education_level")  # "een hbo diploma", "mbo 4 ict halen": the diploma wanted, not held
        if spec.id == "goal" and value == "basisvaardigheden" and _HELP_OTHERS.search(self.fixed):
            # "nieuwkomers helpen met de taal": the language is what one wants to give, not to learn
            value = self._cue(spec, tuple((v, c) for v, c in spec.cues if v != "basisvaardigheden")) or "orienteren"
        if spec.id == "goal" and value == "omscholen" and _BECOME.search(self.fixed) \
                and self.s["answers"].get("current_sector") in self._named_sectors() \
                and (self.s["answers"].get("current_sector") in _FUNCTION_SECTORS or _STEP_UP.search(self.fixed)):
            value = "bijscholen"  # "verzorgende ig worden" in the care one works in: a step up, no new work
        if spec.id == "goal" and value == "diploma_halen" and _CERTIFICATE.search(self.fixed) \
                and not _DIPLOMA.search(self.fixed) and self.s["answers"].get("work_status") in slotlib.WORKING:
            value = "bijscholen"  # a certificate for the work one does ("heftruckcertificaat") is no diploma
        if spec.id == "goal" and value == "omscholen" and self.s["answers"].get("work_status") == "student" \
                and _BECOME.search(self.fixed):
            value = "diploma_halen"  # a pupil who wants to become a nurse has no work to leave
        if value is not None and spec.id in _SECTOR_FIELDS and value != self._listify(spec, spec.other):
            meant = [m for _, m in self.repaired[1] if m in typos.sector_words()]
            if meant and self._as_typed(spec) != value:
                # A sector read from a repaired typo ("landsbouw") is a guess: ask before keeping it.
                labels = ", ".join(spec.label_of(v) for v in (value if isinstance(value, list) else [value]))
                self.s["offer"] = {"kind": "confirm", "field": spec.id, "value": value, "typed": self.text,
                                   "show": f"{' '.join(dict.fromkeys(meant))} ({labels})"}
                return "confirm", facts, False
        if value is None and spec.id in _SECTOR_FIELDS and not facts:
            guess = self._sector_guess(spec)
            if guess is not None:
                return guess, facts, False
        own = False
        # Own words become "anders" at once for open lists (jobs, sectors); a work situation is
        # only taken as "anders" after it was asked again in other words.
        patient = (spec.id == "work_status" and not self.s["attempts"].get(spec.id)) or self.narrowable(spec)
        # Facts the question blocks are no facts of this answer ("ik ben schilder" is no sector).
        unblocked = {k: v for k, v in facts.items() if k not in spec.blocks}
        if value is None and spec.other and not patient and self._looks_like_answer(unblocked):
            value, own = self._listify(spec, spec.other), True
        return value, facts, own

    def _goal_from_story(self) -> str | None:
        """A goal told as a wish for one's working life, with no words of the list: learning a skill
        while working is getting better at one's work; work in another sector is other work."""
        n = self.fixed
        if len(n.split()) < 3 or _DONT_KNOW.match(n) or _QUESTION.search(self.text):
            return None
        answers = self.s["answers"]
        working = answers.get("work_status") in slotlib.WORKING
        named = self._named_sectors()
        current = answers.get("current_sector")
        if named and current and current not in named:
            return "omscholen"  # "netwerken bouwen" from a cashier: work in another sector
        if _LEARN_SKILL.search(n) and working:
            return "bijscholen"  # "warmtepompen leren installeren want daar zit het werk"
        if named and _WANT.search(n):
            return "bijscholen" if working and current in named else "omscholen"
        return None

    def _named_sectors(self) -> set[str]:
        """The sectors a message names, also through a job in them ("verzorgende ig" is care)."""
        from assistant.intake.parse import parse_message

        named = parse_message(self.text, self.today)
        sectors = {*named.sector_interests, *named.bare_sectors, named.current_sector} - {None}
        functions = vocabulary()["current_function"]
        job = self._cue(functions, functions.cues)
        if job is not None and functions.buttons_by is not None:
            sectors |= {sector for sector, jobs in functions.buttons_by[1].items() if job in jobs and job != "anders"}
        return {str(s) for s in sectors}

    def _after_slip(self, spec: Field) -> tuple[Any, dict[str, Any], bool] | None:
        """The answer after a slip taken back in the same message ("vast, o nee, ik bedoel tijdelijk"),
        when the words after the last correction answer the question by themselves."""
        if not self.whole:
            return None
        norm = _MEANT_AT_END.sub("", self.norm)
        marks = list(_SELF_CORRECTION.finditer(norm))
        head, tail = (norm[:marks[-1].start()], norm[marks[-1].end():]) if marks else ("", "")
        short = _SHORT_SLIP.match(self.norm)
        if not marks and short:
            head, tail = short.group(1), short.group(2)
        said = [w for w in _SELF_CORRECTION.sub(" ", head).split() if w not in _SLIP_FILLER]
        if not said or not tail.strip() or _DONT_KNOW.match(tail.strip()):
            return None  # "oh nee, foutje. ik bedoel mbo 4" corrects an earlier answer: read as a whole
        shadow = _Turn(copy.deepcopy(self.s), Reading(text=tail.strip()), self.today, self.staffing)
        shadow.whole = False
        value, facts, own = shadow.answer_to(spec)
        if value is None or value == "invalid" or own:
            return None
        if value == "confirm":
            self.s["offer"] = shadow.s["offer"]
        return value, facts, own

    def _without_disliked(self, spec: Field) -> tuple[Any, dict[str, Any], bool] | None:
        """The answer in the parts of the message that are not about what the person does not want
        ("ik zit liever in een klas, thuis komt er niks van")."""
        if not self.whole:
            return None
        parts = [p for p in re.split(r"[,.;!?]+|\bmaar\b", self.text) if p.strip()]
        kept = [p for p in parts if not _DISLIKED_PART.search(_norm(p))]
        if len(kept) == len(parts) or not kept:
            return None
        rest = ", ".join(p.strip() for p in kept)
        shadow = _Turn(copy.deepcopy(self.s), Reading(text=rest), self.today, self.staffing)
        shadow.whole = False
        value, facts, own = shadow.answer_to(spec)
        if value is None or value == "invalid" or own or value == "confirm":
            return None
        return value, facts, own

    def _sector_guess(self, spec: Field) -> Any:
        """A one-word answer with a typo the repair left alone ("htel", "caf"): the closest sector
        word, offered for confirmation ("Bedoel je hotel (horeca)?")."""
        words = [w for w in re.findall(r"[^\W\d_]+", self.norm) if w not in _GUESS_FILLER]
        if len(words) != 1 or (meant := typos.near_sector(words[0])) is None:
            return None
        shadow = _Turn(copy.deepcopy(self.s), Reading(text=meant), self.today)
        value = shadow.answer_to(spec)[0]
        if value is None or value == "confirm" or value == self._listify(spec, spec.other):
            return None
        labels = ", ".join(spec.label_of(v) for v in (value if isinstance(value, list) else [value]))
        self.s["offer"] = {"kind": "confirm", "field": spec.id, "value": value, "typed": self.text,
                           "show": f"{meant} ({labels})"}
        return "confirm"

    def _as_typed(self, spec: Field) -> Any:
        """The answer to ``spec`` read from the words as typed, without repairs (on a copy)."""
        shadow = _Turn(copy.deepcopy(self.s), self.r, self.today)
        shadow._repaired = (self.text, ())
        return shadow.answer_to(spec)[0]

    def corrects_other(self, spec: Field, facts: Mapping[str, Any]) -> bool:
        """ "oh nee, foutje. ik heb een mbo 4 diploma" to a yes/no question: the "nee" belongs to
        the correction of an earlier answer, not to the question. A filler "eigenlijk" or "toch" next to
        an answer to this question ("maakt mij niks uit eigenlijk") corrects nothing."""
        if not _CORRECTION.search(re.sub(r"\b(?:eigenlijk|toch)\b", " ", self.norm)):
            return False
        answers = self.s["answers"]
        # A sector read in passing ("docent", "school") is the noisiest reading: it alone names no correction.
        # Nor does a fact this question blocks ("wacht, ik wil voor mezelf beginnen" to the goal
        # question is a goal, not being a zzp'er).
        changed = any(k != spec.id and k not in _SECTOR_FIELDS and k not in spec.blocks and k in answers
                      and answers[k] != v for k, v in facts.items())
        return changed or bool(self.cue_facts(exclude=spec.id, facts=facts))

    @staticmethod
    def _listify(spec: Field, value: Any) -> Any:
        return [value] if spec.kind == "list" and not isinstance(value, list) else value

    def _number(self, spec: Field) -> int | None:
        """A number in digits or Dutch words; for the age also a birth year ("ik ben van 1980")."""
        from assistant.intake.parse import UNITS, _number_word  # the parser's Dutch number words

        tokens = self.norm.replace("-", " ").split()
        found: list[tuple[int, int]] = []  # (token index, number)
        for i, token in enumerate(tokens):
            if token in ("een", "één") and len(tokens) > 2 and tokens[i + 1:i + 2] != ["en"]:
                continue  # the article ("ik heb een entreediploma"), not the number one
            if spec.id == "age" and re.fullmatch(r"19\d\d|20[0-2]\d", token):
                return self.today.year - int(token)
            token = token.replace("ë", "e")
            number = _number_word(token) if token not in UNITS else UNITS[token]
            if number is None and token.endswith("en") and len(token) > 4:  # "met z'n vijven / tienen"
                stem = token[:-2]
                for form in (stem, stem[:-1] + "f" if stem.endswith("v") else stem[:-1]):
                    number = number or (UNITS.get(form) if form in UNITS else _number_word(form))
            if number is not None:
                if spec.id != "employer_size":
                    return number
                found.append((i, number))
        if not found:
            return None
        # A head count: the number of people ("twintig scholen, zo'n zeshonderd man"), else the largest.
        people = [n for i, n in found if tokens[i + 1:i + 2] and _PEOPLE_WORD.match(tokens[i + 1])]
        return people[0] if people else max(n for _, n in found)

    def _head_count(self) -> int | None:
        """A number of people said as such ("zo'n 50 man"), not any number in the answer."""
        from assistant.intake.parse import UNITS, _number_word

        tokens = self.norm.replace("-", " ").split()
        for before, word in itertools.pairwise(tokens):
            number = int(before) if before.isdigit() else UNITS.get(before) or _number_word(before)
            if number is not None and _PEOPLE_WORD.match(word):
                return number
        return None

    def _fuzzy(self, spec: Field) -> Any:
        """A misspelt answer ("opropkracht", "zorgg"): the closest known wording, if close enough.

        An exact wording the parser left out on purpose ("de havo niet afgemaakt") stays out."""
        from assistant.intake.parse import NOT_OBTAINED
        from assistant.intake.parse import vocabulary as parse_vocabulary

        not_obtained = spec.id == "education_level" and NOT_OBTAINED.search(self.norm)
        if not_obtained or _NEGATORS.intersection(self.norm.split()):
            return None  # a typo guess next to "niet"/"geen" is more likely wrong than right
        entity = {"current_sector": "sector", "sector_interests": "sector"}.get(spec.id, spec.id)
        choices = {phrase: value for phrase, (ent, value) in parse_vocabulary().phrases.items()
                   if ent == entity and len(phrase) >= 4}
        if entity == "sector":
            from assistant.catalogue.interests import VOCABULARY as INTERESTS

            for key, sectors in INTERESTS:
                if len(key.strip()) >= 5 and len(sectors) == 1:
                    choices.setdefault(key.strip(), sectors[0])
        parser_phrases = set(choices)
        for v in spec.values:
            choices.setdefault(_norm(v.button), v.value)
        words = [w for w in self.fixed.split() if len(w) >= 4]
        grams = words + [" ".join(p) for p in itertools.pairwise(words)] + [self.fixed]
        best: tuple[int, Any] | None = None
        for gram in grams:
            # Short words are easily close to another word ("doen" ~ "docent"): they must be closer.
            cutoff = FUZZY_CUTOFF if len(gram) > 6 else 88
            hit = process.extractOne(gram, list(choices), scorer=fuzz.ratio, score_cutoff=cutoff)
            if hit and abs(len(hit[0]) - len(gram)) > 2:
                continue  # a typo changes a letter or two, it does not drop a word part ("ww-uitkering")
            if hit and hit[1] >= 100 and hit[0] in parser_phrases:
                continue  # spelt right: the parser read it, or left it out on purpose ("een opleiding voor mezelf")
            if hit and all(typos.is_word(w) for w in gram.split()) \
                    and OSA.distance(gram.replace(" ", ""), hit[0].replace(" ", "")) > 1:
                # Words spelt right are no typo of another phrase ("uitkering" is no "ww-uitkering",
                # "dienst ... bedrijf" no "eigen bedrijf"); only split or joined ("oproep kracht").
                continue
            if hit and (best is None or hit[1] > best[0]):
                best = (int(hit[1]), choices[hit[0]])
        if best is None or best[1] not in spec.allowed:
            return None
        return self._listify(spec, best[1])

    def _cue(self, spec: Field, table: tuple[tuple[Any, tuple[str, ...]], ...]) -> Any:
        hit = self._cue_hit(spec, table)
        return None if hit is None else hit[0]

    def _cue_hit(self, spec: Field, table: tuple[tuple[Any, tuple[str, ...]], ...],
                 longest: bool = False) -> tuple[Any, int] | None:
        """The first value (in the vocabulary's order) with a cue at a word start in the message,
        and the length of the words it matched; with ``longest`` the value of the longest match.
        A cue "re:<pattern>" is a regular expression on the folded message."""
        if _QUESTION.search(self.text) and self.nlu_digression():
            return None
        text = self.fixed
        best: tuple[Any, int] | None = None
        offered = set(spec.button_keys(self.s["answers"])) if spec.buttons_by is not None else None
        for value, cues in table:
            if offered and value not in offered:
                continue  # "begeleider op de bso" in childcare is no begeleider in disability care
            for cue in cues:
                pattern = cue[3:] if cue.startswith("re:") else r"(?:^|\s)" + re.escape(_norm(cue))
                for hit in re.finditer(pattern, text):
                    if not cue.startswith("re:") and not _abbreviation_fits(cue, text, hit.end()):
                        continue
                    if _DISLIKED.match(text[hit.end():]):
                        continue  # "thuis komt er niks van", "online vind ik niks": what is not wanted
                    before = text[:hit.start()].split()[-3:]  # "niet op de computer"
                    shrug = re.search(r"\bgeen (?:flauw )?idee\b", " ".join(before))  # "geen idee, best groot"
                    if cue.startswith("re:") or shrug or not _NEGATORS.intersection(before):  # "geen vast contract"
                        found = (self._listify(spec, value), len(hit.group().strip()))
                        if not longest:
                            return found
                        if best is None or found[1] > best[1]:
                            best = found
        return best

    @property
    def fixed(self) -> str:
        """The message with typos repaired ("bachelo" -> "bachelor"), folded, for the cues."""
        return _norm(self.repaired[0])

    @property
    def repaired(self) -> tuple[str, tuple[tuple[str, str], ...]]:
        """The message with its typos repaired (see ``assistant.intake.typos``) and the repairs."""
        if self._repaired is None:
            self._repaired = typos.repair_text(self.text) if not self.injected else (self.text, ())
        return self._repaired

    def _place(self, found: str | None) -> Any:
        """A known gemeente; a near miss is confirmed ("Bedoel je Zwolle?"); else kept as typed."""
        from assistant.intake.parse import known_municipalities

        typed = found or slotlib._municipality_from_text(self.text)
        if typed and (_DONT_KNOW.match(self.norm) or _NOT_A_PLACE.search(_norm(typed))):
            return None  # "weet ik zo niet" is no place
        if (not found and (_QUESTION.search(self.norm) or self.nlu_digression())) or self.injected:
            return None
        known = list(known_municipalities())
        lower = {m.lower(): m for m in known}
        if typed and typed.lower() in lower:
            return lower[typed.lower()]
        named = self._places_named()
        if len(named) == 1 and not (typed and typed.lower() in lower):
            return named.pop()  # "in den bosch, rosmalen eigenlijk": known names of one gemeente
        hit = process.extractOne(typed, known, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF) if typed else None
        if not hit:
            # "een dorp bij Assen": a gemeente named inside the sentence, to be confirmed
            inside = [m for m in known if len(m) >= 3
                      and re.search(r"(?:^|\s)" + re.escape(_norm(m)) + r"(?:$|\s)", self.norm)]
            hit = (max(inside, key=len), 100.0, 0) if inside else None
        if hit:
            self.s["offer"] = {"kind": "confirm", "field": "municipality", "value": hit[0], "typed": typed or self.text}
            return "confirm"
        if self.nlu_digression():
            return None  # "een mens graag", "vertel eens een mop": no unknown place, but something else
        return {"own": typed} if typed else None

    def _places_named(self) -> set[str]:
        """The gemeenten whose names (or known places in them) the answer holds, not negated."""
        from assistant.intake.parse import AMBIGUOUS_PLACES
        from assistant.intake.parse import vocabulary as parse_vocabulary

        padded = f" {self.norm} "
        found: list[tuple[int, str]] = []
        for name, official in parse_vocabulary().municipalities.items():
            at = padded.find(f" {name} ")
            if at >= 0 and name not in AMBIGUOUS_PLACES and len(name) >= 3 \
                    and not re.search(r"\b(?:niet|nooit|geen)(?: meer)? (?:in|te|uit)\s+$", padded[:at + 1]):
                found.append((at, official))
        found.sort()
        between = padded[found[0][0]:found[1][0]] if len(found) > 1 else ""
        if len({o for _, o in found}) > 1 and re.search(
                r"\b(?:bij|vlakbij|naast|onder|rond|in de buurt van|dichtbij|tegen)\b", between):
            return {found[0][1]}  # "velp bij arnhem": the place, then the city it lies by
        return {o for _, o in found}

    def _looks_like_answer(self, facts: Mapping[str, Any]) -> bool:
        """Short words that are no question, no yes/no and no digression: the person's own answer."""
        n = self.norm
        words = n.split()
        return (0 < len(words) <= 12 and not facts and not _QUESTION.search(self.text) and not _YES.match(n)
                and not _CORRECTION.search(n)
                and not _NO.match(n) and not _DONT_KNOW.match(n) and not _DECLINE.match(n)
                and self.nlu_digression() is None
                and any(len(w) >= 3 for w in words))

    # -- answering
    def accept(self, name: str, value: Any, source: str, own: bool = False, words: str | None = None) -> None:
        if isinstance(value, dict) and "own" in value:
            value, own = value["own"], True
        spec = vocabulary()[name]
        if own:
            self.s["own_words"][name] = (words or self.text)[:80] if spec.kind != "text" else str(value)
        self.s["answers"][name] = value
        self.s["sources"][name] = source
        if name in self.s["unknown"]:
            self.s["unknown"].remove(name)
        self.after_change()
        if self.s.get("open") == name:
            self.close_question()
        self.continue_()

    def apply(self, facts: Mapping[str, Any], source: str, may_correct: bool = True) -> bool:
        """Facts for other questions. A volunteered fact never beats an answer to its own question."""
        correcting = source == "corrected" or (may_correct and bool(_CORRECTION.search(self.norm)))
        changed = False
        before = dict(self.s["answers"])
        answered = {k for k in facts if self.s["sources"].get(k) in ("asked", "corrected")
                    and facts[k] != self.s["answers"].get(k)}
        if correcting and len(answered) > 1:
            # One correction, one thing: a sector the parser also reads in it is the noisiest reading.
            facts = {k: v for k, v in facts.items() if k not in ("sector_interests", "current_sector")
                     or k not in answered}
        for name, value in facts.items():
            if name not in vocabulary().fields:
                continue
            if name == "education_level" and value in ("buitenlands", "geen") and not _DIPLOMA_WORDS.search(self.norm):
                continue  # "ik kom uit Eritrea", "nee, geen zorgen": no word about a diploma
            if name == "education_level" and value == "geen" and source == "volunteered" and _WANT.search(self.norm):
                continue  # "ik wil in de zorg werken maar heb geen diploma": none for that work, the question asks
            if name == "work_status" and value == "zzp" \
                    and "ondernemen" in (facts.get("goal"), self.s["answers"].get("goal")) \
                    and _WANT.search(self.norm) and not _IS_ZZP.search(self.norm):
                continue  # "wacht, ik wil voor mezelf beginnen": a wish, not being a zzp'er now
            if name == "preferred_form" and source == "volunteered" and (
                    not _ABOUT_LEARNING.search(self.norm) or _TEACHING.search(self.norm)):
                continue  # "online handel", "met de computer op internet": no word about how to learn
            if name == "preferred_form" and value == "online" and source == "volunteered" \
                    and (_DIGITAL_TOPIC.search(self.norm) or not _ONLINE_LEARNING.search(self.norm)):
                continue  # "beter leren met de computer, alles gaat online": the computer is what is learnt
            if name == "work_status" and value == "werkzoekend_zonder_uitkering" and source == "volunteered" \
                    and not _NO_BENEFIT.search(self.norm):
                continue  # "ik zoek werk" says nothing of a benefit: the work question asks it
            open_ = self.s.get("open")
            if source == "volunteered" and open_ in vocabulary().fields and name in vocabulary()[open_].blocks \
                    and not correcting:
                continue  # "mbo 4 diploma" to the diploma question is a diploma held, not a goal
            spec = vocabulary()[name]
            if spec.overrides and value is not None:
                value = self._cue(spec, spec.overrides) or value  # "een master van de hogeschool"
            was_answered = self.s["sources"].get(name) in ("asked", "corrected")
            if was_answered and not correcting:
                continue
            if value is None:
                if name in self.s["answers"]:
                    self.s["answers"].pop(name)
                    self.s["sources"].pop(name, None)
                    if name in self.s["asked"]:
                        self.s["asked"].remove(name)
                    changed = True
                continue
            if self.s["answers"].get(name) != value:
                self.s["answers"][name] = value
                self.s["sources"][name] = "corrected" if correcting and was_answered else source
                self.s["own_words"].pop(name, None)
                if name in self.s["unknown"]:
                    self.s["unknown"].remove(name)
                changed = True
        if changed:
            self.after_change()
        # A fact that no longer applies is dropped again ("voor het mkb" from a pensioner): nothing
        # changed, so the message is no news to thank for.
        return changed and self.s["answers"] != before

    def after_change(self) -> None:
        """Derived facts, and answers that no longer apply (no employer questions for a zzp'er)."""
        answers = self.s["answers"]
        if answers.get("goal") == "basisvaardigheden" and "literacy_need" not in answers:
            answers["literacy_need"] = True
            self.s["sources"]["literacy_need"] = "derived"
        muni = answers.get("municipality")
        if muni and "municipality" not in self.s["own_words"] and "connected_to_dutch_labour_market" not in answers:
            answers["connected_to_dutch_labour_market"] = True
            self.s["sources"]["connected_to_dutch_labour_market"] = "derived"
        for name, spec in vocabulary().fields.items():
            if name in answers and spec.ask_if and not self.condition(spec, known_only=True):
                answers.pop(name)
                self.s["sources"].pop(name, None)

    def condition(self, spec: Field, known_only: bool = False) -> bool:
        """Whether the field's ask_if holds; known_only: only known facts can make it fail."""
        answers = self.s["answers"]
        for other, want in spec.ask_if.items():
            value = answers.get(other)
            if value is None:
                if known_only or (isinstance(want, dict) and "not" in want):
                    continue
                return False
            if isinstance(want, list) and value not in want:
                return False
            if isinstance(want, dict):
                if "not" in want and value in want["not"]:
                    return False
                if "max" in want and isinstance(value, int) and value > want["max"]:
                    return False
                if "min" in want and isinstance(value, int) and value < want["min"]:
                    return False
        return True

    def close_question(self) -> None:
        key = self.s.get("open")
        self.s["open"] = None
        self.s["attempts"].pop(str(key), None)
        self.s["shown"].pop(str(key), None)

    def skip(self, name: str, text_key: str) -> None:
        self.say(_t(text_key))
        if name not in self.s["unknown"]:
            self.s["unknown"].append(name)
        self.close_question()
        self.continue_()

    def shrugged(self, spec: Field) -> None:
        """ "weet ik niet": skipped as unknown, or the answer it is ("geen idee" to the goal is
        wanting to look at what fits)."""
        if spec.dont_know is None:
            self.skip(spec.id, "dont_know_ok")
        else:
            self.accept(spec.id, spec.dont_know, "asked")

    # -- at an open question
    def at_question(self, name: str) -> None:
        spec = vocabulary()[name]
        # "weet ik niet meer, iets van de huishoudschool": a shrug with an answer after it is read
        # as that answer first; a bare shrug skips the question.
        shrug = _DONT_KNOW.match(self.norm)
        if shrug and len(self.norm[shrug.end():].split()) < 2:
            self.shrugged(spec)
            return
        if spec.kind == "bool" or name == "employer_size":
            # "nee" answers a yes/no question; only afterwards is it a digression
            pass
        if _QUESTION.search(self.text):
            # A question back ("wat doen jullie met mijn gegevens?") is no answer, even if the
            # parser finds a word in it that would fit the question.
            asked_back = self.nlu_digression()
            if asked_back in ("faq", "out_of_scope", "bot_challenge", "explain_question", "request_human"):
                self.digression(asked_back)
                return
        value, facts, own = self.answer_to(spec)
        if value is None and shrug:
            self.apply(facts, "volunteered")
            self.shrugged(spec)
            return
        if value is None and not facts and self.sure("dont_know"):
            # NLU's "weet ik niet" only after the question's own readings found nothing ("niks"
            # is no diploma, not a shrug).
            self.shrugged(spec)
            return
        if value == "confirm":
            offer = self.s["offer"]
            self.say(_t("did_you_mean", value=offer.get("show", offer["value"])), [_t("yes_button"), _t("no_button")])
            self.asked = name
            return
        if value == "invalid":
            self.apply(facts, "volunteered")
            self.say(spec.invalid)
            self.fail(name, said=True)
            return
        if value is not None:
            correcting = self.s["phase"] in ("summary", "correction", "advice") or name in self.s["sources"]
            # "sorry, ik bedoel: met een docent erbij" re-answers the open question; the other
            # readings in it ("docent": onderwijs) must not correct earlier answers.
            self.apply(facts, "volunteered", may_correct=False)
            self.accept(name, value, "corrected" if correcting else "asked", own=own)
            return
        digression = self.nlu_digression()
        if digression:
            if digression not in ("faq", "bot_challenge", "explain_question", "out_of_scope") \
                    and not _QUESTION.search(self.text):
                self.apply(facts, "volunteered")  # a question ("wat is bbl?") tells nothing about the person
            self.digression(digression)
            return
        if self.narrowable(spec):
            self.apply(facts, "volunteered")
            self.narrow(spec)
            return
        correcting = bool(_CORRECTION.search(self.norm))
        if correcting:
            cued = self.cue_facts(exclude=name, facts=facts)
            if cued:
                facts = self.with_cued(facts, cued)
        if self.apply(facts, "volunteered"):
            if name in self.s["answers"]:  # the facts answered it after all (a correction of it)
                self.close_question()
                self.continue_()
                return
            # News for another question still leaves this one unanswered: it counts as a try,
            # so a person who keeps telling other things meets the ladder, not the same prompt.
            attempts = int(self.s["attempts"].get(name, 0)) + 1
            self.s["attempts"][name] = attempts
            if attempts >= SKIP_AFTER:
                self.skip(name, "skipped")
                return
            self.say(_t("changed") if correcting else _t("noted"))
            self.continue_()
            return
        self.fail(name)

    def cue_facts(self, exclude: str | None = None, facts: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """A correction of an earlier answer in other words ("wacht, ik leer liever met een docent"):
        the answered question whose cue matches the most words (a bare "leren" is weaker than
        "werken en leren"), as the parser knows no such wordings. A question blocked by a fact the
        parser read ("een mbo 3 diploma" is a diploma held, not the goal "diploma") is no candidate."""
        best: tuple[int, int, str, Any] | None = None
        asked = list(self.s.get("asked") or [])
        fields = vocabulary().fields
        blocked = {b for f, v in (facts or {}).items() if f in fields and v != self.s["answers"].get(f)
                   for b in fields[f].blocks}
        if exclude in fields:
            blocked |= set(fields[exclude].blocks)  # the question's own: "voor mezelf beginnen" is a goal
        # A question left unknown ("geen idee") can be answered after all ("ik leer het liefst met
        # een docent erbij" at the summary), so it is a candidate too.
        for name in dict.fromkeys([*self.s["answers"], *self.s["unknown"]]):
            spec = fields.get(name)
            if spec is None or name == exclude or name in blocked or self.s["sources"].get(name) == "derived":
                continue
            hit = (self._cue_hit(spec, spec.overrides, longest=True) if spec.overrides else None) or (
                self._cue_hit(spec, spec.cues, longest=True) if spec.cues else None)
            if hit is None or hit[0] == self.s["answers"].get(name):
                continue
            # The longest match wins; on a tie the question asked last (what is being corrected).
            rank = (hit[1], asked.index(name) if name in asked else -1, name, hit[0])
            if best is None or rank[:2] > best[:2]:
                best = rank
        return {} if best is None else {best[2]: best[3]}

    def narrowable(self, spec: Field) -> bool:
        if not spec.narrow_ask:
            return False
        for cue in spec.narrow_cues:
            for hit in re.finditer(r"(?:^|\s)" + re.escape(cue), self.norm):
                # "ik werk niet", "ik werk nu even niet meer": no work to ask about
                if not _NEGATORS.intersection(self.norm[hit.end():].split()[:3]):
                    return True
        return False

    def narrow(self, spec: Field) -> None:
        """Half an answer ("ik werk bij de Jumbo"): ask only the missing part, with buttons."""
        attempts = int(self.s["attempts"].get(spec.id, 0)) + 1
        self.s["attempts"][spec.id] = attempts
        shown: dict[str, int] = self.s["shown"].setdefault(spec.id, {})
        if attempts >= SKIP_AFTER or shown.get(spec.narrow_ask, 0) >= MAX_SAME_PROMPT:
            self.fail(spec.id, said=True) if attempts < SKIP_AFTER else self.skip(spec.id, "skipped")
            return
        shown[spec.narrow_ask] = shown.get(spec.narrow_ask, 0) + 1
        titles = [v.button for v in (spec.value(k) for k in spec.narrow_buttons) if v is not None]
        self.say(spec.narrow_ask, [*titles, _t("dont_know_button")])
        self.asked = spec.id

    def fail(self, key: str, said: bool = False) -> None:
        """One more failed try at the open question: re-ask differently, or skip after three."""
        attempts = int(self.s["attempts"].get(key, 0)) + 1
        self.s["attempts"][key] = attempts
        if self.injected and not said:
            self.say(_t("injected"))
            said = True
        if attempts >= SKIP_AFTER:
            if key == "summary":
                self.give_advice()
            elif key == "correction":
                self.show_summary()
            else:
                self.skip(key, "skipped")
            return
        if not said:
            self.say(_t("not_understood"))
        self.continue_()

    # -- summary and corrections
    def correction_facts(self) -> dict[str, Any]:
        """What a correction changes: the cue names the answered question; the parser's other
        readings only fill questions not answered yet."""
        facts = self.extract(None)
        # "de gemeente klopt niet, ik woon in zwolle": the answer named by its own word is what is
        # corrected; the words that name it are no cue for another answer ("de gemeente" as employer).
        named = {k: v for k, v in facts.items() if k in _NAMED_FIELDS and _FIELD_WORDS[k].search(self.norm)}
        study = _FIELD_WORDS["max_hours_study_per_week"].search(self.norm)
        if study:
            # "het moet 10 zijn": the number said, for the study hours the message names
            number = self._number(vocabulary()["max_hours_study_per_week"])
            named.pop("hours_per_week", None)
            if number is not None:
                named["max_hours_study_per_week"] = number
        if named:  # also when it restates the answer kept: "het diploma klopt niet ... mbo niveau 4" names no goal
            return {**{k: v for k, v in facts.items() if k not in self.s["answers"]}, **named}
        cued = self.cue_facts(facts=facts)
        return self.with_cued(facts, cued) if cued else facts

    def with_cued(self, facts: Mapping[str, Any], cued: Mapping[str, Any]) -> dict[str, Any]:
        """The cue names what is corrected; the parser's other readings only fill gaps, and not
        those the corrected question blocks ("ik leer liever met een docent erbij" names no sector)."""
        fields = vocabulary().fields
        blocked = {b for f in cued if f in fields for b in fields[f].blocks}
        kept = {k: v for k, v in facts.items() if k not in self.s["answers"] and k not in blocked}
        return {**kept, **cued}

    def at_summary(self) -> None:
        # "wat doen jullie eigenlijk met mijn gegevens?" is a question, not a correction
        asks_back = bool(_ASKS_BACK.match(self.text.strip().lower()))
        correcting = (bool(_CORRECTION.search(self.norm)) or self.is_no()) and not asks_back
        facts = {} if _DONT_KNOW.match(self.norm) else (self.correction_facts() if correcting else self.extract(None))
        if facts:
            self.apply(facts, "corrected")
            self.s["open"] = None
            self.continue_()
            return
        if self.is_yes():
            self.give_advice()
            return
        if correcting:
            self.close_question()
            self.s["open"] = "correction"
            self.say(_t("ask_correction"))
            self.asked = "correction"
            return
        self.digress_or_fail("summary", self.nlu_digression())

    def digress_or_fail(self, key: str, digression: str | None) -> None:
        """At the summary or the correction: answer a digression, else one more failed try."""
        if digression:
            self.digression(digression)
        else:
            self.fail(key)

    def at_correction(self) -> None:
        facts = {} if _DONT_KNOW.match(self.norm) else self.correction_facts()
        if facts and self.apply(facts, "corrected"):
            self.s["open"] = None
            self.say(_t("changed"))
            self.continue_()
            return
        digression = self.nlu_digression()
        for name, pattern in _FIELD_WORDS.items():
            if pattern.search(self.norm) and not digression:
                self.s["answers"].pop(name, None)
                self.s["sources"].pop(name, None)
                self.close_question()
                self.ask(name)
                return
        if self.is_yes():
            self.give_advice()
            return
        self.digress_or_fail("correction", digression)

    # -- nothing open (after the advice)
    def free(self) -> None:
        after = _after_advice_buttons()
        n = self.norm
        if n == _norm(after[1]):
            self.say(_t("advice_document"), custom={"advice_document": "requested"})
            self.effects.append(Effect("advice_document"))
            return
        if n == _norm(after[0]):
            self.digression("request_human")
            return
        if n == _norm(after[2]):
            self.digression("start_over")
            return
        digression = self.nlu_digression()
        if digression and (_QUESTION.search(self.text) or digression == "faq"):
            self.digression(digression)  # "wat kost een mbo 4 opleiding?" corrects nothing
            return
        facts = self.extract(None)
        if facts and self.apply(facts, "corrected"):
            if self.s["phase"] == "advice":
                self.s["phase"] = "summary"
                self.say(_t("changed"))
            self.continue_()
            return
        if digression:
            self.digression(digression)
            return
        if self.s["phase"] == "intake":
            self.continue_()
            return
        self.s["free_attempts"] = int(self.s.get("free_attempts", 0)) + 1
        if self.s["free_attempts"] >= FREE_OFFER_AFTER:
            self.s["free_attempts"] = 0
            self.offer("adviser", _t("offer_adviser_fallback"), _t("yes_please"), _t("no_go_on"), "fallback")
        elif self.s["free_attempts"] == 2:
            self.say(_t("rephrase_free"))
        else:
            self.say(_t("not_understood_free"))

    # -- what comes next
    def continue_(self, explain: bool = False) -> None:
        """Re-ask the open question (in a wording not yet used twice), or go on to the next one."""
        if self.s.get("offer"):
            return
        open_ = self.s.get("open")
        if open_ == "summary":
            self.show_summary(again=True)
        elif open_ == "correction":
            self.say(_t("ask_correction"))
            self.asked = "correction"
        elif open_:
            self.ask(open_, explain=explain)
        elif self.s["phase"] in ("intake", "summary", "correction") or (
                self.s["phase"] == "advice" and self.next_field() is not None):
            self.next_question()

    def next_field(self) -> str | None:
        voc = vocabulary()
        profile = profile_of(self.s)
        for name in voc.order:
            spec = voc[name]
            if name in self.s["answers"] or name in self.s["unknown"]:
                continue
            if not self.condition(spec):
                continue
            if spec.always or relevant(name, profile, self.today):
                return name
        return None

    def next_question(self) -> None:
        name = self.next_field()
        if name is None:
            self.show_summary()
        else:
            self.ask(name)

    def ask(self, name: str, explain: bool = False) -> None:
        spec = vocabulary()[name]
        if self.s.get("open") != name:
            self.close_question()
            self.s["open"] = name
        if self.s["phase"] == "new":
            self.s["phase"] = "intake"
        attempts = int(self.s["attempts"].get(name, 0))
        shown: dict[str, int] = self.s["shown"].setdefault(name, {})
        buttons = spec.button_titles(self.s["answers"])
        dont_know = _t("dont_know_button")
        hint = _t("buttons_only") if buttons else _t("type_only", example=spec.example or "")
        wordings = [
            (spec.ask, buttons),
            (spec.rephrase, [*buttons, dont_know]),
            (f"{spec.rephrase} {hint}" if spec.rephrase != spec.ask else f"{spec.ask} {hint}", [*buttons, dont_know]),
        ]
        start = 1 if explain else min(attempts, len(wordings) - 1)
        for text, btns in wordings[start:]:
            if shown.get(text, 0) < MAX_SAME_PROMPT:
                shown[text] = shown.get(text, 0) + 1
                self.say(text, btns)
                self.asked = name
                if name not in self.s["asked"]:
                    self.s["asked"].append(name)
                return
        self.skip(name, "skipped")  # every wording was sent twice: never a third time

    def show_summary(self, again: bool = False) -> None:
        from assistant.intake.render import render_summary

        if self.next_field() is not None and self.s["phase"] != "advice":
            self.next_question()
            return
        self.s["phase"] = "summary" if self.s["phase"] != "advice" else "advice"
        self.close_question()
        self.s["open"] = "summary"
        shown: dict[str, int] = self.s["shown"].setdefault("summary", {})
        messages = render_summary(profile_of(self.s), self.s.get("own_words") or {}, self.s.get("unknown") or [])
        key = messages[-1]["text"]
        if again and shown.get(key, 0) >= MAX_SAME_PROMPT:
            self.say(_t("summary_short"), [_t("summary_yes"), _t("summary_no")])
        else:
            for m in messages:
                self.say(m["text"], [b["title"] for b in m.get("buttons", [])])
            shown[key] = shown.get(key, 0) + 1
        self.asked = "summary"
        self.shown = "summary"

    def give_advice(self) -> None:
        from assistant.advice import build_advice
        from assistant.intake.render import render_advice, uncertain_matters

        self.close_question()
        self.s["phase"] = "advice"
        self.s["free_attempts"] = 0
        try:
            advice = build_advice(profile_of(self.s), self.today)
            messages = render_advice(advice, self.s.get("asked_schemes") or [])
        except Exception:  # never leave the person without an answer
            log.exception("build_advice failed")
            self.say(_t("advice_failed"))
            return
        uncertain = uncertain_matters(advice)
        for i, m in enumerate(messages):
            last = i == len(messages) - 1
            # With open points the adviser offer comes instead of the after-advice buttons.
            buttons = [] if (last and uncertain) else [b["title"] for b in m.get("buttons", [])]
            self.say(m["text"], buttons, custom=m.get("custom"))
        self.shown = "advice"
        if uncertain:
            self.offer("adviser", _t("offer_adviser_uncertain"), _t("yes_please"), _t("no_thanks"), "uncertain_advice")


def _after_advice_buttons() -> tuple[str, ...]:
    from assistant.intake.render import AFTER_ADVICE_BUTTONS

    return AFTER_ADVICE_BUTTONS


def step(state: Mapping[str, Any] | None, reading: Reading, today: date,
         staffing: Staffing | None = None) -> TurnResult:
    """One turn: the message read against the state; the state is never changed in place.

    ``staffing``: whether the person's loket is open and staffed now, from the service.
    """
    turn = _Turn(load_state(state), reading, today, staffing)
    return turn.run()
