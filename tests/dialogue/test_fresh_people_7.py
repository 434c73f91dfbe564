"""A seventh set of fresh people the intake was never tuned on: issue #9's bar, the final honest measurement.

Written fresh by a helper session (worktree people7) that did not tune the intake and did not read the
parser or the intake code (assistant/intake/*.py), assistant/simulate/, data/nlu/, or the findings of the
other fresh-people files (test_fresh_people_6.py was read only for its format). The fields, their allowed
values and meanings come only from assistant/intake/profile.schema.json and the label, ask and ask_if lines
of assistant/vocabulary.yaml (its cue lists were not opened). All expectations were fixed and committed
before the first run. A script checked every opening, answer, digression, reply, narrow answer and summary
correction against tests/dialogue/*.py, tests/e2e/test_personas.py, tests/simulate/ and assistant/simulate/:
no sentence occurs there verbatim; the only whole-string matches left are bare numbers, place names,
greetings, single-word labels ('havo', 'horeca'), 'nee', 'nee hoor' and 'weet ik niet'.

The people: praktisch geschoolden, flexwerkers (nulurencontract, uitzend, oproep, payroll, jaarcontract,
tijdelijk), zzp'ers (stukadoor, hovenier, vertaler, pedicure, schoonheidsspecialiste, it-consultant,
timmerman), werkzoekenden (WW, bijstand, geen uitkering), arbeidsongeschikten (Wajong, WIA, Ziektewet),
45-plussers, gepensioneerden, scholieren en studenten, nieuwkomers met eenvoudig Nederlands (Syrie, Polen,
Afghanistan). They type in small letters, with typos and numbers in words, tell stories instead of picking
labels, correct themselves inside an answer (age, diploma) or in the summary (age, municipality), say 'weet
ik niet', ask FAQ questions midway (bbl/bol, WW, kosten, STAP, ontwikkelpaden, startkwalificatie, wat is
Koers), ask for a person and then decline (opening, goal) or accept (at the diploma, at the summary). Goals
(all six) and ways of learning (all four) are said in many forms. A tuple is used only where a careful human
adviser would accept either reading.

First run, on the intake of main at ce1c54f (the branch rebased on it just before; PYTHONPATH=.
/work/main/.venv/bin/python -m pytest -q tests/dialogue/test_fresh_people_7.py): 22 of the 50 people (44 %)
reach the right profile and advice (or the handoff they asked for), far below issue #9's 95 % bar. The
transcripts of all 28 failures were read; none was the test's own fault (no answer or digression for a
question this person is not asked, no follow-up without an answer, no expectation against the schema), so
nothing was changed after the run but XFAIL below. The 28 misread people are strict xfails, with every field
they got wrong (a person may count under several kinds):

- learning form (7): filled without being asked from words in another answer (4: online from 'met de
  computer ... internet' in a goal and from 'online handel'; geen_voorkeur from 'maakt niet uit' in a goal
  and in an interests answer); 'klas'/'school' taken for klassikaal in 'meteen voor de klas en ondertussen
  leren' and 'op school en in de bakkerij tegelijk' (2); 'een paar avonden cursus, samen met andere
  ondernemers' skipped (1);
- sector interests (6): 'jongeren begeleiden' as anders; never asked and filled as kantoor for someone who
  wants 'de ict in'; 'verkoop, online handel' as retail + techniek + groen; 'autorijles geven' with techniek;
  'dieren' as landbouw + groen; 'advieswerk voor het mkb' looped (below);
- goal (5): a heftruckcertificaat as diploma_halen; 'nieuwsgierig wat er allemaal kan', 'later iets met
  dieren' and 'allround worden' as omscholen; 'de zorg in, verpleegkundige worden' as bijscholen;
- work status (4): 'een eigen pedicurepraktijk aan huis' and 'ik zit in havo 4' as anders; 'geld van
  sociale dienst' as zonder uitkering; 'huishoudelijke hulp via een thuiszorgorganisatie, nul uren' skipped;
- diploma (3): a running hbo study as an hbo diploma; 'ik heb niet naar school geweest' and 'geen, ik ben in
  de derde van school gegaan' skipped;
- a request for a person not recognised (3): at the goal, at the diploma and at the summary, so no offer and
  no handoff;
- current sector (3): 'evenementen, horeca eigenlijk' as cultuur; 'schoonheidsverzorging' as zorg; ict
  filled unasked;
- one each: the age correction inside an answer ('vijfentwintig, sorry, zevenentwintig'), a job at risk told
  as a story ('... dus ja misschien wel'), 'twintig scholen, zo'n zeshonderd man' as mkb, 'schrijven gaat
  moeizaam, dus dat zou fijn zijn' skipped, the municipality correction in the summary not applied.

One loop: 'advieswerk voor het mkb' got 'Dank je. Dat heb ik genoteerd.' six times while the interests
question stayed open. That same thank-you followed by the same question again came for two more people.
"""

from __future__ import annotations

from tests.dialogue.fresh import checks
from tests.dialogue.fresh import person as _p
from tests.e2e.test_personas import Digression

ZW = "zorg_welzijn"
TBE = "techniek_bouw_energie"
ZD = "zakelijke_dienstverlening"
OV = "overheid_veiligheid"
LV = "landbouw_voedsel"
SF = "schoonmaak_facilitair"

