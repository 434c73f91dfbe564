"""A third set of fresh people the intake was never tuned on: issue #9's "Done when", measured again.

Written by a helper session (worktree people3) that did not work on the intake and did not read the
parser or the intake code (assistant/intake/*.py); assistant/vocabulary.yaml was read only for the
fields, their allowed values and what each value means. The sentences are written the way people
type them (kleine letters, typfouten, getallen in woorden, verhalen in plaats van labels,
verbeteringen midden in een zin, 'weet ik niet', een adviseur weigeren of juist willen), and none
copies a sentence of tests/dialogue/test_fresh_people.py, tests/dialogue/test_unseen_people.py,
tests/e2e/test_personas.py, tests/dialogue/test_personas_machine.py or tests/simulate/.

Each person's correct profile (by the definitions in assistant/vocabulary.yaml) was written down
before the first run; a tuple lists the readings that are all right for what was said. Same driver
and checks as tests/dialogue/test_unseen_people.py (``check_person``). People the intake misreads
are strict xfails with the finding (field, sentence, what was read, what was expected), so the file
stays green and the measurement stays honest: no expectation was bent to what the machine read.

First run: 15 of 50 passed. Three kinds of failure were the test's own fault and were fixed without
changing what a person said or reading any expectation off the machine: (1) the timmerman corrected
his hours in the summary, but the intake never asks or shows hours for him, so the correction now
targets his diploma, which the summary shows (the expectation follows the new correction); (2) two
people said they work and got the intake's narrower "vast, tijdelijk of voor jezelf?" question, for
which the script had no answer and repeated the first sentence: they now answer it ('tijdelijk, ...');
(3) two people's goal could fairly be read as basisvaardigheden (listed in their tuple), after which
the interest question is not asked and the profile holds [], which their expectation did not allow.
After that: 17 of 50 passed. The other 33 are strict xfails in XFAIL below.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.dialogue.test_unseen_people import check_person
from tests.e2e.test_personas import Digression, Persona


def _p(name: str, opening: str, answers: dict[str, str], profile: dict[str, Any], **kw: Any) -> Persona:
    return Persona(name, opening, answers, profile, {}, **kw)


PEOPLE = [
    _p(
        "orderpicker via een uitzendbureau met typfouten",
        "hoi",
        {
            "work_status": "ik werk in een magazjin via een uitzendburo",
            "employer_size": "geen idee, is best groot denk ik",
            "at_risk_of_job_loss": "nee hoor, ze hebben me hard nodig",
            "hours_per_week": "ongeveer 38",
            "current_sector": "magazijn, orderpicken",
            "education_level": "vmbo basis, wel gehaald",
            "age": "26",
            "receives_studiefinanciering": "nee",
            "goal": "mijn heftruckcertificaat halen en dan doorgroeien",
            "sector_interests": "gewoon logistiek, daar zit ik goed",
            "literacy_need": "nee hoor dat lukt me wel",
            "max_hours_study_per_week": "een uurtje of vijf",
            "preferred_form": "liefst gewoon op het werk zelf",
            "municipality": "waalwijk",
        },
        {
            "work_status": "werknemer_flex", "employer_size": ("groot", None), "at_risk_of_job_loss": False,
            "hours_per_week": 38, "current_sector": "logistiek", "education_level": "vmbo", "age": 26,
            "receives_studiefinanciering": False, "goal": ("diploma_halen", "bijscholen"),
            "sector_interests": ["logistiek"], "literacy_need": False, "max_hours_study_per_week": 5,
            "preferred_form": "werkend_leren", "municipality": "Waalwijk",
        },
    ),
    _p(
        "verzorgende ig in de thuiszorg van eenenvijftig die verpleegkundige wil worden",
        "goedemorgen",
        {
            "work_status": "ik heb een vast contract bij de thuiszorg",
            "employer_size": "nee, het is een grote thuiszorgorganisatie met meer dan duizend man",
            "at_risk_of_job_loss": "nee, in de zorg is altijd werk",
            "hours_per_week": "28 uur",
            "current_sector": "thuiszorg",
            "current_function": "ik ben verzorgende ig, ik ga bij de mensen thuis langs",
            "education_level": "mbo niveau 3 verzorgende",
            "age": "eenenvijftig",
            "goal": "ik wil doorleren voor verpleegkundige",
            "sector_interests": "in de wijkzorg blijven",
            "max_hours_study_per_week": "8",
            "preferred_form": "bbl, dus werken en leren",
            "municipality": "Deventer",
        },
        {
            "work_status": "werknemer_vast", "employer_size": "groot", "at_risk_of_job_loss": False,
            "hours_per_week": 28, "current_sector": "zorg_welzijn", "current_function": "verzorgende_ig",
            "education_level": "mbo3", "age": 51, "goal": ("bijscholen", "diploma_halen"),
            "sector_interests": ["zorg_welzijn"], "max_hours_study_per_week": 8, "preferred_form": "werkend_leren",
            "municipality": "Deventer",
        },
    ),
    _p(
        "zelfstandig schilder van 44 die zijn bedrijf wil laten groeien",
        "hallo",
        {
            "work_status": "ik ben zelfstandig schilder, al tien jaar voor mezelf",
            "hours_per_week": "zo'n 45 uur, soms meer",
            "current_sector": "schilderwerk, binnen en buiten",
            "current_function": "schilder",
            "education_level": "lts schilderen",
            "age": "44",
            "goal": "meer klanten krijgen, mijn bedrijf laten groeien",
            "sector_interests": "ik blijf in de bouw",
            "literacy_need": "nee hoor, daar heb ik geen hulp bij nodig",
            "max_hours_study_per_week": "drie, 's avonds",
            "preferred_form": "'s avonds online, overdag ben ik aan het werk",
            "municipality": "Apeldoorn",
        },
        {
            "work_status": "zzp", "hours_per_week": 45, "current_sector": ("techniek_bouw_energie", "anders"),
            "current_function": "anders", "education_level": "vmbo", "age": 44,
            "goal": ("ondernemen", "bijscholen"), "sector_interests": ["techniek_bouw_energie"],
            "literacy_need": False, "max_hours_study_per_week": 3, "preferred_form": "online",
            "municipality": "Apeldoorn",
        },
    ),
    _p(
        "scholiere van zeventien in het eerste jaar mbo die twijfelt",
        "hey",
        {
            "work_status": "ik zit op het mbo, eerste jaar verpleegkunde",
            "education_level": "vmbo-tl gehaald",
            "age": "zeventien",
            "receives_studiefinanciering": "nee, ik ben nog geen 18",
            "goal": "ik weet niet of verpleegkunde wel bij me past, misschien iets anders",
            "sector_interests": "in de kinderopvang werken lijkt me leuk",
            "literacy_need": "nee",
            "max_hours_study_per_week": "10",
            "preferred_form": "in de klas met anderen",
            "municipality": "almere",
        },
        {
            "work_status": "student", "education_level": "vmbo", "age": 17, "receives_studiefinanciering": False,
            "goal": ("orienteren", "omscholen"), "sector_interests": ["kinderopvang"], "literacy_need": False,
            "max_hours_study_per_week": 10, "preferred_form": "klassikaal", "municipality": "Almere",
        },
    ),
    _p(
        "heftruckchauffeur van achtenvijftig in de WW na een faillissement, vraagt naar bbl",
        "goedemiddag",
        {
            "work_status": "mijn baas is failliet gegaan, nu zit ik in de ww",
            "education_level": "ik heb alleen de lagere school",
            "age": "achtenvijftig",
            "goal": "weer aan het werk, het maakt me niet zoveel uit wat",
            "sector_interests": "iets in de logistiek, dat ken ik",
            "literacy_need": "ja, vooral brieven lezen vind ik moeilijk",
            "max_hours_study_per_week": "zoveel als nodig, 20 uur",
            "preferred_form": "in een lokaal, met een leraar voor de klas",
            "municipality": "Emmen",
        },
        {
            "work_status": "werkzoekend_ww", "education_level": "geen", "age": 58, "goal": ("orienteren", "omscholen"),
            "sector_interests": ["logistiek"], "literacy_need": True, "max_hours_study_per_week": 20,
            "preferred_form": "klassikaal", "municipality": "Emmen",
        },
        digressions={
            "municipality": Digression(
                "wat is het verschil tussen bbl en bol eigenlijk", kind="faq", faq_key="faq/ask_bbl_bol"
            ),
        },
    ),
    _p(
        "Syrische ingenieur in de bijstand met eenvoudig Nederlands",
        "hallo",
        {
            "work_status": "ik heb geen werk. ik krijg geld van gemeente",
            "education_level": "ik ben ingenieur, universiteit in damascus",
            "age": "34 jaar",
            "goal": "eerst goed nederlands leren, dan werken in techniek",
            "max_hours_study_per_week": "veel, 15 uur",
            "preferred_form": "in klas is beter voor mij, ik wil praten met mensen",
            "municipality": "ik woon in zwolle",
        },
        {
            "work_status": "werkzoekend_bijstand", "education_level": "buitenlands", "age": 34,
            "goal": "basisvaardigheden", "max_hours_study_per_week": 15, "preferred_form": "klassikaal",
            "municipality": "Zwolle",
        },
    ),
    _p(
        "vrachtwagenchauffeur van 61 met een rug die het niet meer houdt",
        "goedendag",
        {
            "work_status": "ik rij al dertig jaar op de vrachtwagen, vast in dienst",
            "employer_size": "transportbedrijf met een man of 60",
            "at_risk_of_job_loss": "nee, de baan is er wel, mijn rug niet meer",
            "hours_per_week": "een uur of vijftig",
            "current_sector": "transport",
            "education_level": "lbo metaal",
            "age": "61",
            "goal": "iets rustigers, ander werk zonder tillen",
            "sector_interests": "op een kantoor lijkt me wel wat",
            "literacy_need": "ja, met de computer kan ik niet zo goed",
            "max_hours_study_per_week": "6",
            "preferred_form": "geen voorkeur eigenlijk",
            "municipality": "Veendam",
        },
        {
            "work_status": "werknemer_vast", "employer_size": "mkb", "at_risk_of_job_loss": False,
            "hours_per_week": 50, "current_sector": "logistiek", "education_level": "vmbo", "age": 61,
            "goal": "omscholen", "sector_interests": ["zakelijke_dienstverlening"], "literacy_need": True,
            "max_hours_study_per_week": 6, "preferred_form": "geen_voorkeur", "municipality": "Veendam",
        },
    ),
    _p(
        "kapster van negentien op oproepbasis die haar niveau 3 wil",
        "hoi hoi",
        {
            "work_status": "ik werk bij een kapper, op oproepbasis",
            "employer_size": "klein, wij zijn met zijn vieren",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "16",
            "current_sector": "kapsalon",
            "education_level": "mbo 2 kapper gehaald vorig jaar",
            "age": "19",
            "receives_studiefinanciering": "nee, ik ben klaar met school",
            "goal": "mijn niveau 3 kapper halen",
            "sector_interests": "haar, visagie, dat soort dingen",
            "max_hours_study_per_week": "vier uurtjes",
            "preferred_form": "leren in de salon zelf",
            "municipality": "helmond",
        },
        {
            "work_status": "werknemer_flex", "employer_size": "mkb", "at_risk_of_job_loss": False,
            "hours_per_week": 16, "current_sector": "anders", "education_level": "mbo2", "age": 19,
            "receives_studiefinanciering": False, "goal": ("diploma_halen", "bijscholen"),
            "sector_interests": ["anders"], "max_hours_study_per_week": 4, "preferred_form": "werkend_leren",
            "municipality": "Helmond",
        },
    ),
    _p(
        "beveiliger bij een landelijk bedrijf die bij de politie wil",
        "hallo daar",
        {
            "work_status": "vast contract bij een beveiligingsbedrijf",
            "employer_size": "nee, landelijk bedrijf, duizenden beveiligers",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "36",
            "current_sector": "beveiliging",
            "education_level": "mbo 2 beveiliging",
            "age": "39",
            "goal": "ik wil bij de politie gaan werken",
            "sector_interests": "politie",
            "max_hours_study_per_week": "12",
            "preferred_form": "naar school, in een klas",
            "municipality": "Schiedam",
        },
        {
            "work_status": "werknemer_vast", "employer_size": "groot", "at_risk_of_job_loss": False,
            "hours_per_week": 36, "current_sector": ("overheid_veiligheid", "anders"), "education_level": "mbo2",
            "age": 39, "goal": "omscholen", "sector_interests": ["overheid_veiligheid"],
            "max_hours_study_per_week": 12, "preferred_form": "klassikaal", "municipality": "Schiedam",
        },
    ),
    _p(
        "juf van 29 met pabo die de ict in wil",
        "goedenavond",
        {
            "work_status": "ik ben juf op een basisschool, vaste aanstelling",
            "employer_size": "de stichting heeft wel 30 scholen, dus groot denk ik",
            "at_risk_of_job_loss": "nee hoor, er is juist een tekort",
            "hours_per_week": "32, verdeeld over vier dagen",
            "current_sector": "onderwijs",
            "education_level": "pabo",
            "age": "29",
            "receives_studiefinanciering": "nee, al jaren niet",
            "goal": "ik wil eruit, iets heel anders in de ict",
            "sector_interests": "programmeren",
            "max_hours_study_per_week": "10",
            "preferred_form": "online in mijn eigen tempo",
            "municipality": "Haarlem",
        },
        {
            "work_status": "werknemer_vast", "employer_size": ("groot", None), "at_risk_of_job_loss": False,
            "hours_per_week": 32, "current_sector": "onderwijs", "education_level": "hbo_bachelor", "age": 29,
            "receives_studiefinanciering": False, "goal": "omscholen", "sector_interests": ["ict"],
            "max_hours_study_per_week": 10, "preferred_form": "online", "municipality": "Haarlem",
        },
    ),
    _p(
        "gepensioneerde van achtenzestig met heao die iets zinnigs wil doen",
        "dag koers",
        {
            "work_status": "ik ben met pensioen sinds vorig jaar",
            "education_level": "hbo, heao",
            "age": "achtenzestig",
            "goal": "iets zinnigs doen, misschien vrijwilligerswerk in de zorg",
            "sector_interests": "de zorg, met ouderen",
            "max_hours_study_per_week": "wel tien uur",
            "preferred_form": "het maakt me echt niet uit hoe",
            "municipality": "Bussum",
        },
        {
            "work_status": "gepensioneerd", "education_level": "hbo_bachelor", "age": 68,
            "goal": ("orienteren", "omscholen"), "sector_interests": ["zorg_welzijn"],
            "max_hours_study_per_week": 10, "preferred_form": "geen_voorkeur",
            "municipality": ("Bussum", "Gooise Meren"),
        },
    ),
    _p(
        "moeder van 45 die na vijftien jaar thuis weer wil werken en naar privacy vraagt",
        "hoi, ik heb een vraag over weer gaan werken",
        {
            "work_status": "ik ben 15 jaar thuis geweest voor de kinderen, nu wil ik weer werken",
            "education_level": "mavo",
            "age": "45",
            "goal": "weer aan het werk, het liefst met kinderen",
            "sector_interests": "kinderopvang",
            "literacy_need": "nee dat gaat wel",
            "max_hours_study_per_week": "als de kinderen op school zijn, zo'n 12 uur",
            "preferred_form": "bbl lijkt me wat, dan verdien ik ook",
            "municipality": "Purmerend",
        },
        {
            "work_status": ("werkzoekend_zonder_uitkering", "anders"), "education_level": "vmbo", "age": 45,
            "goal": ("omscholen", "orienteren"), "sector_interests": ["kinderopvang"], "literacy_need": False,
            "max_hours_study_per_week": 12, "preferred_form": "werkend_leren", "municipality": "Purmerend",
        },
        digressions={
            "age": Digression("wat doen jullie met wat ik hier invul?", kind="faq", faq_key="faq/ask_privacy"),
        },
    ),
    _p(
        "Poolse uitzendkracht in de tomatenkas",
        "dzien dobry",
        {
            "work_status": "ik werk in kas via uitzendbureau",
            "employer_size": "weet niet hoeveel",
            "at_risk_of_job_loss": "misschien, in winter minder werk",
            "hours_per_week": "45",
            "current_sector": "tomaten kas, tuinbouw",
            "current_function": "ik pluk en pak tomaten",
            "education_level": "technikum in polen",
            "age": "33",
            "goal": "nederlands beter spreken",
            "max_hours_study_per_week": "4",
            "preferred_form": "online, in avond",
            "municipality": "westland",
        },
        {
            "work_status": "werknemer_flex", "employer_size": None, "at_risk_of_job_loss": (True, None),
            "hours_per_week": 45, "current_sector": ("landbouw_voedsel", "groen"), "current_function": "anders",
            "education_level": "buitenlands", "age": 33, "goal": "basisvaardigheden",
            "max_hours_study_per_week": 4, "preferred_form": "online", "municipality": "Westland",
        },
    ),
    _p(
        "freelance developer met een master van de TU die naar ontwikkeladvies vraagt",
        "hallo",
        {
            "work_status": "freelance developer",
            "hours_per_week": "40",
            "current_sector": "software, it",
            "education_level": "master informatica aan de tu delft",
            "age": "52",
            "goal": "mijn kennis van cloud up to date houden",
            "sector_interests": "ict",
            "max_hours_study_per_week": "vijf",
            "preferred_form": "online",
            "municipality": "Delft",
        },
        {
            "work_status": "zzp", "hours_per_week": 40, "current_sector": "ict", "education_level": "wo_master",
            "age": 52, "goal": "bijscholen", "sector_interests": ["ict"], "max_hours_study_per_week": 5,
            "preferred_form": "online", "municipality": "Delft",
        },
        digressions={
            "goal": Digression("wat is zo'n ontwikkeladvies precies?", kind="faq", faq_key="faq/ask_ontwikkeladvies"),
        },
    ),
    _p(
        "Turkse schoonmaakster in een ziekenhuis die formulieren wil kunnen invullen",
        "merhaba, goedemorgen",
        {
            "work_status": "ik maak schoon in het ziekenhuis, ik heb vast contract",
            "employer_size": "ziekenhuis, heel groot",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "twintig",
            "current_sector": "schoonmaken, poetsen",
            "education_level": "in turkije school gedaan, 5 jaar",
            "age": "56",
            "goal": "beter nederlands kunnen schrijven, voor formulieren en zo",
            "max_hours_study_per_week": "2 uur",
            "preferred_form": "met juf in de klas",
            "municipality": "ik woon in den bosch",
        },
        {
            "work_status": "werknemer_vast", "employer_size": "groot", "at_risk_of_job_loss": False,
            "hours_per_week": 20, "current_sector": "schoonmaak_facilitair", "education_level": "buitenlands",
            "age": 56, "goal": "basisvaardigheden", "max_hours_study_per_week": 2, "preferred_form": "klassikaal",
            "municipality": ("'s-Hertogenbosch", "Den Bosch"),
        },
    ),
    _p(
        "jongen van twintig van de praktijkschool die de bouw in wil, typt rotterdm",
        "yo",
        {
            "work_status": "niks, ik zoek werk",
            "education_level": "praktijkschool",
            "age": "twintig",
            "receives_studiefinanciering": "nee",
            "goal": "een vak leren in de bouw met een diploma erbij",
            "sector_interests": "bouw, timmeren",
            "literacy_need": "ja rekenen is echt lastig voor mij",
            "max_hours_study_per_week": "weet ik niet",
            "preferred_form": "niet in een klas, ik leer het beste op de bouwplaats zelf",
            "municipality": "rotterdm",
        },
        {
            "work_status": "werkzoekend_zonder_uitkering", "education_level": "geen", "age": 20,
            "receives_studiefinanciering": False, "goal": "diploma_halen",
            "sector_interests": ["techniek_bouw_energie"], "literacy_need": True, "max_hours_study_per_week": None,
            "preferred_form": "werkend_leren", "municipality": "Rotterdam",
        },
    ),
    _p(
        "hotelreceptioniste van 24 wier contract in september afloopt",
        "hallo",
        {
            "work_status": "ik werk op de receptie van een hotel, mijn contract loopt tot september",
            "employer_size": "het is een hotelketen, dus groot",
            "at_risk_of_job_loss": "ik weet niet of ze verlengen",
            "hours_per_week": "32",
            "current_sector": "hotel",
            "education_level": "havo diploma",
            "age": "24",
            "receives_studiefinanciering": "nee",
            "goal": "een hbo opleiding aan de hotelschool doen",
            "sector_interests": "toerisme en hotels",
            "max_hours_study_per_week": "15",
            "preferred_form": "deeltijd, avondlessen op school",
            "municipality": "Maastricht",
        },
        {
            "work_status": "werknemer_flex", "employer_size": "groot", "at_risk_of_job_loss": (True, None),
            "hours_per_week": 32, "current_sector": "horeca", "education_level": "havo", "age": 24,
            "receives_studiefinanciering": False, "goal": ("diploma_halen", "bijscholen"),
            "sector_interests": (["horeca"], ["horeca", "anders"]), "max_hours_study_per_week": 15,
            "preferred_form": "klassikaal", "municipality": "Maastricht",
        },
        narrow_answers={"work_status": "tijdelijk, tot september"},
    ),
    _p(
        "elektricien die eerste monteur wil worden en naar ontwikkelpaden vraagt",
        "goeiedag",
        {
            "work_status": "ik ben elektricien, vast in dienst bij een installatiebedrijf",
            "employer_size": "we zijn met 120 man",
            "at_risk_of_job_loss": "nee, werk zat",
            "hours_per_week": "40",
            "current_sector": "installatietechniek",
            "current_function": "monteur, ik leg zonnepanelen en laadpalen aan",
            "education_level": "mbo 3 elektrotechniek",
            "age": "35",
            "goal": "doorgroeien naar eerste monteur",
            "sector_interests": "techniek",
            "max_hours_study_per_week": "6",
            "preferred_form": "naast mijn werk, bij de baas",
            "municipality": "Hengelo",
        },
        {
            "work_status": "werknemer_vast", "employer_size": "mkb", "at_risk_of_job_loss": False,
            "hours_per_week": 40, "current_sector": "techniek_bouw_energie", "current_function": "monteur_et",
            "education_level": "mbo3", "age": 35, "goal": "bijscholen", "sector_interests": ["techniek_bouw_energie"],
            "max_hours_study_per_week": 6, "preferred_form": "werkend_leren", "municipality": "Hengelo",
        },
        digressions={
            "goal": Digression("wat zijn die ontwikkelpaden waar ik over hoorde?", kind="faq",
                               faq_key="faq/ask_ontwikkelpaden"),
        },
    ),
    _p(
        "moeder van 41 met een uitkering van de gemeente die doktersassistente wil worden",
        "hallo",
        {
            "work_status": "ik heb al drie jaar een uitkering van de gemeente",
            "education_level": "entree, maar niet afgemaakt",
            "age": "41",
            "goal": "ik wil doktersassistente worden",
            "sector_interests": "de zorg, bij de huisarts",
            "literacy_need": "nee, ik heb geen hulp nodig met taal",
            "max_hours_study_per_week": "acht",
            "preferred_form": "met een groep, dan moet ik wel gaan",
            "municipality": "Zaanstad",
        },
        {
            "work_status": "werkzoekend_bijstand", "education_level": "geen", "age": 41,
            "goal": ("omscholen", "diploma_halen"), "sector_interests": ["zorg_welzijn"], "literacy_need": False,
            "max_hours_study_per_week": 8, "preferred_form": "klassikaal", "municipality": "Zaanstad",
        },
    ),
    _p(
        "melkveehouder van vijftig die duurzamer wil boeren",
        "goedemorgen",
        {
            "work_status": "ik heb een melkveebedrijf samen met mijn vrouw",
            "hours_per_week": "zestig",
            "current_sector": "melkvee, agrarisch",
            "education_level": "mbo 4 veehouderij",
            "age": "50",
            "goal": "ik wil meer weten over duurzaam boeren",
            "sector_interests": "landbouw",
            "max_hours_study_per_week": "2, in de winter meer",
            "preferred_form": "online, dan kan ik het 's avonds doen",
            "municipality": "Dalfsen",
        },
        {
            "work_status": ("zzp", "anders"), "hours_per_week": 60, "current_sector": "landbouw_voedsel",
            "education_level": "mbo4", "age": 50, "goal": "bijscholen", "sector_interests": ["landbouw_voedsel"],
            "max_hours_study_per_week": 2, "preferred_form": "online", "municipality": "Dalfsen",
        },
    ),
    _p(
        "vrouw in de bijstand die bij de leeftijdsvraag iemand wil spreken en ja zegt",
        "hallo",
        {"work_status": "bijstand", "education_level": "mbo 2", "age": "37"},
        {"work_status": "werkzoekend_bijstand", "education_level": "mbo2"},
        digressions={
            "age": Digression(
                "kan ik ook gewoon met iemand van het werkcentrum praten?", reply="ja graag, dat is makkelijker"
            ),
        },
        expect_handoff=True,
    ),
    _p(
        "gedetacheerde helpdeskmedewerker van 23 die het adviesaanbod afslaat",
        "hoi",
        {
            "work_status": "ik werk op de helpdesk via een detacheerder",
            "employer_size": "dat weet ik eerlijk gezegd niet",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "40",
            "current_sector": "it support",
            "education_level": "mbo niveau 4 applicatieontwikkeling",
            "age": "23",
            "receives_studiefinanciering": "nee, ik werk al",
            "goal": "hbo informatica doen in deeltijd",
            "sector_interests": "netwerken en security",
            "max_hours_study_per_week": "twaalf",
            "preferred_form": "online",
            "municipality": "Eindhoven",
        },
        {
            "work_status": "werknemer_flex", "employer_size": None, "at_risk_of_job_loss": False,
            "hours_per_week": 40, "current_sector": "ict", "education_level": "mbo4", "age": 23,
            "receives_studiefinanciering": False, "goal": "diploma_halen", "sector_interests": ["ict"],
            "max_hours_study_per_week": 12, "preferred_form": "online", "municipality": "Eindhoven",
        },
        digressions={
            "age": Digression("is er ook iemand die ik kan spreken?", reply="nee toch niet, ga maar door"),
        },
    ),
    _p(
        "jongeman van 22 met wajong die rustig werk zoekt",
        "hallo",
        {
            "work_status": "ik heb wajong",
            "education_level": "mbo 1 entree gehaald",
            "age": "22",
            "receives_studiefinanciering": "nee",
            "goal": "een baan vinden waar ik rustig kan werken, misschien in een magazijn",
            "sector_interests": "magazijn",
            "literacy_need": "ja, met rekenen heb ik hulp nodig",
            "max_hours_study_per_week": "5",
            "preferred_form": "leren op een werkplek met begeleiding",
            "municipality": "Gouda",
        },
        {
            "work_status": "arbeidsongeschikt", "education_level": "mbo1", "age": 22,
            "receives_studiefinanciering": False, "goal": ("orienteren", "omscholen"),
            "sector_interests": ["logistiek"], "literacy_need": True, "max_hours_study_per_week": 5,
            "preferred_form": "werkend_leren", "municipality": "Gouda",
        },
    ),
    _p(
        "mbo-verpleegkundige op de longafdeling die hbo-v wil halen",
        "goedemiddag",
        {
            "work_status": "verpleegkundige in het ziekenhuis, vast contract",
            "employer_size": "nee, het is een groot ziekenhuis met duizenden mensen",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "32",
            "current_sector": "ziekenhuis",
            "current_function": "verpleegkundige op de longafdeling, mbo niveau",
            "education_level": "inservice opleiding, mbo 4",
            "age": "48",
            "goal": "hbo-v in deeltijd halen",
            "sector_interests": "gewoon de zorg, ik blijf in het ziekenhuis",
            "max_hours_study_per_week": "tien uur per week",
            "preferred_form": "werkend leren via het ziekenhuis",
            "municipality": "Groningen",
        },
        {
            "work_status": "werknemer_vast", "employer_size": "groot", "at_risk_of_job_loss": False,
            "hours_per_week": 32, "current_sector": "zorg_welzijn", "current_function": "verpleegkundige_mbo",
            "education_level": "mbo4", "age": 48, "goal": ("diploma_halen", "bijscholen"),
            "sector_interests": ["zorg_welzijn"], "max_hours_study_per_week": 10, "preferred_form": "werkend_leren",
            "municipality": "Groningen",
        },
    ),
    _p(
        "zzp-schoonmaakster die een schoonmaakbedrijf met personeel wil",
        "hallo",
        {
            "work_status": "ik ben zzp in de schoonmaak",
            "hours_per_week": "30",
            "current_sector": "ik maak huizen schoon bij mensen thuis",
            "education_level": "mavo-diploma",
            "age": "37",
            "goal": "ik wil een echt schoonmaakbedrijf beginnen met mensen in dienst",
            "sector_interests": "schoonmaak",
            "literacy_need": "nee, dat kan ik allemaal",
            "max_hours_study_per_week": "6",
            "preferred_form": "liefst in een klas, dan leer ik van anderen",
            "municipality": "Utrecht",
        },
        {
            "work_status": "zzp", "hours_per_week": 30, "current_sector": "schoonmaak_facilitair",
            "education_level": "vmbo", "age": 37, "goal": "ondernemen", "sector_interests": ["schoonmaak_facilitair"],
            "literacy_need": False, "max_hours_study_per_week": 6, "preferred_form": "klassikaal",
            "municipality": "Utrecht",
        },
    ),
    _p(
        "invalkracht in de kinderopvang met veel typfouten",
        "hoii",
        {
            "work_status": "ik werk als invalkracht bij de kinderopvng",
            "employer_size": "ja klein, 3 locaties",
            "at_risk_of_job_loss": "neej",
            "hours_per_week": "twintig",
            "current_sector": "kinderopvng",
            "current_function": "pedagogisch medewerkster op de peutergroep",
            "education_level": "mbo 3 pw",
            "age": "27",
            "receives_studiefinanciering": "nee",
            "goal": "ik wil beter worden met de baby's, en meer vaste uren",
            "sector_interests": "kinderopvang, de babygroep",
            "max_hours_study_per_week": "3",
            "preferred_form": "online",
            "municipality": "Amstelveen",
        },
        {
            "work_status": "werknemer_flex", "employer_size": "mkb", "at_risk_of_job_loss": False,
            "hours_per_week": 20, "current_sector": "kinderopvang", "current_function": "pm_kinderopvang",
            "education_level": "mbo3", "age": 27, "receives_studiefinanciering": False, "goal": "bijscholen",
            "sector_interests": ["kinderopvang"], "max_hours_study_per_week": 3, "preferred_form": "online",
            "municipality": "Amstelveen",
        },
    ),
    _p(
        "psychologiestudent van 22 met stufi die wil kijken wat er na de studie kan",
        "hallo",
        {
            "work_status": "ik studeer psychologie in groningen",
            "education_level": "atheneum",
            "age": "22",
            "receives_studiefinanciering": "ja, lening en reisproduct",
            "goal": "ik wil kijken wat ik na mijn studie kan doen",
            "sector_interests": "mensen helpen, misschien jeugdzorg",
            "max_hours_study_per_week": "5",
            "preferred_form": "het maakt mij niks uit",
            "municipality": "groningen stad",
        },
        {
            "work_status": "student", "education_level": "vwo", "age": 22, "receives_studiefinanciering": True,
            "goal": "orienteren", "sector_interests": ["zorg_welzijn"], "max_hours_study_per_week": 5,
            "preferred_form": "geen_voorkeur", "municipality": "Groningen",
        },
    ),
    _p(
        "afdelingsmanager in een supermarkt die beter wil leidinggeven",
        "goedemorgen",
        {
            "work_status": "ik ben afdelingsmanager bij een supermarkt, vast",
            "employer_size": "een franchise supermarkt met 90 man",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "38",
            "current_sector": "detailhandel, levensmiddelen",
            "education_level": "mbo 4 retail",
            "age": "42",
            "goal": "beter leren leidinggeven",
            "sector_interests": "ik blijf in de winkel",
            "max_hours_study_per_week": "4",
            "preferred_form": "met andere leidinggevenden in een groep",
            "municipality": "Leeuwarden",
        },
        {
            "work_status": "werknemer_vast", "employer_size": "mkb", "at_risk_of_job_loss": False,
            "hours_per_week": 38, "current_sector": "retail", "education_level": "mbo4", "age": 42,
            "goal": "bijscholen", "sector_interests": ["retail"], "max_hours_study_per_week": 4,
            "preferred_form": "klassikaal", "municipality": "Leeuwarden",
        },
    ),
    _p(
        "baliemedewerker burgerzaken van 59 wiens werk digitaal wordt",
        "goedemiddag",
        {
            "work_status": "ik werk bij de gemeente op de afdeling burgerzaken, vaste aanstelling",
            "employer_size": "de gemeente is groot, zo'n 800 mensen",
            "at_risk_of_job_loss": "ja, er komt een reorganisatie en mijn werk wordt gedigitaliseerd",
            "hours_per_week": "36",
            "current_sector": "overheid",
            "education_level": "havo",
            "age": "negenenvijftig",
            "goal": "beter met de computer kunnen werken, alles gaat digitaal",
            "sector_interests": "gewoon bij de gemeente blijven",
            "max_hours_study_per_week": "3",
            "preferred_form": "in een klein groepje met uitleg",
            "municipality": "Alkmaar",
        },
        {
            "work_status": "werknemer_vast", "employer_size": "groot", "at_risk_of_job_loss": True,
            "hours_per_week": 36, "current_sector": "overheid_veiligheid", "education_level": "havo", "age": 59,
            "goal": ("basisvaardigheden", "bijscholen"), "sector_interests": (["overheid_veiligheid"], []),
            "max_hours_study_per_week": 3, "preferred_form": "klassikaal", "municipality": "Alkmaar",
        },
    ),
    _p(
        "timmerman die zijn diploma in de samenvatting verbetert",
        "hoi",
        {
            "work_status": "timmerman, vast contract",
            "employer_size": "ja, een klein aannemersbedrijf",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "40",
            "current_sector": "de bouw, woningbouw",
            "current_function": "timmerman, vooral kozijnen en dakkapellen",
            "education_level": "mbo 2 timmeren",
            "age": "31",
            "goal": "allround timmerman worden",
            "sector_interests": "in de bouw blijven",
            "max_hours_study_per_week": "4",
            "preferred_form": "op de bouwplaats leren",
            "municipality": "Zwijndrecht",
        },
        {
            "work_status": "werknemer_vast", "employer_size": "mkb", "at_risk_of_job_loss": False,
            "hours_per_week": 40, "current_sector": "techniek_bouw_energie", "current_function": "timmerman",
            "education_level": "mbo3", "age": 31, "goal": ("bijscholen", "diploma_halen"),
            "sector_interests": ["techniek_bouw_energie"], "max_hours_study_per_week": 4,
            "preferred_form": "werkend_leren", "municipality": "Zwijndrecht",
        },
        summary_fix="foutje, mijn diploma is mbo 3 timmeren, niet 2",
    ),
    _p(
        "Eritrese nieuwkomer van 27 zonder school die werk en taal wil",
        "hallo goedemorgen",
        {
            "work_status": "ik heb geen werk. gemeente betaalt",
            "education_level": "geen school gehad in eritrea",
            "age": "27",
            "receives_studiefinanciering": "nee",
            "goal": "ik wil werken en nederlands leren",
            "sector_interests": "fietsen maken",
            "literacy_need": "ja graag, lezen is moeilijk",
            "max_hours_study_per_week": "veel. 20",
            "preferred_form": "in klas",
            "municipality": "Tilburg",
        },
        {
            "work_status": "werkzoekend_bijstand", "education_level": "geen", "age": 27,
            "receives_studiefinanciering": False, "goal": ("basisvaardigheden", "orienteren", "omscholen"),
            "sector_interests": (["techniek_bouw_energie"], ["anders"], []), "literacy_need": True,
            "max_hours_study_per_week": 20, "preferred_form": "klassikaal", "municipality": "Tilburg",
        },
    ),
    _p(
        "kledingverkoper van achttien met een nulurencontract die stylist wil worden",
        "heyy",
        {
            "work_status": "ik heb een nulurencontract bij een kledingwinkel",
            "employer_size": "het is een klein winkeltje",
            "at_risk_of_job_loss": "nee dat niet",
            "hours_per_week": "tien",
            "current_sector": "kleding verkopen",
            "education_level": "vmbo gl",
            "age": "achttien",
            "receives_studiefinanciering": "nee, nog niet",
            "goal": "ik wil een opleiding tot stylist",
            "sector_interests": "mode",
            "literacy_need": "nee",
            "max_hours_study_per_week": "twaalf",
            "preferred_form": "op een echte school",
            "municipality": "Breda",
        },
        {
            "work_status": "werknemer_flex", "employer_size": "mkb", "at_risk_of_job_loss": False,
            "hours_per_week": 10, "current_sector": "retail", "education_level": "vmbo", "age": 18,
            "receives_studiefinanciering": False, "goal": ("diploma_halen", "omscholen"),
            "sector_interests": (["anders"], ["retail"], ["cultuur"]), "literacy_need": False,
            "max_hours_study_per_week": 12, "preferred_form": "klassikaal", "municipality": "Breda",
        },
    ),
    _p(
        "taxichauffeur voor zichzelf van 63 die de computer wil leren",
        "salam, goedendag",
        {
            "work_status": "ik rij taxi voor mezelf",
            "hours_per_week": "50 uur",
            "current_sector": "taxi, personenvervoer",
            "education_level": "niks afgemaakt, ben vroeg gaan werken",
            "age": "63",
            "goal": "leren hoe de computer werkt voor mijn administratie",
            "sector_interests": "taxi blijven rijden",
            "literacy_need": "ja, met de computer",
            "max_hours_study_per_week": "2",
            "preferred_form": "iemand die het naast me uitlegt",
            "municipality": "Nieuwegein",
        },
        {
            "work_status": "zzp", "hours_per_week": 50, "current_sector": ("logistiek", "anders"),
            "education_level": "geen", "age": 63, "goal": ("basisvaardigheden", "bijscholen"),
            "sector_interests": (["logistiek"], ["anders"]), "literacy_need": True, "max_hours_study_per_week": 2,
            "preferred_form": "klassikaal", "municipality": "Nieuwegein",
        },
    ),
    _p(
        "ontslagen bankmedewerker van 52 in de WW die leraar economie wil worden",
        "goedemorgen",
        {
            "work_status": "ik ben ontslagen bij de bank en krijg nu ww",
            "education_level": "hbo economie",
            "age": "52",
            "goal": "ik wil leraar economie worden op een middelbare school",
            "sector_interests": "lesgeven aan jongeren",
            "max_hours_study_per_week": "zo veel als nodig, 24",
            "preferred_form": "deeltijd op de hogeschool",
            "municipality": "Hilversum",
        },
        {
            "work_status": "werkzoekend_ww", "education_level": "hbo_bachelor", "age": 52,
            "goal": ("omscholen", "diploma_halen"), "sector_interests": ["onderwijs"], "max_hours_study_per_week": 24,
            "preferred_form": "klassikaal", "municipality": "Hilversum",
        },
        digressions={
            "age": Digression(
                "betaalt het uwv een opleiding als ik ww heb?", kind="faq", faq_key="faq/ask_ww_scholing"
            ),
        },
    ),
    _p(
        "huishoudelijke hulp van zestig via een thuiszorgbureau, geen vast contract",
        "goeiemiddag",
        {
            "work_status": "ik werk als huishoudelijke hulp via een thuiszorgbureau, geen vast contract",
            "employer_size": "geen idee eigenlijk",
            "at_risk_of_job_loss": "ja, ze bezuinigen op de uren",
            "hours_per_week": "12",
            "current_sector": "ik help oude mensen thuis met schoonmaken",
            "current_function": "huishoudelijke hulp",
            "education_level": "lbo, huishoudschool",
            "age": "zestig",
            "goal": "helpende worden met een diploma",
            "sector_interests": "bij de ouderen blijven",
            "literacy_need": "een beetje, schrijven van rapportages vind ik moeilijk",
            "max_hours_study_per_week": "4",
            "preferred_form": "het liefst in de praktijk bij de clienten",
            "municipality": "Kerkrade",
        },
        {
            "work_status": "werknemer_flex", "employer_size": None, "at_risk_of_job_loss": True,
            "hours_per_week": 12, "current_sector": ("zorg_welzijn", "schoonmaak_facilitair"),
            "current_function": ("helpende", "anders"), "education_level": "vmbo", "age": 60,
            "goal": ("diploma_halen", "bijscholen"), "sector_interests": ["zorg_welzijn"], "literacy_need": True,
            "max_hours_study_per_week": 4, "preferred_form": "werkend_leren", "municipality": "Kerkrade",
        },
        narrow_answers={"work_status": "tijdelijk, via het bureau"},
    ),
    _p(
        "freelance grafisch ontwerper die zijn doel midden in de zin verbetert",
        "hallo",
        {
            "work_status": "freelance grafisch ontwerper",
            "hours_per_week": "30",
            "current_sector": "grafisch ontwerp, reclame",
            "education_level": "kunstacademie",
            "age": "38",
            "goal": "ander werk, nee wacht, ik wil beter worden in webdesign voor mijn klanten",
            "sector_interests": "webdesign",
            "max_hours_study_per_week": "8",
            "preferred_form": "online",
            "municipality": "Arnhem",
        },
        {
            "work_status": "zzp", "hours_per_week": 30,
            "current_sector": ("cultuur", "zakelijke_dienstverlening", "anders"), "education_level": "hbo_bachelor",
            "age": 38, "goal": "bijscholen", "sector_interests": (["ict"], ["cultuur"], ["anders"]),
            "max_hours_study_per_week": 8, "preferred_form": "online", "municipality": "Arnhem",
        },
    ),
    _p(
        "draaier in een metaalfabriek die dreigt te sluiten, lts niet afgemaakt",
        "goedemorgen",
        {
            "work_status": "ik werk al 20 jaar in de fabriek, vast",
            "employer_size": "nee, wij zijn met 400",
            "at_risk_of_job_loss": "ja, de fabriek gaat misschien dicht",
            "hours_per_week": "40",
            "current_sector": "metaal, ik sta aan de draaibank",
            "current_function": "ik bedien machines in de productie",
            "education_level": "geen diploma, ik ben in de 2e klas van de lts gestopt",
            "age": "46",
            "goal": "een diploma halen zodat ik sterker sta",
            "sector_interests": "metaal, machines",
            "literacy_need": "ja, lezen gaat niet zo goed",
            "max_hours_study_per_week": "5",
            "preferred_form": "bij ons in de fabriek leren",
            "municipality": "Oss",
        },
        {
            "work_status": "werknemer_vast", "employer_size": "groot", "at_risk_of_job_loss": True,
            "hours_per_week": 40, "current_sector": "techniek_bouw_energie",
            "current_function": ("assistent_techniek", "anders"), "education_level": "geen", "age": 46,
            "goal": "diploma_halen", "sector_interests": ["techniek_bouw_energie"], "literacy_need": True,
            "max_hours_study_per_week": 5, "preferred_form": "werkend_leren", "municipality": "Oss",
        },
    ),
    _p(
        "communicatiemedewerker van 33 thuis met een burn-out die niet weet wat ze wil",
        "hoi",
        {
            "work_status": "ik zit thuis met een burn-out, in de ziektewet",
            "education_level": "hbo communicatie",
            "age": "33",
            "goal": "ik weet het echt niet meer, ik wil kijken wat bij me past",
            "sector_interests": "weet ik niet",
            "max_hours_study_per_week": "hooguit twee uur",
            "preferred_form": "thuis, rustig aan",
            "municipality": "Nijmegen",
        },
        {
            "work_status": "arbeidsongeschikt", "education_level": "hbo_bachelor", "age": 33, "goal": "orienteren",
            "sector_interests": (None, []), "max_hours_study_per_week": 2, "preferred_form": "online",
            "municipality": "Nijmegen",
        },
    ),
    _p(
        "uitvoerder in de bouw die in de opening al veel vertelt",
        "goedemiddag, ik ben 40 en werk als uitvoerder in de bouw met een vast contract",
        {
            "work_status": "ja, vast contract",
            "employer_size": "we zijn met 35 man",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "45",
            "current_sector": "bouw",
            "current_function": "uitvoerder",
            "education_level": "mbo 4 bouwkunde",
            "age": "40",
            "goal": "mijn hbo bouwkunde halen",
            "sector_interests": "bouw",
            "max_hours_study_per_week": "6",
            "preferred_form": "online",
            "municipality": "Zutphen",
        },
        {
            "work_status": "werknemer_vast", "employer_size": "mkb", "at_risk_of_job_loss": False,
            "hours_per_week": 45, "current_sector": "techniek_bouw_energie", "current_function": "middenkader_bouw",
            "education_level": "mbo4", "age": 40, "goal": ("diploma_halen", "bijscholen"),
            "sector_interests": ["techniek_bouw_energie"], "max_hours_study_per_week": 6, "preferred_form": "online",
            "municipality": "Zutphen",
        },
    ),
    _p(
        "woonbegeleider in de gehandicaptenzorg die slordig typt",
        "hallo",
        {
            "work_status": "vast contrakt in de gehandicaptezorg",
            "employer_size": "grote instelling, ruim 2000 man",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "30",
            "current_sector": "gehandicaptenzorg",
            "current_function": "woonbegeleider",
            "education_level": "mbo4 mz gehaald",
            "age": "29",
            "receives_studiefinanciering": "nee",
            "goal": "hbo social work doen",
            "sector_interests": "in de gehandicaptenzorg blijven",
            "max_hours_study_per_week": "8",
            "preferred_form": "via mijn werkgever, leren op de groep",
            "municipality": "Zeist",
        },
        {
            "work_status": "werknemer_vast", "employer_size": "groot", "at_risk_of_job_loss": False,
            "hours_per_week": 30, "current_sector": "zorg_welzijn", "current_function": "begeleider_gz",
            "education_level": "mbo4", "age": 29, "receives_studiefinanciering": False,
            "goal": ("diploma_halen", "bijscholen"), "sector_interests": ["zorg_welzijn"],
            "max_hours_study_per_week": 8, "preferred_form": "werkend_leren", "municipality": "Zeist",
        },
    ),
    _p(
        "vwo'er van negentien in een tussenjaar die een studie zoekt",
        "hallo",
        {
            "work_status": "ik heb een tussenjaar, ik doe nu niks",
            "education_level": "vwo gehaald dit jaar",
            "age": "negentien",
            "receives_studiefinanciering": "nee, nog niet",
            "goal": "uitzoeken welke studie bij me past",
            "sector_interests": "biologie, de natuur in",
            "max_hours_study_per_week": "fulltime, dus een uur of 40",
            "preferred_form": "gewoon colleges volgen",
            "municipality": "Wageningen",
        },
        {
            "work_status": ("werkzoekend_zonder_uitkering", "anders"), "education_level": "vwo", "age": 19,
            "receives_studiefinanciering": False, "goal": "orienteren", "sector_interests": (["groen"], ["anders"]),
            "max_hours_study_per_week": 40, "preferred_form": "klassikaal", "municipality": "Wageningen",
        },
    ),
    _p(
        "bakker met een tijdelijk contract die een eigen bakkerij wil en een adviseur afslaat",
        "goedemorgen",
        {
            "work_status": "ik werk bij een bakkerij met een tijdelijk contract",
            "employer_size": "ja, we zijn met z'n achten",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "zesendertig",
            "current_sector": "bakkerij",
            "education_level": "mbo 2 bakker",
            "age": "49",
            "goal": "later mijn eigen bakkerij",
            "sector_interests": "brood bakken",
            "max_hours_study_per_week": "5",
            "preferred_form": "maakt niet uit hoor",
            "municipality": "Sneek",
        },
        {
            "work_status": "werknemer_flex", "employer_size": "mkb", "at_risk_of_job_loss": False,
            "hours_per_week": 36, "current_sector": ("landbouw_voedsel", "retail", "horeca", "anders"),
            "education_level": "mbo2", "age": 49, "goal": "ondernemen",
            "sector_interests": (["landbouw_voedsel"], ["horeca"], ["anders"]), "max_hours_study_per_week": 5,
            "preferred_form": "geen_voorkeur", "municipality": ("Sneek", "Súdwest-Fryslân", "Sudwest-Fryslan"),
        },
        digressions={
            "goal": Digression("kan ik dit beter met een adviseur bespreken?", reply="nee, laat maar, ik doe het zelf"),
        },
    ),
    _p(
        "oudere man die in de opening meteen een mens wil en ja zegt",
        "ik wil graag iemand spreken, geen computer",
        {"work_status": "ik ben al jaren gepensioneerd"},
        {},
        offer_reply="ja, doe maar",
        expect_handoff=True,
    ),
    _p(
        "tuinman via een uitzendbureau die een eigen hoveniersbedrijf wil",
        "hallo",
        {
            "work_status": "ik werk als tuinman bij een hoveniersbedrijf, via een uitzendbureau",
            "employer_size": "klein bedrijf, 10 man",
            "at_risk_of_job_loss": "nee hoor, ze willen me houden",
            "hours_per_week": "38",
            "current_sector": "hoveniers",
            "current_function": "tuinen aanleggen, bestrating en beplanting",
            "education_level": "mbo 2 groen",
            "age": "25",
            "receives_studiefinanciering": "nee",
            "goal": "mijn eigen hoveniersbedrijf starten",
            "sector_interests": "tuinen",
            "max_hours_study_per_week": "6",
            "preferred_form": "avondschool",
            "municipality": "Oosterhout",
        },
        {
            "work_status": "werknemer_flex", "employer_size": "mkb", "at_risk_of_job_loss": False,
            "hours_per_week": 38, "current_sector": "groen", "current_function": ("medewerker_hovenier", "anders"),
            "education_level": "mbo2", "age": 25, "receives_studiefinanciering": False, "goal": "ondernemen",
            "sector_interests": ["groen"], "max_hours_study_per_week": 6, "preferred_form": "klassikaal",
            "municipality": "Oosterhout",
        },
    ),
    _p(
        "Oekraiense econome die via een uitzendbureau hotelkamers schoonmaakt",
        "dobryi den, hallo",
        {
            "work_status": "ik werk in hotel schoonmaak, uitzendbureau",
            "employer_size": "ik weet niet",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "24",
            "current_sector": "schoonmaak in hotel",
            "education_level": "master economie in oekraine",
            "age": "38",
            "goal": "werk op mijn niveau, als econoom",
            "sector_interests": "financieel, kantoor",
            "literacy_need": "ja, nederlands schrijven is moeilijk",
            "max_hours_study_per_week": "10",
            "preferred_form": "online, ik heb een kind",
            "municipality": "Venlo",
        },
        {
            "work_status": "werknemer_flex", "employer_size": None, "at_risk_of_job_loss": False,
            "hours_per_week": 24, "current_sector": ("schoonmaak_facilitair", "horeca"),
            "education_level": "buitenlands", "age": 38, "goal": ("omscholen", "orienteren"),
            "sector_interests": ["zakelijke_dienstverlening"], "literacy_need": True, "max_hours_study_per_week": 10,
            "preferred_form": "online", "municipality": "Venlo",
        },
    ),
    _p(
        "fietsenmaker in vaste dienst met een leeftijd die hij verbetert",
        "middag",
        {
            "work_status": "ik ben fietsenmaker, al jaren in vaste dienst",
            "employer_size": "ja hoor, kleine zaak, vijf man",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "negenendertig",
            "current_sector": "fietsenwinkel met werkplaats",
            "education_level": "mbo 2 fietstechniek",
            "age": "43, nee wacht, 44 sinds vorige week",
            "goal": "e-bikes leren repareren, daar komt steeds meer van",
            "sector_interests": "fietsen en techniek",
            "max_hours_study_per_week": "3",
            "preferred_form": "een cursus bij de leverancier, in de werkplaats",
            "municipality": "Zwolle",
        },
        {
            "work_status": "werknemer_vast", "employer_size": "mkb", "at_risk_of_job_loss": False,
            "hours_per_week": 39, "current_sector": ("retail", "techniek_bouw_energie", "anders"),
            "education_level": "mbo2", "age": 44, "goal": "bijscholen",
            "sector_interests": (["techniek_bouw_energie"], ["anders"], ["anders", "techniek_bouw_energie"]),
            "max_hours_study_per_week": 3, "preferred_form": ("werkend_leren", "klassikaal"),
            "municipality": "Zwolle",
        },
    ),
    _p(
        "callcenteragent van 30 met een oproepcontract die niet weet hoeveel collega's er zijn",
        "hallo",
        {
            "work_status": "oproepkracht bij een klantenservice",
            "employer_size": "weet ik echt niet, we zitten met honderden in een grote hal",
            "at_risk_of_job_loss": "ja, ze gaan veel werk naar het buitenland verplaatsen",
            "hours_per_week": "24",
            "current_sector": "klantenservice voor een energiebedrijf",
            "education_level": "mbo 3 secretaresse",
            "age": "30",
            "goal": "iets waar ik meer mee verdien, misschien boekhouding",
            "sector_interests": "administratie, cijfers",
            "max_hours_study_per_week": "negen",
            "preferred_form": "thuis op de laptop",
            "municipality": "Heerenveen",
        },
        {
            "work_status": "werknemer_flex", "employer_size": ("groot", None), "at_risk_of_job_loss": True,
            "hours_per_week": 24, "current_sector": ("zakelijke_dienstverlening", "anders"), "education_level": "mbo3",
            "age": 30, "goal": ("omscholen", "bijscholen"), "sector_interests": ["zakelijke_dienstverlening"],
            "max_hours_study_per_week": 9, "preferred_form": "online", "municipality": "Heerenveen",
        },
    ),
    _p(
        "zzp-kok die op bruiloften kookt, zijn ervaring op papier wil en vraagt wat een evc is",
        "goedemiddag",
        {
            "work_status": "ik kook als zelfstandige op feesten en bruiloften",
            "hours_per_week": "wisselt, gemiddeld 35",
            "current_sector": "catering",
            "education_level": "geen papieren, alles in de praktijk geleerd",
            "age": "47",
            "goal": "mijn ervaring op papier krijgen, een koksdiploma",
            "sector_interests": "koken",
            "literacy_need": "nee, geen probleem",
            "max_hours_study_per_week": "5",
            "preferred_form": "in de keuken, al doende",
            "municipality": "Lelystad",
        },
        {
            "work_status": "zzp", "hours_per_week": 35, "current_sector": "horeca", "education_level": "geen",
            "age": 47, "goal": "diploma_halen", "sector_interests": ["horeca"], "literacy_need": False,
            "max_hours_study_per_week": 5, "preferred_form": "werkend_leren", "municipality": "Lelystad",
        },
        digressions={
            "goal": Digression("wat is een evc, kan ik dat doen?", kind="faq", faq_key="faq/ask_evc"),
        },
    ),
    _p(
        "vrouw van 54 zonder werk en zonder uitkering die met de computer wil leren, antwoordt kort",
        "hoi",
        {
            "work_status": "geen baan, geen uitkering, mijn man verdient",
            "education_level": "vmbo",
            "age": "54",
            "goal": "computer",
            "max_hours_study_per_week": "2",
            "preferred_form": "klas",
            "municipality": "Hoogeveen",
        },
        {
            "work_status": "werkzoekend_zonder_uitkering", "education_level": "vmbo", "age": 54,
            "goal": "basisvaardigheden", "max_hours_study_per_week": 2, "preferred_form": "klassikaal",
            "municipality": "Hoogeveen",
        },
    ),
    _p(
        "laborant met een hbo-diploma in een klein lab die zijn leeftijd verbetert in de samenvatting",
        "hallo",
        {
            "work_status": "ik werk als laborant, vaste baan",
            "employer_size": "ja, klein lab met 25 mensen",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "32",
            "current_sector": "laboratorium",
            "education_level": "hbo chemie",
            "age": "36",
            "goal": "ik wil me specialiseren in microbiologie",
            "sector_interests": "lab, onderzoek",
            "max_hours_study_per_week": "4",
            "preferred_form": "online",
            "municipality": "Leiden",
        },
        {
            "work_status": "werknemer_vast", "employer_size": "mkb", "at_risk_of_job_loss": False,
            "hours_per_week": 32, "current_sector": ("anders", "zorg_welzijn", "techniek_bouw_energie"),
            "education_level": "hbo_bachelor", "age": 38, "goal": "bijscholen",
            "sector_interests": (["anders"], ["zorg_welzijn"], ["techniek_bouw_energie"]),
            "max_hours_study_per_week": 4, "preferred_form": "online", "municipality": "Leiden",
        },
        summary_fix="mijn leeftijd is fout, ik ben 38",
    ),
]


# After the first run: the people the intake misread, with what it misread (field, said, got, expected).
XFAIL: dict[str, str] = {
    "zelfstandig schilder van 44 die zijn bedrijf wil laten groeien": (
        "current_sector 'schilderwerk, binnen en buiten' read as groen (expected techniek_bouw_energie or anders)"
    ),
    "scholiere van zeventien in het eerste jaar mbo die twijfelt": (
        "goal 'ik weet niet of verpleegkunde wel bij me past, misschien iets anders' taken as don't know "
        "(None; expected orienteren or omscholen)"
    ),
    "Syrische ingenieur in de bijstand met eenvoudig Nederlands": (
        "work_status 'ik heb geen werk. ik krijg geld van gemeente' read as werkzoekend_zonder_uitkering "
        "(expected werkzoekend_bijstand); education_level 'ik ben ingenieur, universiteit in damascus' read as "
        "wo_master (expected buitenlands: a diploma from abroad)"
    ),
    "kapster van negentien op oproepbasis die haar niveau 3 wil": (
        "preferred_form 'leren in de salon zelf' not understood 3x, skipped (None; expected werkend_leren)"
    ),
    "beveiliger bij een landelijk bedrijf die bij de politie wil": (
        "goal 'ik wil bij de politie gaan werken' not understood 3x, skipped (None; expected omscholen)"
    ),
    "juf van 29 met pabo die de ict in wil": (
        "employer_size 'de stichting heeft wel 30 scholen, dus groot denk ik' read as mkb (expected groot or None)"
    ),
    "gepensioneerde van achtenzestig met heao die iets zinnigs wil doen": (
        "goal 'iets zinnigs doen, misschien vrijwilligerswerk in de zorg' not understood 3x, skipped "
        "(None; expected orienteren or omscholen)"
    ),
    "moeder van 45 die na vijftien jaar thuis weer wil werken en naar privacy vraagt": (
        "work_status 'ik ben 15 jaar thuis geweest voor de kinderen, nu wil ik weer werken' not read (asked 4x, "
        "skipped; expected werkzoekend_zonder_uitkering or anders), but age 15 and current_sector kinderopvang "
        "were read from it: the age question never came (profile age 15, expected 45; the FAQ digression placed "
        "there was never sent) and a 45-year-old was asked about studiefinanciering"
    ),
    "Poolse uitzendkracht in de tomatenkas": (
        "goal 'nederlands beter spreken' not understood 3x, skipped (None; expected basisvaardigheden)"
    ),
    "freelance developer met een master van de TU die naar ontwikkeladvies vraagt": (
        "not a misread (profile right): the answer to faq/ask_ontwikkeladvies ('wat is zo'n ontwikkeladvies "
        "precies?') mentions the STAP-ontwikkeladvies, and the check forbids STAP for someone who did not ask "
        "about STAP"
    ),
    "jongen van twintig van de praktijkschool die de bouw in wil, typt rotterdm": (
        "preferred_form 'niet in een klas, ik leer het beste op de bouwplaats zelf' read as klassikaal (the "
        "negation is ignored; expected werkend_leren)"
    ),
    "hotelreceptioniste van 24 wier contract in september afloopt": (
        "current_sector read from the work_status answer 'ik werk op de receptie van een hotel, ...' as "
        "zakelijke_dienstverlening and never asked (expected horeca); also 'mijn contract loopt tot september' "
        "was not read as werknemer_flex (the narrower work question was needed)"
    ),
    "gedetacheerde helpdeskmedewerker van 23 die het adviesaanbod afslaat": (
        "'is er ook iemand die ik kan spreken?' (at age) not read as a request for a person: 'not understood', "
        "no offer, so the decline was never said; sector_interests 'netwerken en security' read as ['anders'] "
        "(expected ['ict']); employer_size 'dat weet ik eerlijk gezegd niet' not taken as don't know (asked 3x)"
    ),
    "jongeman van 22 met wajong die rustig werk zoekt": (
        "preferred_form 'leren op een werkplek met begeleiding' not understood 3x, skipped (None; expected "
        "werkend_leren)"
    ),
    "zzp-schoonmaakster die een schoonmaakbedrijf met personeel wil": (
        "goal 'ik wil een echt schoonmaakbedrijf beginnen met mensen in dienst' not understood 3x, skipped "
        "(None; expected ondernemen)"
    ),
    "psychologiestudent van 22 met stufi die wil kijken wat er na de studie kan": (
        "preferred_form 'het maakt mij niks uit' not understood 3x, skipped (None; expected geen_voorkeur)"
    ),
    "timmerman die zijn diploma in de samenvatting verbetert": (
        "preferred_form 'op de bouwplaats leren' not understood 3x, skipped (None; expected werkend_leren)"
    ),
    "Eritrese nieuwkomer van 27 zonder school die werk en taal wil": (
        "work_status 'ik heb geen werk. gemeente betaalt' read as werkzoekend_zonder_uitkering (expected "
        "werkzoekend_bijstand); education_level 'geen school gehad in eritrea' read as buitenlands (expected "
        "geen: no school, so no diploma from anywhere)"
    ),
    "kledingverkoper van achttien met een nulurencontract die stylist wil worden": (
        "goal 'ik wil een opleiding tot stylist' not understood 3x, skipped (None; expected diploma_halen or "
        "omscholen); preferred_form 'op een echte school' not understood 3x (None; expected klassikaal)"
    ),
    "taxichauffeur voor zichzelf van 63 die de computer wil leren": (
        "goal 'leren hoe de computer werkt voor mijn administratie' not understood 3x (None; expected "
        "basisvaardigheden or bijscholen); preferred_form 'iemand die het naast me uitlegt' not understood 3x "
        "(None; expected klassikaal, debatable)"
    ),
    "ontslagen bankmedewerker van 52 in de WW die leraar economie wil worden": (
        "preferred_form 'deeltijd op de hogeschool' not understood 3x, skipped (None; expected klassikaal)"
    ),
    "freelance grafisch ontwerper die zijn doel midden in de zin verbetert": (
        "goal 'ander werk, nee wacht, ik wil beter worden in webdesign voor mijn klanten' read as omscholen (the "
        "correction after 'nee wacht' is ignored; expected bijscholen)"
    ),
    "draaier in een metaalfabriek die dreigt te sluiten, lts niet afgemaakt": (
        "preferred_form 'bij ons in de fabriek leren' not understood 3x, skipped (None; expected werkend_leren)"
    ),
    "communicatiemedewerker van 33 thuis met een burn-out die niet weet wat ze wil": (
        "goal 'ik weet het echt niet meer, ik wil kijken wat bij me past' taken as don't know (None; expected "
        "orienteren, the words of its own button)"
    ),
    "woonbegeleider in de gehandicaptenzorg die slordig typt": (
        "preferred_form 'via mijn werkgever, leren op de groep' read as klassikaal ('de groep' is the clients' "
        "living group at work; expected werkend_leren)"
    ),
    "vwo'er van negentien in een tussenjaar die een studie zoekt": (
        "goal 'uitzoeken welke studie bij me past' not understood 3x (None; expected orienteren); preferred_form "
        "'gewoon colleges volgen' not understood 3x (None; expected klassikaal)"
    ),
    "bakker met een tijdelijk contract die een eigen bakkerij wil en een adviseur afslaat": (
        "'kan ik dit beter met een adviseur bespreken?' (at goal) not read as a request for a person: 'not "
        "understood', no offer, so the decline was never said; goal 'later mijn eigen bakkerij' not understood "
        "(None; expected ondernemen)"
    ),
    "tuinman via een uitzendbureau die een eigen hoveniersbedrijf wil": (
        "goal 'mijn eigen hoveniersbedrijf starten' not understood 3x, skipped (None; expected ondernemen)"
    ),
    "Oekraiense econome die via een uitzendbureau hotelkamers schoonmaakt": (
        "goal 'werk op mijn niveau, als econoom' not understood 3x, skipped (None; expected omscholen or "
        "orienteren)"
    ),
    "fietsenmaker in vaste dienst met een leeftijd die hij verbetert": (
        "age '43, nee wacht, 44 sinds vorige week' read as 43 (expected 44); goal 'e-bikes leren repareren, daar "
        "komt steeds meer van' not understood 3x (None; expected bijscholen); preferred_form 'een cursus bij de "
        "leverancier, in de werkplaats' not understood 3x (None; expected werkend_leren or klassikaal)"
    ),
    "callcenteragent van 30 met een oproepcontract die niet weet hoeveel collega's er zijn": (
        "goal 'iets waar ik meer mee verdien, misschien boekhouding' not understood 3x (None; expected omscholen "
        "or bijscholen); current_sector 'klantenservice voor een energiebedrijf' read as techniek_bouw_energie "
        "(expected zakelijke_dienstverlening or anders; debatable, the employer is in energy), so the technical "
        "function question was asked"
    ),
    "zzp-kok die op bruiloften kookt, zijn ervaring op papier wil en vraagt wat een evc is": (
        "goal 'mijn ervaring op papier krijgen, een koksdiploma' not understood 3x (None; expected "
        "diploma_halen); also preferred_form was taken from the diploma answer 'geen papieren, alles in de "
        "praktijk geleerd' (werkend_leren) and the question was never asked"
    ),
    "vrouw van 54 zonder werk en zonder uitkering die met de computer wil leren, antwoordt kort": (
        "goal 'computer' (one word) not understood 3x, skipped (None; expected basisvaardigheden)"
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
