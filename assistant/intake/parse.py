"""Deterministic reading of one free Dutch intake message into canonical profile facts.

Rasa's DIET finds entities statistically; this parser adds what needs the whole sentence:
whether a sector is the current one or a wish ("ik werk in de thuiszorg" vs "ik wil de zorg in"),
negations ("ik zit toch niet in de WW"), ages said indirectly ("ik word 50 in maart"), study
hours vs. work hours, and yes/no facts (dreigend ontslag, moeite met lezen, studiefinanciering).

The phrase vocabulary is the NLU's own: ``data/nlu/synonyms.yml`` (surface form -> canonical
value) and ``data/nlu/lookups/municipality.yml`` (the 342 gemeenten of 2024 plus known aliases),
so Rasa and this parser always agree. ``data/places/woonplaatsen.csv`` (CBS) adds the other
woonplaatsen of each gemeente for the parser only. Pure: no Rasa import, no I/O after the first load.
"""

from __future__ import annotations

import csv
import functools
import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path
from typing import Any

import yaml

# Entities whose canonical values the parser reads from synonyms.yml, and the profile field each fills.
PHRASE_FIELDS = {
    "education_level": "education_level", "work_status": "work_status", "goal": "goal",
    "preferred_form": "preferred_form", "employer_size": "employer_size", "sector": "sector",
}
EDUCATION_RANK = (
    "geen", "buitenlands", "vmbo", "mbo1", "mbo2", "havo", "mbo3", "mbo4", "vwo", "hbo_ad",
    "hbo_bachelor", "wo_bachelor", "hbo_master", "wo_master",
)
# Everyday words that are a canonical answer only when they are (nearly) the whole message:
# "anders" in "ik weet het anders niet" is no work situation, "geen" no education level.
SHORT_ANSWER_ONLY = frozenset({
    "geen", "anders", "vast", "tijdelijk", "flex", "groot", "klein", "ad", "wo", "uni", "diploma",
    "een diploma", "mijn diploma", "lezen", "schrijven", "rekenen", "praktijk", "klas", "internet",
    "zelfstandig", "werknemer", "ondernemer", "student", "studeren", "studeer", "master", "bachelor",
    "entree", "concern", "bedrijfje", "ouderen", "groeien", "taal", "zoom", "fysiek", "digitaal",
    "vut", "hr", "data", "kas", "bos", "food", "bank", "haven", "media", "energie", "natuur",
    "bloemen", "creatief", "computer", "opvang", "kinderen", "technisch", "technische", "fabriek", "verkoop",
    "transport", "vervoer", "welzijn", "cultuur", "kunst", "film", "dans", "muziek", "groen", "zorg",
    "it", "ict", "bouw", "techniek", "horeca", "logistiek", "onderwijs", "schoonmaak", "overheid",
    "gemeente", "provincie", "keuken", "kassa", "koken", "lassen", "timmeren", "schilder",
})
# ... unless a preposition or verb right before them makes the meaning clear.
CONTEXT_BEFORE = re.compile(
    r"\b(?:in|bij|met|als|op|voor|naar|iets|graag|ben|werk|werkte|wil|zit|heb|doe)\s+(?:de\s+|het\s+|een\s+)?$")
# Words so common that only a (nearly) bare answer counts, whatever comes before them.
BARE_ONLY = frozenset({"geen", "anders", "vast", "groot", "klein", "tijdelijk", "diploma", "een diploma",
                       "mijn diploma", "zoom", "flex", "praktijk", "lezen", "schrijven", "rekenen"})
# Gemeenten whose name is also an everyday word: only with "ik woon in", "gemeente", ...
AMBIGUOUS_PLACES = frozenset({"best", "buren", "putten", "goes", "beek", "stein", "sluis", "borne", "losser",
                              "ommen", "laren", "bergen", "epe", "ede", "oss", "urk", "echt", "dieren"})
# CBS woonplaatsen (data/places/woonplaatsen.csv) that are everyday words or phrases, or the name of a
# better known place elsewhere ("Zeeland", "Mechelen"): never read as where someone lives.
WOONPLAATS_STOP = frozenset({
    "heel", "nederland", "zetten", "anderen", "winkel", "waarde", "noorden", "neer", "hoek", "oranje",
    "hoeven", "zeeland", "broek", "handel", "boer", "gauw", "loon", "haren", "helden", "opende", "sloten",
    "velden", "monster", "vries", "schiphol", "schiphol rijk", "rijen", "maastricht airport", "mechelen", "dalen",
    "baard", "hasselt", "made", "schijf", "klimmen", "wateren", "vuren", "hall", "groet", "america", "veen",
    "dorst", "balk", "heide", "aalst", "waal", "well", "amen", "wier", "blije", "linden", "lies", "erica", "herten",
    "dijken", "rekken", "hank", "halle", "mill", "nieuwpoort", "linde", "enter", "etten", "rutten", "meeuwen",
    "born", "bern", "horn", "giessen", "meppen", "baars", "zegge", "petten", "willemstad", "zurich", "wouw",
    "reek", "elim", "arum", "beets", "kats", "bant", "peins", "leunen", "veulen", "graft", "winde", "bears",
    "rien", "haps", "spui", "halfweg", "overslag", "westhoek", "nieuwland", "wetering", "uitwijk", "zandberg",
    "sint maarten", "een west", "witte paarden", "de punt", "de wijk", "de steeg", "de pol", "de hoeve",
    "de bult", "de hoef", "de moer", "de heen", "de klomp", "de groeve", "de wilgen", "de kiel", "de waal",
    "de mortel", "t veld", "t zand", "t waar", "t harde", "t haantje",
})
# CBS adds a province or gemeente to a woonplaats name that occurs more than once ("Bergen L").
CBS_SUFFIX = re.compile(r" (?:l|gn|ut|nb|gld|nh|ac|zh|ca|gem .+)$")
# CBS writes a few gemeenten with their province; the NLU data uses the plain name.
CBS_GEMEENTE = {"Beek (L.)": "Beek", "Hengelo (O.)": "Hengelo", "Laren (NH.)": "Laren",
                "Middelburg (Z.)": "Middelburg", "Rijswijk (ZH.)": "Rijswijk", "Stein (L.)": "Stein"}
SHORT_MESSAGE_TOKENS = 3

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "mrt": 3, "april": 4, "apr": 4, "mei": 5,
    "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