PEOPLE = [
    _p(
        "schoonmaakster van 58 met een nulurencontract die met de computer wil leren",
        "goeiemorgen",
        {
            "work_status": "ik maak kantoren schoon voor een schoonmaakbedrijf, met een nul uren contract",
            "employer_size": "dat is een heel groot bedrijf, ze zitten door heel nederland",
            "at_risk_of_job_loss": "nee, schoonmakers hebben ze altijd nodig",
            "hours_per_week": "ongeveer twintig",
            "current_sector": "schoonmaak natuurlijk",
            "education_level": "lagere school en verder niks",
            "age": "achtenvijftig",
            "literacy_need": "ja graag, vooral met de computer",
            "goal": "ik wil beter met de computer overweg kunnen, mijn kleinkinderen doen alles op internet",
            "max_hours_study_per_week": "twee uurtjes",
            "preferred_form": "samen met andere mensen in een lokaal, niet alleen achter een scherm",
            "municipality": "schiedam",
        },
        {
            "work_status": "werknemer_flex",
            "employer_size": "groot",
            "at_risk_of_job_loss": False,
            "hours_per_week": 20,
            "current_sector": SF,
            "education_level": "geen",
            "age": 58,
            "literacy_need": (True, None),
            "goal": "basisvaardigheden",
            "max_hours_study_per_week": 2,
            "preferred_form": "klassikaal",
            "municipality": "Schiedam",
        },
    ),
    _p(
        "orderpicker van 24 via het uitzendbureau die zijn heftruckcertificaat wil",
        "yo",
        {
            "work_status": "uitzendkracht, ik pick orders in een distributiecentrum",
            "employer_size": "het uitzendbureau is best groot denk ik, randstad",
            "at_risk_of_job_loss": "nee joh er is werk zat",
            "hours_per_week": "veertig",
            "current_sector": "in een groot distributiecentrum, dus logistiek",
            "education_level": "mbo 2 logistiek medewerker",
            "age": "24",
            "receives_studiefinanciering": "nee ik ben allang klaar met school",
            "goal": "mijn heftruckcertificaat halen zodat ik meer verdien in het magazijn",
            "sector_interests": "gewoon blijven in het magazijn",
            "max_hours_study_per_week": "drie",
            "preferred_form": "gewoon op de werkvloer, meteen doen",
            "municipality": "waalwijk",
        },
        {
            "work_status": "werknemer_flex",
            "employer_size": "groot",
            "at_risk_of_job_loss": False,
            "hours_per_week": 40,
            "current_sector": "logistiek",
            "education_level": "mbo2",
            "age": 24,
            "receives_studiefinanciering": False,
            "goal": "bijscholen",
            "sector_interests": ["logistiek"],
            "max_hours_study_per_week": 3,
            "preferred_form": "werkend_leren",
            "municipality": "Waalwijk",
        },
    ),
    _p(
        "zelfstandige stukadoor van 44 met kapotte schouders die met jongeren wil werken",
        "hallootjes",
        {
            "work_status": "ik ben stukadoor, zzp al vijftien jaar",
            "hours_per_week": "zo'n vijfenveertig uur",
            "current_sector": "bouw, ik stuc muren en plafonds",
            "current_function": "stukadoor, dat staat er niet tussen",
            "education_level": "vmbo basis en daarna niks meer",
            "age": "44",
            "literacy_need": "nee hoor dat gaat prima",
            "goal": "mijn schouders willen niet meer, ik moet echt iets anders gaan doen",
            "sector_interests": "ik zou graag jongeren begeleiden die het moeilijk hebben",
            "max_hours_study_per_week": "acht",
            "preferred_form": "dat maakt mij eerlijk gezegd niet zoveel uit",
            "municipality": "alkmaar",
        },
        {
            "work_status": "zzp",
            "hours_per_week": 45,
            "current_sector": TBE,
            "current_function": "anders",
            "education_level": "vmbo",
            "age": 44,
            "literacy_need": False,
            "goal": "omscholen",
            "sector_interests": ([ZW], ["onderwijs"], [ZW, "onderwijs"], ["onderwijs", ZW]),
            "max_hours_study_per_week": 8,
            "preferred_form": "geen_voorkeur",
            "municipality": "Alkmaar",
        },
    ),
    _p(
        "verzorgende ig van 39 in de thuiszorg die verpleegkundige wil worden en naar bbl en bol vraagt",
        "hoi",
        {
            "work_status": "ik werk in de thuiszorg met een vast contract",
            "employer_size": "nee, we hebben zo'n twaalfhonderd mensen in dienst",
            "at_risk_of_job_loss": "nee, in de zorg is er juist veel te weinig personeel",
            "hours_per_week": "28 uur",
            "current_sector": "thuiszorg",
            "current_function": "verzorgende ig",
            "education_level": "mbo niveau drie, verzorgende",
            "age": "39",
            "goal": "ik wil mijn niveau 4 halen en verpleegkundige worden",
            "sector_interests": "de wijkverpleging",
            "max_hours_study_per_week": "zes",
            "preferred_form": "bbl, dan kan ik gewoon doorwerken",
            "municipality": "apeldoorn",
        },
        {
            "work_status": "werknemer_vast",
            "employer_size": "groot",
            "at_risk_of_job_loss": False,
            "hours_per_week": 28,
            "current_sector": ZW,
            "current_function": "verzorgende_ig",
            "education_level": "mbo3",
            "age": 39,
            "goal": ("diploma_halen", "bijscholen"),
            "sector_interests": [ZW],
            "max_hours_study_per_week": 6,
            "preferred_form": "werkend_leren",
            "municipality": "Apeldoorn",
        },
        digressions={
            "preferred_form": Digression(
                "wat is eigenlijk het verschil tussen bbl en bol?", kind="faq", faq_key="faq/ask_bbl_bol"
            ),
        },
    ),
    _p(
        "alleenstaande moeder van 34 in de bijstand die doktersassistente wil worden",
        "goedemiddag",
        {
            "work_status": "ik krijg een uitkering van de sociale dienst, ik heb twee kleine kinderen",
            "education_level": "ik ben gestopt op het mbo, dus eigenlijk geen diploma",
            "age": "vierendertig",
            "literacy_need": "nee, lezen en schrijven is geen probleem voor mij",
            "goal": "ik wil een diploma als doktersassistente",
            "sector_interests": "bij de huisarts werken",
            "max_hours_study_per_week": "tien",
            "preferred_form": "overdag als de kinderen op school zitten, in een klas",
            "municipality": "lelystad",
        },
        {
            "work_status": "werkzoekend_bijstand",
            "education_level": "geen",
            "age": 34,
            "literacy_need": False,
            "goal": ("diploma_halen", "omscholen"),
            "sector_interests": [ZW],
            "max_hours_study_per_week": 10,
            "preferred_form": "klassikaal",
            "municipality": "Lelystad",
        },
    ),
    _p(
        "oud-bankmedewerker van 61 in de ww die nog niet weet wat hij wil en naar zijn uitkering vraagt",
        "dag",
        {
            "work_status": "ik ben sinds maart werkloos en krijg ww",
            "education_level": "heao, dus hbo",
            "age": "eenenzestig",
            "goal": "ik weet het eigenlijk nog niet, ik wil eerst alles op een rijtje zetten",
            "sector_interests": "iets met cijfers, boekhouding misschien",
            "max_hours_study_per_week": "twintig uur, ik heb tijd genoeg",
            "preferred_form": "thuis achter mijn laptop",
            "municipality": "amstelveen",
        },
        {
            "work_status": "werkzoekend_ww",
            "education_level": "hbo_bachelor",
            "age": 61,
            "goal": "orienteren",
            "sector_interests": [ZD],
            "max_hours_study_per_week": 20,
            "preferred_form": "online",
            "municipality": "Amstelveen",
        },
        digressions={
            "goal": Digression(
                "krijg ik geen problemen met mijn uitkering als ik een cursus ga doen?",
                kind="faq",
                faq_key="faq/ask_ww_scholing",
            ),
        },
    ),
    _p(
        "jongen van 22 met wajong van de praktijkschool die buiten wil werken",
        "hallo",
        {
            "work_status": "ik heb wajong, ik doe nu dagbesteding",
            "education_level": "ik heb de praktijkschool gedaan",
            "age": "tweeëntwintig",
            "receives_studiefinanciering": "nee, alleen wajong",
            "literacy_need": "ja lezen vind ik moeilijk",
            "goal": "een papiertje halen voor het groen zodat ik echt werk kan krijgen",
            "sector_interests": "buiten werken met planten en bomen",
            "max_hours_study_per_week": "vier",
            "preferred_form": "door het te doen, met iemand die het voordoet",
            "municipality": "emmen",
        },
        {
            "work_status": "arbeidsongeschikt",
            "education_level": "geen",
            "age": 22,
            "receives_studiefinanciering": False,
            "literacy_need": True,
            "goal": "diploma_halen",
            "sector_interests": ["groen"],
            "max_hours_study_per_week": 4,
            "preferred_form": "werkend_leren",
            "municipality": "Emmen",
        },
    ),
    _p(
        "gepensioneerde juf van 68 die nieuwsgierig is en iets met kinderen wil",
        "goedemiddag",
        {
            "work_status": "ik ben met pensioen, ik was juf op een basisschool",
            "education_level": "de pabo, jaren geleden",
            "age": "68",
            "goal": "ik ben gewoon nieuwsgierig wat er allemaal kan, misschien vrijwilligerswerk",
            "sector_interests": "met kinderen, voorlezen of zoiets",
            "max_hours_study_per_week": "zo'n drie uurtjes",
            "preferred_form": "in een klaslokaal met een docent, ouderwets",
            "municipality": "zutphen",
        },
        {
            "work_status": "gepensioneerd",
            "education_level": "hbo_bachelor",
            "age": 68,
            "goal": "orienteren",
            "sector_interests": (
                ["onderwijs"],
                ["kinderopvang"],
                ["onderwijs", "kinderopvang"],
                ["kinderopvang", "onderwijs"],
            ),
            "max_hours_study_per_week": 3,
            "preferred_form": "klassikaal",
            "municipality": "Zutphen",
        },
    ),
    _p(
        "hbo-student verpleegkunde van 20 met een bijbaantje in een cafe",
        "heey",
        {
            "work_status": "ik studeer nog, hbo verpleegkunde, en in het weekend werk ik in een cafe",
            "education_level": "havo",
            "age": "twintig",
            "receives_studiefinanciering": "ja, en ik leen ook nog bij duo",
            "goal": "eerst mijn diploma halen natuurlijk",
            "sector_interests": "ziekenhuis, het liefst op de spoedeisende hulp",
            "max_hours_study_per_week": "vijf naast mijn studie",
            "preferred_form": "stages vind ik het leukst, daar leer je het meest",
            "municipality": "groningen",
        },
        {
            "work_status": "student",
            "education_level": "havo",
            "age": 20,
            "receives_studiefinanciering": True,
            "goal": "diploma_halen",
            "sector_interests": [ZW],
            "max_hours_study_per_week": 5,
            "preferred_form": "werkend_leren",
            "municipality": "Groningen",
        },
    ),
    _p(
        "syrische ingenieur van 31 in de bijstand die eerst beter nederlands wil",
        "goede dag",
        {
            "work_status": "ik heb geen werk. gemeente geeft geld",
            "education_level": "ik ben ingenieur in syrie, universiteit damascus",
            "age": "31 jaar",
            "literacy_need": "ja, nederlands is nog moeilijk",
            "goal": "eerst beter nederlands leren, dan werk",
            "max_hours_study_per_week": "vijftien",
            "preferred_form": "in een klas met een leraar erbij",
            "municipality": "amersfoort",
        },
        {
            "work_status": "werkzoekend_bijstand",
            "education_level": "buitenlands",
            "age": 31,
            "literacy_need": (True, None),
            "goal": "basisvaardigheden",
            "max_hours_study_per_week": 15,
            "preferred_form": "klassikaal",
            "municipality": "Amersfoort",
        },
    ),
    _p(
        "zelfstandige hovenier van 49 die meer klanten wil",
        "middag",
        {
            "work_status": "ik heb een eigen hoveniersbedrijf, zonder personeel",
            "hours_per_week": "in het seizoen wel vijftig",
            "current_sector": "tuinen, ik leg ze aan en onderhoud ze",
            "current_function": "hovenier, ik doe tuinen van particulieren",
            "education_level": "mbo 3 hovenier",
            "age": "negenenveertig",
            "goal": "meer klanten, ik wil mijn bedrijf beter op de kaart zetten",
            "sector_interests": "tuinen, daar blijf ik bij",
            "max_hours_study_per_week": "twee, meer zit er niet in",
            "preferred_form": "een paar avonden cursus, samen met andere ondernemers",
            "municipality": "ede",
        },
        {
            "work_status": "zzp",
            "hours_per_week": 50,
            "current_sector": "groen",
            "current_function": ("medewerker_hovenier", "vakbekwaam_hovenier"),
            "education_level": "mbo3",
            "age": 49,
            "goal": "ondernemen",
            "sector_interests": ["groen"],
            "max_hours_study_per_week": 2,
            "preferred_form": "klassikaal",
            "municipality": "Ede",
        },
    ),
    _p(
        "pedagogisch medewerker van 26 met een jaarcontract dat niet verlengd wordt die naar de pabo wil",
        "hoi!",
        {
            "work_status": "ik heb een jaarcontract bij een kinderdagverblijf",
            "employer_size": "ja, drie locaties, misschien zestig mensen",
            "at_risk_of_job_loss": "ja, ze verlengen mijn contract waarschijnlijk niet",
            "hours_per_week": "achtentwintig",
            "current_sector": "kinderopvang",
            "current_function": "ik sta als pedagogisch medewerker op de peutergroep",
            "education_level": "mbo 4 pedagogisch werk",
            "age": "26",
            "receives_studiefinanciering": "nee",
            "goal": "ik wil de deeltijd pabo gaan doen",
            "sector_interests": "de basisschool, kleuters",
            "max_hours_study_per_week": "twaalf",
            "preferred_form": "'s avonds naar de hogeschool, met echte lessen",
            "municipality": "nijmegen",
        },
        {
            "work_status": "werknemer_flex",
            "employer_size": "mkb",
            "at_risk_of_job_loss": True,
            "hours_per_week": 28,
            "current_sector": "kinderopvang",
            "current_function": "pm_kinderopvang",
            "education_level": "mbo4",
            "age": 26,
            "receives_studiefinanciering": False,
            "goal": ("omscholen", "diploma_halen"),
            "sector_interests": ["onderwijs"],
            "max_hours_study_per_week": 12,
            "preferred_form": "klassikaal",
            "municipality": "Nijmegen",
        },
    ),
    _p(
        "verpleegkundige van 53 in de wia met een hernia die om een mens vraagt en dan zelf verder gaat",
        "goedenavond",
        {
            "work_status": "ik zit in de wia, gedeeltelijk afgekeurd na een hernia",
            "education_level": "inservice verpleegkunde, dat is mbo 4",
            "age": "drieënvijftig",
            "goal": "iets lichters doen achter een bureau, bijvoorbeeld medisch secretaresse",
            "sector_interests": "administratie in de zorg",
            "max_hours_study_per_week": "zes",
            "preferred_form": "online, dan kan ik pauze nemen als mijn rug opspeelt",
            "municipality": "heerlen",
        },
        {
            "work_status": "arbeidsongeschikt",
            "education_level": "mbo4",
            "age": 53,
            "goal": "omscholen",
            "sector_interests": ([ZW], [ZD], [ZW, ZD], [ZD, ZW]),
            "max_hours_study_per_week": 6,
            "preferred_form": "online",
            "municipality": "Heerlen",
        },
        digressions={
            "goal": Digression(
                "kan ik dit niet beter met iemand van jullie bespreken?",
                reply="nee hoor, toch maar niet, ik ga hier verder",
            ),
        },
    ),
    _p(
        "vmbo-leerling van 17 die automonteur wil worden",
        "hoi",
        {
            "work_status": "ik zit nog op school, vmbo 4",
            "education_level": "nog geen, ik doe dit jaar eindexamen",
            "age": "zeventien",
            "receives_studiefinanciering": "nee ik ben nog geen 18",
            "literacy_need": "nee hoor",
            "goal": "ik wil naar het mbo voor automonteur",
            "sector_interests": "auto's, sleutelen",
            "max_hours_study_per_week": "weet ik niet",
            "preferred_form": "bbl lijkt me wel wat, met je handen werken en geld verdienen",
            "municipality": "hoorn",
        },
        {
            "work_status": "student",
            "education_level": "geen",
            "age": 17,
            "receives_studiefinanciering": False,
            "literacy_need": False,
            "goal": "diploma_halen",
            "sector_interests": [TBE],
            "max_hours_study_per_week": None,
            "preferred_form": "werkend_leren",
            "municipality": "Hoorn",
        },
    ),
    _p(
        "vakkenvuller van 31 bij de supermarkt die afdelingsmanager wil worden en naar stap vraagt",
        "hallo",
        {
            "work_status": "ik werk bij de albert heijn, vakkenvullen",
            "employer_size": "de eigenaar heeft drie winkels, zo'n honderdvijftig man",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "32",
            "current_sector": "supermarkt",
            "education_level": "vmbo gt",
            "age": "31",
            "literacy_need": "nee, dank je, ik red me wel met lezen",
            "goal": "ik wil doorgroeien naar afdelingsmanager",
            "sector_interests": "de supermarkt, daar voel ik me thuis",
            "max_hours_study_per_week": "vier",
            "preferred_form": "e-learning op mijn telefoon",
            "municipality": "purmerend",
        },
        {
            "work_status": "werknemer_vast",
            "employer_size": "mkb",
            "at_risk_of_job_loss": False,
            "hours_per_week": 32,
            "current_sector": "retail",
            "education_level": "vmbo",
            "age": 31,
            "literacy_need": False,
            "goal": "bijscholen",
            "sector_interests": ["retail"],
            "max_hours_study_per_week": 4,
            "preferred_form": "online",
            "municipality": "Purmerend",
        },
        narrow_answers={"work_status": "vast, al zes jaar"},
        digressions={
            "preferred_form": Digression("kan ik nog zo'n stap-budget aanvragen?", kind="faq", faq_key="faq/ask_stap"),
        },
    ),
    _p(
        "uitzendkracht van 41 in de kaasfabriek die bij het diploma om een mens vraagt en ja zegt",
        "hallo",
        {
            "work_status": "ik werk via het uitzendbureau in de kaasfabriek",
            "employer_size": "geen idee hoeveel mensen daar werken",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "veertig, soms meer",
            "current_sector": "voedingsmiddelen, kaas maken",
        },
        {
            "work_status": "werknemer_flex",
            "employer_size": None,
            "at_risk_of_job_loss": False,
            "hours_per_week": 40,
            "current_sector": LV,
        },
        digressions={
            "education_level": Digression(
                "pff dit is moeilijk voor mij, kan ik iemand aan de telefoon krijgen?", reply="ja, heel graag zelfs"
            ),
        },
        expect_handoff=True,
    ),
    _p(
        "freelance vertaler van 45 die bang is voor ai en iets met data wil",
        "goedemorgen",
        {
            "work_status": "freelance vertaler engels-nederlands",
            "hours_per_week": "zo'n dertig",
            "current_sector": "vertalen, dat is toch iets anders",
            "education_level": "universiteit, engelse taal en cultuur, doctoraal",
            "age": "45",
            "goal": "iets heel anders gaan doen, vertalen wordt door ai overgenomen",
            "sector_interests": "ict, met data werken",
            "max_hours_study_per_week": "tien tot twaalf",
            "preferred_form": "zelf studeren in mijn eigen tempo, via internet",
            "municipality": "utrecht",
        },
        {
            "work_status": "zzp",
            "hours_per_week": 30,
            "current_sector": ("anders", ZD, "cultuur"),
            "education_level": "wo_master",
            "age": 45,
            "goal": "omscholen",
            "sector_interests": ["ict"],
            "max_hours_study_per_week": (10, 12),
            "preferred_form": "online",
            "municipality": "Utrecht",
        },
    ),
    _p(
        "metaalbewerker van 57 in de ww na een faillissement die hulp met de computer wil",
        "goeiendag",
        {
            "work_status": "de fabriek is failliet en nu zit ik in de ww",
            "education_level": "lts",
            "age": "zevenenvijftig",
            "literacy_need": "computer is niet mijn ding, daar wil ik wel hulp bij",
            "goal": "weer aan het werk, maakt niet uit wat, als het maar met mijn handen is",
            "sector_interests": "techniek, metaal, lassen",
            "max_hours_study_per_week": "dertig als het moet",
            "preferred_form": "in de praktijk, een leerwerkplek",
            "municipality": "helmond",
        },
        {
            "work_status": "werkzoekend_ww",
            "education_level": "vmbo",
            "age": 57,
            "literacy_need": True,
            "goal": ("omscholen", "orienteren"),
            "sector_interests": [TBE],
            "max_hours_study_per_week": 30,
            "preferred_form": "werkend_leren",
            "municipality": "Helmond",
        },
    ),
    _p(
        "huisman van 36 zonder uitkering die handhaver wil worden",
        "hallo",
        {
            "work_status": "ik zoek werk maar krijg niks, mijn vrouw verdient te veel",
            "education_level": "ik heb mijn havo diploma",
            "age": "36",
            "goal": "boa worden, handhaver bij de gemeente",
            "sector_interests": "handhaving, veiligheid op straat",
            "max_hours_study_per_week": "zestien",
            "preferred_form": "alles is goed, als het maar niet te duur is",
            "municipality": "almere",
        },
        {
            "work_status": "werkzoekend_zonder_uitkering",
            "education_level": "havo",
            "age": 36,
            "goal": ("omscholen", "diploma_halen"),
            "sector_interests": [OV],
            "max_hours_study_per_week": 16,
            "preferred_form": "geen_voorkeur",
            "municipality": "Almere",
        },
    ),
    _p(
        "oproepkracht van 27 achter de bar op festivals die haar leeftijd verbetert en een eigen bureau wil",
        "hey",
        {
            "work_status": "ik ben oproepkracht bij een evenementenbureau, ik sta achter de bar op festivals",
            "employer_size": "klein clubje, een man of twintig vast",
            "at_risk_of_job_loss": "nee, het loopt juist heel goed",
            "hours_per_week": "het wisselt, gemiddeld een uur of zestien",
            "current_sector": "evenementen, horeca eigenlijk",
            "education_level": "mbo 4 eventmanagement",
            "age": "vijfentwintig, sorry, zevenentwintig bedoel ik",
            "receives_studiefinanciering": "nee",
            "goal": "mijn eigen evenementenbureau beginnen",
            "sector_interests": "evenementen organiseren",
            "max_hours_study_per_week": "zes",
            "preferred_form": "op locatie, in een groep",
            "municipality": "rotterdam",
        },
        {
            "work_status": "werknemer_flex",
            "employer_size": "mkb",
            "at_risk_of_job_loss": False,
            "hours_per_week": 16,
            "current_sector": "horeca",
            "education_level": "mbo4",
            "age": 27,
            "receives_studiefinanciering": False,
            "goal": "ondernemen",
            "sector_interests": (["horeca"], ["cultuur"], ["anders"]),
            "max_hours_study_per_week": 6,
            "preferred_form": "klassikaal",
            "municipality": "Rotterdam",
        },
    ),
    _p(
        "elektricien van 29 bij een landelijk installatiebedrijf die technicus wil worden",
        "goedemorgen",
        {
            "work_status": "ik ben elektricien en heb een vast contract",
            "employer_size": "nee groter, het is een landelijk installatiebedrijf",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "40",
            "current_sector": "elektrotechniek",
            "current_function": "elektromonteur",
            "education_level": "mbo niveau 3 elektrotechniek",
            "age": "negenentwintig",
            "receives_studiefinanciering": "nee, allang niet meer",
            "goal": "mijn mbo 4 halen zodat ik technicus kan worden",
            "sector_interests": "laadpalen en zonnepanelen installeren",
            "max_hours_study_per_week": "vijf",
            "preferred_form": "bbl via mijn werkgever",
            "municipality": "deventer",
        },
        {
            "work_status": "werknemer_vast",
            "employer_size": "groot",
            "at_risk_of_job_loss": False,
            "hours_per_week": 40,
            "current_sector": TBE,
            "current_function": "monteur_et",
            "education_level": "mbo3",
            "age": 29,
            "receives_studiefinanciering": False,
            "goal": ("diploma_halen", "bijscholen"),
            "sector_interests": [TBE],
            "max_hours_study_per_week": 5,
            "preferred_form": "werkend_leren",
            "municipality": "Deventer",
        },
    ),
    _p(
        "weduwe van 72 die wil leren internetbankieren",
        "goedemiddag meneer",
        {
            "work_status": "ik ben al een hele tijd met pensioen",
            "education_level": "de huishoudschool, heel lang geleden",
            "age": "tweeënzeventig",
            "goal": "ik wil leren internetbankieren en mailen met mijn kinderen",
            "max_hours_study_per_week": "een middag in de week",
            "preferred_form": "in de bibliotheek, daar geven ze lessen",
            "municipality": "sittard",
        },
        {
            "work_status": "gepensioneerd",
            "education_level": "vmbo",
            "age": 72,
            "goal": "basisvaardigheden",
            "preferred_form": "klassikaal",
            "municipality": ("Sittard-Geleen", "Sittard"),
        },
    ),
    _p(
        "kok van 45 in de bijstand zonder diploma die vraagt wat een cursus kost",
        "hallo",
        {
            "work_status": "ik was kok maar na mijn scheiding ben ik in de bijstand beland",
            "education_level": "geen diploma, wel jaren in de keuken gestaan",
            "age": "vijfenveertig",
            "literacy_need": "schrijven gaat moeizaam, dus dat zou fijn zijn",
            "goal": "mijn koksdiploma halen, dan kan ik weer aan de slag",
            "sector_interests": "koken, de keuken",
            "max_hours_study_per_week": "twaalf",
            "preferred_form": "in een keuken, leren terwijl ik werk",
            "municipality": "den helder",
        },
        {
            "work_status": "werkzoekend_bijstand",
            "education_level": "geen",
            "age": 45,
            "literacy_need": True,
            "goal": "diploma_halen",
            "sector_interests": ["horeca"],
            "max_hours_study_per_week": 12,
            "preferred_form": "werkend_leren",
            "municipality": "Den Helder",
        },
        digressions={
            "municipality": Digression(
                "moet ik zo'n opleiding zelf betalen of krijg ik hulp?", kind="faq", faq_key="faq/ask_cost"
            ),
        },
    ),
    _p(
        "poolse tomatenplukker van 38 via een uitzendbureau die beter nederlands wil",
        "hallo, ik ben marek",
        {
            "work_status": "ik werk uitzendbureau in kas, tomaten",
            "employer_size": "weet niet precies",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "45 uur",
            "current_sector": "tuinbouw, tomaat",
            "current_function": "tomaten plukken en inpakken",
            "education_level": "ik heb in polen het technikum gedaan",
            "age": "38",
            "literacy_need": "ja, nederlands lezen moeilijk",
            "goal": "beter nederlands spreken voor werk",
            "max_hours_study_per_week": "drie",
            "preferred_form": "avond les, in klas",
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
            "age": 38,
            "literacy_need": (True, None),
            "goal": "basisvaardigheden",
            "max_hours_study_per_week": 3,
            "preferred_form": "klassikaal",
            "municipality": "Westland",
        },
    ),
    _p(
        "caissiere van 62 die bang is voor de zelfscankassa",
        "goedemiddag",
        {
            "work_status": "vast contract bij de hema, achter de kassa",
            "employer_size": "de hema is groot hoor",
            "at_risk_of_job_loss": "ja, er komen steeds meer zelfscankassa's, straks hebben ze mij niet meer nodig",
            "hours_per_week": "achttien",
            "current_sector": "winkel",
            "education_level": "mulo",
            "age": "62",
            "literacy_need": "nee hoor, dat gaat wel",
            "goal": "bijblijven, leren werken met de nieuwe systemen in de winkel",
            "sector_interests": "gewoon in de winkel blijven",
            "max_hours_study_per_week": "twee",
            "preferred_form": "liefst op mijn werk, tussen de klanten door",
            "municipality": "gouda",
        },
        {
            "work_status": "werknemer_vast",
            "employer_size": "groot",
            "at_risk_of_job_loss": True,
            "hours_per_week": 18,
            "current_sector": "retail",
            "education_level": "vmbo",
            "age": 62,
            "literacy_need": False,
            "goal": ("bijscholen", "basisvaardigheden"),
            "sector_interests": ["retail"],
            "max_hours_study_per_week": 2,
            "preferred_form": "werkend_leren",
            "municipality": "Gouda",
        },
    ),
    _p(
        "zelfstandige pedicure van 50 die zich in diabetische voeten wil specialiseren",
        "hallo",
        {
            "work_status": "ik heb een eigen pedicurepraktijk aan huis",
            "hours_per_week": "vierentwintig uur",
            "current_sector": "pedicure, voetverzorging",
            "current_function": "pedicure, dat staat er niet bij",
            "education_level": "mbo 3 pedicure",
            "age": "vijftig",
            "goal": "ik wil me specialiseren in diabetische voeten",
            "sector_interests": "medische pedicure, de zorg",
            "max_hours_study_per_week": "vier",
            "preferred_form": "lessen op een opleidingsinstituut, een keer per maand",
            "municipality": "harderwijk",
        },
        {
            "work_status": "zzp",
            "hours_per_week": 24,
            "current_sector": (ZW, "anders"),
            "current_function": "anders",
            "education_level": "mbo3",
            "age": 50,
            "goal": "bijscholen",
            "sector_interests": [ZW],
            "max_hours_study_per_week": 4,
            "preferred_form": "klassikaal",
            "municipality": "Harderwijk",
        },
    ),
    _p(
        "callcentermedewerker van 23 via payroll met tikfouten die wil leren programmeren",
        "hallo",
        {
            "work_status": "ik werk bij een calcenter via payrol",
            "employer_size": "eerlijk gezegd heb ik geen flauw idee",
            "at_risk_of_job_loss": "ze verhuizen de klantenservice naar het buitenland dus ja misschien wel",
            "hours_per_week": "32 uur",
            "current_sector": "klantenservice van een energiebedrijf",
            "education_level": "havo niet afgemaakt, wel mijn mavo",
            "age": "drieentwintig",
            "receives_studiefinanciering": "nee",
            "literacy_need": "nee",
            "goal": "ik wil de ict in, programeren",
            "sector_interests": "ict",
            "max_hours_study_per_week": "tien",
            "preferred_form": "online cursussen, een beetje zoals youtube",
            "municipality": "arnhem",
        },
        {
            "work_status": "werknemer_flex",
            "employer_size": None,
            "at_risk_of_job_loss": True,
            "hours_per_week": 32,
            "current_sector": (ZD, "anders"),
            "education_level": "vmbo",
            "age": 23,
            "receives_studiefinanciering": False,
            "literacy_need": False,
            "goal": "omscholen",
            "sector_interests": ["ict"],
            "max_hours_study_per_week": 10,
            "preferred_form": "online",
            "municipality": "Arnhem",
        },
    ),
    _p(
        "sociaal werker van 40 in de ziektewet met een burn-out die haar leeftijd in de samenvatting verbetert",
        "hoi",
        {
            "work_status": "ik zit al een half jaar in de ziektewet, burn-out",
            "education_level": "ik heb hbo sociaal werk afgerond",
            "age": "40",
            "goal": "geen idee eigenlijk, daar wil ik juist hulp bij",
            "sector_interests": "weet ik niet",
            "max_hours_study_per_week": "drie hooguit",
            "preferred_form": "rustig thuis, online",
            "municipality": "woerden",
        },
        {
            "work_status": "arbeidsongeschikt",
            "education_level": "hbo_bachelor",
            "age": 41,
            "goal": "orienteren",
            "sector_interests": (None, []),
            "max_hours_study_per_week": 3,
            "preferred_form": "online",
            "municipality": "Woerden",
        },
        summary_fix="mijn leeftijd klopt niet, ik ben 41",
    ),
    _p(
        "oud-bankmedewerker van 47 in de ww die zich bij het diploma verbetert en economieleraar wil worden",
        "goedendag",
        {
            "work_status": "ik ben na een reorganisatie bij de bank in de ww gekomen",
            "education_level": "mbo 4, o nee, ik heb later nog hbo bedrijfskunde in deeltijd afgemaakt",
            "age": "zevenenveertig",
            "goal": "ik wil het onderwijs in, economie geven op een middelbare school",
            "sector_interests": "lesgeven aan pubers",
            "max_hours_study_per_week": "twintig",
            "preferred_form": "een zij-instroomtraject, dus meteen voor de klas en ondertussen leren",
            "municipality": "zeist",
        },
        {
            "work_status": "werkzoekend_ww",
            "education_level": "hbo_bachelor",
            "age": 47,
            "goal": "omscholen",
            "sector_interests": ["onderwijs"],
            "max_hours_study_per_week": 20,
            "preferred_form": "werkend_leren",
            "municipality": "Zeist",
        },
    ),
    _p(
        "bakkersknecht van 19 in de bakkerij van zijn oom die banketbakker wil worden",
        "hoi",
        {
            "work_status": "ik werk in de bakkerij van mijn oom, vast",
            "employer_size": "ja, we zijn met vijf man",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "zesendertig",
            "current_sector": "bakkerij",
            "education_level": "vmbo bb",
            "age": "19",
            "receives_studiefinanciering": "nee",
            "literacy_need": "rekenen is lastig, ja daar wil ik hulp bij",
            "goal": "ik wil banketbakker worden, met diploma",
            "sector_interests": "bakken, taarten maken",
            "max_hours_study_per_week": "acht",
            "preferred_form": "op school en in de bakkerij tegelijk",
            "municipality": "tiel",
        },
        {
            "work_status": "werknemer_vast",
            "employer_size": "mkb",
            "at_risk_of_job_loss": False,
            "hours_per_week": 36,
            "current_sector": (LV, "retail", "horeca", "anders"),
            "education_level": "vmbo",
            "age": 19,
            "receives_studiefinanciering": False,
            "literacy_need": True,
            "goal": ("diploma_halen", "bijscholen"),
            "sector_interests": ([LV], ["horeca"], ["retail"], ["anders"]),
            "max_hours_study_per_week": 8,
            "preferred_form": "werkend_leren",
            "municipality": "Tiel",
        },
    ),
    _p(
        "beroepsmilitair van 33 die naar de politie wil",
        "goedemorgen",
        {
            "work_status": "ik zit bij de landmacht, vaste aanstelling",
            "employer_size": "defensie is enorm, dus nee",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "veertig",
            "current_sector": "defensie",
            "education_level": "mbo 2, gehaald via de landmacht",
            "age": "drieëndertig",
            "goal": "na de landmacht wil ik de politie in",
            "sector_interests": "bij de politie, de straat op",
            "max_hours_study_per_week": "zes",
            "preferred_form": "fysiek in een groep, echt niet achter een computer",
            "municipality": "assen",
        },
        {
            "work_status": "werknemer_vast",
            "employer_size": "groot",
            "at_risk_of_job_loss": False,
            "hours_per_week": 40,
            "current_sector": OV,
            "education_level": "mbo2",
            "age": 33,
            "goal": "omscholen",
            "sector_interests": [OV],
            "max_hours_study_per_week": 6,
            "preferred_form": "klassikaal",
            "municipality": "Assen",
        },
    ),
    _p(
        "havo-leerling van 16 die iets met dieren wil en vraagt wat koers is",
        "hallo",
        {
            "work_status": "ik zit in havo 4",
            "education_level": "nog niks, alleen de basisschool",
            "age": "16",
            "receives_studiefinanciering": "nee",
            "literacy_need": "nee hoor",
            "goal": "later iets met dieren, dierenarts of zo",
            "sector_interests": "dieren",
            "max_hours_study_per_week": "twee",
            "preferred_form": "in de klas, met uitleg van een leraar",
            "municipality": "uden",
        },
        {
            "work_status": "student",
            "education_level": "geen",
            "age": 16,
            "receives_studiefinanciering": False,
            "literacy_need": False,
            "goal": ("diploma_halen", "orienteren"),
            "sector_interests": ([LV], ["anders"], [ZW]),
            "max_hours_study_per_week": 2,
            "preferred_form": "klassikaal",
            "municipality": ("Maashorst", "Uden"),
        },
        digressions={
            "work_status": Digression("wat is koers eigenlijk?", kind="faq", faq_key="faq/ask_what_is_koers"),
        },
    ),
    _p(
        "afghaanse moeder van 42 zonder school die in de kinderopvang wil werken",
        "salam, goedemiddag",
        {
            "work_status": "geld van sociale dienst, geen werk",
            "education_level": "ik heb niet naar school geweest",
            "age": "42 jaar",
            "literacy_need": "ja, nederlandse brieven lezen en schrijven is moeilijk",
            "goal": "ik wil werken in kinderopvang",
            "sector_interests": "kinderen",
            "max_hours_study_per_week": "acht",
            "preferred_form": "in klas met andere vrouwen",
            "municipality": "zaanstad",
        },
        {
            "work_status": "werkzoekend_bijstand",
            "education_level": "geen",
            "age": 42,
            "literacy_need": True,
            "goal": ("omscholen", "diploma_halen"),
            "sector_interests": (["kinderopvang"], ["kinderopvang", "onderwijs"], ["onderwijs", "kinderopvang"]),
            "max_hours_study_per_week": 8,
            "preferred_form": "klassikaal",
            "municipality": "Zaanstad",
        },
    ),
    _p(
        "ict'er van 37 bij de belastingdienst die zich in security wil specialiseren",
        "goedemorgen",
        {
            "work_status": "ambtenaar, vast, ik doe ict bij de belastingdienst",
            "employer_size": "het is de rijksoverheid, dus heel groot",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "36",
            "current_sector": "ict bij de overheid",
            "education_level": "informatica op de hogeschool",
            "age": "37",
            "goal": "me verder specialiseren in security",
            "sector_interests": "cybersecurity",
            "max_hours_study_per_week": "acht",
            "preferred_form": "online met certificaten, in mijn eigen tempo",
            "municipality": "zoetermeer",
        },
        {
            "work_status": "werknemer_vast",
            "employer_size": "groot",
            "at_risk_of_job_loss": False,
            "hours_per_week": 36,
            "current_sector": ("ict", OV),
            "education_level": "hbo_bachelor",
            "age": 37,
            "goal": "bijscholen",
            "sector_interests": ["ict"],
            "max_hours_study_per_week": 8,
            "preferred_form": "online",
            "municipality": "Zoetermeer",
        },
    ),
    _p(
        "schoonheidsspecialiste van 30 met een eigen salon die de zorg in wil",
        "hoi hoi",
        {
            "work_status": "ik heb mijn eigen schoonheidssalon",
            "hours_per_week": "dertig uur",
            "current_sector": "schoonheidsverzorging",
            "education_level": "mbo 4 schoonheidsspecialiste",
            "age": "dertig",
            "goal": "ik wil de zorg in, verpleegkundige worden",
            "sector_interests": "in een ziekenhuis op een afdeling",
            "max_hours_study_per_week": "vijftien",
            "preferred_form": "leren in het ziekenhuis zelf, met een leerwerkplek",
            "municipality": "breda",
        },
        {
            "work_status": "zzp",
            "hours_per_week": 30,
            "current_sector": "anders",
            "education_level": "mbo4",
            "age": 30,
            "goal": ("omscholen", "diploma_halen"),
            "sector_interests": [ZW],
            "max_hours_study_per_week": 15,
            "preferred_form": "werkend_leren",
            "municipality": "Breda",
        },
    ),
    _p(
        "onderwijsassistent van 35 met een tijdelijk contract die juf wil worden",
        "hallo",
        {
            "work_status": "tijdelijk contract als onderwijsassistent",
            "employer_size": "de stichting heeft twintig scholen, zo'n zeshonderd man",
            "at_risk_of_job_loss": "nee, ik krijg waarschijnlijk een vaste aanstelling",
            "hours_per_week": "vierentwintig",
            "current_sector": "basisonderwijs",
            "education_level": "mbo 4, de opleiding onderwijsassistent",
            "age": "35",
            "goal": "juf worden, de pabo doen",
            "sector_interests": "onderwijs, groep een en twee",
            "max_hours_study_per_week": "tien",
            "preferred_form": "een deeltijdopleiding naast mijn werk op school",
            "municipality": "veenendaal",
        },
        {
            "work_status": "werknemer_flex",
            "employer_size": "groot",
            "at_risk_of_job_loss": False,
            "hours_per_week": 24,
            "current_sector": "onderwijs",
            "education_level": "mbo4",
            "age": 35,
            "goal": ("diploma_halen", "bijscholen"),
            "sector_interests": ["onderwijs"],
            "max_hours_study_per_week": 10,
            "preferred_form": ("werkend_leren", "klassikaal"),
            "municipality": "Veenendaal",
        },
    ),
    _p(
        "begeleider gehandicaptenzorg van 44 die sociaal werker wil worden en naar ontwikkelpaden vraagt",
        "goedemiddag",
        {
            "work_status": "ik werk vast in de gehandicaptenzorg",
            "employer_size": "een grote instelling, meer dan duizend collega's",
            "at_risk_of_job_loss": "nee hoor",
            "hours_per_week": "32",
            "current_sector": "gehandicaptenzorg",
            "current_function": "persoonlijk begeleider op een woongroep",
            "education_level": "mbo 4 mmz",
            "age": "44",
            "goal": "doorgroeien naar sociaal werker op hbo niveau",
            "sector_interests": "sociaal werk in de wijk",
            "max_hours_study_per_week": "acht",
            "preferred_form": "deeltijd naast mijn baan, met praktijkopdrachten op het werk",
            "municipality": "oss",
        },
        {
            "work_status": "werknemer_vast",
            "employer_size": "groot",
            "at_risk_of_job_loss": False,
            "hours_per_week": 32,
            "current_sector": ZW,
            "current_function": "begeleider_gz",
            "education_level": "mbo4",
            "age": 44,
            "goal": ("bijscholen", "diploma_halen"),
            "sector_interests": [ZW],
            "max_hours_study_per_week": 8,
            "preferred_form": "werkend_leren",
            "municipality": "Oss",
        },
        digressions={
            "goal": Digression(
                "wat zijn die ontwikkelpaden waar mijn teamleider het over had?",
                kind="faq",
                faq_key="faq/ask_ontwikkelpaden",
            ),
        },
    ),
    _p(
        "jonge man van 28 in de bijstand zonder diploma die in een magazijn wil werken",
        "hallo",
        {
            "work_status": "ik leef van de bijstand sinds een jaar",
            "education_level": "geen, ik ben in de derde van school gegaan",
            "age": "achtentwintig",
            "receives_studiefinanciering": "nee ik krijg geen studiefinanciering",
            "literacy_need": "ja met rekenen",
            "goal": "een baan vinden in een magazijn of zo, en daarvoor een cursus doen",
            "sector_interests": "logistiek, magazijn",
            "max_hours_study_per_week": "twintig",
            "preferred_form": "niet in een klas, liever meteen aan het werk en daar leren",
            "municipality": "maastricht",
        },
        {
            "work_status": "werkzoekend_bijstand",
            "education_level": "geen",
            "age": 28,
            "receives_studiefinanciering": False,
            "literacy_need": True,
            "goal": ("omscholen", "orienteren"),
            "sector_interests": ["logistiek"],
            "max_hours_study_per_week": 20,
            "preferred_form": "werkend_leren",
            "municipality": "Maastricht",
        },
    ),
    _p(
        "inkoper van 52 in de ww die een webwinkel in tuinmeubels wil beginnen",
        "goedenmiddag",
        {
            "work_status": "ik heb een ww uitkering sinds mei",
            "education_level": "hbo commerciele economie",
            "age": "52",
            "goal": "voor mezelf beginnen, een webwinkel in tuinmeubels",
            "sector_interests": "verkoop, online handel",
            "max_hours_study_per_week": "vijftien",
            "preferred_form": "een korte training in een groep met andere starters",
            "municipality": "hengelo",
        },
        {
            "work_status": "werkzoekend_ww",
            "education_level": "hbo_bachelor",
            "age": 52,
            "goal": "ondernemen",
            "sector_interests": (
                ["retail"],
                [ZD],
                ["retail", ZD],
                [ZD, "retail"],
                ["retail", "ict"],
                ["ict", "retail"],
            ),
            "max_hours_study_per_week": 15,
            "preferred_form": "klassikaal",
            "municipality": "Hengelo",
        },
    ),
    _p(
        "kok van 34 in een klein restaurant die eerst een mens wil en dan toch zelf verder gaat",
        "goedemiddag, ik wil eigenlijk liever met een mens praten",
        {
            "work_status": "ik ben kok in een restaurant, vast contract",
            "employer_size": "het is een klein restaurant, twaalf man",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "achtendertig",
            "current_sector": "horeca",
            "education_level": "mbo 2, zelfstandig werkend kok",
            "age": "34",
            "goal": "chef-kok worden, meer leiding geven in de keuken",
            "sector_interests": "in de keuken blijven",
            "max_hours_study_per_week": "vier",
            "preferred_form": "meelopen met een goede chef",
            "municipality": "leiden",
        },
        {
            "work_status": "werknemer_vast",
            "employer_size": "mkb",
            "at_risk_of_job_loss": False,
            "hours_per_week": 38,
            "current_sector": "horeca",
            "education_level": "mbo2",
            "age": 34,
            "goal": "bijscholen",
            "sector_interests": ["horeca"],
            "max_hours_study_per_week": 4,
            "preferred_form": "werkend_leren",
            "municipality": "Leiden",
        },
        offer_reply="nee, toch niet, ik probeer het eerst hier",
    ),
    _p(
        "jonge vrouw van 25 met wajong en autisme die softwaretester wil worden",
        "hallo",
        {
            "work_status": "ik heb een wajong uitkering vanwege autisme",
            "education_level": "havo",
            "age": "25",
            "receives_studiefinanciering": "nee",
            "goal": "graag een opleiding tot software tester doen",
            "sector_interests": "computers, software testen",
            "max_hours_study_per_week": "twaalf",
            "preferred_form": "alleen, thuis, online. groepen vind ik moeilijk",
            "municipality": "dordrecht",
        },
        {
            "work_status": "arbeidsongeschikt",
            "education_level": "havo",
            "age": 25,
            "receives_studiefinanciering": False,
            "goal": ("diploma_halen", "omscholen"),
            "sector_interests": ["ict"],
            "max_hours_study_per_week": 12,
            "preferred_form": "online",
            "municipality": "Dordrecht",
        },
    ),
    _p(
        "gepensioneerde bedrijfskundige van 66 die als zelfstandig adviseur wil beginnen",
        "goedemorgen",
        {
            "work_status": "sinds kort met pensioen, maar ik wil nog wat doen",
            "education_level": "universiteit, doctoraal bedrijfskunde",
            "age": "zesenzestig",
            "goal": "als zelfstandige adviseur kleine bedrijven helpen, een paar dagen per week",
            "sector_interests": "advieswerk voor het mkb",
            "max_hours_study_per_week": "tien",
            "preferred_form": "het maakt mij weinig uit",
            "municipality": "wassenaar",
        },
        {
            "work_status": "gepensioneerd",
            "education_level": "wo_master",
            "age": 66,
            "goal": "ondernemen",
            "sector_interests": [ZD],
            "max_hours_study_per_week": 10,
            "preferred_form": "geen_voorkeur",
            "municipality": "Wassenaar",
        },
    ),
    _p(
        "buschauffeur van 59 die rijinstructeur wil worden",
        "goeiemiddag",
        {
            "work_status": "buschauffeur bij arriva, vast",
            "employer_size": "arriva is groot",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "zesendertig",
            "current_sector": "het openbaar vervoer, streekbussen",
            "current_function": "buschauffeur",
            "education_level": "mavo",
            "age": "59",
            "literacy_need": "nee",
            "goal": "rijinstructeur worden, dan kan ik mijn eigen tijd indelen",
            "sector_interests": "autorijles geven",
            "max_hours_study_per_week": "vijf",
            "preferred_form": "avondschool",
            "municipality": "spijkenisse",
        },
        {
            "work_status": "werknemer_vast",
            "employer_size": "groot",
            "at_risk_of_job_loss": False,
            "hours_per_week": 36,
            "current_sector": ("logistiek", TBE, "anders"),
            "current_function": "anders",
            "education_level": "vmbo",
            "age": 59,
            "literacy_need": False,
            "goal": ("omscholen", "ondernemen"),
            "sector_interests": (["logistiek"], ["anders"], ["onderwijs"]),
            "max_hours_study_per_week": 5,
            "preferred_form": "klassikaal",
            "municipality": ("Nissewaard", "Spijkenisse"),
        },
    ),
    _p(
        "rechtenstudent van 23 die haar gemeente in de samenvatting verbetert",
        "hoi",
        {
            "work_status": "ik studeer rechten aan de uva",
            "education_level": "vwo",
            "age": "23",
            "receives_studiefinanciering": "ja, de basisbeurs",
            "goal": "eerst mijn master halen, daarna advocaat worden",
            "sector_interests": "de advocatuur",
            "max_hours_study_per_week": "wel veertig, studeren is mijn fulltime baan",
            "preferred_form": "hoorcolleges, gewoon in de collegezaal",
            "municipality": "amsterdam",
        },
        {
            "work_status": "student",
            "education_level": "vwo",
            "age": 23,
            "receives_studiefinanciering": True,
            "goal": "diploma_halen",
            "sector_interests": ([ZD], [OV], ["anders"]),
            "max_hours_study_per_week": 40,
            "preferred_form": "klassikaal",
            "municipality": "Diemen",
        },
        summary_fix="ik woon niet in amsterdam maar in diemen",
    ),
    _p(
        "huishoudelijke hulp van 48 met nul uren die verzorgende wil worden",
        "hallo",
        {
            "work_status": "ik ben huishoudelijke hulp via een thuiszorgorganisatie, nul uren",
            "employer_size": "groot geloof ik, honderden mensen",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "vijftien",
            "current_sector": "thuiszorg",
            "current_function": "huishoudelijke hulp, dat staat er niet bij",
            "education_level": "ik heb geen enkel diploma",
            "age": "48",
            "literacy_need": "ja, met de computer heb ik moeite",
            "goal": "ik wil verzorgende worden, dan verdien ik meer",
            "sector_interests": "voor ouderen zorgen, thuis bij de mensen",
            "max_hours_study_per_week": "acht",
            "preferred_form": "werken en een dag per week naar school",
            "municipality": "kerkrade",
        },
        {
            "work_status": "werknemer_flex",
            "employer_size": "groot",
            "at_risk_of_job_loss": False,
            "hours_per_week": 15,
            "current_sector": ZW,
            "current_function": ("anders", "helpende"),
            "education_level": "geen",
            "age": 48,
            "literacy_need": True,
            "goal": ("diploma_halen", "bijscholen", "omscholen"),
            "sector_interests": [ZW],
            "max_hours_study_per_week": 8,
            "preferred_form": "werkend_leren",
            "municipality": "Kerkrade",
        },
    ),
    _p(
        "zelfstandig it-consultant van 41 die bij wil blijven met ai en naar de kosten vraagt",
        "goedemorgen",
        {
            "work_status": "ik heb een eenmanszaak, ik ben it consultant",
            "hours_per_week": "veertig",
            "current_sector": "ict",
            "education_level": "hbo",
            "age": "41",
            "goal": "bijblijven, vooral met ai en cloud",
            "sector_interests": "ict",
            "max_hours_study_per_week": "zes",
            "preferred_form": "'s avonds online cursussen, ik reis veel",
            "municipality": "den bosch",
        },
        {
            "work_status": "zzp",
            "hours_per_week": 40,
            "current_sector": "ict",
            "education_level": "hbo_bachelor",
            "age": 41,
            "goal": "bijscholen",
            "sector_interests": ["ict"],
            "max_hours_study_per_week": 6,
            "preferred_form": "online",
            "municipality": ("'s-Hertogenbosch", "Den Bosch"),
        },
        digressions={
            "preferred_form": Digression(
                "wie betaalt dat dan, kan ik dat aftrekken?", kind="faq", faq_key="faq/ask_cost"
            ),
        },
    ),
    _p(
        "schoolverlater van 19 zonder uitkering die een startkwalificatie wil en vraagt wat dat is",
        "hey",
        {
            "work_status": "ik heb geen werk en geen uitkering, ik ben gestopt met school",
            "education_level": "entree opleiding, mbo niveau 1",
            "age": "negentien",
            "receives_studiefinanciering": "nee, ik ben gestopt dus ik krijg niks meer",
            "literacy_need": "nee",
            "goal": "een startkwalificatie halen, mbo 2",
            "sector_interests": "winkel of magazijn, maakt niet uit",
            "max_hours_study_per_week": "twintig",
            "preferred_form": "bbl, dan verdien ik tenminste wat",
            "municipality": "vlaardingen",
        },
        {
            "work_status": "werkzoekend_zonder_uitkering",
            "education_level": "mbo1",
            "age": 19,
            "receives_studiefinanciering": False,
            "literacy_need": False,
            "goal": "diploma_halen",
            "sector_interests": (["retail", "logistiek"], ["logistiek", "retail"]),
            "max_hours_study_per_week": 20,
            "preferred_form": "werkend_leren",
            "municipality": "Vlaardingen",
        },
        digressions={
            "goal": Digression(
                "wat is een startkwalificatie precies?", kind="faq", faq_key="faq/ask_startkwalificatie"
            ),
        },
    ),
    _p(
        "lasrobotoperator van 45 die niet weet of zijn baan veilig is en robots wil leren programmeren",
        "goedendag",
        {
            "work_status": "vast, ik sta aan de lasrobot in een metaalbedrijf",
            "employer_size": "zo'n driehonderd man",
            "at_risk_of_job_loss": "weet ik niet",
            "hours_per_week": "40",
            "current_sector": "metaal",
            "current_function": "operator bij de lasrobot",
            "education_level": "vmbo kader metaal",
            "age": "45",
            "literacy_need": "nee hoor, lezen en rekenen gaat me prima af",
            "goal": "mijn vak beter leren, robots programmeren",
            "sector_interests": "robotica, techniek",
            "max_hours_study_per_week": "zes",
            "preferred_form": "in de fabriek zelf, met de leverancier van de robots",
            "municipality": "veghel",
        },
        {
            "work_status": "werknemer_vast",
            "employer_size": "groot",
            "at_risk_of_job_loss": None,
            "hours_per_week": 40,
            "current_sector": TBE,
            "current_function": ("anders", "assistent_techniek"),
            "education_level": "vmbo",
            "age": 45,
            "literacy_need": False,
            "goal": "bijscholen",
            "sector_interests": [TBE],
            "max_hours_study_per_week": 6,
            "preferred_form": "werkend_leren",
            "municipality": ("Meierijstad", "Veghel"),
        },
    ),
    _p(
        "baliemedewerker burgerzaken van 63 die in de samenvatting om een mens vraagt en ja zegt",
        "goedemorgen",
        {
            "work_status": "ik werk bij de gemeente op burgerzaken, vast",
            "employer_size": "de gemeente heeft heel veel mensen in dienst, dus nee",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "achtentwintig",
            "current_sector": "gemeente",
            "education_level": "mbo 4, financieel administratief",
            "age": "drieënzestig",
            "goal": "de laatste jaren nog iets leuks doen, maar ik weet niet wat",
            "sector_interests": "iets met mensen, misschien vrijwilligerswerk in de zorg",
            "max_hours_study_per_week": "vier",
            "preferred_form": "in een klas, dan heb ik ook aanspraak",
            "municipality": "meppel",
        },
        {
            "work_status": "werknemer_vast",
            "employer_size": "groot",
            "at_risk_of_job_loss": False,
            "hours_per_week": 28,
            "current_sector": OV,
            "education_level": "mbo4",
            "age": 63,
            "goal": "orienteren",
            "sector_interests": [ZW],
            "max_hours_study_per_week": 4,
            "preferred_form": "klassikaal",
            "municipality": "Meppel",
        },
        digressions={
            "summary": Digression(
                "voordat ik ja zeg, kan iemand dit met mij doorlopen?", reply="ja, doe maar, dat lijkt me fijn"
            ),
        },
        expect_handoff=True,
    ),
    _p(
        "zelfstandig timmerman van 36 die allround wil worden",
        "goeiedag",
        {
            "work_status": "zelfstandig timmerman",
            "hours_per_week": "vijfenveertig",
            "current_sector": "bouw",
            "current_function": "timmerman",
            "education_level": "mbo niveau 2 timmerman",
            "age": "36",
            "goal": "allround worden zodat ik grotere klussen kan aannemen",
            "sector_interests": "houtbouw",
            "max_hours_study_per_week": "vier",
            "preferred_form": "op de bouwplaats, niet in de schoolbanken",
            "municipality": "kampen",
        },
        {
            "work_status": "zzp",
            "hours_per_week": 45,
            "current_sector": TBE,
            "current_function": "timmerman",
            "education_level": "mbo2",
            "age": 36,
            "goal": "bijscholen",
            "sector_interests": [TBE],
            "max_hours_study_per_week": 4,
            "preferred_form": "werkend_leren",
            "municipality": "Kampen",
        },
    ),
]


