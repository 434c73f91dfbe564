"""The simulator's paraphrase bank: many ordinary Dutch ways to give each intake answer.

Written for the simulator on its own, not taken from data/nlu or synonyms.yml: the point is to
test the intake with words it was not built from. Every answer value has at least 15 ways
(``MIN_WAYS``); the unit tests hold the bank to that.

Two kinds of phrase per value:
- answers: fine as a reply to the question about that field ("mbo 3", "ja, vooral met rekenen");
- statements: self-contained, so they can be volunteered or combined ("ik heb mbo 3").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

MIN_WAYS = 15

# -- numbers in words -------------------------------------------------------------------------
_UNITS = ("", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen")
_TEENS = ("tien", "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien",
          "negentien")
_TENS = ("", "", "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig")


def number_words(n: int) -> str:
    """Dutch number words for 1..100 ("tweeënvijftig", "eenentwintig", "honderd")."""
    if not 1 <= n <= 100:
        raise ValueError(f"number out of range: {n}")
    if n == 100:
        return "honderd"
    if n < 10:
        return _UNITS[n]
    if n < 20:
        return _TEENS[n - 10]
    tens, unit = divmod(n, 10)
    if unit == 0:
        return _TENS[tens]
    # A trema keeps two vowels apart: twee-en -> tweeën, drie-en -> drieën.
    joiner = "ën" if _UNITS[unit].endswith("e") else "en"
    return f"{_UNITS[unit]}{joiner}{_TENS[tens]}"


# Templates: {n} digits, {w} words. Each template gives one distinct way for every number.
AGE_ANSWERS = (
    "{n}", "{n} jaar", "ik ben {n}", "ik ben {n} jaar", "ik ben {n} jaar oud", "{w}", "{w} jaar",
    "ik ben {w}", "ik ben {w} jaar oud", "{n} jr", "net {n} geworden", "ik ben vorige maand {n} geworden",
    "{n} jaar oud", "mijn leeftijd is {n}", "ik ben er {n}", "{w} jaar oud",
)
AGE_STATEMENTS = ("ik ben {n}", "ik ben {n} jaar", "ik ben {w} jaar oud", "ik ben {n} jaar oud",
                  "ik ben {w}")
HOURS_ANSWERS = (
    "{n}", "{n} uur", "{n} uur per week", "ongeveer {n} uur", "een uur of {w}", "{w} uur", "ik werk {n} uur",
    "zo'n {n} uur in de week", "{n} u", "ik draai {n} uur per week", "{w}", "rond de {n} uur",
    "meestal {n} uur", "ik werk {w} uur per week", "ik heb een contract van {n} uur", "{n} uren",
)
HOURS_STATEMENTS = ("ik werk {n} uur per week", "ik werk {w} uur in de week", "ik heb een contract van {n} uur")
STUDY_HOURS_ANSWERS = (
    "{n}", "{n} uur", "{n} uur per week", "ik kan {n} uur per week", "{w} uur in de week", "een uur of {w}",
    "hooguit {n} uur", "max {n} uur", "{w}", "ongeveer {n} uur", "ik heb {n} uur per week", "zo'n {w} uur",
    "{n} uurtjes", "wel {n} uur per week", "ik denk {n} uur", "{n} uur in de week",
)
STUDY_HOURS_STATEMENTS = ("ik kan {n} uur per week leren", "ik heb {w} uur per week voor een opleiding")
NUMBER_ANSWERS = {"age": AGE_ANSWERS, "hours_per_week": HOURS_ANSWERS,
                  "max_hours_study_per_week": STUDY_HOURS_ANSWERS}
NUMBER_STATEMENTS = {"age": AGE_STATEMENTS, "hours_per_week": HOURS_STATEMENTS,
                     "max_hours_study_per_week": STUDY_HOURS_STATEMENTS}


def number_ways(field: str, n: int, statements: bool = False) -> list[str]:
    table = (NUMBER_STATEMENTS if statements else NUMBER_ANSWERS)[field]
    return list(dict.fromkeys(t.format(n=n, w=number_words(n)) for t in table))


# -- enums ------------------------------------------------------------------------------------
WORK_STATUS: dict[str, tuple[str, ...]] = {
    "werknemer_vast": (
        "vast contract", "ik heb een vaste baan", "in vaste dienst", "ik werk in loondienst met een vast contract",
        "vaste aanstelling", "ik heb een contract voor onbepaalde tijd", "vast in dienst bij een bedrijf",
        "ik werk al jaren vast bij dezelfde baas", "onbepaalde tijd", "ik heb vast werk",
        "werknemer met een vast contract", "ik ben in vaste dienst", "vaste baan", "loondienst, vast",
        "ik zit vast bij mijn werkgever", "gewoon vast in dienst",
    ),
    "werknemer_flex": (
        "tijdelijk contract", "ik werk via een uitzendbureau", "uitzendkracht", "ik heb een nulurencontract",
        "oproepkracht", "ik heb een jaarcontract", "ik werk als invaller op afroep", "flexcontract",
        "payroll", "ik heb een tijdelijke baan", "ik ben flexwerker", "via het uitzendbureau",
        "contract voor bepaalde tijd", "ik werk op oproepbasis", "min-max contract", "tijdelijk, via een uitzendbureau",
    ),
    "zzp": (
        "zzp", "zzp'er", "ik ben zzp'er", "ik ben zelfstandige", "ik heb een eigen bedrijf", "freelancer",
        "ik werk voor mezelf", "zelfstandig ondernemer", "ik ben freelancer", "eenmanszaak",
        "ik heb een eenmanszaak", "ik ben zelfstandig zonder personeel", "ik werk als zzp'er",
        "eigen baas", "ik ben mijn eigen baas", "ondernemer",
    ),
    "werkzoekend_ww": (
        "ww", "ik zit in de ww", "ik heb een ww-uitkering", "ik krijg ww", "werkloos met ww",
        "ik ben ontslagen en krijg nu ww", "ik zoek werk en heb ww", "ww van het uwv", "uitkering van het uwv",
        "ik krijg een uitkering van het uwv", "ik zit thuis met ww", "werkloosheidsuitkering",
        "ik heb een werkloosheidsuitkering", "in de ww", "ik ontvang ww", "ik heb sinds kort ww",
    ),
    "werkzoekend_bijstand": (
        "bijstand", "ik zit in de bijstand", "ik heb een bijstandsuitkering", "ik krijg bijstand",
        "uitkering van de gemeente", "ik krijg geld van de gemeente", "participatiewet", "ik heb bijstand",
        "bijstandsuitkering", "ik leef van de bijstand", "ik zoek werk en heb bijstand", "in de bijstand",
        "ik ontvang bijstand", "ik krijg een uitkering van de gemeente", "ik heb een uitkering via de gemeente",
        "werkloos, met bijstand",
    ),
    "werkzoekend_zonder_uitkering": (
        "ik zoek werk zonder uitkering", "werkzoekend zonder uitkering", "ik heb geen werk en ook geen uitkering",
        "ik zoek een baan maar krijg niks", "werkloos zonder uitkering", "ik zoek werk, geen uitkering",
        "ik ben op zoek naar werk en heb geen uitkering", "geen baan en geen uitkering",
        "ik zit zonder werk en zonder uitkering", "werk zoeken zonder uitkering", "ik ben werkzoekend zonder uitkering",
        "ik heb geen baan, ook geen uitkering", "ik zoek werk en krijg geen uitkering",
        "geen werk, geen uitkering", "ik zoek werk maar heb geen recht op een uitkering",
    ),
    "arbeidsongeschikt": (
        "arbeidsongeschikt", "ik ben arbeidsongeschikt", "ik zit in de wia", "ik heb een wia-uitkering",
        "ik heb wajong", "wajong", "ik zit in de wga", "ik ben afgekeurd", "ik ben ziek en kan niet werken",
        "wia", "ik krijg wajong", "ik ben gedeeltelijk arbeidsongeschikt", "ik zit in de ziektewet",
        "ik heb een arbeidsongeschiktheidsuitkering", "ik kan door mijn gezondheid niet werken",
    ),
    "student": (
        "student", "ik ben student", "ik studeer", "ik zit op school", "ik doe een opleiding",
        "ik studeer nog", "ik zit nog op het mbo", "ik ben scholier", "ik volg een studie",
        "ik studeer aan het hbo", "ik zit op de universiteit", "ik ben aan het studeren", "student mbo",
        "ik zit nog op school", "ik ben studente",
    ),
    "gepensioneerd": (
        "gepensioneerd", "ik ben met pensioen", "ik heb pensioen", "ik ben gepensioneerd", "ik heb aow",
        "ik krijg aow", "met pensioen", "ik werk niet meer, ik heb pensioen", "pensionado", "ik ben al met pensioen",
        "aow", "ik geniet van mijn pensioen", "ik ben vorig jaar met pensioen gegaan", "ik ontvang aow",
        "ik ben gestopt met werken vanwege mijn pensioen",
    ),
    "anders": (
        "iets anders", "anders", "geen van deze", "dat past er niet bij", "ik ben mantelzorger",
        "ik zorg voor mijn kinderen thuis", "ik ben huisvrouw", "ik ben huisman", "ik doe vrijwilligerswerk",
        "ik zit in een inburgeringstraject", "ik ben net in nederland", "mijn situatie is anders",
        "ik ben thuisblijfmoeder", "ik zit tussen twee banen in", "geen van allen",
    ),
}

EDUCATION: dict[str, tuple[str, ...]] = {
    "geen": (
        "geen diploma", "ik heb geen diploma", "geen", "niks", "alleen de basisschool", "ik heb de basisschool",
        "praktijkonderwijs", "ik heb geen opleiding afgemaakt", "ik ben nooit klaar gekomen met school",
        "ik heb alleen lagere school", "ik heb geen papieren", "ik ben gestopt na de basisschool",
        "geen enkel diploma", "niets afgemaakt", "ik heb praktijkonderwijs gedaan", "nee, geen diploma",
    ),
    "vmbo": (
        "vmbo", "mavo", "ik heb vmbo", "ik heb mavo", "vmbo-diploma", "vmbo kader", "vmbo basis",
        "vmbo tl", "ik heb de mavo gedaan", "ik heb een vmbo diploma", "lbo", "vbo", "vmbo theoretische leerweg",
        "ik heb vmbo gehaald", "mavo-diploma", "ik heb het vmbo afgemaakt",
    ),
    "mbo1": (
        "mbo 1", "mbo1", "entree", "entreeopleiding", "ik heb mbo 1", "mbo niveau 1", "ik heb de entreeopleiding",
        "niveau 1", "entree-opleiding", "ik heb entree gedaan", "mbo-1", "assistent opleiding niveau 1",
        "ik heb mbo niveau 1", "mbo 1 diploma", "ik heb een entreediploma",
    ),
    "mbo2": (
        "mbo 2", "mbo2", "ik heb mbo 2", "mbo niveau 2", "niveau 2", "ik heb mbo niveau 2", "mbo-2",
        "basisberoepsopleiding", "ik heb een mbo 2 diploma", "mbo 2 diploma", "ik heb niveau 2 gehaald",
        "mbo niveau twee", "ik heb mbo 2 gedaan", "mbo 2 gehaald", "een diploma mbo 2",
    ),
    "mbo3": (
        "mbo 3", "mbo3", "ik heb mbo 3", "mbo niveau 3", "niveau 3", "ik heb mbo niveau 3", "mbo-3",
        "vakopleiding niveau 3", "ik heb een mbo 3 diploma", "mbo 3 diploma", "ik heb niveau 3 gehaald",
        "mbo niveau drie", "ik heb mbo 3 gedaan", "mbo 3 gehaald", "een diploma mbo 3",
    ),
    "mbo4": (
        "mbo 4", "mbo4", "ik heb mbo 4", "mbo niveau 4", "niveau 4", "ik heb mbo niveau 4", "mbo-4",
        "middenkaderopleiding", "ik heb een mbo 4 diploma", "mbo 4 diploma", "ik heb niveau 4 gehaald",
        "mbo niveau vier", "ik heb mbo 4 gedaan", "mbo 4 gehaald", "een diploma mbo 4",
    ),
    "havo": (
        "havo", "ik heb havo", "havo-diploma", "ik heb de havo afgemaakt", "havo gehaald", "ik heb havo gedaan",
        "een havodiploma", "ik heb mijn havo", "hoger algemeen voortgezet onderwijs", "havo afgerond",
        "ik heb een havo diploma", "havo, en daarna niks meer", "mijn hoogste diploma is havo",
        "alleen havo", "havo diploma",
    ),
    "vwo": (
        "vwo", "ik heb vwo", "atheneum", "gymnasium", "ik heb het gymnasium gedaan", "vwo-diploma",
        "ik heb vwo gehaald", "ik heb atheneum", "vwo afgerond", "ik heb een vwo diploma", "mijn hoogste is vwo",
        "alleen vwo", "vwo diploma", "ik heb het vwo afgemaakt", "ik heb gymnasium",
    ),
    "hbo_ad": (
        "associate degree", "ik heb een associate degree", "hbo-ad", "hbo ad", "ad-diploma", "een ad op het hbo",
        "tweejarige hbo ad", "ik heb een ad gehaald", "associate degree hbo", "hbo associate degree",
        "ik heb de associate degree afgerond", "een associate degree", "ad hbo", "ik heb een hbo-ad",
        "associate degree gehaald",
    ),
    "hbo_bachelor": (
        "hbo", "hbo bachelor", "ik heb hbo", "ik heb een hbo-diploma", "hogeschool", "ik heb de hogeschool gedaan",
        "hbo-bachelor", "bachelor van de hogeschool", "ik heb een bachelor aan het hbo", "ik heb hbo gedaan",
        "hbo afgerond", "pabo", "ik heb de pabo", "hbo diploma", "ik heb een hbo bachelor",
    ),
    "hbo_master": (
        "hbo master", "ik heb een hbo-master", "master aan de hogeschool", "hbo-master", "ik heb een master op het hbo",
        "professionele master", "master hbo", "ik heb een masterdiploma van de hogeschool", "hbo master afgerond",
        "een hbo master", "ik heb mijn hbo master", "hbo master gehaald", "master van het hbo",
        "ik heb een master aan de hogeschool gedaan", "hbo, master",
    ),
    "wo_bachelor": (
        "wo bachelor", "universitaire bachelor", "ik heb een bachelor aan de universiteit", "wo-bachelor",
        "bachelor van de universiteit", "ik heb een wo bachelor", "universiteit, bachelor",
        "ik heb een universitaire bachelor",
        "bachelor wo", "wo bachelor gehaald", "ik heb mijn bachelor aan de uni", "een wo-bachelor",
        "wo bachelor afgerond", "ik heb een bachelordiploma van de universiteit", "bachelor aan de uni",
    ),
    "wo_master": (
        "wo master", "master van de universiteit", "ik heb een master aan de universiteit", "wo-master",
        "ik heb een universitaire master",
        "universitaire master", "ik ben afgestudeerd als master aan de universiteit", "master wo",
        "ik heb een wo master",
        "ik heb een doctoraal", "doctoraal", "wo master gehaald", "ik heb mijn master aan de uni",
        "een wo-master", "master aan de uni",
    ),
    "buitenlands": (
        "diploma uit het buitenland", "ik heb een buitenlands diploma", "buitenlands diploma",
        "mijn diploma is uit syrië", "ik heb in polen gestudeerd", "ik heb een diploma uit marokko",
        "ik heb mijn opleiding in het buitenland gedaan", "diploma uit turkije", "ik heb in oekraïne gestudeerd",
        "mijn diploma komt uit het buitenland", "ik heb een diploma uit een ander land",
        "buitenlandse opleiding", "ik heb gestudeerd in eritrea", "een diploma uit roemenië",
        "ik heb een diploma uit brazilië",
    ),
}

# Everyday places of work per sector, each with its own preposition and article ("in de zorg",
# "bij de bank") and the bare word; templates turn them into answers and statements.
SECTOR_NOUNS: dict[str, tuple[str, ...]] = {
    "zorg_welzijn": ("in de zorg", "in de thuiszorg", "in de ouderenzorg", "in het ziekenhuis",
                     "in een verpleeghuis", "in de gehandicaptenzorg"),
    "kinderopvang": ("in de kinderopvang", "op een kinderdagverblijf", "op de bso", "op een crèche",
                     "in de peuteropvang", "in de buitenschoolse opvang"),
    "techniek_bouw_energie": ("in de bouw", "in de techniek", "in de installatietechniek", "in de metaal",
                              "in de elektrotechniek", "in de energiesector"),
    "groen": ("in de groenvoorziening", "bij een hoveniersbedrijf", "in de tuinaanleg", "bij de plantsoenendienst",
              "bij een hovenier", "in het groenonderhoud"),
    "onderwijs": ("in het onderwijs", "op een basisschool", "op een middelbare school", "in het basisonderwijs",
                  "in het voortgezet onderwijs", "in het beroepsonderwijs"),
    "ict": ("in de ict", "in de it", "in de automatisering", "bij een softwarebedrijf", "in het programmeren",
            "op een ict-helpdesk"),
    "logistiek": ("in de logistiek", "in een magazijn", "in het transport", "in een distributiecentrum",
                  "op de vrachtwagen", "in de pakketbezorging"),
    "horeca": ("in de horeca", "in een restaurant", "in een café", "in een hotel", "in een keuken",
               "in de catering"),
    "retail": ("in een winkel", "in de supermarkt", "in de detailhandel", "in een kledingwinkel",
               "in de verkoop", "in een drogisterij"),
    "zakelijke_dienstverlening": ("in de administratie", "in de boekhouding", "in de accountancy",
                                  "op een kantoor", "bij een verzekeraar", "bij een bank"),
    "overheid_veiligheid": ("bij de overheid", "bij de gemeente", "bij de politie", "bij defensie",
                            "bij de brandweer", "op een ministerie"),
    "cultuur": ("in de cultuur", "in het theater", "in een museum", "in de bibliotheek", "in de muziek",
                "in de kunst"),
    "landbouw_voedsel": ("in de landbouw", "op een boerderij", "in de melkveehouderij", "in de voedselindustrie",
                         "in een bakkerij", "in een slagerij"),
    "schoonmaak_facilitair": ("in de schoonmaak", "bij een schoonmaakbedrijf", "in het glazenwassen",
                              "bij een facilitaire dienst", "in de kantoorschoonmaak", "in de schoonmaakbranche"),
}
_PREPOSITION = re.compile(r"^(?:in|op|bij)\s+(?:(?:de|het|een)\s+)?")  # "bij defensie" -> "defensie", not "fensie"
CURRENT_TEMPLATES = ("{bare}", "{x}", "ik werk {x}")
CURRENT_STATEMENT_TEMPLATES = ("ik werk {x}",)
INTEREST_TEMPLATES = ("{bare}", "iets {x}", "ik wil graag {x} werken")
INTEREST_STATEMENT_TEMPLATES = ("ik wil graag {x} werken",)

# Jobs and sectors the vocabulary does not know: the person gives them as the current sector.
# Some of them lie on a sector's edge; there the sector is as right as "anders" (a judgement a
# person would accept), e.g. security work under "overheid en veiligheid".
OWN_WORDS_ALSO: dict[str, frozenset[str]] = {
    "in de beveiliging": frozenset({"overheid_veiligheid"}), "fotografie": frozenset({"cultuur"}),
    "in de evenementenbranche": frozenset({"cultuur", "horeca"}), "ik ben taxichauffeur": frozenset({"logistiek"}),
    "in de scheepvaart": frozenset({"logistiek"}), "in de modewereld": frozenset({"cultuur", "retail"}),
    "bij een reisbureau": frozenset({"zakelijke_dienstverlening", "retail"}),
    "ik werk bij een dierenasiel": frozenset({"groen", "landbouw_voedsel"}),
}
OWN_WORDS_SECTORS: tuple[str, ...] = (
    "kapper", "in de beveiliging", "fotografie", "ik ben kapster", "bij een tattooshop", "ik ben taxichauffeur",
    "in de evenementenbranche", "ik werk bij een sportschool", "ik ben rij-instructeur", "in de schoonheidsbranche",
    "ik werk op een camping", "bij een uitvaartonderneming", "ik ben nagelstyliste", "in de scheepvaart",
    "ik werk bij een dierenasiel", "bij een reisbureau", "ik ben hondenuitlater", "in de modewereld",
)

# The function now, for people working in a sector with an Ontwikkelpad: a few everyday names per
# function, turned into answers by templates; "anders" is a trade outside the path, in own words.
FUNCTION_NOUNS: dict[str, tuple[str, ...]] = {
    "helpende": ("helpende", "helpende zorg en welzijn", "helpende in de thuiszorg"),
    "verzorgende_ig": ("verzorgende", "verzorgende-ig", "verzorgende in een verpleeghuis"),
    "medewerker_mz": ("medewerker maatschappelijke zorg", "activiteitenbegeleider",
                      "groepsbegeleider in de maatschappelijke zorg"),
    "begeleider_gz": ("persoonlijk begeleider", "begeleider in de gehandicaptenzorg", "woonbegeleider"),
    "verpleegkundige_mbo": ("verpleegkundige", "mbo-verpleegkundige", "verpleger"),
    "sociaal_werker": ("sociaal werker", "jongerenwerker", "welzijnswerker"),
    "verpleegkundige_hbo": ("hbo-verpleegkundige", "wijkverpleegkundige", "hbo verpleegkundige"),
    "groepshulp": ("groepshulp", "groepshulp op een kinderdagverblijf", "hulp op de groep"),
    "pm_kinderopvang": ("pedagogisch medewerker", "pedagogisch medewerker op de bso",
                        "leidster op een kinderdagverblijf"),
    "gespecialiseerd_pm": ("gespecialiseerd pedagogisch medewerker", "gespecialiseerd pm'er",
                           "gespecialiseerd pedagogisch medewerker in de kinderopvang"),
    "pedagogisch_coach": ("pedagogisch coach", "pedagogisch beleidsmedewerker",
                          "pedagogisch coach bij een kinderopvang"),
    "assistent_techniek": ("assistent in de techniek", "hulpmonteur", "productiemedewerker"),
    "monteur_et": ("monteur", "elektricien", "installateur"),
    "eerste_monteur_et": ("eerste monteur", "allround monteur", "eerste elektromonteur"),
    "technicus_et": ("technicus", "technicus elektrotechniek", "technicus installaties"),
    "timmerman": ("timmerman", "bouwvakker", "timmerman in de nieuwbouw"),
    "allround_timmerman": ("allround timmerman", "ervaren timmerman", "eerste timmerman"),
    "middenkader_bouw": ("werkvoorbereider", "uitvoerder", "uitvoerder in de bouw"),
    "autotechnicus": ("automonteur", "autotechnicus", "monteur in een garage"),
    "eerste_autotechnicus": ("eerste autotechnicus", "eerste automonteur", "allround automonteur"),
    "medewerker_hovenier": ("hovenier", "tuinman", "groenmedewerker"),
    "vakbekwaam_hovenier": ("vakbekwaam hovenier", "allround hovenier", "voorman bij een hovenier"),
}
FUNCTION_TEMPLATES = ("{n}", "ik ben {n}", "ik werk als {n}", "als {n}", "ik ben {n} van beroep", "ik werk nu als {n}")
FUNCTION_STATEMENT_TEMPLATES = ("ik ben {n}", "ik werk als {n}")
OWN_WORDS_FUNCTIONS: tuple[str, ...] = (
    "ik ben schilder", "stukadoor", "ik ben dakdekker", "ik werk als lasser", "ik ben tegelzetter", "receptionist",
    "ik doe de planning", "ik werk op de administratie", "ik ben schoonmaker", "ik ben chauffeur",
    "ik werk in de keuken", "ik ben doktersassistent", "ik ben kraamverzorgende", "ik ben gastouder",
    "ik ben fysiotherapeut", "ik ben loodgieter", "ik zit op de receptie",
)


def function_ways(value: str, statements: bool = False) -> list[str]:
    if value == "anders":
        return [] if statements else list(OWN_WORDS_FUNCTIONS)
    templates = FUNCTION_STATEMENT_TEMPLATES if statements else FUNCTION_TEMPLATES
    return list(dict.fromkeys(t.format(n=n) for n in FUNCTION_NOUNS[value] for t in templates))


GOALS: dict[str, tuple[str, ...]] = {
    "orienteren": (
        "weet ik nog niet", "ik wil eerst kijken wat er is", "ik ben aan het oriënteren", "oriënteren",
        "ik wil ontdekken wat bij me past", "ik twijfel nog", "gewoon eens rondkijken", "ik heb nog geen idee wat",
        "kijken wat bij me past", "ik wil weten wat mijn mogelijkheden zijn", "ik zoek nog een richting",
        "eerst een beetje verkennen", "ik wil advies over wat ik kan doen", "ik weet nog niet goed wat ik wil",
        "ik oriënteer me nog",
    ),
    "bijscholen": (
        "verder in mijn werk", "ik wil beter worden in mijn werk", "bijscholen", "ik wil groeien in mijn vak",
        "meer leren voor mijn huidige baan", "doorgroeien", "ik wil doorgroeien bij mijn werkgever",
        "een cursus voor mijn werk", "ik wil mijn vak beter leren", "bijscholing", "ik wil een stap hoger in mijn werk",
        "mijn kennis bijspijkeren", "beter worden in wat ik nu doe", "ik wil verder komen in mijn baan",
        "ik wil me verder ontwikkelen in mijn werk",
    ),
    "omscholen": (
        "iets nieuws", "ander werk", "omscholen", "ik wil wat anders gaan doen", "compleet iets nieuws",
        "ik wil een ander vak leren", "een nieuw beroep", "ik wil van beroep wisselen", "carrièreswitch",
        "ik wil overstappen naar ander werk", "een heel andere richting", "ik wil switchen", "omscholing",
        "ik wil iets totaal anders", "ik wil een nieuwe baan in een ander vak",
    ),
    "diploma_halen": (
        "een diploma", "een diploma halen", "ik wil een diploma halen", "diploma", "ik wil een papiertje",
        "ik wil mijn mbo afmaken", "een startkwalificatie halen", "ik wil een hoger diploma",
        "ik wil een erkend diploma", "ik wil alsnog een diploma", "mijn diploma halen",
        "een opleiding afronden met een diploma",
        "ik wil gediplomeerd worden", "ik wil een officieel diploma", "ik wil mijn opleiding afmaken",
    ),
    "basisvaardigheden": (
        "taal, rekenen of computer", "beter nederlands leren", "ik wil beter leren lezen en schrijven",
        "rekenen", "ik wil beter leren rekenen", "beter met de computer leren werken", "taal",
        "ik wil mijn nederlands verbeteren", "computervaardigheden", "ik wil leren werken met een computer",
        "lezen en schrijven", "basisvaardigheden", "ik wil beter worden in taal en rekenen", "digitale vaardigheden",
        "ik wil beter nederlands spreken",
    ),
    "ondernemen": (
        "een eigen bedrijf", "ik wil een eigen bedrijf beginnen", "ondernemen", "ik wil voor mezelf beginnen",
        "ik wil zzp'er worden", "een eigen zaak", "mijn bedrijf laten groeien", "ik wil ondernemer worden",
        "een bedrijfje starten", "eigen baas worden", "ik wil mijn eigen winkel", "starten als zelfstandige",
        "ik wil een onderneming opzetten", "mijn eigen zaak beginnen", "ik wil beter worden als ondernemer",
    ),
}
GOAL_STATEMENTS: dict[str, tuple[str, ...]] = {
    "orienteren": ("ik weet nog niet goed wat ik wil", "ik wil eerst kijken wat er is"),
    "bijscholen": ("ik wil beter worden in mijn werk", "ik wil doorgroeien in mijn vak"),
    "omscholen": ("ik wil ander werk gaan doen", "ik wil omscholen"),
    "diploma_halen": ("ik wil een diploma halen", "ik wil alsnog een diploma"),
    "basisvaardigheden": ("ik wil beter leren lezen en schrijven", "ik wil beter leren rekenen"),
    "ondernemen": ("ik wil een eigen bedrijf beginnen", "ik wil voor mezelf beginnen"),
}

FORM_STATEMENTS: dict[str, tuple[str, ...]] = {
    "online": ("ik wil het liefst online leren", "ik leer het liefst thuis achter de laptop"),
    "klassikaal": ("ik wil het liefst in een klas leren", "ik leer het liefst met een docent erbij"),
    "werkend_leren": ("ik wil het liefst leren tijdens mijn werk", "ik wil werken en leren combineren"),
    "geen_voorkeur": ("het maakt mij niet uit hoe ik leer", "ik heb geen voorkeur voor hoe ik leer"),
}
FORMS: dict[str, tuple[str, ...]] = {
    "online": (
        "online", "op de computer", "thuis achter de laptop", "via internet", "digitaal", "online lessen",
        "een online cursus", "vanuit huis", "liefst online", "e-learning", "ik leer het liefst online",
        "via de computer", "thuis online", "afstandsonderwijs", "online graag",
    ),
    "klassikaal": (
        "in een klas", "klassikaal", "in een lokaal", "met een docent erbij", "op school", "in een groep",
        "fysiek", "met andere mensen in een klas", "liever in een klaslokaal", "echte lessen op school",
        "ik leer het best in een groep", "op locatie", "met een leraar", "les in een klas", "in het echt",
    ),
    "werkend_leren": (
        "werken en leren tegelijk", "leren tijdens werk", "werkend leren", "bbl", "leren op de werkvloer",
        "in de praktijk", "een leerwerkbaan", "al werkend leren", "ik wil leren en werken combineren",
        "een leerbaan", "leren in de praktijk", "stage en school", "werken en een dag naar school",
        "leren door te doen", "bij een bedrijf leren",
    ),
    "geen_voorkeur": (
        "maakt niet uit", "geen voorkeur", "alles is goed", "maakt me niet uit", "het maakt niet uit",
        "ik heb geen voorkeur", "allebei goed", "wat het beste past", "doe maar wat", "alles vind ik prima",
        "geen idee, alles is goed", "ik vind alles best", "mij om het even", "het is mij om het even",
        "maakt weinig uit",
    ),
}

EMPLOYER_SIZE: dict[str, tuple[str, ...]] = {
    "mkb": (
        "minder dan 250", "een klein bedrijf", "we zijn met 12 man", "ongeveer 40 medewerkers", "een mkb-bedrijf",
        "klein, zo'n 20 collega's", "minder dan 250 mensen", "we zijn met zijn vijven", "een familiebedrijf met 30 man",
        "nog geen 100 mensen", "ongeveer 80", "mkb", "een middelgroot bedrijf met 150 mensen",
        "we hebben 60 werknemers", "een klein bedrijfje", "er werken 8 mensen",
    ),
    "groot": (
        "250 of meer", "een groot bedrijf", "meer dan 250", "ruim 1000 mensen", "duizenden collega's",
        "een multinational", "we zijn met 500 man", "een groot concern", "meer dan 300 medewerkers",
        "een heel groot bedrijf", "ongeveer 2000 werknemers", "een ziekenhuis met 3000 mensen",
        "wel 400 mensen", "groot", "meer dan duizend collega's",
    ),
}

# Yes / no per yes-no field: plain, and with an explanation.
BOOLS: dict[str, dict[bool, tuple[str, ...]]] = {
    "at_risk_of_job_loss": {
        True: ("ja", "ja, er komt een reorganisatie", "ja helaas", "ja, mijn baan verdwijnt", "jazeker",
               "ja, het bedrijf gaat misschien failliet", "ik denk het wel", "ja, ik ben boventallig",
               "ja, er dreigt ontslag", "klopt, mijn functie vervalt", "ja, ik word waarschijnlijk ontslagen",
               "zeker, er vallen ontslagen", "ja, mijn contract wordt niet verlengd", "jep", "ja, mijn afdeling sluit"),
        False: ("nee", "nee hoor, ik heb vast werk", "nee, mijn baan is zeker", "niet dat ik weet", "nee hoor",
                "nee, het gaat goed met het bedrijf", "nee, geen zorgen", "nope", "nee, ik zit goed",
                "nee, mijn baan blijft", "nee, dat speelt niet", "gelukkig niet", "nee, er is genoeg werk",
                "nee, helemaal niet", "neen"),
    },
    "literacy_need": {
        True: ("ja", "ja, vooral met rekenen", "ja graag", "ja, lezen vind ik moeilijk", "jazeker",
               "ja, met de computer", "ja, schrijven gaat niet zo goed", "graag", "ja, taal is lastig voor mij",
               "ja, vooral met lezen", "ja, dat zou fijn zijn", "ja, met formulieren invullen", "jep",
               "ja, ik wil beter nederlands", "ja, rekenen is lastig"),
        False: ("nee", "nee hoor", "nee, dat gaat prima", "niet nodig", "nee dank je",
                "nee, lezen en schrijven gaat goed",
                "nope", "nee, ik kan goed rekenen", "nee, daar heb ik geen hulp bij nodig", "nee, dat lukt me wel",
                "nee, geen hulp nodig", "neen", "nee, computer gaat ook goed", "nee, dat kan ik al",
                "nee, het gaat goed zo"),
    },
    "receives_studiefinanciering": {
        True: ("ja", "ja, ik krijg nog stufi", "ja, van duo", "jazeker", "ja, ik heb studiefinanciering",
               "ja, ik krijg geld van duo", "klopt", "ja hoor", "ja, nog wel", "jep",
               "ja, ik heb nog recht op studiefinanciering", "ja, ik krijg stufi", "ja, via duo",
               "ja, studiefinanciering", "ja, nog een jaar"),
        False: ("nee", "nee, geen stufi", "nee hoor", "nee, niet meer", "nee, ik krijg niks van duo", "nope",
                "nee, mijn studiefinanciering is op", "neen", "nee, dat is gestopt",
                "nee, ik heb geen studiefinanciering", "nee, geen recht meer op", "nee, niks van duo",
                "nee, ik ben al lang klaar met studeren", "nee, dat heb ik niet", "nee, nooit gehad"),
    },
    "connected_to_dutch_labour_market": {
        True: ("ja", "ja, ik woon in nederland", "ja hoor", "jazeker", "ja, ik werk hier", "klopt", "jep",
               "ja, al mijn hele leven", "ja, ik woon en werk hier", "ja, natuurlijk", "ja, sinds 2015",
               "ja, ik woon hier al jaren", "zeker", "ja, in nederland", "ja, ik ben hier geboren"),
        False: ("nee", "nee, ik woon in belgië", "nee hoor", "nope", "nee, ik woon in duitsland", "neen",
                "nee, ik woon over de grens", "nee, nog niet", "nee, ik kom hier pas wonen", "nee, niet in nederland",
                "nee, in het buitenland", "nee, ik woon in het buitenland", "nee, ik verhuis pas volgend jaar",
                "nee, nu nog niet", "nee, ik woon nog in polen"),
    },
}

MUNICIPALITY_TEMPLATES = (
    "{g}", "in {g}", "ik woon in {g}", "gemeente {g}", "{lower}", "ik woon in de gemeente {g}", "te {g}",
    "ik kom uit {g}", "in {lower}", "ik woon in {lower}", "{g}.", "ik woon al jaren in {g}", "woonplaats {g}",
    "in de gemeente {g}", "wij wonen in {g}", "ik woon sinds kort in {g}",
)
MUNICIPALITY_STATEMENTS = ("ik woon in {g}", "ik woon in de gemeente {g}")


def municipality_ways(name: str, statements: bool = False) -> list[str]:
    table = MUNICIPALITY_STATEMENTS if statements else MUNICIPALITY_TEMPLATES
    return list(dict.fromkeys(t.format(g=name, lower=name.lower()) for t in table))


# -- conversation moves -----------------------------------------------------------------------
DONT_KNOW = ("weet ik niet", "geen idee", "dat weet ik niet", "weet ik eigenlijk niet", "geen flauw idee",
             "dat weet ik echt niet", "ik weet het niet", "weet niet", "ik heb geen idee", "dat weet ik niet zeker",
             "geen idee eigenlijk", "kan ik niet zeggen", "ik zou het niet weten", "weet ik zo niet", "geen idee hoor")
GREETINGS = ("dag", "goedemiddag", "hoi", "hallo", "goedemorgen", "goedenavond", "hey", "hallo daar", "goeiedag",
             "dag koers", "hoi koers", "goeiemorgen", "hee", "hallo, goedemiddag", "middag")
YES = ("ja", "ja, klopt", "ja hoor", "klopt", "ja dat klopt", "ja, dat is goed", "jazeker", "ja graag",
       "klopt helemaal", "ja prima", "jep", "ja, zo is het", "dat klopt", "zeker", "ja, helemaal goed")
DECLINES = ("nee, ga maar verder", "nee dank je", "nee", "liever niet", "nee hoor, ik wil eerst verder",
            "nee, eerst de vragen", "nee, ik doe het liever zelf", "nee, dat hoeft niet", "nee bedankt",
            "nu even niet", "nee, gewoon doorgaan", "nee, laat maar", "nee, ik wil verder met de vragen",
            "niet nodig, ga door", "nee, dank je wel")
HUMAN_REQUESTS = ("kan ik met een mens praten?", "ik wil een adviseur spreken", "mag ik iemand van het loket?",
                  "ik wil liever met een echt persoon praten", "kan ik iemand bellen?", "is er een medewerker?",
                  "verbind me door met een adviseur", "ik wil een mens", "kan ik een echte adviseur spreken?",
                  "ik praat liever met een persoon", "mag ik een medewerker?", "graag een adviseur",
                  "kan er iemand meekijken?", "ik wil met iemand praten", "een mens graag")
OUT_OF_SCOPE = ("wat voor weer wordt het morgen?", "kun je een pizza bestellen?", "wie wint het wk?",
                "hoe laat is het?", "vertel eens een mop", "wat is de hoofdstad van frankrijk?",
                "kun je mijn huiswerk maken?", "waar kan ik mijn paspoort verlengen?", "hoe kook ik rijst?",
                "heb je een leuk recept?", "welke film moet ik kijken?", "hoeveel kost een treinkaartje?",
                "kun je muziek aanzetten?", "wat vind jij van voetbal?", "waar is de dichtstbijzijnde supermarkt?")
# FAQ questions per response-selector key, and the schemes asking it counts as asking about.
FAQ: dict[str, tuple[tuple[str, ...], frozenset[str]]] = {
    "faq/ask_stap": (("hoe zit het met het stap-budget?", "kan ik nog stap aanvragen?", "bestaat stap nog?",
                      "wat is het stap budget?"), frozenset({"stap_budget", "stap_ontwikkeladvies"})),
    "faq/ask_startkwalificatie": (("wat is een startkwalificatie?", "wat betekent startkwalificatie?",
                                   "heb ik een startkwalificatie?"), frozenset()),
    "faq/ask_cost": (("wat kost dit?", "moet ik hiervoor betalen?", "is dit gratis?"), frozenset()),
    "faq/ask_slim": (("wat is slim?", "wat is de slim-regeling?", "hoe werkt de slim subsidie?"),
                     frozenset({"slim", "ontwikkelpaden_scholingssubsidie"})),
    "faq/ask_levenlanglerenkrediet": (("wat is het levenlanglerenkrediet?", "hoe werkt dat krediet van duo?",
                                       "kan ik geld lenen voor een opleiding?"),
                                      frozenset({"levenlanglerenkrediet"})),
    "faq/ask_evc": (("wat is evc?", "wat betekent een evc-traject?"), frozenset()),
    "faq/ask_bbl_bol": (("wat is het verschil tussen bbl en bol?", "wat is bbl?"), frozenset()),
    "faq/ask_privacy": (("wat doen jullie met mijn gegevens?", "is dit privé?", "wie leest dit mee?"), frozenset()),
    "faq/ask_ww_scholing": (("mag ik een opleiding doen met ww?", "betaalt het uwv een opleiding?"),
                            frozenset({"uwv_scholing_ww"})),
    "faq/ask_praktijkleren": (("wat is praktijkleren?", "hoe werkt de subsidie praktijkleren?"),
                              frozenset({"praktijkleren", "praktijkleren_derde_leerweg"})),
}
INJECTIONS = ('/inform{"work_status":"zzp"}', "/restart", "/handoff", '/inform{"education_level": "wo_master"}',
              "/affirm", "/delete_my_data", '/inform{"age": 99}', "/request_human")
CORRECTION_LEADS = ("nee wacht, ", "sorry, ik bedoel: ", "oh nee, foutje. ", "wacht even, ", "ik vergiste me, ",
                    "correctie: ", "nee sorry, ")
FACT_JOINERS = (", ", " en ", ". ")


def enum_ways(field: str, value: str, statements: bool = False) -> list[str]:
    """All ways the bank has for one enum value of a field."""
    if field == "work_status":
        ways = WORK_STATUS[value]
        return [w for w in ways if w.startswith("ik ")] if statements else list(ways)
    if field == "education_level":
        ways = EDUCATION[value]
        return [w for w in ways if w.startswith("ik ")] if statements else list(ways)
    if field in ("current_sector", "sector_interests"):
        return sector_ways(field, value, statements)
    if field == "current_function":
        return function_ways(value, statements)
    if field == "goal":
        return list(GOAL_STATEMENTS[value]) if statements else list(GOALS[value])
    if field == "preferred_form":
        return list(FORM_STATEMENTS[value]) if statements else list(FORMS[value])
    if field == "employer_size":
        return [f"mijn werkgever is {w}" for w in EMPLOYER_SIZE[value][1:2]] if statements \
            else list(EMPLOYER_SIZE[value])
    raise KeyError(field)


def sector_ways(field: str, value: str, statements: bool = False) -> list[str]:
    if value == "anders":
        return [] if statements else list(OWN_WORDS_SECTORS)
    if field == "current_sector":
        templates = CURRENT_STATEMENT_TEMPLATES if statements else CURRENT_TEMPLATES
    else:
        templates = INTEREST_STATEMENT_TEMPLATES if statements else INTEREST_TEMPLATES
    nouns = SECTOR_NOUNS[value]
    return list(dict.fromkeys(t.format(x=n, bare=_PREPOSITION.sub("", n)) for n in nouns for t in templates))


def bool_ways(field: str, value: bool) -> list[str]:
    return list(BOOLS[field][value])


@functools.lru_cache(maxsize=1)
def municipalities() -> tuple[str, ...]:
    """Gemeenten a person can live in: the intake's reference list (data, not NLU examples)."""
    try:
        from assistant.intake.parse import known_municipalities
        names = tuple(sorted(known_municipalities()))
    except Exception:  # reference data missing: a fixed few keep the simulator running
        names = ()
    # Names that are also everyday words ("Best", "Goes") or very short are ambiguous even to a
    # person; the simulator tests reading, not guessing, so its people do not live there.
    plain = tuple(n for n in names if n.lower() not in _AMBIGUOUS_PLACES and "'" not in n)
    return plain or ("Amsterdam", "Utrecht", "Zwolle", "Tilburg", "Groningen")


_AMBIGUOUS_PLACES = frozenset({"best", "buren", "putten", "goes", "beek", "stein", "sluis", "borne", "losser",
                               "edam-volendam", "land van cuijk", "sint-michielsgestel", "ede", "epe", "oss"})


def all_ways(field: str, value: object) -> Sequence[str]:
    """Answers for any field value (numbers and gemeenten included)."""
    if isinstance(value, bool):
        return bool_ways(field, value)
    if isinstance(value, int):
        return number_ways(field, value)
    if field == "municipality":
        return municipality_ways(str(value))
    return enum_ways(field, str(value))
