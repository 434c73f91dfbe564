"""A sixth set of fresh people the intake was never tuned on: issue #9's bar, the final honest measurement.

Written fresh by a helper session (worktree people6) that did not tune the intake and did not read the
parser or the intake code (assistant/intake/*.py), assistant/simulate/, data/nlu/, or the findings of the
other fresh-people files. The fields, their allowed values and meanings come only from
assistant/intake/profile.schema.json and the label, ask and ask_if lines of assistant/vocabulary.yaml
(its cue lists were not opened). All expectations were fixed and committed before the first run; a
script checked that no answer, opening, digression or correction occurs verbatim in tests/dialogue/,
tests/e2e/test_personas.py, tests/simulate/ or assistant/simulate/.

The people: praktisch geschoolden, flexwerkers (uitzend, oproep, nulurencontract, payroll, jaarcontract),
zzp'ers (kapster, glazenwasser, schilder, taxichauffeur, fotograaf, melkveehouder, developer),
werkzoekenden (WW, bijstand, geen uitkering, herintreedster), arbeidsongeschikten (Wajong, WGA,
Ziektewet), 45-plussers, gepensioneerden, een mantelzorger, scholieren en studenten, nieuwkomers met
eenvoudig Nederlands. They type in small letters, with typos and numbers in words, tell stories instead
of picking labels, correct themselves inside an answer or in the summary, say 'weet ik niet' / 'geen
idee', ask FAQ questions midway, ask for a person and then accept or decline. Goals and ways of
learning are said in many forms. A tuple is used only where a careful human adviser would accept
either reading.

First run (PYTHONPATH=. .venv/bin/python -m pytest -q tests/dialogue/test_fresh_people_6.py): 12 of the 50
people passed, 38 failed. Four of those failures were the test's own faults and were fixed without touching
an expectation's meaning: two FAQ digressions were placed at the study-hours question, which this intake
does not ask anyone (moved to the learning-form and municipality questions; the planner then passed); the
Bulgarian cleaner's sector interest was expected although, under the goal reading the test itself accepts
(basisvaardigheden), the intake rightly does not ask it (now ["horeca"] or not asked, and she passed); and
one accepted pair of interests was listed in one order only (the other order added; that person still
fails on the goal). After the fixes: 14 of 50 (28 %) reach the right profile and advice, far below the 95 %
bar. No person looped or got an offer nobody asked for. The other 36 are strict xfails in XFAIL below, with
every field they got wrong:

- goal (19 people): stories, not labels, for ander werk, an own business, a course, a diploma or 'ik weet
  het niet' are not understood, asked again twice and skipped (17), or misread (2: 'planner ... bij ons eigen
  bedrijf' as ondernemen, 'meer klanten krijgen' as orienteren);
- learning form (13): 'bij iemand in de buurt', 'leren door het te doen', 'maakt me niet zoveel uit',
  'vaste lesavonden', 'liever vaste lessen' and the like are skipped (10), misread (2), or filled unasked
  from the goal answer (1: 'boekhouding ... op de computer' read as online);
- diploma (7): a diploma being studied for read as obtained (hbo student, havo 5 pupil read as hbo_bachelor,
  3rd-year vmbo pupil as vmbo), a foreign university read as wo_master, Turkish primary school as
  buitenlands, 'geen school in mijn land' and 'geen, alleen mijn chauffeurspas' skipped;
- sector interests (6): ggz read as zorg + kinderopvang + onderwijs, 'netwerkbeveiliging' as overheid,
  'verduurzaming van huizen', 'communicatie', 'iets met geld' as anders, 'in een magazijn' as nothing;
- work status (3): 'ik heb uitkeering van gemeente', 'een melkveebedrijf met mijn broer' read as anders, a
  vmbo pupil skipped;
- one each: age 20 read from 'twintig jaar thuis geweest'; a summary correction of the municipality not
  applied; employer size 'een keten met zo'n vierhonderd mensen' skipped; 'de fabriek gaat ... dicht, dus
  ja' skipped; 'voedingsindustrie' as anders; 'rekenen mag wel beter' as no help wanted; a request for a
  person at the goal question not recognised (no handoff); the ontwikkeladvies FAQ answer mentions STAP.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.dialogue.test_unseen_people import check_person
from tests.e2e.test_personas import Digression, Persona


def _p(name: str, opening: str, answers: dict[str, str], profile: dict[str, Any], **kw: Any) -> Persona:
    return Persona(name, opening, answers, profile, {}, **kw)


ZW = "zorg_welzijn"
TBE = "techniek_bouw_energie"
ZD = "zakelijke_dienstverlening"
OV = "overheid_veiligheid"
LV = "landbouw_voedsel"
SF = "schoonmaak_facilitair"

PEOPLE = [
    _p(
        "heftruckchauffeur van 52 met mavo die planner wil worden",
        "goedemorgen",
        {
            "work_status": "ik heb een vast contract, ik rij heftruck bij een transportbedrijf",
            "employer_size": "nee hoor, we zijn met zo'n zeshonderd man",
            "at_risk_of_job_loss": "niet dat ik gehoord heb",
            "hours_per_week": "fulltime, veertig uur in de week",
            "current_sector": "transport, wij vervoeren pallets",
            "education_level": "mavo",
            "age": "tweeenvijftig",
            "literacy_need": "nee, lezen en schrijven lukt me prima",
            "goal": "ik wil graag planner worden op kantoor bij ons eigen bedrijf",
            "sector_interests": "gewoon in de logistiek",
            "max_hours_study_per_week": "zes uurtjes denk ik",
            "preferred_form": "het liefst 's avonds online, na mijn werk",
            "municipality": "tilburg",
        },
        {
            "work_status": "werknemer_vast",
            "employer_size": "groot",
            "at_risk_of_job_loss": False,
            "hours_per_week": 40,
            "current_sector": "logistiek",
            "education_level": "vmbo",
            "age": 52,
            "literacy_need": False,
            "goal": ("bijscholen", "omscholen"),
            "sector_interests": ["logistiek"],
            "max_hours_study_per_week": 6,
            "preferred_form": "online",
            "municipality": "Tilburg",
        },
    ),
    _p(
        "kapster van 27 met een eigen salon die wil groeien",
        "hoi",
        {
            "work_status": "ik heb mijn eigen kapsalon, ben zzp",
            "hours_per_week": "zon 45 uur",
            "current_sector": "kappers",
            "education_level": "kappersopleiding mbo 3",
            "age": "27",
            "receives_studiefinanciering": "nee die is allang gestopt",
            "goal": "mijn zaak groter maken, misschien iemand aannemen",
            "sector_interests": "ik blijf in de haren haha, de kapsalon",
            "max_hours_study_per_week": "twee",
            "preferred_form": "workshops in een groepje vind ik het leukst",
            "municipality": "zwolle",
        },
        {
            "work_status": "zzp",
            "hours_per_week": 45,
            "current_sector": "anders",
            "education_level": "mbo3",
            "age": 27,
            "receives_studiefinanciering": False,
            "goal": "ondernemen",
            "sector_interests": ["anders"],
            "max_hours_study_per_week": 2,
            "preferred_form": "klassikaal",
            "municipality": "Zwolle",
        },
    ),
    _p(
        "alleenstaande moeder van 38 in de bijstand zonder diploma die wil leren mailen",
        "hallo",
        {
            "work_status": "sinds mijn scheiding zit ik in de bijstand",
            "education_level": "niks afgemaakt, ben op mijn 16e van school gegaan",
            "age": "38",
            "literacy_need": "ja",
            "goal": "eerst beter leren omgaan met de computer, ik kan nog niet eens goed mailen",
            "sector_interests": "geen idee nog",
            "max_hours_study_per_week": "drie uurtjes als de kids op school zitten",
            "preferred_form": "bij iemand in de buurt, niet alleen achter een scherm",
            "municipality": "heerlen",
        },
        {
            "work_status": "werkzoekend_bijstand",
            "education_level": "geen",
            "age": 38,
            "literacy_need": True,
            "goal": "basisvaardigheden",
            "max_hours_study_per_week": 3,
            "preferred_form": "klassikaal",
            "municipality": "Heerlen",
        },
    ),
    _p(
        "poolse uitzendkracht van 31 in de tomatenkas die beter nederlands wil",
        "dzien dobry, goeiedag",
        {
            "work_status": "ik werk via uitzendbureau in kas, tomaten",
            "employer_size": "weet ik niet",
            "at_risk_of_job_loss": "nee werk is genoeg",
            "hours_per_week": "vijfenveertig",
            "current_sector": "kassen, tuinbouw",
            "current_function": "ik pluk tomaten en ik pak in",
            "education_level": "in polen ik heb technikum, school voor mechanik",
            "age": "31",
            "literacy_need": "ja",
            "goal": "ik wil beter nederlands spreken en schrijven",
            "sector_interests": "kas is goed",
            "max_hours_study_per_week": "vier uur",
            "preferred_form": "online is goed, ik heb telefoon",
            "municipality": "westland",
        },
        {
            "work_status": "werknemer_flex",
            "employer_size": None,
            "at_risk_of_job_loss": False,
            "hours_per_week": 45,
            "current_sector": (LV, "groen"),
            "current_function": "anders",
            "education_level": "buitenlands",
            "age": 31,
            "literacy_need": True,
            "goal": "basisvaardigheden",
            "max_hours_study_per_week": 4,
            "preferred_form": "online",
            "municipality": "Westland",
        },
    ),
    _p(
        "hbo-student bouwkunde van 20 met stufi",
        "hey",
        {
            "work_status": "ik studeer, tweede jaar hbo bouwkunde",
            "education_level": "havo",
            "age": "twintig",
            "receives_studiefinanciering": "ja, ik krijg studiefinanciering en een aanvullende beurs",
            "goal": "mijn diploma halen en dan misschien een master",
            "sector_interests": "de bouw, vooral ontwerpen",
            "max_hours_study_per_week": "ik studeer al fulltime, dus extra maar een uur of twee",
            "preferred_form": "in de klas, met projecten",
            "municipality": "delft",
        },
        {
            "work_status": "student",
            "education_level": "havo",
            "age": 20,
            "receives_studiefinanciering": True,
            "goal": "diploma_halen",
            "sector_interests": [TBE],
            "max_hours_study_per_week": 2,
            "preferred_form": "klassikaal",
            "municipality": "Delft",
        },
    ),
    _p(
        "gepensioneerde van 68 met ulo die met de tablet wil leren werken",
        "goedemiddag",
        {
            "work_status": "ik ben met pensioen, al drie jaar",
            "education_level": "ulo, vroeger",
            "age": "achtenzestig",
            "literacy_need": "ja, de computer",
            "goal": "ik wil met de tablet leren werken, mijn kleinkinderen sturen alles via whatsapp",
            "sector_interests": "niks meer, ik werk niet meer",
            "max_hours_study_per_week": "zoveel als nodig, ik heb tijd genoeg. zeg tien",
            "preferred_form": "samen met anderen in de bibliotheek",
            "municipality": "hoorn",
        },
        {
            "work_status": "gepensioneerd",
            "education_level": "vmbo",
            "age": 68,
            "literacy_need": True,
            "goal": "basisvaardigheden",
            "max_hours_study_per_week": 10,
            "preferred_form": "klassikaal",
            "municipality": "Hoorn",
        },
    ),
    _p(
        "werkzoekende van 24 met havo zonder uitkering die wil uitzoeken wat bij haar past",
        "hallo",
        {
            "work_status": "ik zoek werk maar krijg geen uitkering, ik woon nog bij mijn ouders",
            "education_level": "havo, wel gehaald",
            "age": "24",
            "receives_studiefinanciering": "nee, ik ben gestopt met mijn studie dus ook geen stufi meer",
            "goal": "ik weet het echt niet, ik wil eerst uitzoeken wat bij me past",
            "sector_interests": "iets creatiefs misschien, tekenen, vormgeving",
            "max_hours_study_per_week": "twintig",
            "preferred_form": "maakt me niet zoveel uit eigenlijk",
            "municipality": "nijmegen",
        },
        {
            "work_status": "werkzoekend_zonder_uitkering",
            "education_level": "havo",
            "age": 24,
            "receives_studiefinanciering": False,
            "goal": "orienteren",
            "sector_interests": (["cultuur"], ["anders"]),
            "max_hours_study_per_week": 20,
            "preferred_form": "geen_voorkeur",
            "municipality": "Nijmegen",
        },
    ),
    _p(
        "jongen van 26 met wajong en praktijkonderwijs die in het groen wil werken",
        "hoi",
        {
            "work_status": "ik zit in de wajong sinds mijn 18e",
            "education_level": "praktijkonderwijs",
            "age": "26",
            "receives_studiefinanciering": "nee",
            "literacy_need": "ja, rekenen vind ik moeilijk",
            "goal": "ik wil graag in een plantsoen werken, buiten met planten",
            "sector_interests": "groen, tuinen en parken",
            "max_hours_study_per_week": "acht",
            "preferred_form": "leren door het te doen, met mijn handen",
            "municipality": "almere",
        },
        {
            "work_status": "arbeidsongeschikt",
            "education_level": "geen",
            "age": 26,
            "receives_studiefinanciering": False,
            "literacy_need": True,
            "goal": ("omscholen", "diploma_halen"),
            "sector_interests": ["groen"],
            "max_hours_study_per_week": 8,
            "preferred_form": "werkend_leren",
            "municipality": "Almere",
        },
    ),
    _p(
        "mbo-verpleegkundige van 45 in het ziekenhuis die haar hbo-v wil",
        "goedenavond",
        {
            "work_status": "vaste aanstelling in het ziekenhuis",
            "employer_size": "groot, het is een academisch ziekenhuis",
            "at_risk_of_job_loss": "nee, er is juist te weinig personeel",
            "hours_per_week": "32 uur, vier diensten",
            "current_sector": "de zorg, ziekenhuis",
            "current_function": "verpleegkundige, mbo niveau 4",
            "education_level": "mbo-v, dus mbo 4",
            "age": "45",
            "goal": "mijn hbo-v halen via de verkorte route",
            "sector_interests": "in de zorg blijven, het liefst de ic",
            "max_hours_study_per_week": "zo'n acht uur",
            "preferred_form": "deeltijd opleiding met lesdagen, naast mijn werk",
            "municipality": "groningen",
        },
        {
            "work_status": "werknemer_vast",
            "employer_size": "groot",
            "at_risk_of_job_loss": False,
            "hours_per_week": 32,
            "current_sector": ZW,
            "current_function": "verpleegkundige_mbo",
            "education_level": "mbo4",
            "age": 45,
            "goal": ("diploma_halen", "bijscholen"),
            "sector_interests": [ZW],
            "max_hours_study_per_week": 8,
            "preferred_form": ("klassikaal", "werkend_leren"),
            "municipality": "Groningen",
        },
    ),
    _p(
        "turkse schoonmaakster van 57 op oproepbasis die bang is voor ontslag en beter wil lezen",
        "goedemorgen",
        {
            "work_status": "ik maak schoon op kantooren, ben oproepkracht",
            "employer_size": "het is een groot schoonmaakbedrijf, duizenden mensen",
            "at_risk_of_job_loss": "ja, ze gaan bezuinigen en de oproepkrachten gaan eerst",
            "hours_per_week": "wisselt, gemiddeld twintig",
            "current_sector": "schoonmaak",
            "education_level": "geen diploma, in turkije alleen lagere school",
            "age": "57",
            "literacy_need": "ja graag, lezen is moeilijk voor mij",
            "goal": "beter nederlands lezen en schrijven, dan kan ik ander werk zoeken",
            "sector_interests": "schoonmaak of keuken, maakt niet uit",
            "max_hours_study_per_week": "drie uur",
            "preferred_form": "in een groep met juf",
            "municipality": "schiedam",
        },
        {
            "work_status": "werknemer_flex",
            "employer_size": "groot",
            "at_risk_of_job_loss": True,
            "hours_per_week": 20,
            "current_sector": SF,
            "education_level": "geen",
            "age": 57,
            "literacy_need": True,
            "goal": "basisvaardigheden",
            "max_hours_study_per_week": 3,
            "preferred_form": "klassikaal",
            "municipality": "Schiedam",
        },
    ),
    _p(
        "freelance developer van 41 met een master die machine learning wil leren",
        "hallo",
        {
            "work_status": "freelance developer, eigen eenmanszaak",
            "hours_per_week": "zo'n 36 declarabel",
            "current_sector": "it, software",
            "education_level": "master informatica aan de uva",
            "age": "41",
            "goal": "me verdiepen in machine learning zodat ik betere opdrachten krijg",
            "sector_interests": "ict",
            "max_hours_study_per_week": "vijf",
            "preferred_form": "zelfstudie online, in mijn eigen tempo",
            "municipality": "amsterdam",
        },
        {
            "work_status": "zzp",
            "hours_per_week": 36,
            "current_sector": "ict",
            "education_level": "wo_master",
            "age": 41,
            "goal": "bijscholen",
            "sector_interests": ["ict"],
            "max_hours_study_per_week": 5,
            "preferred_form": "online",
            "municipality": "Amsterdam",
        },
    ),
    _p(
        "pedagogisch medewerker van 33 op de babygroep die coach wil worden",
        "hallo allemaal",
        {
            "work_status": "vast contract bij een kinderdagverblijf",
            "employer_size": "ja, het is een kleine organisatie met drie locaties",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "achtentwintig",
            "current_sector": "kinderopvang",
            "current_function": "ik sta als pm'er op de babygroep",
            "education_level": "mbo niveau 3 pedagogisch werk",
            "age": "33",
            "goal": "ik wil pedagogisch coach worden binnen de kinderopvang",
            "sector_interests": "kinderopvang",
            "max_hours_study_per_week": "vier",
            "preferred_form": "een mix, maar vooral leren in de praktijk op de groep",
            "municipality": "utrecht",
        },
        {
            "work_status": "werknemer_vast",
            "employer_size": "mkb",
            "at_risk_of_job_loss": False,
            "hours_per_week": 28,
            "current_sector": "kinderopvang",
            "current_function": "pm_kinderopvang",
            "education_level": "mbo3",
            "age": 33,
            "goal": "bijscholen",
            "sector_interests": ["kinderopvang"],
            "max_hours_study_per_week": 4,
            "preferred_form": "werkend_leren",
            "municipality": "Utrecht",
        },
    ),
    _p(
        "kok van 29 met een jaarcontract die een eigen restaurant wil",
        "yo",
        {
            "work_status": "ik ben kok, tijdelijk contract van een jaar",
            "employer_size": "klein restaurant, we zijn met twaalf",
            "at_risk_of_job_loss": "nee, ze willen me houden",
            "hours_per_week": "38",
            "current_sector": "horeca",
            "education_level": "kok niveau 2 op het mbo",
            "age": "negenentwintig",
            "receives_studiefinanciering": "nee",
            "goal": "later mijn eigen restaurantje beginnen",
            "sector_interests": "horeca, koken",
            "max_hours_study_per_week": "zes",
            "preferred_form": "avondcursus in een lokaal",
            "municipality": "maastricht",
        },
        {
            "work_status": "werknemer_flex",
            "employer_size": "mkb",
            "at_risk_of_job_loss": False,
            "hours_per_week": 38,
            "current_sector": "horeca",
            "education_level": "mbo2",
            "age": 29,
            "receives_studiefinanciering": False,
            "goal": "ondernemen",
            "sector_interests": ["horeca"],
            "max_hours_study_per_week": 6,
            "preferred_form": "klassikaal",
            "municipality": "Maastricht",
        },
    ),
    _p(
        "ontslagen manager van 61 in de ww die zelfstandig coach wil worden en naar scholing in de ww vraagt",
        "goedemiddag",
        {
            "work_status": "ik ben na een reorganisatie ontslagen en zit nu in de ww",
            "education_level": "heao, hbo dus",
            "age": "61",
            "goal": "als zelfstandig coach aan de slag",
            "sector_interests": "coaching van mensen, loopbaanbegeleiding",
            "max_hours_study_per_week": "vijftien",
            "preferred_form": "online of in een groep, allebei prima",
            "municipality": "hilversum",
        },
        {
            "work_status": "werkzoekend_ww",
            "education_level": "hbo_bachelor",
            "age": 61,
            "goal": "ondernemen",
            "sector_interests": ([ZD], ["anders"]),
            "max_hours_study_per_week": 15,
            "preferred_form": "geen_voorkeur",
            "municipality": "Hilversum",
        },
        digressions={
            "goal": Digression(
                "mag ik eigenlijk wel een opleiding volgen terwijl ik ww heb?",
                kind="faq",
                faq_key="faq/ask_ww_scholing",
            ),
        },
    ),
    _p(
        "eritrese man van 29 in de bijstand die vrachtwagenchauffeur wil worden",
        "goedendag mevrouw",
        {
            "work_status": "ik heb uitkeering van gemeente",
            "education_level": "geen school in mijn land, ik heb hier inburgering gedaan",
            "age": "ik ben 29 jaar",
            "receives_studiefinanciering": "nee",
            "literacy_need": "ja ik wil beter lezen",
            "goal": "ik wil vrachtwagen chauffeur worden",
            "sector_interests": "rijden, transport",
            "max_hours_study_per_week": "twaalf",
            "preferred_form": "werken en leren samen",
            "municipality": "enschede",
        },
        {
            "work_status": "werkzoekend_bijstand",
            "education_level": "geen",
            "age": 29,
            "receives_studiefinanciering": False,
            "literacy_need": True,
            "goal": ("omscholen", "diploma_halen"),
            "sector_interests": ["logistiek"],
            "max_hours_study_per_week": 12,
            "preferred_form": "werkend_leren",
            "municipality": "Enschede",
        },
    ),
    _p(
        "warmtepompmonteur van 36 die eerste monteur wil worden en vraagt wie de opleiding betaalt",
        "hoi",
        {
            "work_status": "vast, bij een installatiebedrijf",
            "employer_size": "ongeveer tachtig man",
            "at_risk_of_job_loss": "nee joh",
            "hours_per_week": "veertig",
            "current_sector": "installatietechniek",
            "current_function": "monteur, ik leg warmtepompen aan",
            "education_level": "mbo 2 installatie",
            "age": "36",
            "goal": "eerste monteur worden, meer verantwoordelijkheid",
            "sector_interests": "warmtepompen en zonnepanelen, de energietransitie",
            "max_hours_study_per_week": "vier",
            "preferred_form": "op de zaak leren naast een ervaren collega",
            "municipality": "doetinchem",
        },
        {
            "work_status": "werknemer_vast",
            "employer_size": "mkb",
            "at_risk_of_job_loss": False,
            "hours_per_week": 40,
            "current_sector": TBE,
            "current_function": "monteur_et",
            "education_level": "mbo2",
            "age": 36,
            "goal": "bijscholen",
            "sector_interests": [TBE],
            "max_hours_study_per_week": 4,
            "preferred_form": "werkend_leren",
            "municipality": "Doetinchem",
        },
        digressions={
            "preferred_form": Digression(
                "wie betaalt zo'n opleiding eigenlijk, ik of mijn baas?", kind="faq", faq_key="faq/ask_cost"
            ),
        },
    ),
    _p(
        "mbo-leerling van 19 met een bijbaan in de supermarkt",
        "heyy",
        {
            "work_status": "ik zit op het mbo en werk in de jumbo ernaast",
            "employer_size": "de jumbo is toch groot",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "twaalf",
            "current_sector": "supermarkt",
            "education_level": "vmbo kaderberoeps",
            "age": "negentien",
            "receives_studiefinanciering": "ja ik krijg stufi van duo",
            "literacy_need": "nee hoor",
            "goal": "mijn mbo diploma retail halen en daarna verder naar niveau 4",
            "sector_interests": "in een winkel, klanten helpen en verkopen",
            "max_hours_study_per_week": "ik heb al school, een uur of drie extra",
            "preferred_form": "stage lopen, lekker praktisch",
            "municipality": "zaandam",
        },
        {
            "work_status": "student",
            "education_level": "vmbo",
            "age": 19,
            "receives_studiefinanciering": True,
            "literacy_need": False,
            "goal": "diploma_halen",
            "sector_interests": ["retail"],
            "max_hours_study_per_week": 3,
            "preferred_form": "werkend_leren",
            "municipality": ("Zaanstad", "Zaandam"),
        },
    ),
    _p(
        "beleidsmedewerker van 50 bij de gemeente met reorganisatie die leraar wil worden",
        "goedendag",
        {
            "work_status": "ik werk bij de gemeente, vaste aanstelling",
            "employer_size": "groot, een gemeente met tweeduizend ambtenaren",
            "at_risk_of_job_loss": "er komt een reorganisatie aan en mijn afdeling verdwijnt misschien",
            "hours_per_week": "36",
            "current_sector": "overheid",
            "education_level": "universiteit, bestuurskunde master",
            "age": "vijftig",
            "goal": "ik wil het onderwijs in, leraar maatschappijleer",
            "sector_interests": "onderwijs",
            "max_hours_study_per_week": "tien",
            "preferred_form": "een deeltijdopleiding met vaste lesavonden",
            "municipality": "den haag",
        },
        {
            "work_status": "werknemer_vast",
            "employer_size": "groot",
            "at_risk_of_job_loss": True,
            "hours_per_week": 36,
            "current_sector": OV,
            "education_level": "wo_master",
            "age": 50,
            "goal": "omscholen",
            "sector_interests": ["onderwijs"],
            "max_hours_study_per_week": 10,
            "preferred_form": "klassikaal",
            "municipality": ("'s-Gravenhage", "Den Haag"),
        },
    ),
    _p(
        "zelfstandige glazenwasser van 55 die bij het doel om een mens vraagt en ja zegt",
        "hallo",
        {
            "work_status": "ik ben glazenwasser voor mezelf",
            "hours_per_week": "dertig",
            "current_sector": "schoonmaak, ramen lappen",
            "education_level": "lbo",
            "age": "55",
            "literacy_need": "nee",
        },
        {
            "work_status": "zzp",
            "hours_per_week": 30,
            "current_sector": SF,
            "education_level": "vmbo",
            "age": 55,
        },
        digressions={
            "goal": Digression("ik snap er niks van, kan iemand me even bellen?", reply="ja graag"),
        },
        expect_handoff=True,
    ),
    _p(
        "vrachtwagenchauffeur van 47 met een versleten rug die om een mens vraagt en dan zelf verder gaat",
        "middag",
        {
            "work_status": "ik rij op de vrachtwagen, vast contract",
            "employer_size": "een familiebedrijfje, twaalf wagens",
            "at_risk_of_job_loss": "nee hoor",
            "hours_per_week": "vijftig",
            "current_sector": "transport",
            "education_level": "mavo en later mijn rijbewijs c",
            "age": "47",
            "literacy_need": "nee",
            "goal": "ik wil van de weg af, mijn rug is op. iets op kantoor misschien",
            "sector_interests": "planning, kantoorwerk in de logistiek",
            "max_hours_study_per_week": "vijf",
            "preferred_form": "online, ik zit vaak 's avonds in de cabine",
            "municipality": "venlo",
        },
        {
            "work_status": "werknemer_vast",
            "employer_size": "mkb",
            "at_risk_of_job_loss": False,
            "hours_per_week": 50,
            "current_sector": "logistiek",
            "education_level": "vmbo",
            "age": 47,
            "literacy_need": False,
            "goal": "omscholen",
            "sector_interests": (["logistiek"], ["logistiek", ZD], [ZD, "logistiek"]),
            "max_hours_study_per_week": 5,
            "preferred_form": "online",
            "municipality": "Venlo",
        },
        digressions={
            "municipality": Digression(
                "mag ik ook iemand spreken die dit met me doorneemt?", reply="nee, laat maar, ik doe het zelf wel"
            ),
        },
    ),
    _p(
        "helpende van 23 via payroll in een verpleeghuis die haar leeftijd in de samenvatting verbetert",
        "hoi hoi",
        {
            "work_status": "ik werk in een verpleeghuis via een payrollbedrijf",
            "employer_size": "het verpleeghuis is groot, meer dan 250",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "vierentwintig",
            "current_sector": "ouderenzorg",
            "current_function": "ik ben helpende, ik help bij het wassen en eten",
            "education_level": "mbo 2 helpende zorg en welzijn",
            "age": "22",
            "receives_studiefinanciering": "nee",
            "goal": "door naar verzorgende ig",
            "sector_interests": "ouderenzorg",
            "max_hours_study_per_week": "zes",
            "preferred_form": "bbl, werken en een dag naar school",
            "municipality": "leeuwarden",
        },
        {
            "work_status": "werknemer_flex",
            "employer_size": "groot",
            "at_risk_of_job_loss": False,
            "hours_per_week": 24,
            "current_sector": ZW,
            "current_function": "helpende",
            "education_level": "mbo2",
            "age": 23,
            "receives_studiefinanciering": False,
            "goal": ("bijscholen", "diploma_halen"),
            "sector_interests": [ZW],
            "max_hours_study_per_week": 6,
            "preferred_form": "werkend_leren",
            "municipality": "Leeuwarden",
        },
        summary_fix="mijn leeftijd klopt niet, ik ben 23",
    ),
    _p(
        "bedrijfsleider schoenenwinkel van 39 die zijn uren verbetert en naar de politie wil",
        "hallo",
        {
            "work_status": "bedrijfsleider in een schoenenwinkel, vast",
            "employer_size": "het is een keten met zo'n vierhonderd mensen",
            "at_risk_of_job_loss": "misschien, er gaan filialen dicht",
            "hours_per_week": "dertig, nee wacht, tweeendertig",
            "current_sector": "winkel",
            "education_level": "mbo 4 retail management",
            "age": "39",
            "goal": "iets heel anders, de politie lijkt me wat",
            "sector_interests": "politie, veiligheid",
            "max_hours_study_per_week": "acht",
            "preferred_form": "werkend leren bij de politie zelf",
            "municipality": "breda",
        },
        {
            "work_status": "werknemer_vast",
            "employer_size": "groot",
            "at_risk_of_job_loss": (True, None),
            "hours_per_week": 32,
            "current_sector": "retail",
            "education_level": "mbo4",
            "age": 39,
            "goal": "omscholen",
            "sector_interests": [OV],
            "max_hours_study_per_week": 8,
            "preferred_form": "werkend_leren",
            "municipality": "Breda",
        },
    ),
    _p(
        "metaalbewerker van 53 in de wga na een hernia die administratief werk zoekt",
        "goedemorgen",
        {
            "work_status": "ik zit in de wga na een hernia",
            "education_level": "vmbo basis, metaal",
            "age": "drieenvijftig",
            "literacy_need": "ja, met de computer ben ik niet zo handig",
            "goal": "zittend werk, iets met administratie",
            "sector_interests": "op een kantoor, de administratie doen",
            "max_hours_study_per_week": "tien",
            "preferred_form": "thuis, ik kan niet lang zitten in een lokaal, dus online",
            "municipality": "kerkrade",
        },
        {
            "work_status": "arbeidsongeschikt",
            "education_level": "vmbo",
            "age": 53,
            "literacy_need": True,
            "goal": "omscholen",
            "sector_interests": [ZD],
            "max_hours_study_per_week": 10,
            "preferred_form": "online",
            "municipality": "Kerkrade",
        },
    ),
    _p(
        "gepensioneerde meester van 70 die houten speelgoed wil verkopen",
        "dag",
        {
            "work_status": "gepensioneerd, ik was leraar",
            "education_level": "pabo",
            "age": "zeventig",
            "goal": "ik maak houten speelgoed en wil dat gaan verkopen, een klein bedrijfje",
            "sector_interests": "houtbewerking, ambacht",
            "max_hours_study_per_week": "zes",
            "preferred_form": "in een klein clubje mensen, met een docent",
            "municipality": "deventer",
        },
        {
            "work_status": "gepensioneerd",
            "education_level": "hbo_bachelor",
            "age": 70,
            "goal": "ondernemen",
            "sector_interests": ([TBE], ["anders"]),
            "max_hours_study_per_week": 6,
            "preferred_form": "klassikaal",
            "municipality": "Deventer",
        },
    ),
    _p(
        "herintreedster van 45 zonder uitkering die naar privacy vraagt en in de kinderopvang wil",
        "hallo",
        {
            "work_status": "ik ben twintig jaar thuis geweest voor de kinderen en zoek nu weer werk, "
            "ik heb geen uitkering",
            "education_level": "mbo secretaresse, niveau 3",
            "age": "vijfenveertig",
            "goal": "ik wil graag in de kinderopvang gaan werken",
            "sector_interests": "kinderen",
            "max_hours_study_per_week": "twaalf",
            "preferred_form": "een opleiding waarbij je meteen stage loopt",
            "municipality": "zoetermeer",
        },
        {
            "work_status": "werkzoekend_zonder_uitkering",
            "education_level": "mbo3",
            "age": 45,
            "goal": ("omscholen", "diploma_halen"),
            "sector_interests": (["kinderopvang"], ["kinderopvang", "onderwijs"]),
            "max_hours_study_per_week": 12,
            "preferred_form": "werkend_leren",
            "municipality": "Zoetermeer",
        },
        digressions={
            "age": Digression(
                "waarom wil je mijn leeftijd weten, wat doen jullie met mijn gegevens?",
                kind="faq",
                faq_key="faq/ask_privacy",
            ),
        },
    ),
    _p(
        "productiemedewerker van 43 zonder diploma in een vleesfabriek die dichtgaat",
        "hallo",
        {
            "work_status": "ik werk in een vleesfabriek, vast contract",
            "employer_size": "ja hoor, we zijn met een stuk of honderd",
            "at_risk_of_job_loss": "de fabriek gaat volgend jaar dicht, dus ja",
            "hours_per_week": "38",
            "current_sector": "voedingsindustrie",
            "education_level": "ik heb geen diploma, wel veel cursussen gedaan",
            "age": "43",
            "literacy_need": "lezen gaat goed, maar rekenen mag wel beter",
            "goal": "monteur worden, ik sleutel graag",
            "sector_interests": "techniek",
            "max_hours_study_per_week": "zes",
            "preferred_form": "in een klas met een leraar die het voordoet",
            "municipality": "oss",
        },
        {
            "work_status": "werknemer_vast",
            "employer_size": "mkb",
            "at_risk_of_job_loss": True,
            "hours_per_week": 38,
            "current_sector": LV,
            "education_level": "geen",
            "age": 43,
            "literacy_need": True,
            "goal": "omscholen",
            "sector_interests": [TBE],
            "max_hours_study_per_week": 6,
            "preferred_form": "klassikaal",
            "municipality": "Oss",
        },
    ),
    _p(
        "psychologiestudent van 23 die haar bachelor wil afmaken en niet weet hoeveel tijd ze heeft",
        "hoi",
        {
            "work_status": "ik studeer psychologie aan de universiteit",
            "education_level": "vwo",
            "age": "23",
            "receives_studiefinanciering": "ja, een lening bij duo",
            "goal": "eerst mijn bachelor afmaken",
            "sector_interests": "mensen helpen, iets in de ggz",
            "max_hours_study_per_week": "geen idee, hangt van mijn tentamens af",
            "preferred_form": "colleges in het echt, online haak ik af",
            "municipality": "leiden",
        },
        {
            "work_status": "student",
            "education_level": "vwo",
            "age": 23,
            "receives_studiefinanciering": True,
            "goal": "diploma_halen",
            "sector_interests": [ZW],
            "max_hours_study_per_week": None,
            "preferred_form": "klassikaal",
            "municipality": "Leiden",
        },
    ),
    _p(
        "zelfstandig schilder van 48 met lts die wil leren isoleren",
        "goeiemorgen",
        {
            "work_status": "zelfstandig schilder",
            "hours_per_week": "zo'n veertig, in de zomer meer",
            "current_sector": "bouw, schilderwerk",
            "current_function": "schilder, binnen en buiten",
            "education_level": "lts, afdeling schilderen",
            "age": "48",
            "literacy_need": "nee, gaat prima",
            "goal": "me bijscholen in duurzaam isoleren zodat ik meer klussen kan doen",
            "sector_interests": "verduurzaming van huizen",
            "max_hours_study_per_week": "drie",
            "preferred_form": "een paar praktijkdagen, geen boeken",
            "municipality": "alkmaar",
        },
        {
            "work_status": "zzp",
            "hours_per_week": 40,
            "current_sector": TBE,
            "current_function": "anders",
            "education_level": "vmbo",
            "age": 48,
            "literacy_need": False,
            "goal": "bijscholen",
            "sector_interests": [TBE],
            "max_hours_study_per_week": 3,
            "preferred_form": ("werkend_leren", "klassikaal"),
            "municipality": "Alkmaar",
        },
    ),
    _p(
        "man van 50 al jaren in de bijstand die niet weet wat hij wil maar aan een magazijn denkt",
        "hallo",
        {
            "work_status": "bijstant, al een paar jaar",
            "education_level": "mavo diploma",
            "age": "vijftig jaar",
            "literacy_need": "nee hoor",
            "goal": "geen idee wat ik wil, als het maar werk is",
            "sector_interests": "misschien in een magazijn, orders verzamelen",
            "max_hours_study_per_week": "twintig",
            "preferred_form": "ik leer het beste als ik gewoon mee kan draaien",
            "municipality": "rotterdam",
        },
        {
            "work_status": "werkzoekend_bijstand",
            "education_level": "vmbo",
            "age": 50,
            "literacy_need": False,
            "goal": "orienteren",
            "sector_interests": ["logistiek"],
            "max_hours_study_per_week": 20,
            "preferred_form": "werkend_leren",
            "municipality": "Rotterdam",
        },
    ),
    _p(
        "syrische apotheker van 36 in de bijstand die haar diploma erkend wil hebben",
        "goedemiddag",
        {
            "work_status": "ik heb geen werk, ik krijg bijstand",
            "education_level": "universiteit in damascus, farmacie",
            "age": "36",
            "literacy_need": "ja, nederlands schrijven wil ik beter",
            "goal": "mijn diploma apotheker laten erkennen en hier in een apotheek werken",
            "sector_interests": "apotheek, zorg",
            "max_hours_study_per_week": "vijftien uur",
            "preferred_form": "in de klas is beter voor mij",
            "municipality": "gouda",
        },
        {
            "work_status": "werkzoekend_bijstand",
            "education_level": "buitenlands",
            "age": 36,
            "literacy_need": True,
            "goal": ("diploma_halen", "omscholen"),
            "sector_interests": [ZW],
            "max_hours_study_per_week": 15,
            "preferred_form": "klassikaal",
            "municipality": "Gouda",
        },
    ),
    _p(
        "servicedeskmedewerker van 28 wiens werk naar het buitenland gaat en die security in wil",
        "hi",
        {
            "work_status": "ik werk op de servicedesk, contract voor onbepaalde tijd",
            "employer_size": "nee, het is een flink ict bedrijf, paar duizend man",
            "at_risk_of_job_loss": "een beetje, ze willen de servicedesk naar india verplaatsen",
            "hours_per_week": "40",
            "current_sector": "ict",
            "education_level": "mbo 4 ict beheer",
            "age": "28",
            "receives_studiefinanciering": "nee, die is al jaren voorbij",
            "goal": "cybersecurity specialist worden",
            "sector_interests": "netwerkbeveiliging, hackers tegenhouden",
            "max_hours_study_per_week": "tien",
            "preferred_form": "online cursussen en certificaten halen",
            "municipality": "helmond",
        },
        {
            "work_status": "werknemer_vast",
            "employer_size": "groot",
            "at_risk_of_job_loss": True,
            "hours_per_week": 40,
            "current_sector": "ict",
            "education_level": "mbo4",
            "age": 28,
            "receives_studiefinanciering": False,
            "goal": ("bijscholen", "omscholen"),
            "sector_interests": ["ict"],
            "max_hours_study_per_week": 10,
            "preferred_form": "online",
            "municipality": "Helmond",
        },
    ),
    _p(
        "sociaal werker van 37 in de ziektewet die rustig wil kijken wat ze wil",
        "hallo",
        {
            "work_status": "ik ben ziek thuis, ik zit in de ziektewet",
            "education_level": "hbo social work",
            "age": "37",
            "goal": "ik twijfel of ik terug wil naar mijn oude vak, ik wil eerst rustig kijken wat ik wil",
            "sector_interests": "iets met mensen maar minder zwaar",
            "max_hours_study_per_week": "vier",
            "preferred_form": "thuis op de laptop, op mijn eigen tempo",
            "municipality": "arnhem",
        },
        {
            "work_status": "arbeidsongeschikt",
            "education_level": "hbo_bachelor",
            "age": 37,
            "goal": "orienteren",
            "sector_interests": [ZW],
            "max_hours_study_per_week": 4,
            "preferred_form": "online",
            "municipality": "Arnhem",
        },
    ),
    _p(
        "scholier van 18 in havo 5 zonder diploma die nog niet weet welke studie",
        "hoii",
        {
            "work_status": "ik zit nog op school, havo 5",
            "education_level": "nog geen, ik zit in havo 5",
            "age": "achttien",
            "receives_studiefinanciering": "nee, ik zit nog op de middelbare",
            "literacy_need": "nee",
            "goal": "volgend jaar naar het hbo, maar ik weet nog niet welke studie",
            "sector_interests": "economie en zo, iets met geld",
            "max_hours_study_per_week": "twee",
            "preferred_form": "boeit me niet zo, allebei goed",
            "municipality": "haarlem",
        },
        {
            "work_status": "student",
            "education_level": "geen",
            "age": 18,
            "receives_studiefinanciering": False,
            "literacy_need": False,
            "goal": ("orienteren", "diploma_halen"),
            "sector_interests": [ZD],
            "max_hours_study_per_week": 2,
            "preferred_form": "geen_voorkeur",
            "municipality": "Haarlem",
        },
    ),
    _p(
        "melkveehouder van 44 die een boerderijwinkel en zorgboerderij wil beginnen",
        "goedemorgen",
        {
            "work_status": "ik heb een melkveebedrijf met mijn broer",
            "hours_per_week": "zestig",
            "current_sector": "landbouw, melkvee",
            "education_level": "mbo niveau 4 melkveehouderij",
            "age": "44",
            "goal": "een boerderijwinkel en een zorgboerderij erbij beginnen",
            "sector_interests": "landbouw en misschien de zorg",
            "max_hours_study_per_week": "twee uur",
            "preferred_form": "'s winters een cursus in het dorp, in de zomer heb ik geen tijd",
            "municipality": "dalfsen",
        },
        {
            "work_status": "zzp",
            "hours_per_week": 60,
            "current_sector": LV,
            "education_level": "mbo4",
            "age": 44,
            "goal": "ondernemen",
            "sector_interests": ([LV, ZW], [ZW, LV]),
            "max_hours_study_per_week": 2,
            "preferred_form": "klassikaal",
            "municipality": "Dalfsen",
        },
        narrow_answers={"work_status": "voor mezelf, het is ons eigen bedrijf"},
    ),
    _p(
        "logistiek planner van 39 in de ww die data-analist wil worden en naar lenen bij duo vraagt",
        "hallo",
        {
            "work_status": "sinds vorige maand ww, mijn contract is niet verlengd",
            "education_level": "hbo logistiek management, in breda gehaald",
            "age": "39",
            "goal": "data analist worden, met cijfers werken vind ik leuk",
            "sector_interests": "data, ict",
            "max_hours_study_per_week": "vierentwintig",
            "preferred_form": "een bootcamp online",
            "municipality": "capelle aan den ijssel",
        },
        {
            "work_status": "werkzoekend_ww",
            "education_level": "hbo_bachelor",
            "age": 39,
            "goal": "omscholen",
            "sector_interests": ["ict"],
            "max_hours_study_per_week": 24,
            "preferred_form": "online",
            "municipality": "Capelle aan den IJssel",
        },
        digressions={
            "municipality": Digression(
                "kan ik voor zo'n opleiding geld lenen bij duo?", kind="faq", faq_key="faq/ask_levenlanglerenkrediet"
            ),
        },
    ),
    _p(
        "beveiliger van 31 die boa wil worden en zijn diploma in het antwoord verbetert",
        "goedenavond",
        {
            "work_status": "beveiliger, vast contract",
            "employer_size": "een landelijk beveiligingsbedrijf met duizenden mensen",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "36",
            "current_sector": "beveiliging",
            "education_level": "mbo 2 beveiliging, o nee het was niveau 3",
            "age": "31",
            "goal": "ik wil handhaver worden, boa op straat",
            "sector_interests": "handhaving",
            "max_hours_study_per_week": "acht",
            "preferred_form": "klassikale lessen met praktijkoefeningen",
            "municipality": "lelystad",
        },
        {
            "work_status": "werknemer_vast",
            "employer_size": "groot",
            "at_risk_of_job_loss": False,
            "hours_per_week": 36,
            "current_sector": OV,
            "education_level": "mbo3",
            "age": 31,
            "goal": ("bijscholen", "omscholen"),
            "sector_interests": [OV],
            "max_hours_study_per_week": 8,
            "preferred_form": "klassikaal",
            "municipality": "Lelystad",
        },
    ),
    _p(
        "onderwijsassistent van 42 met tijdelijke contracten die juf wil worden",
        "hallo",
        {
            "work_status": "ik ben onderwijsassistent, steeds tijdelijke contracten",
            "employer_size": "de stichting heeft twintig scholen, dus boven de 250 denk ik",
            "at_risk_of_job_loss": "mijn contract loopt in de zomer af en ik weet niet of ik mag blijven",
            "hours_per_week": "twintig",
            "current_sector": "basisonderwijs",
            "education_level": "mbo 4 onderwijsassistent",
            "age": "42",
            "goal": "de pabo doen zodat ik zelf juf kan worden",
            "sector_interests": "onderwijs, jonge kinderen",
            "max_hours_study_per_week": "twaalf",
            "preferred_form": "deeltijd pabo met werkplekleren",
            "municipality": "ede",
        },
        {
            "work_status": "werknemer_flex",
            "employer_size": "groot",
            "at_risk_of_job_loss": (True, None),
            "hours_per_week": 20,
            "current_sector": "onderwijs",
            "education_level": "mbo4",
            "age": 42,
            "goal": ("diploma_halen", "bijscholen"),
            "sector_interests": (["onderwijs"], ["onderwijs", "kinderopvang"]),
            "max_hours_study_per_week": 12,
            "preferred_form": ("werkend_leren", "klassikaal"),
            "municipality": "Ede",
        },
    ),
    _p(
        "jongen van 23 in de bijstand zonder diploma die automonteur wil worden en naar startkwalificatie vraagt",
        "yo",
        {
            "work_status": "ik leef van een bijstandsuitkering van de gemeente",
            "education_level": "ik heb vmbo gedaan maar niet gehaald",
            "age": "23",
            "receives_studiefinanciering": "nee",
            "literacy_need": "nee hoor",
            "goal": "een mbo diploma halen zodat ik aan de slag kan als automonteur",
            "sector_interests": "auto's",
            "max_hours_study_per_week": "veertien",
            "preferred_form": "bbl, dus werken bij een garage en een dag school",
            "municipality": "dordrecht",
        },
        {
            "work_status": "werkzoekend_bijstand",
            "education_level": "geen",
            "age": 23,
            "receives_studiefinanciering": False,
            "literacy_need": False,
            "goal": "diploma_halen",
            "sector_interests": [TBE],
            "max_hours_study_per_week": 14,
            "preferred_form": "werkend_leren",
            "municipality": "Dordrecht",
        },
        digressions={
            "education_level": Digression(
                "wat is eigenlijk een startkwalificatie?", kind="faq", faq_key="faq/ask_startkwalificatie"
            ),
        },
    ),
    _p(
        "begeleider gehandicaptenzorg van 56 die een agressietraining wil",
        "goedemiddag",
        {
            "work_status": "ik werk al 25 jaar in de gehandicaptenzorg, vast",
            "employer_size": "groot, een grote zorginstelling",
            "at_risk_of_job_loss": "nee hoor, ze zijn blij met iedereen",
            "hours_per_week": "zesentwintig",
            "current_sector": "gehandicaptenzorg",
            "current_function": "begeleider op een woongroep",
            "education_level": "mz niveau 4 op het roc",
            "age": "56",
            "goal": "een cursus omgaan met agressie, dat komt veel voor bij ons",
            "sector_interests": "gehandicaptenzorg",
            "max_hours_study_per_week": "twee",
            "preferred_form": "een training met rollenspellen in een groep",
            "municipality": "zeist",
        },
        {
            "work_status": "werknemer_vast",
            "employer_size": "groot",
            "at_risk_of_job_loss": False,
            "hours_per_week": 26,
            "current_sector": ZW,
            "current_function": "begeleider_gz",
            "education_level": "mbo4",
            "age": 56,
            "goal": "bijscholen",
            "sector_interests": [ZW],
            "max_hours_study_per_week": 2,
            "preferred_form": "klassikaal",
            "municipality": "Zeist",
        },
    ),
    _p(
        "fotograaf van 34 met eigen bedrijf die meer klanten wil",
        "hallo",
        {
            "work_status": "ik ben fotograaf met een eigen bedrijf",
            "hours_per_week": "wisselend, gemiddeld dertig",
            "current_sector": "fotografie",
            "education_level": "kunstacademie",
            "age": "34",
            "goal": "meer klanten krijgen, ik wil leren hoe ik mezelf beter verkoop",
            "sector_interests": "fotografie",
            "max_hours_study_per_week": "vier",
            "preferred_form": "online webinars",
            "municipality": "vlissingen",
        },
        {
            "work_status": "zzp",
            "hours_per_week": 30,
            "current_sector": ("cultuur", "anders"),
            "education_level": "hbo_bachelor",
            "age": 34,
            "goal": ("ondernemen", "bijscholen"),
            "sector_interests": (["cultuur"], ["anders"]),
            "max_hours_study_per_week": 4,
            "preferred_form": "online",
            "municipality": "Vlissingen",
        },
    ),
    _p(
        "mantelzorger van 52 met havo die later in de thuiszorg wil",
        "goedemorgen",
        {
            "work_status": "ik zorg fulltime voor mijn zieke man, mantelzorger",
            "education_level": "havo",
            "age": "52",
            "goal": "later als hij beter is wil ik iets in de thuiszorg gaan doen",
            "sector_interests": "thuiszorg",
            "max_hours_study_per_week": "drie",
            "preferred_form": "online, ik kan de deur moeilijk uit",
            "municipality": "assen",
        },
        {
            "work_status": "anders",
            "education_level": "havo",
            "age": 52,
            "goal": ("omscholen", "diploma_halen"),
            "sector_interests": [ZW],
            "max_hours_study_per_week": 3,
            "preferred_form": "online",
            "municipality": "Assen",
        },
    ),
    _p(
        "magazijnmedewerker van 46 in de ww die naar loopbaanadvies vraagt en de techniek in wil",
        "hallo",
        {
            "work_status": "ww, het magazijn is verhuisd naar belgie",
            "education_level": "mbo 3 logistiek",
            "age": "46",
            "goal": "iets in de techniek, monteur of zo",
            "sector_interests": "installatiewerk, elektra",
            "max_hours_study_per_week": "twintig",
            "preferred_form": "weet ik eerlijk gezegd niet",
            "municipality": "roosendaal",
        },
        {
            "work_status": "werkzoekend_ww",
            "education_level": "mbo3",
            "age": 46,
            "goal": "omscholen",
            "sector_interests": [TBE],
            "max_hours_study_per_week": 20,
            "preferred_form": (None, "geen_voorkeur"),
            "municipality": "Roosendaal",
        },
        digressions={
            "goal": Digression(
                "ik heb gehoord van een gratis loopbaanadvies voor 45 plussers, klopt dat?",
                kind="faq",
                faq_key="faq/ask_ontwikkeladvies",
            ),
        },
    ),
    _p(
        "bulgaarse uitzendkracht van 27 die hotelkamers schoonmaakt en aan de receptie wil",
        "hallo",
        {
            "work_status": "ik werk schoonmaak in hotel, via uitzendbureau",
            "employer_size": "ik weet niet",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "32 uur",
            "current_sector": "hotel, ik maak kamers schoon",
            "education_level": "in bulgarije middelbare school, diploma",
            "age": "27",
            "receives_studiefinanciering": "nee, ik heb geen duo",
            "literacy_need": "ja, nederlandse taal graag",
            "goal": "receptie werken in hotel, daarvoor moet beter nederlands en engels",
            "sector_interests": "hotel receptie",
            "max_hours_study_per_week": "vijf",
            "preferred_form": "in klas met andere mensen",
            "municipality": "haarlemmermeer",
        },
        {
            "work_status": "werknemer_flex",
            "employer_size": None,
            "at_risk_of_job_loss": False,
            "hours_per_week": 32,
            "current_sector": (SF, "horeca"),
            "education_level": "buitenlands",
            "age": 27,
            "receives_studiefinanciering": False,
            "literacy_need": True,
            "goal": ("omscholen", "basisvaardigheden"),
            "sector_interests": (["horeca"], []),  # not asked when the goal is read as basisvaardigheden
            "max_hours_study_per_week": 5,
            "preferred_form": "klassikaal",
            "municipality": "Haarlemmermeer",
        },
    ),
    _p(
        "bankmedewerker van 60 wiens functie wordt geautomatiseerd en die iets zinvols zoekt",
        "goedendag",
        {
            "work_status": "ik werk bij een bank, vast",
            "employer_size": "nee, veel meer dan 250",
            "at_risk_of_job_loss": "ja, mijn functie wordt geautomatiseerd",
            "hours_per_week": "36",
            "current_sector": "bank, financiele dienstverlening",
            "education_level": "hbo bedrijfseconomie",
            "age": "zestig",
            "goal": "ik wil mijn laatste werkjaren iets anders doen, maar wat weet ik nog niet",
            "sector_interests": "iets maatschappelijks, misschien onderwijs of de zorg",
            "max_hours_study_per_week": "zes",
            "preferred_form": "maakt niet uit, als het maar niet te theoretisch is",
            "municipality": "amstelveen",
        },
        {
            "work_status": "werknemer_vast",
            "employer_size": "groot",
            "at_risk_of_job_loss": True,
            "hours_per_week": 36,
            "current_sector": ZD,
            "education_level": "hbo_bachelor",
            "age": 60,
            "goal": ("orienteren", "omscholen"),
            "sector_interests": (["onderwijs", ZW], [ZW, "onderwijs"]),
            "max_hours_study_per_week": 6,
            "preferred_form": ("geen_voorkeur", "werkend_leren"),
            "municipality": "Amstelveen",
        },
    ),
    _p(
        "vmbo-leerling van 16 die wil weten welke mbo-opleiding past",
        "hoi",
        {
            "work_status": "ik zit in de derde klas van het vmbo",
            "education_level": "nog niks, ik zit nog op school",
            "age": "zestien",
            "receives_studiefinanciering": "nee ik ben pas 16",
            "literacy_need": "nee, gaat goed",
            "goal": "weten welke mbo opleiding bij me past",
            "sector_interests": "iets met auto's of motoren",
            "max_hours_study_per_week": "een uurtje of twee",
            "preferred_form": "met mijn handen, doen in plaats van lezen",
            "municipality": "meppel",
        },
        {
            "work_status": "student",
            "education_level": "geen",
            "age": 16,
            "receives_studiefinanciering": False,
            "literacy_need": False,
            "goal": "orienteren",
            "sector_interests": [TBE],
            "max_hours_study_per_week": 2,
            "preferred_form": "werkend_leren",
            "municipality": "Meppel",
        },
    ),
    _p(
        "taxichauffeur van 58 voor zichzelf die zijn boekhouding wil leren en zijn woonplaats verbetert",
        "goeiemiddag",
        {
            "work_status": "ik heb een eigen taxi, ben zelfstandig",
            "hours_per_week": "vijfenvijftig uur",
            "current_sector": "taxivervoer, ik rij mensen rond",
            "education_level": "geen, alleen mijn chauffeurspas",
            "age": "58",
            "literacy_need": "ja voor de computer, de administratie van mijn zaak kost me veel moeite",
            "goal": "leren hoe ik mijn boekhouding zelf bijhoud op de computer",
            "sector_interests": "taxi",
            "max_hours_study_per_week": "drie",
            "preferred_form": "in een groepje met andere ondernemers",
            "municipality": "almelo",
        },
        {
            "work_status": "zzp",
            "hours_per_week": 55,
            "current_sector": ("logistiek", "anders"),
            "education_level": "geen",
            "age": 58,
            "literacy_need": True,
            "goal": ("basisvaardigheden", "ondernemen"),
            "sector_interests": (["logistiek"], ["anders"]),
            "max_hours_study_per_week": 3,
            "preferred_form": "klassikaal",
            "municipality": "Hengelo",
        },
        summary_fix="de woonplaats moet hengelo zijn, niet almelo",
    ),
    _p(
        "concierge van 63 met mulo die beter met excel wil leren werken",
        "goedemorgen",
        {
            "work_status": "ik ben conciërge op een middelbare school, vast in dienst",
            "employer_size": "de scholengroep is groot, rond de achthonderd mensen",
            "at_risk_of_job_loss": "nee, over twee jaar ga ik met pensioen",
            "hours_per_week": "achtendertig",
            "current_sector": "facilitaire dienst van een school",
            "education_level": "mulo",
            "age": "63",
            "literacy_need": "een beetje, met excel en de computer",
            "goal": "niks groots, gewoon wat beter met excel leren werken",
            "sector_interests": "facilitair, op school",
            "max_hours_study_per_week": "twee",
            "preferred_form": "online met filmpjes",
            "municipality": "bussum",
        },
        {
            "work_status": "werknemer_vast",
            "employer_size": "groot",
            "at_risk_of_job_loss": False,
            "hours_per_week": 38,
            "current_sector": (SF, "onderwijs"),
            "education_level": "vmbo",
            "age": 63,
            "literacy_need": True,
            "goal": ("basisvaardigheden", "bijscholen"),
            "sector_interests": ([SF], ["onderwijs"], [SF, "onderwijs"], ["onderwijs", SF]),
            "max_hours_study_per_week": 2,
            "preferred_form": "online",
            "municipality": ("Gooise Meren", "Bussum"),
        },
    ),
    _p(
        "marketingmedewerker van 25 via payroll die haar hbo in deeltijd wil halen",
        "hallo!",
        {
            "work_status": "ik werk via payroll bij een marketingbureau",
            "employer_size": "klein bureau, tien man",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "32",
            "current_sector": "marketing en communicatie",
            "education_level": "mbo 4 marketing",
            "age": "25",
            "receives_studiefinanciering": "nee, ik heb al mijn stufi gehad",
            "goal": "mijn hbo diploma communicatie halen in deeltijd",
            "sector_interests": "communicatie",
            "max_hours_study_per_week": "tien",
            "preferred_form": "avondopleiding, twee avonden naar school",
            "municipality": "den bosch",
        },
        {
            "work_status": "werknemer_flex",
            "employer_size": "mkb",
            "at_risk_of_job_loss": False,
            "hours_per_week": 32,
            "current_sector": ZD,
            "education_level": "mbo4",
            "age": 25,
            "receives_studiefinanciering": False,
            "goal": "diploma_halen",
            "sector_interests": [ZD],
            "max_hours_study_per_week": 10,
            "preferred_form": "klassikaal",
            "municipality": ("'s-Hertogenbosch", "Den Bosch"),
        },
    ),
    _p(
        "gestopte vwo-student van 21 die in de opening om een mens vraagt en het dan zelf probeert",
        "hoi, is er ook een mens die ik kan spreken?",
        {
            "work_status": "niks eigenlijk, ik ben gestopt met mijn opleiding en zoek werk",
            "education_level": "vwo",
            "age": "eenentwintig",
            "receives_studiefinanciering": "nee, die heb ik stopgezet",
            "goal": "misschien een andere studie, of gewoon werken, ik weet het niet",
            "sector_interests": "games en computers",
            "max_hours_study_per_week": "dertig",
            "preferred_form": "ik heb hulp nodig bij plannen, dus liever vaste lessen",
            "municipality": "oosterhout",
        },
        {
            "work_status": "werkzoekend_zonder_uitkering",
            "education_level": "vwo",
            "age": 21,
            "receives_studiefinanciering": False,
            "goal": "orienteren",
            "sector_interests": ["ict"],
            "max_hours_study_per_week": 30,
            "preferred_form": "klassikaal",
            "municipality": "Oosterhout",
        },
        offer_reply="nee laat maar, ik probeer het eerst hier",
    ),
    _p(
        "hovenier van 35 met een nulurencontract die vakbekwaam hovenier wil worden",
        "hallo",
        {
            "work_status": "nulurencontract bij een hoveniersbedrijf",
            "employer_size": "ja, we zijn met vijftien",
            "at_risk_of_job_loss": "nee hoor, het is druk",
            "hours_per_week": "rond de dertig",
            "current_sector": "hoveniers, tuinen aanleggen",
            "current_function": "hovenier, ik leg tuinen aan",
            "education_level": "vmbo richting groen, gehaald",
            "age": "35",
            "literacy_need": "nee",
            "goal": "vakbekwaam hovenier worden",
            "sector_interests": "tuinen en parken, buiten",
            "max_hours_study_per_week": "vier",
            "preferred_form": "op het werk leren, met af en toe een lesdag",
            "municipality": "barneveld",
        },
        {
            "work_status": "werknemer_flex",
            "employer_size": "mkb",
            "at_risk_of_job_loss": False,
            "hours_per_week": 30,
            "current_sector": "groen",
            "current_function": "medewerker_hovenier",
            "education_level": "vmbo",
            "age": 35,
            "literacy_need": False,
            "goal": ("bijscholen", "diploma_halen"),
            "sector_interests": ["groen"],
            "max_hours_study_per_week": 4,
            "preferred_form": "werkend_leren",
            "municipality": "Barneveld",
        },
    ),
]


# Filled in after the first run: person -> the field(s) misread, what was said, what was read, what was expected.
XFAIL: dict[str, str] = {
    "heftruckchauffeur van 52 met mavo die planner wil worden": (
        "goal 'ik wil graag planner worden op kantoor bij ons eigen bedrijf' read as ondernemen; expected "
        "bijscholen or omscholen"
    ),
    "alleenstaande moeder van 38 in de bijstand zonder diploma die wil leren mailen": (
        "preferred_form 'bij iemand in de buurt, niet alleen achter een scherm' not understood (asked again, "
        "then skipped); expected klassikaal"
    ),
    "hbo-student bouwkunde van 20 met stufi": (
        "education_level never asked, filled from an earlier answer: read as hbo_bachelor; expected havo "
        "(answer would have been 'havo')"
    ),
    "gepensioneerde van 68 met ulo die met de tablet wil leren werken": (
        "goal 'ik wil met de tablet leren werken, mijn kleinkinderen sturen alles via whatsapp' not "
        "understood (asked again, then skipped); expected basisvaardigheden"
    ),
    "werkzoekende van 24 met havo zonder uitkering die wil uitzoeken wat bij haar past": (
        "goal 'ik weet het echt niet, ik wil eerst uitzoeken wat bij me past' not understood (asked again, "
        "then skipped); expected orienteren; preferred_form 'maakt me niet zoveel uit eigenlijk' not "
        "understood (asked again, then skipped); expected geen_voorkeur"
    ),
    "jongen van 26 met wajong en praktijkonderwijs die in het groen wil werken": (
        "goal 'ik wil graag in een plantsoen werken, buiten met planten' not understood (asked again, then "
        "skipped); expected omscholen or diploma_halen; preferred_form 'leren door het te doen, met mijn "
        "handen' not understood (asked again, then skipped); expected werkend_leren"
    ),
    "turkse schoonmaakster van 57 op oproepbasis die bang is voor ontslag en beter wil lezen": (
        "education_level 'geen diploma, in turkije alleen lagere school' read as buitenlands; expected geen"
    ),
    "ontslagen manager van 61 in de ww die zelfstandig coach wil worden en naar scholing in de ww vraagt": (
        "goal 'als zelfstandig coach aan de slag' not understood (asked again, then skipped); expected "
        "ondernemen; preferred_form 'online of in een groep, allebei prima' read as online; expected "
        "geen_voorkeur"
    ),
    "eritrese man van 29 in de bijstand die vrachtwagenchauffeur wil worden": (
        "work_status 'ik heb uitkeering van gemeente' read as anders; expected werkzoekend_bijstand; "
        "education_level 'geen school in mijn land, ik heb hier inburgering gedaan' not understood (asked "
        "again, then skipped); expected geen"
    ),
    "warmtepompmonteur van 36 die eerste monteur wil worden en vraagt wie de opleiding betaalt": (
        "preferred_form 'op de zaak leren naast een ervaren collega' not understood (asked again, then "
        "skipped); expected werkend_leren"
    ),
    "beleidsmedewerker van 50 bij de gemeente met reorganisatie die leraar wil worden": (
        "goal 'ik wil het onderwijs in, leraar maatschappijleer' not understood (asked again, then skipped); "
        "expected omscholen; preferred_form 'een deeltijdopleiding met vaste lesavonden' not understood "
        "(asked again, then skipped); expected klassikaal"
    ),
    "zelfstandige glazenwasser van 55 die bij het doel om een mens vraagt en ja zegt": (
        "handoff: the request for a person at the goal question, 'ik snap er niks van, kan iemand me even "
        "bellen?', is not recognised; it is treated as an unclear goal answer and the goal is asked again, so "
        "no adviser is offered and he gets the advice instead of the handoff he asked for"
    ),
    "vrachtwagenchauffeur van 47 met een versleten rug die om een mens vraagt en dan zelf verder gaat": (
        "goal 'ik wil van de weg af, mijn rug is op. iets op kantoor misschien' not understood (asked again, "
        "then skipped); expected omscholen"
    ),
    "helpende van 23 via payroll in een verpleeghuis die haar leeftijd in de samenvatting verbetert": (
        "goal 'door naar verzorgende ig' not understood (asked again, then skipped); expected bijscholen or "
        "diploma_halen"
    ),
    "bedrijfsleider schoenenwinkel van 39 die zijn uren verbetert en naar de politie wil": (
        'employer_size "het is een keten met zo\'n vierhonderd mensen" not understood (asked again, then '
        "skipped); expected groot"
    ),
    "metaalbewerker van 53 in de wga na een hernia die administratief werk zoekt": (
        "goal 'zittend werk, iets met administratie' not understood (asked again, then skipped); expected omscholen"
    ),
    "herintreedster van 45 zonder uitkering die naar privacy vraagt en in de kinderopvang wil": (
        "age never asked: the work-status story 'ik ben twintig jaar thuis geweest voor de kinderen en zoek "
        "nu weer werk, ...' is read as age 20, so she is asked about studiefinanciering and her privacy "
        "question at the age question never comes; expected age 45"
    ),
    "productiemedewerker van 43 zonder diploma in een vleesfabriek die dichtgaat": (
        "at_risk_of_job_loss 'de fabriek gaat volgend jaar dicht, dus ja' not understood (asked again, then "
        "skipped); expected True; current_sector 'voedingsindustrie' read as anders; expected "
        "landbouw_voedsel; literacy_need 'lezen gaat goed, maar rekenen mag wel beter' read as False; "
        "expected True"
    ),
    "psychologiestudent van 23 die haar bachelor wil afmaken en niet weet hoeveel tijd ze heeft": (
        "sector_interests 'mensen helpen, iets in de ggz' read as ['zorg_welzijn', 'kinderopvang', "
        "'onderwijs']; expected ['zorg_welzijn']"
    ),
    "zelfstandig schilder van 48 met lts die wil leren isoleren": (
        "sector_interests 'verduurzaming van huizen' read as ['anders']; expected ['techniek_bouw_energie']"
    ),
    "man van 50 al jaren in de bijstand die niet weet wat hij wil maar aan een magazijn denkt": (
        "goal 'geen idee wat ik wil, als het maar werk is' not understood (asked again, then skipped); "
        "expected orienteren; sector_interests 'misschien in een magazijn, orders verzamelen' read as []; "
        "expected ['logistiek']; preferred_form 'ik leer het beste als ik gewoon mee kan draaien' not "
        "understood (asked again, then skipped); expected werkend_leren"
    ),
    "syrische apotheker van 36 in de bijstand die haar diploma erkend wil hebben": (
        "education_level 'universiteit in damascus, farmacie' read as wo_master; expected buitenlands"
    ),
    "servicedeskmedewerker van 28 wiens werk naar het buitenland gaat en die security in wil": (
        "sector_interests 'netwerkbeveiliging, hackers tegenhouden' read as ['overheid_veiligheid']; expected ['ict']"
    ),
    "scholier van 18 in havo 5 zonder diploma die nog niet weet welke studie": (
        "education_level never asked, filled from an earlier answer: read as hbo_bachelor; expected geen "
        "(answer would have been 'nog geen, ik zit in havo 5'); sector_interests 'economie en zo, iets met "
        "geld' read as ['anders']; expected ['zakelijke_dienstverlening']"
    ),
    "melkveehouder van 44 die een boerderijwinkel en zorgboerderij wil beginnen": (
        "work_status 'ik heb een melkveebedrijf met mijn broer' read as anders; expected zzp; goal 'een "
        "boerderijwinkel en een zorgboerderij erbij beginnen' not understood (asked again, then skipped); "
        "expected ondernemen; preferred_form \"'s winters een cursus in het dorp, in de zomer heb ik geen "
        'tijd" not understood (asked again, then skipped); expected klassikaal'
    ),
    "beveiliger van 31 die boa wil worden en zijn diploma in het antwoord verbetert": (
        "preferred_form 'klassikale lessen met praktijkoefeningen' read as werkend_leren; expected klassikaal"
    ),
    "onderwijsassistent van 42 met tijdelijke contracten die juf wil worden": (
        "goal 'de pabo doen zodat ik zelf juf kan worden' not understood (asked again, then skipped); "
        "expected diploma_halen or bijscholen; preferred_form 'deeltijd pabo met werkplekleren' not "
        "understood (asked again, then skipped); expected werkend_leren or klassikaal"
    ),
    "begeleider gehandicaptenzorg van 56 die een agressietraining wil": (
        "goal 'een cursus omgaan met agressie, dat komt veel voor bij ons' not understood (asked again, then "
        "skipped); expected bijscholen"
    ),
    "fotograaf van 34 met eigen bedrijf die meer klanten wil": (
        "goal 'meer klanten krijgen, ik wil leren hoe ik mezelf beter verkoop' read as orienteren; expected "
        "ondernemen or bijscholen"
    ),
    "mantelzorger van 52 met havo die later in de thuiszorg wil": (
        "goal 'later als hij beter is wil ik iets in de thuiszorg gaan doen' not understood (asked again, "
        "then skipped); expected omscholen or diploma_halen"
    ),
    "magazijnmedewerker van 46 in de ww die naar loopbaanadvies vraagt en de techniek in wil": (
        "the answer to his FAQ question 'ik heb gehoord van een gratis loopbaanadvies voor 45 plussers, klopt "
        "dat?' (faq/ask_ontwikkeladvies) mentions STAP, which he never asked about; also (seen in a run "
        "without the FAQ) goal 'iets in de techniek, monteur of zo' not understood (asked again, then "
        "skipped; expected omscholen) and sector_interests 'installatiewerk, elektra' comes out as "
        "['logistiek'] (expected ['techniek_bouw_energie'])"
    ),
    "vmbo-leerling van 16 die wil weten welke mbo-opleiding past": (
        "work_status 'ik zit in de derde klas van het vmbo' not understood (asked again, then skipped); "
        "expected student; education_level never asked, filled from an earlier answer: read as vmbo; expected "
        "geen (answer would have been 'nog niks, ik zit nog op school'); goal 'weten welke mbo opleiding bij "
        "me past' not understood (asked again, then skipped); expected orienteren; preferred_form 'met mijn "
        "handen, doen in plaats van lezen' not understood (asked again, then skipped); expected werkend_leren"
    ),
    "taxichauffeur van 58 voor zichzelf die zijn boekhouding wil leren en zijn woonplaats verbetert": (
        "education_level 'geen, alleen mijn chauffeurspas' not understood (asked again, then skipped); "
        "expected geen; goal 'leren hoe ik mijn boekhouding zelf bijhoud op de computer' not understood "
        "(asked again, then skipped); expected basisvaardigheden or ondernemen; preferred_form never asked, "
        "filled from an earlier answer: read as online; expected klassikaal (answer would have been 'in een "
        "groepje met andere ondernemers'); municipality 'almelo' read as Almelo; expected Hengelo"
    ),
    "concierge van 63 met mulo die beter met excel wil leren werken": (
        "goal 'niks groots, gewoon wat beter met excel leren werken' not understood (asked again, then "
        "skipped); expected basisvaardigheden or bijscholen"
    ),
    "marketingmedewerker van 25 via payroll die haar hbo in deeltijd wil halen": (
        "sector_interests 'communicatie' read as ['anders']; expected ['zakelijke_dienstverlening']"
    ),
    "gestopte vwo-student van 21 die in de opening om een mens vraagt en het dan zelf probeert": (
        "goal 'misschien een andere studie, of gewoon werken, ik weet het niet' not understood (asked again, "
        "then skipped); expected orienteren; preferred_form 'ik heb hulp nodig bij plannen, dus liever vaste "
        "lessen' not understood (asked again, then skipped); expected klassikaal"
    ),
}


def _params() -> list[Any]:
    return [
        pytest.param(p, id=p.name, marks=pytest.mark.xfail(strict=True, reason=XFAIL[p.name]))
        if p.name in XFAIL
        else pytest.param(p, id=p.name)
        for p in PEOPLE
    ]


@pytest.mark.parametrize("person", _params())
def test_a_fresh_person_reaches_the_advice_they_should_get(person: Persona) -> None:
    check_person(person)


def test_at_least_forty_different_people() -> None:
    assert len(PEOPLE) >= 40 and len({p.name for p in PEOPLE}) == len(PEOPLE)
    assert set(XFAIL) <= {p.name for p in PEOPLE}  # every finding names a person of this set