# Filled in after the first run: person -> the field(s) misread, what was said, what was read, what was expected.
XFAIL: dict[str, str] = {
    "schoonmaakster van 58 met een nulurencontract die met de computer wil leren": (
        "preferred_form: never asked, filled as online from the goal 'ik wil beter met de computer overweg"
        " kunnen, mijn kleinkinderen doen alles op internet' (the topic, not how she wants to learn);"
        " expected klassikaal from 'samen met andere mensen in een lokaal, niet alleen achter een scherm'"
    ),
    "orderpicker van 24 via het uitzendbureau die zijn heftruckcertificaat wil": (
        "goal: 'mijn heftruckcertificaat halen zodat ik meer verdien in het magazijn' read as diploma_halen;"
        " a forklift certificate to earn more in the same warehouse is bijscholen, not a diploma"
    ),
    "zelfstandige stukadoor van 44 met kapotte schouders die met jongeren wil werken": (
        "sector_interests: 'ik zou graag jongeren begeleiden die het moeilijk hebben' read as ['anders'];"
        " expected zorg_welzijn and/or onderwijs"
    ),
    "gepensioneerde juf van 68 die nieuwsgierig is en iets met kinderen wil": (
        "goal: 'ik ben gewoon nieuwsgierig wat er allemaal kan, misschien vrijwilligerswerk' read as omscholen;"
        " expected orienteren"
    ),
    "hbo-student verpleegkunde van 20 met een bijbaantje in een cafe": (
        "education_level: from the work answer 'ik studeer nog, hbo verpleegkunde' read as hbo_bachelor (a study"
        " in progress taken as a diploma), so the diploma question was never asked; expected havo"
    ),
    "zelfstandige hovenier van 49 die meer klanten wil": (
        "preferred_form: 'een paar avonden cursus, samen met andere ondernemers' not understood, asked three"
        " times and skipped (None); expected klassikaal"
    ),
    "verpleegkundige van 53 in de wia met een hernia die om een mens vraagt en dan zelf verder gaat": (
        "request for a person at the goal question not recognised: 'kan ik dit niet beter met iemand van jullie"
        " bespreken?' got 'Sorry, dat begreep ik niet goed', no adviser offer, so her 'nee' was never said"
        " (the profile itself was right)"
    ),
    "uitzendkracht van 41 in de kaasfabriek die bij het diploma om een mens vraagt en ja zegt": (
        "request for a person at the diploma question not recognised: 'pff dit is moeilijk voor mij, kan ik"
        " iemand aan de telefoon krijgen?' got 'Sorry, dat begreep ik niet goed'; no offer, no handoff"
    ),
    "metaalbewerker van 57 in de ww na een faillissement die hulp met de computer wil": (
        "preferred_form: never asked, filled as geen_voorkeur from 'maakt niet uit wat' in the goal answer"
        " ('weer aan het werk, maakt niet uit wat, als het maar met mijn handen is'); expected werkend_leren"
        " from 'in de praktijk, een leerwerkplek'"
    ),
    "oproepkracht van 27 achter de bar op festivals die haar leeftijd verbetert en een eigen bureau wil": (
        "age: the correction inside the answer 'vijfentwintig, sorry, zevenentwintig bedoel ik' read as 25,"
        " expected 27; current_sector: 'evenementen, horeca eigenlijk' read as cultuur, expected horeca"
    ),
    "kok van 45 in de bijstand zonder diploma die vraagt wat een cursus kost": (
        "literacy_need: 'schrijven gaat moeizaam, dus dat zou fijn zijn' not understood, asked three times and"
        " skipped (None); expected True"
    ),
    "zelfstandige pedicure van 50 die zich in diabetische voeten wil specialiseren": (
        "work_status: 'ik heb een eigen pedicurepraktijk aan huis' asked twice and read as anders; expected zzp"
        " (so hours and sector were never asked)"
    ),
    "callcentermedewerker van 23 via payroll met tikfouten die wil leren programmeren": (
        "at_risk_of_job_loss: 'ze verhuizen de klantenservice naar het buitenland dus ja misschien wel' got"
        " 'Dank je. Dat heb ik genoteerd.', was asked again three times and skipped (None), expected True;"
        " sector_interests: never asked, filled as ['zakelijke_dienstverlening'] although the goal said 'ik wil"
        " de ict in, programeren', expected ['ict'] (also: 'eerlijk gezegd heb ik geen flauw idee' at the"
        " employer size was not taken as a don't-know and asked three times)"
    ),
    "oud-bankmedewerker van 47 in de ww die zich bij het diploma verbetert en economieleraar wil worden": (
        "preferred_form: 'een zij-instroomtraject, dus meteen voor de klas en ondertussen leren' read as"
        " klassikaal ('klas' is the class he teaches); expected werkend_leren"
    ),
    "bakkersknecht van 19 in de bakkerij van zijn oom die banketbakker wil worden": (
        "preferred_form: 'op school en in de bakkerij tegelijk' read as klassikaal; expected werkend_leren"
    ),
    "havo-leerling van 16 die iets met dieren wil en vraagt wat koers is": (
        "work_status: 'ik zit in havo 4' asked twice and read as anders, expected student; goal: 'later iets"
        " met dieren, dierenarts of zo' read as omscholen, expected diploma_halen or orienteren;"
        " sector_interests: 'dieren' read as ['landbouw_voedsel', 'groen'], expected one of landbouw_voedsel,"
        " anders, zorg_welzijn"
    ),
    "afghaanse moeder van 42 zonder school die in de kinderopvang wil werken": (
        "work_status: 'geld van sociale dienst, geen werk' read as werkzoekend_zonder_uitkering, expected"
        " werkzoekend_bijstand; education_level: 'ik heb niet naar school geweest' asked three times and"
        " skipped (None), expected geen"
    ),
    "schoonheidsspecialiste van 30 met een eigen salon die de zorg in wil": (
        "current_sector: 'schoonheidsverzorging' read as zorg_welzijn, expected anders (a function question"
        " followed that only a care worker gets); goal: 'ik wil de zorg in, verpleegkundige worden' then read"
        " as bijscholen, expected omscholen or diploma_halen"
    ),
    "onderwijsassistent van 35 met een tijdelijk contract die juf wil worden": (
        "employer_size: 'de stichting heeft twintig scholen, zo'n zeshonderd man' read as mkb; expected groot"
    ),
    "jonge man van 28 in de bijstand zonder diploma die in een magazijn wil werken": (
        "education_level: 'geen, ik ben in de derde van school gegaan' asked three times and skipped (None);"
        " expected geen"
    ),
    "inkoper van 52 in de ww die een webwinkel in tuinmeubels wil beginnen": (
        "sector_interests: 'verkoop, online handel' (after a goal about 'een webwinkel in tuinmeubels') read as"
        " ['retail', 'techniek_bouw_energie', 'groen'], expected retail and/or zakelijke dienstverlening or"
        " ict; preferred_form: never asked, filled as online from 'online handel' / 'webwinkel', expected"
        " klassikaal from 'een korte training in een groep met andere starters'"
    ),
    "gepensioneerde bedrijfskundige van 66 die als zelfstandig adviseur wil beginnen": (
        "loop at sector_interests: 'advieswerk voor het mkb' got 'Dank je. Dat heb ik genoteerd.' six times"
        " while the question was asked again and again, then skipped; expected ['zakelijke_dienstverlening']"
    ),
    "buschauffeur van 59 die rijinstructeur wil worden": (
        "sector_interests: 'autorijles geven' read as ['techniek_bouw_energie', 'onderwijs']; expected one of"
        " logistiek, anders, onderwijs (driving instruction is no car technique)"
    ),
    "rechtenstudent van 23 die haar gemeente in de samenvatting verbetert": (
        "summary correction not applied: 'ik woon niet in amsterdam maar in diemen' showed the same summary"
        " again with Amsterdam; expected Diemen"
    ),
    "huishoudelijke hulp van 48 met nul uren die verzorgende wil worden": (
        "work_status: 'ik ben huishoudelijke hulp via een thuiszorgorganisatie, nul uren' got 'Dank je. Dat"
        " heb ik genoteerd.', was asked three more times and skipped (None), expected werknemer_flex; so"
        " employer, hours, sector and function were never asked, and current_sector was filled as ict"
        " (expected zorg_welzijn), apparently from 'met de computer heb ik moeite' at the help question"
    ),
    "schoolverlater van 19 zonder uitkering die een startkwalificatie wil en vraagt wat dat is": (
        "preferred_form: never asked, filled as geen_voorkeur from 'maakt niet uit' in the interests answer"
        " ('winkel of magazijn, maakt niet uit'); expected werkend_leren from 'bbl, dan verdien ik tenminste"
        " wat'"
    ),
    "baliemedewerker burgerzaken van 63 die in de samenvatting om een mens vraagt en ja zegt": (
        "request for a person at the summary not recognised: 'voordat ik ja zeg, kan iemand dit met mij"
        " doorlopen?' got 'Sorry, dat begreep ik niet goed' and the summary again; no offer, no handoff"
    ),
    "zelfstandig timmerman van 36 die allround wil worden": (
        "goal: 'allround worden zodat ik grotere klussen kan aannemen' read as omscholen; expected bijscholen"
        " (allround timmerman is the next step in his own trade)"
    ),
}


test_a_fresh_person_reaches_the_advice_they_should_get, test_at_least_forty_different_people = checks(
    PEOPLE, XFAIL)