UNITS = {"een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9}
TENS = {"twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70,
        "tachtig": 80, "negentig": 90}
TEENS = {"tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15, "zestien": 16,
         "zeventien": 17, "achttien": 18, "negentien": 19}

NEGATORS = frozenset({"niet", "geen", "nooit", "niks", "niets"})
NEGATION_WINDOW = 4  # tokens before a phrase in which "niet"/"geen" still negates it
CLAUSE_SPLIT = re.compile(r"\s(?:en|maar|want|of|dus|omdat|terwijl|daarna|nu)\s|[,;.!?]")
INTEREST = re.compile(
    r"\b(?:wil|wilde|willen|zou|zo?u graag|lijkt|lijken|leuk|liefst|liever|droom|interesse|interessant|"
    r"worden|naar|overstappen|switchen|omscholen|later|trekt|trekken|aantrekkelijk|zie mezelf|"
    r"werk graag|werk ik graag|graag)\b")
# A factory named with its food: "een fabriek die koekjes maakt", "vleesfabriek", "de band bij de kaasmakerij".
FOOD = (r"(?:koek\w*|vlees\w*|brood\w*|snoep\w*|chocola\w*|kaas|kazen|zuivel\w*|melk\w*|chips|friet\w*|patat\w*|"
        r"groente\w*|fruit\w*|sap|sappen|bier|frisdrank\w*|diepvries\w*|vis|kip\w*|worst\w*|pizza\w*|voedsel|eten|"
        r"maaltijden|soep\w*|saus\w*|koffie|thee|suiker\w*|meel|pasta|aardappel\w*|gebak|taart\w*|drop|noten|pinda\w*)")
FOOD_FACTORY = re.compile(rf"\b(?:fabriek|fabrieken|productie|lopende band|band)\b(?: \w+){{0,4}} {FOOD}\b|"
                          rf"\b{FOOD}(?: \w+){{0,2}} (?:fabriek|productie)\b|\b{FOOD}fabriek\b")
PAST_RISK = re.compile(r"\b(?:had|hadden|was|waren|daarvoor|vroeger|gegaan|geweest|destijds|vorig jaar)\b")
PAST = re.compile(r"\b(?:was|waren|werkte|werkten|vroeger|destijds|geweest|gewerkt|gehad)\b")
# A wish for the work one wants, not the work one has: "ik zou graag vast werk willen".
WISH = re.compile(r"\b(?:wil|wilde|willen|zou|graag|liefst|liever|droom|worden|later|hoop)\b")
CURRENT = re.compile(r"\b(?:werk|werkt|werkte|ben|zit|doe|sta|draai|heb ik|in dienst|nu|momenteel|sinds)\b")
STUDY = re.compile(r"\b(?:leren|studeren|studie|cursus|opleiding|les|lessen|scholing|school|tijd|vrij maken)\b")
WORK_CUE = re.compile(r"\b(?:werk|werkt|werken|contract|baan|dienst|fulltime|parttime|uren ?contract)\b")
NOT_OBTAINED = re.compile(
    r"\b(?:niet afgemaakt|nooit afgemaakt|niet gehaald|nooit gehaald|niet gehaalt|afgebroken|gestopt|niet afgerond|"
    r"blijven zitten|gezakt|"
    r"nooit afgerond|niet voltooid|niet klaar|nooit klaar|"
    r"bezig met|ben bezig|mee bezig|nog bezig|volg nu|doe nu|studeer|studeren|zit op|zit nog op|ga naar|wil|halen|"
    r"behalen)\b")
LEVEL_WORD = re.compile(r"\b(mbo|niveau)\s+(een|twee|drie|vier)\b")
# Still at that school: "ik zit in de vierde klas van het vmbo", "ik doe mbo 4", "havo vier".
IN_SCHOOL_BEFORE = re.compile(
    r"\b(?:bezig|volg|studeer|doe nu|ik doe|doe ik|volg ik|zit ik|zit op|zit nog op|zit in|\w*klas|jaar van|leerjaar|"
    r"student|studente|"
    r"leerling|scholier|"
    r"(?:eerste|tweede|derde|vierde|1e|2e|3e|4e) jaar)\b")
IN_SCHOOL_AFTER = re.compile(r"^(?:student|studente|leerling|scholier)\b|"
                             r"^(?:\d|een|twee|drie|vier|vijf|zes|eerste|tweede|derde|vierde|vijfde|zesde)\b"
                             r"(?! (?:diploma|gehaald|afgerond))|^\w* ?(?:\w+ )?(?:eerste|tweede|derde|vierde) jaar\b|"
                             r"^(?:\w+ )?(?:doe|volg|studeer) ik (?:nu|nog)\b")
# A school not finished, said in the next clause: "entree, maar niet afgemaakt".
NOT_FINISHED = re.compile(
    r"^(?:maar )?(?:(?!(?:mbo|hbo|havo|vwo|vmbo|mavo|school|opleiding|studie|universiteit|wo)\b)\w+ ){0,4}"
    r"(?:niet|nooit) (?:afgemaakt|afgerond|gehaald|voltooid)\b|\bafgebroken\b|"
    r"^(?:en |maar )?(?:toen |daarna )?gestopt\b")
SEPARATED_CLEANING = re.compile(r"\b(?:ik |wij |we )?(?:maak|maken|maakte)\b(?: \w+){0,4} schoon\b")
# Leaving a school before its diploma, said before the school: "gestopt in de 3e van het vmbo".
LEFT_SCHOOL = re.compile(r"\b(?:gestopt|afgehaakt|afgebroken|van school (?:af|gegaan|gestuurd)|weggegaan|"
                         r"niet afgemaakt|nooit afgemaakt|niet gehaald)\b")
# Schools below which there is no diploma: not finishing one of these leaves none.
BELOW_FIRST_DIPLOMA = frozenset({"vmbo", "mbo1"})

AT_RISK = re.compile(
    r"\b(?:word(?:t)? (?:ik )?ontslagen|ga ontslagen worden|ontslag dreigt|dreig(?:end|t)? ontslag|"
    r"reorganisatie|reorganiseert|failliet|faillissement|boventallig|"
    r"(?:baan|werk|functie) (?:gaat )?(?:verdwijnt|verdwijnen|verdwijn)|"
    r"(?:baan|werk) (?:gaan |ga )?(?:kwijt ?raken|verliezen)|ga (?:mijn )?(?:baan|werk) (?:verliezen|kwijt)|"
    r"contract (?:wordt|word) niet verlengd|niet verlengd|contract (?:loopt|stopt) (?:af|binnenkort)|"
    r"(?:bedrijf|fabriek|winkel|zaak|vestiging|filiaal|afdeling|locatie|kantoor)(?: \w+){0,4} "
    r"(?:dicht|sluit|sluiten|stopt|stoppen|verhuist|verdwijnt|failliet)|"
    r"verhuiz\w* (?:\w+ ){0,4}naar (?:het )?buitenland|"
    r"(?:wordt|worden|gaat|gaan) (?:\w+ )?(?:geautomatiseerd|wegbezuinigd|opgeheven)|"
    r"(?:werk|baan|banen|functie|taken|plek)(?: \w+){0,2} (?:overneemt|overnemen|overgenomen|vervangt|vervangen)|"
    r"\bstopt het\b|\bhet stopt\b|(?:bijna |weinig )?geen werk (?:meer )?(?:in de|na de|in het|buiten het) \w+|"
    r"(?:in de|na de|buiten het) (?:winter|zomer|seizoen)\w*(?: \w+){0,3} (?:bijna |weinig )?geen werk|"
    r"\b(?:sturen|stuurt|gooien|gooit|zetten|zet) (?:ze |hij |zij )?(?:\w+ ){0,3}(?:mensen|ons|uitzendkrachten|"
    r"flexkrachten|oproepkrachten) (?:weg|eruit|op straat)\b|"
    r"(?:robots?|chatbots?|computers?|machines?|ai)(?: \w+){0,5} "
    r"(?:overneemt|overnemen|vervangt|vervangen|neerzetten))\b")
# Interest wording for which the catalogue's everyday vocabulary may name a sector.
CATALOGUE_CUE = re.compile(
    r"\b(?:iets met|iets in|graag met|werk graag|werken met|lijkt me|vind ik leuk|interesse in|"
    r"met mijn handen|met je handen|met mensen|met dieren|buiten werken)\b")
NOT_AT_RISK = re.compile(
    r"\b(?:geen (?:ontslag|reorganisatie)|baan is (?:veilig|zeker)|niet ontslagen|wordt wel verlengd)\b")
LITERACY = re.compile(
    r"\b(?:moeite met (?:het )?(?:lezen|schrijven|rekenen|taal|nederlands|spelling|de computer|computers?|"
    r"digitale|internet|mijn telefoon)|"
    r"(?:kan|kun) (?:niet|slecht|niet zo) (?:goed )?(?:lezen|schrijven|rekenen|met (?:de )?computers?)|"
    r"slecht in (?:lezen|schrijven|rekenen|taal|nederlands|spelling)|"
    r"(?:lezen|schrijven|rekenen|taal|nederlands|de computer|spelling) (?:is|vind ik) (?:erg |heel |best )?"
    r"(?:moeilijk|lastig)|vind (?:lezen|schrijven|rekenen|taal|nederlands|spelling) (?:erg |heel |best )?"
    r"(?:moeilijk|lastig)|niet goed met (?:de )?computers?|laaggeletterd|hulp (?:nodig )?(?:met|bij) "
    r"(?:taal|lezen|schrijven|rekenen|de computer|nederlands))\b")
NO_LITERACY = re.compile(
    r"\b(?:geen moeite met (?:lezen|schrijven|rekenen|taal|de computer)|kan goed (?:lezen|schrijven|rekenen))\b")
STUFI = re.compile(r"\b(?:studiefinanciering|stufi|studiefinancering|studie financiering)\b")
STUFI_NO = re.compile(
    r"\b(?:geen|niet meer|nooit|niet)\b[^.]{0,30}\b(?:studiefinanciering|stufi|studiefinancering)\b|"
    r"\b(?:studiefinanciering|stufi)\b[^.]{0,20}\b(?:gestopt|op|afgelopen|voorbij)\b")
NL_CONNECTED = re.compile(r"\b(?:woon|wonen|werk|werken) (?:ook )?in nederland\b")
NL_NOT = re.compile(r"\b(?:woon|werk) (?:niet|nooit) in nederland\b|\bniet in nederland\b")
HEADCOUNT = re.compile(r"\b(\d{1,6})\s*(?:man|mensen|medewerkers|werknemers|personeelsleden|collega s|collegas)\b")
HOURS = re.compile(
    r"\b(\d{1,2})(?:\s*(?:a|tot|-)\s*(\d{1,2}))?\s*(?:uur|uren|uurtjes|u)\b(?!\s*(?:per|in de|p)\s*(?:maand|dag|jaar))")
EMPLOYER_WORDS = re.compile(
    r"\b(?:bedrijf|werkgever|zaak|organisatie|werken er|werken daar|in dienst|baas|personeel)\b")
MUNICIPALITY_CONTEXT = re.compile(
    r"\b(?:woon|wonen|woont|woonachtig|woonplaats(?: is)?|gemeente|kom uit|kom van|uit de gemeente|"
    r"ingeschreven in|ingeschreven bij|te|verhuisd naar|verhuis naar|verhuizen naar|verhuisd (?:\w+ )?naar|"
    r"(?:gemeente|woonplaats) (?:moet|is|wordt|moet zijn|zou moeten zijn))\s+$")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalise(text: str) -> str:
    """Lower case, no accents, only letters/digits separated by single spaces."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", _fold(text)).split())


def _data_dir() -> Path:
    # data/ lives in the project home (KOERS_HOME when set; else this checkout).
    home = os.environ.get("KOERS_HOME")
    candidates = [Path(home) / "data" / "nlu"] if home else []
    candidates.append(Path(__file__).resolve().parents[2] / "data" / "nlu")
    for candidate in candidates:
        if (candidate / "synonyms.yml").exists():
            return candidate
    raise FileNotFoundError("data/nlu/synonyms.yml niet gevonden; zet KOERS_HOME op de projectmap.")


def _nlu_items(path: Path) -> list[dict[str, Any]]:
    return list((yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu") or [])


def _examples(item: dict[str, Any]) -> list[str]:
    return [ln.strip()[2:].strip() for ln in str(item.get("examples", "")).splitlines() if ln.strip().startswith("- ")]


@dataclass(frozen=True)
class Vocabulary:
    # normalised phrase -> (entity, canonical value)
    phrases: dict[str, tuple[str, str]]
    # normalised gemeente name or alias -> official name
    municipalities: dict[str, str]


@functools.lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    data = _data_dir()
    entity_of_value: dict[str, str] = {}
    lookups: dict[str, list[str]] = {}
    for path in sorted((data / "lookups").glob("*.yml")):
        for item in _nlu_items(path):
            if "lookup" in item:
                lookups[str(item["lookup"])] = _examples(item)
    syn_items = _nlu_items(data / "synonyms.yml")
    # synonyms.yml groups synonyms per entity only by comment; the lookups say which entity a form is.
    form_entity = {normalise(f): ent for ent, forms in lookups.items() if ent in PHRASE_FIELDS for f in forms}
    phrases: dict[str, tuple[str, str]] = {}
    for item in syn_items:
        if "synonym" not in item:
            continue
        value = str(item["synonym"])
        forms = _examples(item)
        entity = next((form_entity[normalise(f)] for f in forms if normalise(f) in form_entity), None)
        if entity is None:
            continue
        entity_of_value[value] = entity
        for form in [*forms, value.replace("_", " ")]:
            phrases.setdefault(normalise(form), (entity, value))
    municipalities: dict[str, str] = {}
    muni_items = _nlu_items(data / "lookups" / "municipality.yml")
    for item in muni_items:
        if "synonym" in item:
            for form in [str(item["synonym"]), *_examples(item)]:
                municipalities[normalise(form)] = str(item["synonym"])
    for item in muni_items:
        if item.get("lookup") == "municipality":
            for name in _examples(item):
                municipalities.setdefault(normalise(name), name)
    official = set(municipalities.values())
    for name, gemeente in _woonplaatsen(data.parent / "places" / "woonplaatsen.csv", official).items():
        municipalities.setdefault(name, gemeente)  # a known alias keeps its gemeente
    return Vocabulary(phrases=phrases, municipalities=municipalities)


def _plain_woonplaats(woonplaats: str, gemeente: str) -> str:
    """The woonplaats as people write it: "Bergen L" -> "bergen", "Winterswijk Meddo" -> "meddo"."""
    name = normalise(woonplaats)
    if CBS_SUFFIX.search(name):
        return CBS_SUFFIX.sub("", name)
    if woonplaats.startswith(gemeente + " "):  # not a suffix: "Oude Pekela" is no "Oude"
        return normalise(woonplaats[len(gemeente):])
    return name


def _woonplaatsen(path: Path, official: set[str]) -> dict[str, str]:
    """CBS woonplaats (normalised) -> official gemeente; only names of one gemeente that are no everyday word."""
    if not path.exists():
        return {}
    gemeenten: dict[str, set[str]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            gemeente = CBS_GEMEENTE.get(row["gemeente"], row["gemeente"])
            if gemeente in official:
                gemeenten.setdefault(_plain_woonplaats(row["woonplaats"], row["gemeente"]), set()).add(gemeente)
    return {name: min(found) for name, found in gemeenten.items()
            if len(found) == 1 and len(name.replace(" ", "")) > 3
            and name not in AMBIGUOUS_PLACES and name not in WOONPLAATS_STOP}


@dataclass
class ParsedFacts:
    """Canonical profile facts found in one message; None (or []) means "not said"."""

    age: int | None = None
    education_level: str | None = None
    work_status: str | None = None
    at_risk_of_job_loss: bool | None = None
    hours_per_week: int | None = None
    employer_size: str | None = None
    current_sector: str | None = None
    sector_interests: list[str] = field(default_factory=list)
    goal: str | None = None
    literacy_need: bool | None = None
    receives_studiefinanciering: bool | None = None
    municipality: str | None = None
    connected_to_dutch_labour_market: bool | None = None
    max_hours_study_per_week: int | None = None
    preferred_form: str | None = None
    # Profile fields the person took back ("ik zit toch niet in de WW"): the caller clears them.
    negated: frozenset[str] = frozenset()
    # Sectors named without saying whether they are the work now or a wish ("schilderwerk"): the
    # caller decides from the question it asked.
    bare_sectors: list[str] = field(default_factory=list)
    bare_phrases: list[str] = field(default_factory=list)  # the words that named them

    def as_dict(self) -> dict[str, Any]:
        """Only the facts found, keyed by profile field."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in ("negated", "bare_sectors", "bare_phrases") or value is None or value == []:
                continue
            out[f.name] = list(value) if isinstance(value, list) else value
        return out


@dataclass(frozen=True)
class _Match:
    start: int  # token index
    end: int
    entity: str
    value: str


def _find_phrases(tokens: list[str], vocab: Vocabulary, blocked: frozenset[int] = frozenset(),
                  alone: frozenset[tuple[int, int]] = frozenset()) -> list[_Match]:
    """Longest non-overlapping phrase matches over the token list (tokens in ``blocked`` are taken;
    ``alone`` holds the token spans that are a clause by themselves, such as "onderwijs," before more)."""
    joined = " " + " ".join(tokens) + " "
    # character offset of each token start -> token index
    starts: dict[int, int] = {}
    pos = 1
    for i, tok in enumerate(tokens):
        starts[pos] = i
        pos += len(tok) + 1
    found: list[_Match] = []
    for phrase, (entity, value) in vocab.phrases.items():
        if not phrase:
            continue
        n = len(phrase.split())
        idx = joined.find(" " + phrase + " ")
        while idx >= 0:
            t = starts.get(idx + 1)
            if t is not None:
                found.append(_Match(t, t + n, entity, value))
            idx = joined.find(" " + phrase + " ", idx + 1)
    found.sort(key=lambda m: (-(m.end - m.start), m.start))
    liked = SECTOR_LIKED.search(joined) is not None  # "planning en transport spreken mij aan"
    taken: set[int] = set(blocked)
    kept: list[_Match] = []
    for m in found:
        span = set(range(m.start, m.end))
        if span & taken:
            continue
        phrase = " ".join(tokens[m.start:m.end])
        if phrase in BARE_ONLY and len(tokens) > SHORT_MESSAGE_TOKENS:
            continue
        if phrase in SHORT_ANSWER_ONLY and len(tokens) > SHORT_MESSAGE_TOKENS:
            before = " ".join(tokens[max(0, m.start - 2):m.start]) + " "
            # "zorg en de boerderij", or a sector as a clause of its own: "onderwijs, met kinderen op school"
            listed = m.entity == "sector" and ((m.start == 0 and (
                tokens[m.end:m.end + 1] in (["en"], ["of"]) or (0, m.end) in alone)) or liked)
            if not CONTEXT_BEFORE.search(before) and not listed:
                continue  # "zorg en de boerderij samen" names two sectors; "anders" in a sentence none
        if m.entity == "sector" and not _sector_word_is_a_sector(tokens, m):
            continue
        if m.entity == "work_status" and phrase.startswith("zelfstandig") and BUSINESS_NOUN.match(
                " ".join(tokens[m.end:m.end + 2])):
            continue  # "een zelfstandige bouwmarkt": an independent shop, not a self-employed person
        if m.entity == "preferred_form" and tokens[max(0, m.start - 1):m.start] in (["werken"], ["omgaan"], ["werk"]):
            continue  # "leren werken op de computer": the computer is what is learnt, not how
        taken |= span
        kept.append(m)
    kept.sort(key=lambda m: m.start)
    return kept


def _sector_word_is_a_sector(tokens: list[str], m: _Match) -> bool:
    word = " ".join(tokens[m.start:m.end])
    prev = tokens[m.start - 1] if m.start else ""
    nxt = tokens[m.end] if m.end < len(tokens) else ""
    if word in {"kinderen", "kids"} and (prev in {"mijn", "m", "n", "onze", "ons", "eigen", "twee", "drie", "vier"}
                                        or (prev == "de" and m.start >= 2 and tokens[m.start - 2] == "voor")):
        return False  # "thuis voor de kinderen", "voor mijn kinderen zorgen": one's own children
    if word == "zorg" and (prev in {"ik", "je", "we", "wij", "zij", "hij"} or nxt in {"voor", "ervoor", "dat"}):
        return False  # the verb "zorgen"
    if word in {"gemeente", "provincie"}:
        # "bij de gemeente" is an employer; "gemeente Zwolle" or "van de gemeente" is not a sector.
        return prev in {"de", "een"} and m.start >= 2 and tokens[m.start - 2] in {"bij", "voor"}
    return True


CONJUNCTIONS = frozenset({"en", "maar", "want", "dus", "omdat", "terwijl", "daarna", "nu", "of", "wel"})


BUSINESS_NOUN = re.compile(r"(?:\w+ )?(?:bouwmarkt|winkel|filiaal|vestiging|supermarkt|zaak|organisatie|stichting|"
                          r"school|afdeling|bedrijf|kantoor)\b")
GROWING_BUSINESS = re.compile(r"\b(?:\w*salon|\w*zaak|\w*zaakje|\w*bedrijf|\w*bedrijfje|onderneming|praktijk|"
                              r"winkel\w*|webshop)\b.{0,30}\b(?:groeien|groter|uitbreiden)\b")
SECTOR_LIKED = re.compile(r"\b(?:spreekt|spreken) (?:me|mij) (?:wel |erg |het meest )?aan\b|\btrekt (?:me|mij)\b|"
                          r"\btrekken (?:me|mij)\b|\blijkt me\b|\bvind ik (?:leuk|mooi|interessant)\b")
# Words that make what follows a detail of the sector just named, not another sector.
DETAIL_WORDS = frozenset({"vooral", "zoals", "bijvoorbeeld", "specifiek", "namelijk", "bijzonder"})
VERBS_BEFORE_NU = frozenset({"wil", "ga", "zou", "ben", "werk", "zit", "heb", "doe", "wilde", "moet", "kan", "sta"})


def _clauses(text: str) -> list[tuple[int, int]]:
    """Token ranges (over ``normalise(text)``) of the clauses: split on punctuation and en/maar/…."""
    bounds = {0}
    count = 0
    for piece in re.split(r"[,;.!?:()]+", _fold(text)):
        words = normalise(piece).split()
        for i, tok in enumerate(words):
            if i and tok in CONJUNCTIONS and not (tok == "nu" and words[i - 1] in VERBS_BEFORE_NU):
                bounds.add(count + i)  # "ik wil nu het onderwijs in": "nu" after a verb starts no clause
        count += len(words)
        bounds.add(count)
    ordered = sorted(bounds)
    return [(ordered[i], ordered[i + 1]) for i in range(len(ordered) - 1) if ordered[i] < ordered[i + 1]]


def _clause_of(clauses: list[tuple[int, int]], index: int) -> tuple[int, int]:
    for a, b in clauses:
        if a <= index < b:
            return a, b
    return 0, 0


def _negated(tokens: list[str], m: _Match, clause: tuple[int, int]) -> bool:
    window = tokens[max(clause[0], m.start - NEGATION_WINDOW):m.start]
    if tokens[clause[0]:clause[0] + 1] == ["of"] and m.start - clause[0] <= 2:
        # "geen ww of bijstand": the "geen" before "of" denies both
        window = tokens[max(0, m.start - NEGATION_WINDOW):m.start]
    return any(t in NEGATORS for t in window)


def _number_word(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    for word, size in (("duizend", 1000), ("honderd", 100)):
        # "vierhonderd", "honderdvijftig", "tweeduizend": a head times the size, plus a tail
        if word in token and token != word + "en":
            head, _, tail = token.partition(word)
            times = 1 if not head else UNITS.get(head) or _number_word(head)
            rest = 0 if not tail else _number_word(tail.removeprefix("en")) if tail.removeprefix("en") else 0
            if times is not None and rest is not None:
                return times * size + rest
            return None
    if token in TEENS:
        return TEENS[token]
    if token in TENS:
        return TENS[token]
    for tens_word, tens in TENS.items():
        if token.endswith(tens_word):
            head = token[: -len(tens_word)]
            for sep in ("en", "n"):  # "tweeenvijftig" (from tweeënvijftig), "eenenveertig"
                if head.endswith(sep) and head[: -len(sep)] in UNITS:
                    return tens + UNITS[head[: -len(sep)]]
    return None


NUM = r"(\d{1,3}|[a-z]*(?:tig|tien)|elf|twaalf)"
AGE_PATTERNS = (
    re.compile(r"\b(?:ik ben|ben ik|ik ben net|ik ben pas|ben|ik ben al|ik ben inmiddels|ik b?en)\s+" + NUM
               + r"(?!\s*(?:uur|u|euro|procent|kilo|km|minuten|keer|maanden))(?:\s+(jaar|jr)(?:\s+(\w+))?)?\b"),
    re.compile(r"\b(?:leeftijd|leeftijd is|leeftijd van|mijn leeftijd is)\s+" + NUM + r"\b"),
    # "ik ben niet 34 maar 44": the age after "maar"
    re.compile(r"\bniet " + r"\d{1,3}" + r"(?: jaar)? maar " + NUM + r"\b"),
    # "ik ben vorige week 54 geworden", "ik werd in maart 60"
    re.compile(r"\b(?:ik ben|ben ik)\s+(?:\w+\s+){0,3}" + NUM + r"\s+(?:jaar\s+)?geworden\b"),
    re.compile(r"\b(?:ik werd|werd ik)\s+(?:\w+\s+){0,3}" + NUM + r"(?:\s+jaar)?\b(?!\s*(?:uur|euro|procent))"),
    # "Ik ben Sanne, 26": a first name, then the age
    re.compile(r"^(?:\w+ )?ik ben (?!nu\b|al\b|net\b|pas\b|er\b|sinds\b|ongeveer\b|bijna\b|ruim\b|over\b|zo\b|een\b|"
               r"de\b|het\b|nog\b|inmiddels\b|ook\b|geen\b|niet\b|van\b|in\b|bij\b|op\b|sinds\b|sind\b)[a-z]+\s+" + NUM
               + r"(?!\s*(?:uur|u|euro|procent|kilo|km|minuten|keer|maanden|weken|dagen|"
               r"jaar (?:geleden|bij|in|als|aan|op)))\b"),
    re.compile(r"(?:^|\s)" + NUM + r"\s+(?:jaar|jr|jaar oud)\b(?!\s+(?:geleden|ervaring|gewerkt|lang|in dienst|"
               r"werkloos|bij|als|aan|in|op|getrouwd|werkzaam|zzp))"),
)
# Words after "ik ben N jaar" that make it a time span ("15 jaar thuis geweest", "10 jaar zzp").
DURATION_AFTER = frozenset({
    "thuis", "geweest", "bezig", "werkzaam", "aan", "in", "bij", "getrouwd", "gestopt", "weg", "hier", "zzp",
    "zzper", "zelfstandig", "werkloos", "ziek", "met", "als", "uit", "op", "lang", "niet", "zonder", "voor",
    "ondernemer", "huisvrouw", "huisman", "mantelzorger", "student", "kwijt", "gepensioneerd", "afgekeurd"})
NOT_AGE_BEFORE = re.compile(r"\b(?:al|sinds|ruim|ongeveer|bijna|meer dan|over|na|voor|binnen|nog)\s+$")
WORD_AGE = re.compile(r"\bik word (?:(vandaag|morgen|binnenkort|straks|deze|dit|volgend|volgende|over|in|"
                      r"eind|begin|half)\b[^0-9]{0,25}?)?" + NUM + r"\b(?:\s+(?:jaar|jr))?(?:\s+(\w+)\s*(\w+)?)?")
BORN = re.compile(r"\b(?:geboren|geb)\b(?:\s+(?:in|op))?\s+(?:(\d{1,2})\s+)?(?:([a-z]+)\s+)?(19\d\d|20\d\d)\b")
BORN_NUMERIC = re.compile(r"\b(?:geboren|geb)\b(?:\s+(?:op))?\s+(\d{1,2})\s+(\d{1,2})\s+(19\d\d|20\d\d)\b")
BIJNA = re.compile(r"\bik ben (?:bijna|haast|straks)\s+" + NUM + r"\b")


def _age(norm: str, today: date) -> int | None:
    m = BORN_NUMERIC.search(norm)
    if m:
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        return _age_from_birth(year, month if 1 <= month <= 12 else None, day, today)
    m = BORN.search(norm)
    if m:
        named_month = MONTHS.get(m.group(2) or "")
        birth_day = int(m.group(1)) if m.group(1) and named_month else None
        return _age_from_birth(int(m.group(3)), named_month, birth_day, today)
    m = WORD_AGE.search(norm)
    if m:
        n = _number_word(m.group(2))
        if n is not None:
            when = " ".join(x for x in (m.group(1), m.group(3), m.group(4)) if x)
            return n if when.startswith("vandaag") else n - 1  # "ik word 50 (in maart)": not yet 50
    m = BIJNA.search(norm)
    if m:
        n = _number_word(m.group(1))
        return n - 1 if n is not None else None
    for pattern in AGE_PATTERNS:
        for m in pattern.finditer(norm):
            if NOT_AGE_BEFORE.search(norm[: m.start(1)]):
                continue
            span = re.match(r"\s+(?:jaar|jr)\s+(\w+)(?:\s+(\w+))?", norm[m.end(1):])
            if span and span.group(1) in DURATION_AFTER and not (
                    span.group(1) == "uit" and span.group(2) in vocabulary().municipalities):
                continue  # "ik ben 15 jaar thuis geweest": a time span, not an age ("53 jaar, uit emmen" is one)
            n = _number_word(m.group(1))
            if n is not None and 15 <= n <= 100:
                return n
    return None


def _age_from_birth(year: int, month: int | None, day: int | None, today: date) -> int | None:
    age = today.year - year
    # Birthday unknown: assume it is in the middle of the year.
    had_birthday = today.month > 6 if month is None else (today.month, today.day) >= (month, day or 1)
    age = age if had_birthday else age - 1
    return age if 15 <= age <= 100 else None


def _hours(norm: str, tokens: list[str], clauses: list[tuple[int, int]]) -> tuple[int | None, int | None]:
    work: int | None = None
    study: int | None = None
    for m in HOURS.finditer(norm):
        low = int(m.group(1))
        high = int(m.group(2)) if m.group(2) else low
        if high == 0 and re.match(r"\s*-?\s*contract", norm[m.end():]):
            continue  # "een 0 uren contract" is a kind of contract, not the hours worked
        value = (low + high) // 2 if high >= low else low
        token_index = len(norm[: m.start()].split())
        a, b = _clause_of(clauses, token_index)
        clause = " ".join(tokens[a:b])
        # Without a cue ("6 uur") the caller decides from the question it asked.
        if STUDY.search(clause) and not WORK_CUE.search(clause):
            study = value if study is None and 0 <= value <= 60 else study
        elif WORK_CUE.search(clause) and work is None and 0 <= value <= 80:
            work = value
    return work, study


def _municipality(norm: str, vocab: Vocabulary) -> tuple[str | None, frozenset[int]]:
    """The gemeente named as where the person lives, and the token positions of its name."""
    padded = " " + norm + " "
    best: tuple[int, str, int, int] | None = None
    for name, official in vocab.municipalities.items():
        idx = padded.find(" " + name + " ")
        while idx >= 0:
            before = padded[:idx + 1]
            after = padded[idx + len(name) + 1:]
            if re.search(r"\b(?:niet|nooit|geen) (?:meer )?(?:in|te|uit)\s+$", before):
                idx = padded.find(" " + name + " ", idx + 1)
                continue  # "ik woon niet in amsterdam maar in diemen"
            whole = norm in {name, f"in {name}", f"gemeente {name}", f"te {name}", f"uit {name}"}
            said = MUNICIPALITY_CONTEXT.search(before.rstrip() + " ") or (
                re.search(r"\b(?:woon|wonen|woont)\b[^,]{0,25}\bin\s+$", before)) or re.match(
                r"\s*(?:is|als) (?:mijn )?woonplaats", after)
            if ((whole and name not in AMBIGUOUS_PLACES) or said) and (best is None or len(name) > best[0]):
                best = (len(name), official, len(padded[:idx + 1].split()), len(name.split()))
            idx = padded.find(" " + name + " ", idx + 1)
    if best is None:
        return None, frozenset()
    return best[1], frozenset(range(best[2], best[2] + best[3]))


def _bool_fact(norm: str, yes: re.Pattern[str], no: re.Pattern[str]) -> bool | None:
    if no.search(norm):
        return False
    if yes.search(norm):
        return True
    return None


def _sectors_from_catalogue(text: str) -> list[str]:
    try:
        from assistant.catalogue.interests import sectors_for_text
    except ImportError:  # the interest vocabulary is optional for the parser
        return []
    return list(sectors_for_text(text))


def parse_message(text: str, today: date | None = None) -> ParsedFacts:
    """Read the canonical facts in one free-text Dutch message."""
    today = today or date.today()
    facts = ParsedFacts()
    if not text or text.startswith("/"):
        return facts
    vocab = vocabulary()
    norm = LEVEL_WORD.sub(lambda m: f"{m.group(1)} {UNITS[m.group(2)]}", normalise(text))  # "mbo drie"
    tokens = norm.split()
    if not tokens:
        return facts
    clauses = _clauses(text)
    negated: set[str] = set()
    positives: dict[str, list[str]] = {}
    unfinished: list[str] = []  # school levels named but not finished

    municipality, place_tokens = _municipality(norm, vocab)
    facts.municipality = municipality
    matches = _find_phrases(tokens, vocab, place_tokens, frozenset(clauses))
    school_starts = [m.start for m in matches if m.entity == "education_level"]
    sector_end: int | None = None
    previous_end: int | None = None
    for m in matches:
        clause = _clause_of(clauses, m.start)
        field_name = PHRASE_FIELDS[m.entity]
        if m.entity == "sector":
            # Without an earlier match, only a bare sector word before the detail counts ("ict, vooral ...").
            named_before = any(vocab.phrases.get(w, ("", ""))[0] == "sector" for w in tokens[:m.start])
            between = tokens[sector_end:m.start] if sector_end is not None else (
                tokens[max(1, m.start - 3):m.start] if named_before else [])
            previous_end, sector_end = sector_end, m.end
            if DETAIL_WORDS.intersection(between) or (
                    previous_end is not None and tokens[m.start] == "met" and m.end - m.start > 1):
                continue  # "ict, vooral netwerken", "onderwijs, met kinderen": more about the sector named before
        if _negated(tokens, m, clause):
            clause_text = " ".join(tokens[clause[0]:clause[1]])
            if field_name != "sector":
                negated.add(field_name)
            elif not INTEREST.search(clause_text):
                negated.add("current_sector")  # "ik werk niet meer in de zorg"
            continue
        if field_name == "education_level":
            after = " ".join(tokens[m.end:clause[1]])
            following = _clause_of(clauses, clause[1])
            if following[1] > following[0] and not any(following[0] <= i < following[1] for i in school_starts) \
                    and NOT_FINISHED.search(" ".join(tokens[following[0]:following[1]])):
                after += " " + " ".join(tokens[following[0]:following[1]])  # "entree, maar niet afgemaakt"
            before = " ".join(tokens[clause[0]:m.start])
            # "5 havo", "4e vwo": the year one is in, no diploma
            year_in = re.fullmatch(r"(?:.* )?[1-6]e?", before.strip()) is not None
            # "ik wil naar de pabo", "ik heb een vraag over de pabo": a school wanted or asked about
            wished = re.search(r"\b(?:wil|zou|graag|wens|droom|vraag over|vragen over|informatie over|info over|"
                               r"meer over|weten over)\b", before) is not None
            if NOT_OBTAINED.search(after) or IN_SCHOOL_BEFORE.search(before) or IN_SCHOOL_AFTER.match(after) \
                    or year_in or wished:
                unfinished.append(m.value)
                continue
            previous = _clause_of(clauses, clause[0] - 1) if clause[0] else (0, 0)
            if not before.strip() and re.search(r"\b(?:studeer|ik zit op|ik volg|ik doe|scholier|student|studente|"
                                                r"leerling|zit (?:nog |nu )?op (?:school|de \w+))\b(?: nog| nu)?$",
                                                " ".join(tokens[previous[0]:previous[1]])):
                unfinished.append(m.value)  # "ik studeer nog, hbo verpleegkunde"
                continue
            if LEFT_SCHOOL.search(before):
                unfinished.append(m.value)  # "gestopt in de 3e van het vmbo"
                continue
        if field_name == "sector":
            clause_text = " ".join(tokens[clause[0]:clause[1]])
            before = " ".join(tokens[clause[0]:m.start])
            after = " ".join(tokens[m.end:clause[1]])
            into = re.search(r"\b(?:de|het)\s+$", before + " ") is not None \
                and not re.search(r"\b(?:in|op|bij|van|uit|naar|voor)\s+(?:de|het)\s+$", before + " ") \
                and re.match(r"in(?:$| (?:gaan|stappen|werken|willen|en|maar))", after) is not None
            if re.search(r"\bnaar\s+(?:de |het )?$", before + " ") or re.search(r"\bvan\b.*\bnaar\b", before) or into:
                positives.setdefault("sector_interests", []).append(m.value)
            elif re.search(r"\bvan\s+(?:de |het )?$", before + " ") and re.match(r"(?:sector )?naar\b", after):
                positives.setdefault("current_sector", []).append(m.value)
            elif INTEREST.search(clause_text) and not PAST.search(clause_text):
                # "het callcenter waar ik werkte is naar het buitenland verhuisd": past work, no wish
                positives.setdefault("sector_interests", []).append(m.value)
            elif CURRENT.search(clause_text):
                positives.setdefault("current_sector", []).append(m.value)
            else:
                # A bare sector ("zorg") is left to the caller, who knows which question was asked.
                facts.bare_sectors.append(m.value)
                facts.bare_phrases.append(" ".join(tokens[m.start:m.end]))
            continue
        if field_name == "work_status" and str(m.value).startswith("werkzoekend") and re.search(
                r"\b(?:er is|er zijn|is er|zijn er|bijna|soms|weinig|minder|in de winter|in de zomer|seizoen)\b",
                " ".join(tokens[clause[0]:clause[1]])):
            continue  # "in de winter is er bijna geen werk": work that is scarce, not being without work
        before2 = tokens[max(0, m.start - 3):m.start]
        if field_name == "work_status" and m.value == "gepensioneerd" and tokens[m.start] == "pensioen" \
                and {"tot", "na", "voor", "naar", "aan", "tijdens"} & set(before2):
            continue  # "tot mijn pensioen", "na mijn pensioen": a time, not being retired
        if field_name == "work_status" and m.value == "zzp" and tokens[m.start:m.end] == ["voor", "mezelf"] \
                and {"opleiding", "cursus", "iets", "tijd", "informatie", "advies", "uitzoeken"} & set(before2):
            continue  # "een opleiding voor mezelf": for oneself, not self-employed
        if field_name in ("goal", "education_level") and re.search(
                r"\b(?:vraag|vragen|informatie|info|iets)(?: \w+)? over (?:de |het |een )?$", " ".join(before2) + " "):
            continue  # "een vraag over bijscholing": the topic asked about, not the person's goal or diploma
        if field_name == "work_status" and PAST.search(" ".join(tokens[clause[0]:clause[1]])):
            continue  # "ik was twaalf jaar thuis met de kinderen": what was, not the work now
        if field_name == "work_status" and WISH.search(" ".join(tokens[clause[0]:clause[1]])) \
                and not re.search(r"\b(?:verder|blijven|nu|nog)\b", " ".join(tokens[clause[0]:clause[1]])):
            continue  # "ik zou graag als zzp'er evenementen organiseren": a wish, not the work now
        positives.setdefault(field_name, []).append(m.value)

    if LITERACY.search(norm) and positives.get("goal") == ["basisvaardigheden"] and not re.search(
            r"\b(?:wil|wilde|zou|graag|leren)\b", norm):
        positives.pop("goal")  # "moeite met lezen en schrijven" is a need, not (yet) a goal
    edu = positives.get("education_level")
    if edu:
        facts.education_level = max(edu, key=EDUCATION_RANK.index)
    elif unfinished and all(level in BELOW_FIRST_DIPLOMA for level in unfinished) \
            and not re.search(r"\bwel\b|(?<!niet )(?<!nooit )\b(?:gehaald|behaald)\b", norm):
        facts.education_level = "geen"  # the vmbo or entree not finished: below it there is no diploma
    if positives.get("goal") == ["bijscholen"] and GROWING_BUSINESS.search(norm):
        positives["goal"] = ["ondernemen"]  # "ik heb een kapsalon en wil groeien": the business grows
    for name in ("work_status", "goal", "preferred_form", "employer_size"):
        values = positives.get(name)
        if values:
            # A correction names the new value last: "geen vast maar een tijdelijk contract".
            setattr(facts, name, values[-1] if name == "work_status" else values[0])
    cleaning = SEPARATED_CLEANING.search(norm)
    if cleaning and not INTEREST.search(" ".join(
            t for a, b in clauses for t in tokens[a:b] if a <= len(norm[:cleaning.start()].split()) < b)):
        # "ik maak kantoren schoon": the verb is split, so no phrase matched it; the place
        # cleaned ("kantoren") is not the sector.
        positives["current_sector"] = ["schoonmaak_facilitair"]
    current = positives.get("current_sector")
    if FOOD_FACTORY.search(norm) and ((current and current[0] == "techniek_bouw_energie") or (
            not current and CURRENT.search(norm) and not WISH.search(norm))):
        current = ["landbouw_voedsel"]  # "een fabriek die koekjes maakt" is the food industry
    if current and current[0] == "zakelijke_dienstverlening" and re.search(r"\brecepti\w*", norm) \
            and re.search(r"\bhotel\w*", norm):
        current = ["horeca"]  # the reception of a hotel is the hotel's trade
    if current and current[0] == "onderwijs" and re.search(r"\b(?:juf|meester|leidster)\b", norm) and any(
            m.entity == "sector" and m.value == "kinderopvang" for m in matches):
        current = ["kinderopvang"]  # "juf op een kinderdagverblijf": children call childcare staff juf too
    if current:
        facts.current_sector = current[0]
    interests = list(dict.fromkeys(positives.get("sector_interests", [])))
    if not interests and not current and CATALOGUE_CUE.search(norm) and not any(
            m.entity == "sector" for m in _find_phrases(tokens, vocab, place_tokens)):
        found = _sectors_from_catalogue(text)
        interests = found[:1]
    if FOOD_FACTORY.search(norm):  # "fabriek, eten maken": a bare factory named with its food
        facts.bare_sectors = ["landbouw_voedsel" if b == "techniek_bouw_energie" else b for b in facts.bare_sectors]
    facts.sector_interests = [s for s in interests if s != facts.current_sector] or interests
    if facts.current_sector and facts.sector_interests == [facts.current_sector] and not INTEREST.search(norm):
        facts.sector_interests = []

    headcount = HEADCOUNT.search(norm)
    if facts.employer_size is None and headcount and EMPLOYER_WORDS.search(norm):
        facts.employer_size = "mkb" if int(headcount.group(1)) < 250 else "groot"

    facts.age = _age(norm, today)
    facts.hours_per_week, facts.max_hours_study_per_week = _hours(norm, tokens, clauses)
    facts.at_risk_of_job_loss = _bool_fact(norm, AT_RISK, NOT_AT_RISK)
    if facts.at_risk_of_job_loss and all(PAST_RISK.search(" ".join(tokens[a:b])) for m in AT_RISK.finditer(norm)
                                         for a, b in [_clause_of(clauses, len(norm[:m.start()].split()))]):
        facts.at_risk_of_job_loss = None  # "daarvoor had ik een restaurant, dat is failliet gegaan": what was
    facts.literacy_need = _bool_fact(norm, LITERACY, NO_LITERACY)
    if STUFI.search(norm):
        facts.receives_studiefinanciering = not bool(STUFI_NO.search(norm))
    if NL_NOT.search(norm) and not NL_CONNECTED.search(norm):
        facts.connected_to_dutch_labour_market = False
    elif NL_CONNECTED.search(norm):
        facts.connected_to_dutch_labour_market = True

    for name in list(negated):
        if getattr(facts, name, None) not in (None, []):
            negated.discard(name)  # the same message gives the new value
    facts.negated = frozenset(negated)
    return facts


def known_municipalities() -> Iterable[str]:
    """Official names of all gemeenten the parser knows."""
    return sorted(set(vocabulary().municipalities.values()))
