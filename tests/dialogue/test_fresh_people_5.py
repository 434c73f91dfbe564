"""A fifth set of fresh people the intake was never tuned on: issue #9's "Done when", the final measurement.

Written fresh by a helper session (worktree people5) that did not tune the intake and did not read the
parser or the intake code (assistant/intake/*.py), data/nlu/, or the findings of the other fresh-people
files. The fields, their allowed values and meanings come only from assistant/intake/profile.schema.json
and the label, ask and ask_if lines of assistant/vocabulary.yaml (its cue lists were not opened). The
sentences are written the way people type in a chat: praktisch geschoolden, flexwerkers, zzp'ers,
werkzoekenden (WW, bijstand, geen uitkering), arbeidsongeschikten (WGA, Wajong, Ziektewet), 45-plussers,
gepensioneerden, scholieren en studenten, nieuwkomers met eenvoudig Nederlands; kleine letters, getallen
in woorden, verhalen in plaats van labels, een verbetering in het antwoord of in de samenvatting, 'weet
ik niet', FAQ-vragen midden in de intake, om een mens vragen en dan weigeren of aannemen, banen en
sectoren buiten de knoppen, doelen in veel vormen (een school, een beroep, een cursus, een eigen zaak,
'weer aan het werk', 'geen idee'), gemeenten die heringedeeld zijn (Heerhugowaard, Spijkenisse, Zaandam,
Drachten, Vries). A script checked that no sentence stands verbatim in tests/dialogue/*.py,
tests/e2e/test_personas.py or tests/simulate/; only greetings, numbers, place names, button-like answers
('maakt niet uit', 'weet ik niet', 'nee hoor') and diploma names ('vmbo kader') are shared.

Each person's correct profile (by the schema's definitions) was written down and committed before the
first run; a tuple lists the readings a careful human adviser would all accept for what was said. Same
driver and checks as tests/dialogue/test_unseen_people.py (``check_person``). People the intake misreads
are strict xfails with the finding (field, sentence, what was read, what was expected); no expectation is
bent to what the machine read.

First run (intake at commit f5c39b0): 14 of 50 passed. Every one of the 50 reached the advice, or the
handoff the one person who asked for it accepted; no loop (no bot text more than twice for one question),
no offer nobody asked for, every digression and summary correction was sent. No failure was the test's own
fault (no digression on an unasked question, no missing answer to a narrower question, no expectation
against the schema), so nothing was changed after the run but this docstring and XFAIL: still 14 of 50.
Two people got questions the script has no answer for (the interest and help questions, which come only
because their goal was not read); they said 'weet ik niet', as the script does, and it does not change
their result. The other 36 are strict xfails in XFAIL below, with every field they got wrong:
- goal, 24 people: 15 answers in ordinary words not understood three times and skipped (a school name,
  'de pabo doen', 'certificaten halen', 'een tweede winkel openen', 'boswachter lijkt me prachtig'), 3
  'I don't know yet' answers taken as 'weet ik niet' and left empty instead of orienteren, 6 misread
  (a step up in the own sector read as omscholen, a certificate as diploma_halen, other work in the
  same sector as bijscholen, 'weer aan het werk, maakt niet uit' as omscholen);
- preferred_form, 11: 10 not understood ('gewoon les', 'half werken, half leren', 'op de universiteit',
  'lessen met een instructeur'), 1 misread ('ik wil naar een school, thuis leer ik niks' as online);
- sector_interests, 6 ('de ic' read as ICT; 'de recherche', 'het ov', 'brood en banket', 'de
  procesindustrie' as anders; an interest named in the goal sentence lost when the question is skipped);
- education_level, 5 (the school someone is still in taken as the diploma: 'vierde klas van het vmbo',
  'havo vier', 'ik doe mbo 4'; 'mbo drie' not understood; four years of school abroad as buitenlands);
- work_status, 4 (a pupil, a student and a school leaver not understood: their sentence is taken as the
  diploma and the work question fails three times; Wajong read as WW); current_sector, 4 (a painter, a
  slaughterhouse, taxi transport, a dairy factory); employer_size, 2 ('zeshonderd man personeel' read as
  mkb, 'een grote zorginstelling' not understood); age, 1 (a correction inside the answer lost);
  municipality, 1 ('vries, bij assen' offered as Assen).

Then measured on the intake as tuned on the first, third and fourth sets, before anyone looked at
these people's findings: 22 of 50 pass. That is the honest figure for fresh people at that point.
Everything after that is tuning on this set too (see the git log), so it is no fresh measurement any more.
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

PEOPLE = [
    _p(
        "stratenmaker van 44 met lts die uitvoerder wil worden",
        "goedemorgen",
        {
            "work_status": "ik ben stratenmaker, vast in dienst",
            "employer_size": "we zijn met een ploeg of zeven, het hele bedrijf misschien dertig man",
            "at_risk_of_job_loss": "nee, werk zat, overal liggen de straten open",
            "hours_per_week": "veertig",
            "current_sector": "de wegenbouw, bestrating en riolering",
            "current_function": "stratenmaker, ik leg klinkers en stoepbanden",
            "education_level": "lts metselen, verder niks",
            "age": "vierenveertig",
            "literacy_need": "nee dat lukt wel",
            "goal": "uitvoerder worden, dan hoef ik niet meer de hele dag op mijn knieen",
            "sector_interests": "in de wegenbouw blijven",
            "max_hours_study_per_week": "vijf uurtjes",
            "preferred_form": "liefst op het werk zelf leren, met een cursusdag erbij",
            "municipality": "emmen",
        },
        {
            "work_status": "werknemer_vast", "employer_size": "mkb", "at_risk_of_job_loss": False,
            "hours_per_week": 40, "current_sector": TBE, "current_function": "anders", "education_level": "vmbo",
            "age": 44, "literacy_need": False, "goal": "bijscholen", "sector_interests": [TBE],
            "max_hours_study_per_week": 5, "preferred_form": "werkend_leren", "municipality": "Emmen",
        },
        narrow_answers={"work_status": "vast contract bij een stratenmakersbedrijf"},
    ),
    _p(
        "orderpicker van 23 via het uitzendbureau die een heftruckcertificaat wil",
        "yo",
        {
            "work_status": "uitzendkracht, ik pak orders in een distributiecentrum",
            "employer_size": "geen idee eerlijk gezegd, ik zit via het uitzendbureau",
            "at_risk_of_job_loss": "kan altijd, als het rustig is sturen ze de uitzendkrachten als eerste naar huis",
            "hours_per_week": "rond de 38",
            "current_sector": "een distributiecentrum van een supermarkt",
            "education_level": "vmbo basis",
            "age": "23",
            "receives_studiefinanciering": "nee ik heb nooit gestudeerd",
            "literacy_need": "nee",
            "goal": "mijn heftruckcertificaat halen zodat ik meer verdien",
            "sector_interests": "magazijn is prima",
            "max_hours_study_per_week": "acht",
            "preferred_form": "maakt niet uit",
            "municipality": "waalwijk",
        },
        {
            "work_status": "werknemer_flex", "employer_size": None, "at_risk_of_job_loss": (True, None),
            "hours_per_week": 38, "current_sector": "logistiek", "education_level": "vmbo", "age": 23,
            "receives_studiefinanciering": False, "literacy_need": False, "goal": "bijscholen",
            "sector_interests": ["logistiek"], "max_hours_study_per_week": 8, "preferred_form": "geen_voorkeur",
            "municipality": "Waalwijk",
        },
    ),
    _p(
        "syrische elektricien van 35 in de bijstand die een nederlands diploma wil",
        "hallo goedendag",
        {
            "work_status": "ik heb bijstand van gemeente",
            "education_level": "ik heb diploma elektro uit syrie, hier weet ik niet welk niveau",
            "age": "35 jaar",
            "goal": "ik wil nederlands diploma voor elektricien, in syrie ik deed dit werk tien jaar",
            "sector_interests": "elektra en installaties",
            "literacy_need": "ja, nederlands schrijven is nog moeilijk voor mij",
            "max_hours_study_per_week": "twintig uur, ik heb tijd",
            "preferred_form": "in de klas met leraar",
            "municipality": "ik woon in amersfoort",
        },
        {
            "work_status": "werkzoekend_bijstand", "education_level": "buitenlands", "age": 35, "goal": "diploma_halen",
            "sector_interests": [TBE], "literacy_need": True, "max_hours_study_per_week": 20,
            "preferred_form": "klassikaal", "municipality": "Amersfoort",
        },
        digressions={
            "goal": Digression(
                "ik heb veel ervaring maar geen nederlands papier, telt die ervaring ergens voor?",
                kind="faq",
                faq_key="faq/ask_evc",
            ),
        },
    ),
    _p(
        "administratief medewerkster van 58 in de ww die doktersassistente wil worden",
        "goedemiddag",
        {
            "work_status": "de drukkerij waar ik werkte is failliet, nu heb ik ww",
            "education_level": "meao, lang geleden",
            "age": "achtenvijftig",
            "goal": "doktersassistente, dat heb ik altijd al willen doen",
            "sector_interests": "de zorg, bij een huisarts of in een gezondheidscentrum",
            "max_hours_study_per_week": "zestien",
            "preferred_form": "ik wil naar een school, thuis leer ik niks",
            "municipality": "apeldoorn",
        },
        {
            "work_status": "werkzoekend_ww", "education_level": "mbo4", "age": 58,
            "goal": ("omscholen", "diploma_halen"),
            "sector_interests": [ZW], "max_hours_study_per_week": 16, "preferred_form": "klassikaal",
            "municipality": "Apeldoorn",
        },
    ),
    _p(
        "bouwvakker van 49 in de wga met een slechte rug die kantoorwerk zoekt",
        "hallo",
        {
            "work_status": "ik ben voor de helft afgekeurd, wga, mijn rug is kapot van het sjouwen",
            "education_level": "lbo, richting bouw",
            "age": "49",
            "goal": "iets heel anders, zittend werk, op een kantoor of zo",
            "sector_interests": "administratief werk, planning",
            "literacy_need": "ja met de computer, daar heb ik nooit mee gewerkt",
            "max_hours_study_per_week": "een uur of zes",
            "preferred_form": "met anderen in een groep, alleen thuis lukt me niet",
            "municipality": "heerhugowaard",
        },
        {
            "work_status": "arbeidsongeschikt", "education_level": "vmbo", "age": 49, "goal": "omscholen",
            "sector_interests": [ZD], "literacy_need": True, "max_hours_study_per_week": 6,
            "preferred_form": "klassikaal", "municipality": ("Dijk en Waard", "Heerhugowaard"),
        },
    ),
    _p(
        "gepensioneerde machinist van 71 die met zijn ipad wil leren omgaan",
        "dag mevrouw",
        {
            "work_status": "ik ben al zes jaar gepensioneerd",
            "education_level": "mulo",
            "age": "eenenzeventig",
            "goal": "mijn kleinkinderen sturen foto's op de ipad maar ik snap er niks van, dat wil ik leren",
            "max_hours_study_per_week": "twee of drie",
            "preferred_form": "in het buurthuis met een paar anderen",
            "municipality": "helmond",
        },
        {
            "work_status": "gepensioneerd", "education_level": "vmbo", "age": 71, "goal": "basisvaardigheden",
            "max_hours_study_per_week": (2, 3), "preferred_form": "klassikaal", "municipality": "Helmond",
        },
    ),
    _p(
        "vmbo-leerling van zestien die automonteur wil worden",
        "hoi",
        {
            "work_status": "ik zit in de vierde klas van het vmbo",
            "education_level": "nog geen, ik doe dit jaar examen",
            "age": "zestien",
            "receives_studiefinanciering": "nee ik ben pas zestien",
            "literacy_need": "nee hoor",
            "goal": "na de zomer naar het mbo voor automonteur",
            "sector_interests": "autos en brommers",
            "max_hours_study_per_week": "weet ik niet, ik heb nu al school",
            "preferred_form": "in de werkplaats, ik wil met mijn handen bezig",
            "municipality": "drachten",
        },
        {
            "work_status": "student", "education_level": "geen", "age": 16, "receives_studiefinanciering": False,
            "literacy_need": False, "goal": "diploma_halen", "sector_interests": [TBE],
            "max_hours_study_per_week": None, "preferred_form": "werkend_leren",
            "municipality": ("Smallingerland", "Drachten"),
        },
    ),
    _p(
        "zelfstandig schilder van 52 die iemand in dienst wil nemen",
        "goedemiddag",
        {
            "work_status": "ik ben zelfstandig schilder, al twintig jaar voor mezelf",
            "hours_per_week": "vijfenveertig",
            "current_sector": "verven en behangen, bij mensen thuis en bij bedrijven",
            "current_function": "schilder",
            "education_level": "mbo schilder niveau 2",
            "age": "52",
            "goal": "mijn zaak groter maken, ik wil een jongen aannemen en leren hoe dat moet met personeel",
            "sector_interests": "gewoon de schilderij, de bouw",
            "max_hours_study_per_week": "drie",
            "preferred_form": "online, 's avonds na het werk",
            "municipality": "katwijk",
        },
        {
            "work_status": "zzp", "hours_per_week": 45, "current_sector": TBE, "current_function": "anders",
            "education_level": "mbo2", "age": 52, "goal": "ondernemen", "sector_interests": [TBE],
            "max_hours_study_per_week": 3, "preferred_form": "online", "municipality": "Katwijk",
        },
    ),
    _p(
        "verzorgende ig van 39 in de thuiszorg die verpleegkundige wil worden",
        "goeiemorgen",
        {
            "work_status": "ik werk in de thuiszorg, met een vaste aanstelling",
            "employer_size": "nee, het is een hele grote organisatie met duizenden mensen",
            "at_risk_of_job_loss": "nee, ze komen juist mensen tekort",
            "hours_per_week": "achtentwintig",
            "current_sector": "thuiszorg",
            "current_function": "ik ben verzorgende ig in de wijk",
            "education_level": "mbo drie",
            "age": "39",
            "goal": "ik wil doorleren tot mbo verpleegkundige",
            "sector_interests": "de wijkzorg",
            "max_hours_study_per_week": "acht",
            "preferred_form": "bbl, dan blijf ik werken",
            "municipality": "deventer",
        },
        {
            "work_status": "werknemer_vast", "employer_size": "groot", "at_risk_of_job_loss": False,
            "hours_per_week": 28, "current_sector": ZW, "current_function": "verzorgende_ig",
            "education_level": "mbo3", "age": 39, "goal": ("bijscholen", "diploma_halen"), "sector_interests": [ZW],
            "max_hours_study_per_week": 8, "preferred_form": "werkend_leren", "municipality": "Deventer",
        },
    ),
    _p(
        "kapster van 31 die een stoel huurt en een eigen salon wil",
        "hoihoi",
        {
            "work_status": "ik huur een stoel in een kapsalon, ik sta ingeschreven bij de kvk",
            "hours_per_week": "32",
            "current_sector": "kapsalon",
            "education_level": "kapper, mbo niveau 3",
            "age": "31",
            "goal": "over een paar jaar mijn eigen salon openen",
            "sector_interests": "knippen en kleuren, dat blijf ik doen",
            "max_hours_study_per_week": "vier",
            "preferred_form": "geen voorkeur",
            "municipality": "zoetermeer",
        },
        {
            "work_status": "zzp", "hours_per_week": 32, "current_sector": "anders", "education_level": "mbo3",
            "age": 31, "goal": "ondernemen", "sector_interests": ["anders"], "max_hours_study_per_week": 4,
            "preferred_form": "geen_voorkeur", "municipality": "Zoetermeer",
        },
        narrow_answers={"work_status": "voor mezelf"},
    ),
    _p(
        "serveerster van negentien met een nulurencontract die niet weet wat ze wil",
        "hey",
        {
            "work_status": "ik heb een nulurencontract bij een lunchroom",
            "employer_size": "heel klein, de eigenaar en vijf meiden",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "wisselend, gemiddeld twintig",
            "current_sector": "horeca",
            "education_level": "mbo 2 gastheer gastvrouw",
            "age": "negentien",
            "receives_studiefinanciering": "nee, ik zit niet meer op school",
            "goal": "geen idee eigenlijk, daarom ben ik hier",
            "sector_interests": "iets met kleine kinderen misschien",
            "max_hours_study_per_week": "tien",
            "preferred_form": "gewoon naar school",
            "municipality": "alkmaar",
        },
        {
            "work_status": "werknemer_flex", "employer_size": "mkb", "at_risk_of_job_loss": False,
            "hours_per_week": 20, "current_sector": "horeca", "education_level": "mbo2", "age": 19,
            "receives_studiefinanciering": False, "goal": "orienteren",
            "sector_interests": (["kinderopvang"], ["kinderopvang", "onderwijs"], ["onderwijs", "kinderopvang"]),
            "max_hours_study_per_week": 10, "preferred_form": "klassikaal", "municipality": "Alkmaar",
        },
    ),
    _p(
        "systeembeheerder van 28 met een associate degree die cloudcertificaten wil",
        "hallo",
        {
            "work_status": "tijdelijk contract, loopt tot de zomer",
            "employer_size": "ja, rond de zestig collega's",
            "at_risk_of_job_loss": "nee ik denk dat ik vast krijg",
            "hours_per_week": "36",
            "current_sector": "ict, we beheren servers voor gemeentes",
            "education_level": "associate degree ict",
            "age": "28",
            "receives_studiefinanciering": "nee, al jaren niet meer",
            "goal": "certificaten halen voor azure en aws, daar is veel vraag naar",
            "sector_interests": "ict",
            "max_hours_study_per_week": "zes",
            "preferred_form": "zelf online met video's",
            "municipality": "hengelo",
        },
        {
            "work_status": "werknemer_flex", "employer_size": "mkb", "at_risk_of_job_loss": False,
            "hours_per_week": 36, "current_sector": "ict", "education_level": "hbo_ad", "age": 28,
            "receives_studiefinanciering": False, "goal": "bijscholen", "sector_interests": ["ict"],
            "max_hours_study_per_week": 6, "preferred_form": "online", "municipality": "Hengelo",
        },
    ),
    _p(
        "filiaalmanager van 47 in de ww die naar de pabo wil",
        "hallo",
        {
            "work_status": "werkloos, de winkelketen waar ik werkte is omgevallen, ik zit in de ww",
            "education_level": "havo",
            "age": "47",
            "goal": "ik wil de pabo doen en juf worden",
            "sector_interests": "het basisonderwijs",
            "max_hours_study_per_week": "twintig",
            "preferred_form": "in deeltijd, gewoon in de collegezaal",
            "municipality": "den haag",
        },
        {
            "work_status": "werkzoekend_ww", "education_level": "havo", "age": 47,
            "goal": ("omscholen", "diploma_halen"), "sector_interests": ["onderwijs"],
            "max_hours_study_per_week": 20, "preferred_form": "klassikaal",
            "municipality": ("'s-Gravenhage", "Den Haag"),
        },
        digressions={
            "age": Digression("mag dat eigenlijk, studeren terwijl ik ww heb?", kind="faq",
                              faq_key="faq/ask_ww_scholing"),
        },
    ),
    _p(
        "alleenstaande moeder van 33 in de bijstand die helpende zorg wil worden",
        "hoi",
        {
            "work_status": "bijstand, ik heb twee kinderen en geen werk",
            "education_level": "geen diploma, ik ben van het mbo afgegaan toen ik zwanger werd",
            "age": "33",
            "goal": "een diploma halen voor helpende in de zorg",
            "sector_interests": "ouderen helpen in een verpleeghuis",
            "literacy_need": "nee hoor, lezen en schrijven gaat prima",
            "max_hours_study_per_week": "zes uur, als de kinderen op school zijn",
            "preferred_form": "leren en tegelijk werken, dan verdien ik ook wat",
            "municipality": "schiedam",
        },
        {
            "work_status": "werkzoekend_bijstand", "education_level": "geen", "age": 33, "goal": "diploma_halen",
            "sector_interests": [ZW], "literacy_need": False, "max_hours_study_per_week": 6,
            "preferred_form": "werkend_leren", "municipality": "Schiedam",
        },
    ),
    _p(
        "psychologe van 26 zonder baan en zonder uitkering die twijfelt",
        "hoi, ik hoop dat jullie me kunnen helpen",
        {
            "work_status": "ik zoek werk, ik krijg geen uitkering want mijn vriend verdient",
            "education_level": "master psychologie aan de universiteit",
            "age": "26",
            "receives_studiefinanciering": "nee, mijn studie is klaar",
            "goal": "ik weet niet goed welke kant ik op wil",
            "sector_interests": "onderzoek of beleid, bij een ministerie bijvoorbeeld",
            "max_hours_study_per_week": "vijftien",
            "preferred_form": "weet ik niet",
            "municipality": "groningen",
        },
        {
            "work_status": "werkzoekend_zonder_uitkering", "education_level": "wo_master", "age": 26,
            "receives_studiefinanciering": False, "goal": "orienteren", "sector_interests": [OV],
            "max_hours_study_per_week": 15, "preferred_form": (None, "geen_voorkeur"), "municipality": "Groningen",
        },
    ),
    _p(
        "loonwerker van 34 die meer van precisielandbouw wil weten",
        "goedenavond",
        {
            "work_status": "ik rij op de trekker bij een loonbedrijf, vast contract",
            "employer_size": "we zijn met een man of twaalf",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "in de zomer zestig, in de winter dertig, gemiddeld vijfenveertig",
            "current_sector": "landbouw, loonwerk voor boeren",
            "education_level": "mbo 2 landbouw",
            "age": "34",
            "goal": "meer leren over gps en drones op het land, daar gaat het heen",
            "sector_interests": "de landbouw",
            "max_hours_study_per_week": "drie",
            "preferred_form": "een paar praktijkdagen",
            "municipality": "dronten",
        },
        {
            "work_status": "werknemer_vast", "employer_size": "mkb", "at_risk_of_job_loss": False,
            "hours_per_week": 45, "current_sector": LV, "education_level": "mbo2", "age": 34, "goal": "bijscholen",
            "sector_interests": [LV], "max_hours_study_per_week": 3,
            "preferred_form": ("klassikaal", "werkend_leren"), "municipality": "Dronten",
        },
    ),
    _p(
        "roemeense vleesverwerker van 41 via een uitzendbureau die beter nederlands wil",
        "hallo",
        {
            "work_status": "uitzendbureau, ik werk in slachterij",
            "employer_size": "weet niet",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "veertig",
            "current_sector": "slachterij, ik snij vlees",
            "education_level": "school in roemenie, lyceum",
            "age": "41",
            "goal": "beter nederlands praten en schrijven",
            "max_hours_study_per_week": "vier",
            "preferred_form": "naar klas",
            "municipality": "boxtel",
        },
        {
            "work_status": "werknemer_flex", "employer_size": None, "at_risk_of_job_loss": False,
            "hours_per_week": 40, "current_sector": LV, "education_level": "buitenlands", "age": 41,
            "goal": "basisvaardigheden", "max_hours_study_per_week": 4, "preferred_form": "klassikaal",
            "municipality": "Boxtel",
        },
    ),
    _p(
        "hovenier van 45 die vakbekwaam hovenier wil worden",
        "goeiedag",
        {
            "work_status": "ik werk bij een hoveniersbedrijf, vast",
            "employer_size": "klein bedrijfje, vijf man",
            "at_risk_of_job_loss": "nee hoor",
            "hours_per_week": "38",
            "current_sector": "we leggen tuinen aan bij mensen thuis",
            "current_function": "hovenier",
            "education_level": "vmbo groen",
            "age": "45",
            "literacy_need": "nee",
            "goal": "mijn papieren als vakbekwaam hovenier halen",
            "sector_interests": "in het groen blijven werken",
            "max_hours_study_per_week": "vier",
            "preferred_form": "naast het werk, een dag in de week naar school",
            "municipality": "barneveld",
        },
        {
            "work_status": "werknemer_vast", "employer_size": "mkb", "at_risk_of_job_loss": False,
            "hours_per_week": 38, "current_sector": "groen", "current_function": "medewerker_hovenier",
            "education_level": "vmbo", "age": 45, "literacy_need": False, "goal": ("bijscholen", "diploma_halen"),
            "sector_interests": ["groen"], "max_hours_study_per_week": 4,
            "preferred_form": ("werkend_leren", "klassikaal"), "municipality": "Barneveld",
        },
    ),
    _p(
        "schoonmaakster van 60 die met de computer en de telefoon wil leren werken",
        "goedemorgen",
        {
            "work_status": "ik maak schoon in een kantoor, vast",
            "employer_size": "het schoonmaakbedrijf is heel groot, door heel nederland",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "twintig",
            "current_sector": "schoonmaak",
            "education_level": "ik heb alleen de huishoudschool",
            "age": "zestig",
            "goal": "alles moet nu via een app en de computer, dat wil ik leren",
            "max_hours_study_per_week": "twee",
            "preferred_form": "samen met anderen, met iemand die het rustig uitlegt",
            "municipality": "lelystad",
        },
        {
            "work_status": "werknemer_vast", "employer_size": "groot", "at_risk_of_job_loss": False,
            "hours_per_week": 20, "current_sector": "schoonmaak_facilitair", "education_level": "vmbo", "age": 60,
            "goal": "basisvaardigheden", "max_hours_study_per_week": 2, "preferred_form": "klassikaal",
            "municipality": "Lelystad",
        },
    ),
    _p(
        "mbo-student ict van 18 met stufi die door wil naar het hbo",
        "hey hoi",
        {
            "work_status": "ik doe mbo 4 software developer, tweede jaar",
            "education_level": "vmbo tl",
            "age": "achttien",
            "receives_studiefinanciering": "ja, en een studentenreisproduct",
            "literacy_need": "nee",
            "goal": "na mijn mbo wil ik naar het hbo",
            "sector_interests": "programmeren",
            "max_hours_study_per_week": "dertig, ik zit op school",
            "preferred_form": "in een klaslokaal",
            "municipality": "enschede",
        },
        {
            "work_status": "student", "education_level": "vmbo", "age": 18, "receives_studiefinanciering": True,
            "literacy_need": False, "goal": "diploma_halen", "sector_interests": ["ict"],
            "max_hours_study_per_week": 30, "preferred_form": "klassikaal", "municipality": "Enschede",
        },
    ),
    _p(
        "leerkracht van 50 die intern begeleider wil worden",
        "goedemiddag",
        {
            "work_status": "ik ben juf groep drie, vaste aanstelling",
            "employer_size": "onze stichting heeft twintig scholen, wel zeshonderd man personeel",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "vier dagen, zo'n tweeendertig uur",
            "current_sector": "basisonderwijs",
            "education_level": "pabo",
            "age": "50",
            "goal": "de opleiding tot intern begeleider doen",
            "sector_interests": "in het onderwijs blijven",
            "max_hours_study_per_week": "zes",
            "preferred_form": "een mix, maar het liefst in een groep",
            "municipality": "breda",
        },
        {
            "work_status": "werknemer_vast", "employer_size": "groot", "at_risk_of_job_loss": False,
            "hours_per_week": 32, "current_sector": "onderwijs", "education_level": "hbo_bachelor", "age": 50,
            "goal": "bijscholen", "sector_interests": ["onderwijs"], "max_hours_study_per_week": 6,
            "preferred_form": "klassikaal", "municipality": "Breda",
        },
    ),
    _p(
        "ziekenhuisverpleegkundige van 29 die de ic-opleiding wil",
        "hoi",
        {
            "work_status": "vast in het ziekenhuis",
            "employer_size": "een umc, dus nee, veel meer dan 250",
            "at_risk_of_job_loss": "nee totaal niet",
            "hours_per_week": "32",
            "current_sector": "ziekenhuis",
            "current_function": "verpleegkundige, hbo-v gedaan",
            "education_level": "hbo-verpleegkunde, afgestudeerd in 2019",
            "age": "29",
            "receives_studiefinanciering": "nee",
            "goal": "de vervolgopleiding intensive care",
            "sector_interests": "de ic",
            "max_hours_study_per_week": "tien",
            "preferred_form": "leren op de afdeling zelf",
            "municipality": "leiden",
        },
        {
            "work_status": "werknemer_vast", "employer_size": "groot", "at_risk_of_job_loss": False,
            "hours_per_week": 32, "current_sector": ZW, "current_function": "verpleegkundige_hbo",
            "education_level": "hbo_bachelor", "age": 29, "receives_studiefinanciering": False,
            "goal": "bijscholen", "sector_interests": [ZW], "max_hours_study_per_week": 10,
            "preferred_form": "werkend_leren", "municipality": "Leiden",
        },
    ),
    _p(
        "groepshulp van twintig in de kinderopvang die pm wil worden",
        "hallo!",
        {
            "work_status": "ik heb een tijdelijk contract bij de bso",
            "employer_size": "het is een grote organisatie met veel locaties",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "zestien",
            "current_sector": "kinderopvang, buitenschoolse opvang",
            "current_function": "groepshulp, ik mag nog niet alleen op de groep",
            "education_level": "vmbo kader",
            "age": "twintig",
            "receives_studiefinanciering": "nee",
            "literacy_need": "nee",
            "goal": "het diploma voor pedagogisch medewerker",
            "sector_interests": "kinderopvang",
            "max_hours_study_per_week": "acht",
            "preferred_form": "bbl, dan kan ik blijven werken",
            "municipality": "gouda",
        },
        {
            "work_status": "werknemer_flex", "employer_size": "groot", "at_risk_of_job_loss": False,
            "hours_per_week": 16, "current_sector": "kinderopvang", "current_function": "groepshulp",
            "education_level": "vmbo", "age": 20, "receives_studiefinanciering": False, "literacy_need": False,
            "goal": ("diploma_halen", "bijscholen"), "sector_interests": ["kinderopvang"],
            "max_hours_study_per_week": 8, "preferred_form": "werkend_leren", "municipality": "Gouda",
        },
    ),
    _p(
        "automonteur van 42 wiens garage dichtgaat en die elektrische autos wil leren",
        "hallo",
        {
            "work_status": "automonteur met een vast contract",
            "employer_size": "een garage met negen man",
            "at_risk_of_job_loss": "ja, de baas stopt eind dit jaar en er is geen opvolger",
            "hours_per_week": "38",
            "current_sector": "garage, auto's repareren",
            "current_function": "automonteur",
            "education_level": "mbo 3 autotechniek",
            "age": "42",
            "goal": "bijleren over elektrische auto's en hybrides, dan kan ik overal terecht",
            "sector_interests": "de autotechniek",
            "max_hours_study_per_week": "zes",
            "preferred_form": "in een werkplaats met een docent",
            "municipality": "roermond",
        },
        {
            "work_status": "werknemer_vast", "employer_size": "mkb", "at_risk_of_job_loss": True,
            "hours_per_week": 38, "current_sector": TBE, "current_function": "autotechnicus",
            "education_level": "mbo3", "age": 42, "goal": "bijscholen", "sector_interests": [TBE],
            "max_hours_study_per_week": 6, "preferred_form": ("klassikaal", "werkend_leren"),
            "municipality": "Roermond",
        },
    ),
    _p(
        "zzp grafisch ontwerper van 36 die webdesign erbij wil",
        "hoi",
        {
            "work_status": "freelancer, ik heb mijn eigen ontwerpstudio",
            "hours_per_week": "dertig",
            "current_sector": "grafisch ontwerp, logo's en drukwerk",
            "education_level": "kunstacademie, grafisch ontwerpen",
            "age": "36",
            "goal": "websites leren bouwen, dan kan ik klanten meer bieden",
            "sector_interests": "vormgeving en webdesign",
            "max_hours_study_per_week": "vijf",
            "preferred_form": "online",
            "municipality": "arnhem",
        },
        {
            "work_status": "zzp", "hours_per_week": 30, "current_sector": ("cultuur", ZD, "anders"),
            "education_level": "hbo_bachelor", "age": 36, "goal": ("bijscholen", "ondernemen"),
            "sector_interests": (["cultuur"], ["ict"], ["cultuur", "ict"], ["ict", "cultuur"], ["anders"]),
            "max_hours_study_per_week": 5, "preferred_form": "online", "municipality": "Arnhem",
        },
        digressions={
            "education_level": Digression("kan ik mijn opleidingskosten aftrekken als zzp'er?", kind="faq",
                                          faq_key="faq/ask_cost"),
        },
    ),
    _p(
        "jongen van 25 met wajong en praktijkonderwijs die kok wil worden",
        "hallo",
        {
            "work_status": "ik heb een wajong-uitkering van het uwv",
            "education_level": "praktijkschool",
            "age": "vijfentwintig",
            "receives_studiefinanciering": "nee",
            "goal": "een diploma voor in de keuken, ik kook graag",
            "sector_interests": "keuken, koken",
            "literacy_need": "ja, rekenen gaat slecht, lezen gaat wel",
            "max_hours_study_per_week": "tien",
            "preferred_form": "in een echte keuken leren met werken erbij",
            "municipality": "tilburg",
        },
        {
            "work_status": "arbeidsongeschikt", "education_level": "geen", "age": 25,
            "receives_studiefinanciering": False, "goal": "diploma_halen", "sector_interests": ["horeca"],
            "literacy_need": True, "max_hours_study_per_week": 10, "preferred_form": "werkend_leren",
            "municipality": "Tilburg",
        },
    ),
    _p(
        "havist van zeventien met een zaterdagbaan die verpleegkundige wil worden",
        "hoii",
        {
            "work_status": "ik zit op de havo en werk op zaterdag bij de albert heijn",
            "education_level": "nog niks, ik zit in havo vier",
            "age": "zeventien",
            "receives_studiefinanciering": "nee ik zit nog op de middelbare",
            "literacy_need": "nee",
            "goal": "later wil ik verpleegkundige worden",
            "sector_interests": "de zorg, mensen helpen",
            "max_hours_study_per_week": "weet niet",
            "preferred_form": "gewoon les",
            "municipality": "hoorn",
        },
        {
            "work_status": "student", "education_level": "geen", "age": 17, "receives_studiefinanciering": False,
            "literacy_need": False, "goal": "diploma_halen", "sector_interests": [ZW],
            "max_hours_study_per_week": None, "preferred_form": "klassikaal", "municipality": "Hoorn",
        },
    ),
    _p(
        "vakkenvuller van 46 bij een grote supermarktketen die teamleider wil worden",
        "dag",
        {
            "work_status": "ik werk al vijftien jaar vast bij de supermarkt",
            "employer_size": "het is een landelijke keten, heel groot",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "zesendertig",
            "current_sector": "supermarkt",
            "education_level": "mavo",
            "age": "46",
            "literacy_need": "nee dank je",
            "goal": "teamleider worden in de winkel",
            "sector_interests": "de supermarkt",
            "max_hours_study_per_week": "drie",
            "preferred_form": "een cursus die de baas regelt, op het werk",
            "municipality": "zaandam",
        },
        {
            "work_status": "werknemer_vast", "employer_size": "groot", "at_risk_of_job_loss": False,
            "hours_per_week": 36, "current_sector": "retail", "education_level": "vmbo", "age": 46,
            "literacy_need": False, "goal": "bijscholen", "sector_interests": ["retail"],
            "max_hours_study_per_week": 3, "preferred_form": ("werkend_leren", "klassikaal"),
            "municipality": ("Zaanstad", "Zaandam"),
        },
    ),
    _p(
        "beleidsmedewerker van 57 bij de gemeente die bij een reorganisatie de zorg in wil",
        "goedemiddag",
        {
            "work_status": "ambtenaar in vaste dienst",
            "employer_size": "de gemeente, ruim 2000 mensen",
            "at_risk_of_job_loss": "ja er komt een reorganisatie en mijn afdeling gaat verdwijnen",
            "hours_per_week": "36",
            "current_sector": "gemeente",
            "education_level": "hbo bestuurskunde",
            "age": "57",
            "goal": "ik wil iets met mijn handen en met mensen, begeleider in de gehandicaptenzorg lijkt me mooi",
            "sector_interests": "gehandicaptenzorg",
            "max_hours_study_per_week": "acht",
            "preferred_form": "half werken, half leren",
            "municipality": "utrecht",
        },
        {
            "work_status": "werknemer_vast", "employer_size": "groot", "at_risk_of_job_loss": True,
            "hours_per_week": 36, "current_sector": OV, "education_level": "hbo_bachelor", "age": 57,
            "goal": "omscholen", "sector_interests": [ZW], "max_hours_study_per_week": 8,
            "preferred_form": "werkend_leren", "municipality": "Utrecht",
        },
    ),
    _p(
        "net afgestudeerde marketeer van 24 in de ww die gewoon weer aan het werk wil",
        "hoi",
        {
            "work_status": "mijn tijdelijke contract is niet verlengd, nu heb ik ww",
            "education_level": "mbo 4 marketing en communicatie",
            "age": "24",
            "receives_studiefinanciering": "nee, gestopt toen ik mijn diploma had",
            "goal": "zo snel mogelijk weer aan het werk, wat maakt me niet zoveel uit",
            "sector_interests": "marketing, social media",
            "max_hours_study_per_week": "tien",
            "preferred_form": "online",
            "municipality": "haarlem",
        },
        {
            "work_status": "werkzoekend_ww", "education_level": "mbo4", "age": 24, "receives_studiefinanciering": False,
            "goal": "orienteren", "sector_interests": ([ZD], ["cultuur"], ["anders"]),
            "max_hours_study_per_week": 10, "preferred_form": "online", "municipality": "Haarlem",
        },
    ),
    _p(
        "zelfstandige taxichauffeur van 62 die conciërge op een school wil worden",
        "goedendag",
        {
            "work_status": "ik heb mijn eigen taxi, eenmanszaak",
            "hours_per_week": "vijftig",
            "current_sector": "taxivervoer",
            "education_level": "mavo",
            "age": "tweeënzestig",
            "literacy_need": "nee, dat gaat goed",
            "goal": "stoppen met rijden en conciërge worden op een school",
            "sector_interests": "een school",
            "max_hours_study_per_week": "vier",
            "preferred_form": "maakt niet uit",
            "municipality": "spijkenisse",
        },
        {
            "work_status": "zzp", "hours_per_week": 50, "current_sector": "logistiek", "education_level": "vmbo",
            "age": 62, "literacy_need": False, "goal": "omscholen",
            "sector_interests": (["onderwijs"], ["onderwijs", "schoonmaak_facilitair"]),
            "max_hours_study_per_week": 4, "preferred_form": "geen_voorkeur",
            "municipality": ("Nissewaard", "Spijkenisse"),
        },
    ),
    _p(
        "bakker van 48 met een eigen bakkerij en zes man personeel die een tweede winkel wil",
        "hallo",
        {
            "work_status": "ik heb mijn eigen bakkerij met zes mensen in dienst",
            "hours_per_week": "zestig, zes dagen in de week om vier uur op",
            "current_sector": "bakkerij",
            "education_level": "bakkersvakschool, mbo 4",
            "age": "48",
            "goal": "een tweede winkel openen in het dorp verderop",
            "sector_interests": "brood en banket",
            "max_hours_study_per_week": "twee",
            "preferred_form": "online",
            "municipality": "steenwijk",
        },
        {
            "work_status": "zzp", "hours_per_week": 60, "current_sector": (LV, "retail"), "education_level": "mbo4",
            "age": 48, "goal": "ondernemen", "sector_interests": ([LV], ["retail"], [LV, "retail"], ["retail", LV]),
            "max_hours_study_per_week": 2, "preferred_form": "online",
            "municipality": ("Steenwijkerland", "Steenwijk"),
        },
        narrow_answers={"work_status": "voor mezelf, het is mijn eigen zaak"},
    ),
    _p(
        "statushouder uit eritrea van 29 in de bijstand die eerst nederlands wil leren",
        "hallo",
        {
            "work_status": "ik krijg geld van de gemeente, bijstand",
            "education_level": "in eritrea ik ging maar vier jaar naar school",
            "age": "29",
            "receives_studiefinanciering": "nee",
            "goal": "eerst goed nederlands leren, daarna werk",
            "max_hours_study_per_week": "vijftien",
            "preferred_form": "klas met juf",
            "municipality": "zwolle",
        },
        {
            "work_status": "werkzoekend_bijstand", "education_level": "geen", "age": 29,
            "receives_studiefinanciering": False, "goal": "basisvaardigheden", "max_hours_study_per_week": 15,
            "preferred_form": "klassikaal", "municipality": "Zwolle",
        },
    ),
    _p(
        "rechtenstudent van 23 met stufi die niet weet wat na de bachelor",
        "hey",
        {
            "work_status": "ik studeer rechten aan de uni, derde jaar",
            "education_level": "vwo",
            "age": "23",
            "receives_studiefinanciering": "ja ik leen bij duo",
            "goal": "misschien een master, misschien werken, ik weet het echt nog niet",
            "sector_interests": "iets bij de rechtbank of de politie",
            "max_hours_study_per_week": "veertig, ik studeer fulltime",
            "preferred_form": "op de universiteit",
            "municipality": "maastricht",
        },
        {
            "work_status": "student", "education_level": "vwo", "age": 23, "receives_studiefinanciering": True,
            "goal": "orienteren", "sector_interests": [OV], "max_hours_study_per_week": 40,
            "preferred_form": "klassikaal", "municipality": "Maastricht",
        },
    ),
    _p(
        "schoolverlater van 17 die thuis zit en iets met computers wil",
        "hallo",
        {
            "work_status": "ik heb net mijn vmbo diploma en zit nu thuis, ik heb nog niks",
            "education_level": "vmbo gemengde leerweg",
            "age": "17",
            "receives_studiefinanciering": "nee",
            "literacy_need": "nee",
            "goal": "een mbo opleiding gaan doen, iets met computers",
            "sector_interests": "gamen en computers",
            "max_hours_study_per_week": "twintig",
            "preferred_form": "school",
            "municipality": "purmerend",
        },
        {
            "work_status": ("werkzoekend_zonder_uitkering", "anders"), "education_level": "vmbo", "age": 17,
            "receives_studiefinanciering": False, "literacy_need": False, "goal": "diploma_halen",
            "sector_interests": ["ict"], "max_hours_study_per_week": 20, "preferred_form": "klassikaal",
            "municipality": "Purmerend",
        },
    ),
    _p(
        "ontslagen metaalbewerker van 59 in de ww die om een mens vraagt en ja zegt",
        "hallo",
        {
            "work_status": "werkloos, ww, de fabriek is dicht",
            "education_level": "lts",
            "age": "59",
        },
        {"work_status": "werkzoekend_ww"},
        digressions={
            "education_level": Digression("ik vind dit lastig, kan ik niet gewoon met iemand praten?",
                                          reply="ja, dat wil ik graag"),
        },
        expect_handoff=True,
    ),
    _p(
        "zzp timmerman van 29 die een mens wil en dan toch niet",
        "hoi",
        {
            "work_status": "zzp, ik ben timmerman",
            "hours_per_week": "veertig",
            "current_sector": "bouw",
            "current_function": "ik ben timmerman, ik maak vooral dakkapellen",
            "education_level": "timmeren op mbo niveau 2",
            "age": "29",
            "receives_studiefinanciering": "nee",
            "goal": "allround timmerman worden, dan kan ik grotere klussen aannemen",
            "sector_interests": "de bouw",
            "max_hours_study_per_week": "vijf",
            "preferred_form": "in de praktijk",
            "municipality": "hardenberg",
        },
        {
            "work_status": "zzp", "hours_per_week": 40, "current_sector": TBE, "current_function": "timmerman",
            "education_level": "mbo2", "age": 29, "receives_studiefinanciering": False,
            "goal": ("bijscholen", "diploma_halen"), "sector_interests": [TBE], "max_hours_study_per_week": 5,
            "preferred_form": "werkend_leren", "municipality": "Hardenberg",
        },
        digressions={
            "municipality": Digression("kan ik ook iemand spreken die dit soort dingen weet?",
                                       reply="nee toch maar niet, ik maak het eerst af"),
        },
    ),
    _p(
        "boekhoudkundig medewerker van 44 die naar stap vraagt",
        "hallo, bestaat stap nog?",
        {
            "work_status": "ik werk op een accountantskantoor, vast contract",
            "employer_size": "we zijn met twintig",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "32",
            "current_sector": "accountancy",
            "education_level": "mbo 4 bedrijfsadministratie",
            "age": "44",
            "goal": "mijn spd diploma halen",
            "sector_interests": "financiele administratie",
            "max_hours_study_per_week": "zes",
            "preferred_form": "avondschool",
            "municipality": "amstelveen",
        },
        {
            "work_status": "werknemer_vast", "employer_size": "mkb", "at_risk_of_job_loss": False,
            "hours_per_week": 32, "current_sector": ZD, "education_level": "mbo4", "age": 44,
            "goal": ("bijscholen", "diploma_halen"), "sector_interests": [ZD], "max_hours_study_per_week": 6,
            "preferred_form": "klassikaal", "municipality": "Amstelveen",
        },
    ),
    _p(
        "theatertechnicus van 36 die elektricien wil worden en zijn leeftijd verbetert",
        "hallo",
        {
            "work_status": "ik werk via een payrollbedrijf in het theater, steeds korte contracten",
            "employer_size": "weet ik niet",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "dertig",
            "current_sector": "theater, licht en geluid",
            "education_level": "mbo 4 podium en evenemententechniek",
            "age": "34",
            "goal": "elektricien worden, dat geeft meer zekerheid",
            "sector_interests": "installatietechniek",
            "max_hours_study_per_week": "acht",
            "preferred_form": "leerwerktraject",
            "municipality": "amsterdam",
        },
        {
            "work_status": "werknemer_flex", "employer_size": None, "at_risk_of_job_loss": False,
            "hours_per_week": 30, "current_sector": "cultuur", "education_level": "mbo4", "age": 36,
            "goal": "omscholen", "sector_interests": [TBE], "max_hours_study_per_week": 8,
            "preferred_form": "werkend_leren", "municipality": "Amsterdam",
        },
        summary_fix="bijna goed, maar ik ben zesendertig",
    ),
    _p(
        "begeleider gehandicaptenzorg van 35 die meer over autisme wil weten en zijn gemeente verbetert",
        "hallo",
        {
            "work_status": "invalkracht in de gehandicaptenzorg, oproepcontract",
            "employer_size": "een grote zorginstelling",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "24",
            "current_sector": "gehandicaptenzorg",
            "current_function": "persoonlijk begeleider van mensen met een verstandelijke beperking",
            "education_level": "maatschappelijke zorg niveau 4",
            "age": "35",
            "goal": "meer weten over autisme, we hebben veel clienten met autisme",
            "sector_interests": "de gehandicaptenzorg",
            "max_hours_study_per_week": "vier",
            "preferred_form": "online",
            "municipality": "katwijk",
        },
        {
            "work_status": "werknemer_flex", "employer_size": "groot", "at_risk_of_job_loss": False,
            "hours_per_week": 24, "current_sector": ZW, "current_function": "begeleider_gz",
            "education_level": "mbo4", "age": 35, "goal": "bijscholen", "sector_interests": [ZW],
            "max_hours_study_per_week": 4, "preferred_form": "online", "municipality": "Leiden",
        },
        summary_fix="de woonplaats is fout, ik woon sinds kort in leiden",
    ),
    _p(
        "postbezorger van 46 die buschauffeur wil worden en zijn leeftijd in het antwoord verbetert",
        "goeiemiddag",
        {
            "work_status": "ik bezorg pakketjes, tijdelijk contract",
            "employer_size": "groot, het is postnl",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "vijfentwintig",
            "current_sector": "pakketbezorging",
            "education_level": "vmbo",
            "age": "45, eh nee, 46 sinds vorige week",
            "literacy_need": "nee",
            "goal": "buschauffeur worden bij het openbaar vervoer",
            "sector_interests": "het ov",
            "max_hours_study_per_week": "tien",
            "preferred_form": "lessen met een instructeur",
            "municipality": "nijmegen",
        },
        {
            "work_status": "werknemer_flex", "employer_size": "groot", "at_risk_of_job_loss": False,
            "hours_per_week": 25, "current_sector": "logistiek", "education_level": "vmbo", "age": 46,
            "literacy_need": False, "goal": "omscholen", "sector_interests": ["logistiek"],
            "max_hours_study_per_week": 10, "preferred_form": "klassikaal", "municipality": "Nijmegen",
        },
    ),
    _p(
        "magazijnmedewerker van 38 die de grootte en de uren niet weet",
        "hoi",
        {
            "work_status": "vast contract in een magazijn",
            "employer_size": "weet ik echt niet, het is een buitenlands bedrijf",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "weet ik niet precies, het rooster wisselt steeds",
            "current_sector": "magazijn",
            "education_level": "mbo 2 logistiek",
            "age": "38",
            "goal": "mijn reachtruck papieren halen",
            "sector_interests": "logistiek",
            "max_hours_study_per_week": "drie",
            "preferred_form": "praktijk",
            "municipality": "venray",
        },
        {
            "work_status": "werknemer_vast", "employer_size": None, "at_risk_of_job_loss": False,
            "hours_per_week": None, "current_sector": "logistiek", "education_level": "mbo2", "age": 38,
            "goal": "bijscholen", "sector_interests": ["logistiek"], "max_hours_study_per_week": 3,
            "preferred_form": "werkend_leren", "municipality": "Venray",
        },
    ),
    _p(
        "politieagent van 41 die rechercheur wil worden",
        "goedemiddag",
        {
            "work_status": "ik zit bij de politie, vast",
            "employer_size": "de politie, dus heel groot",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "zesendertig",
            "current_sector": "politie",
            "education_level": "de politieschool, niveau 4",
            "age": "eenenveertig",
            "goal": "rechercheur worden",
            "sector_interests": "de recherche",
            "max_hours_study_per_week": "een uur of vijf",
            "preferred_form": "klassikaal op de politieacademie",
            "municipality": "eindhoven",
        },
        {
            "work_status": "werknemer_vast", "employer_size": "groot", "at_risk_of_job_loss": False,
            "hours_per_week": 36, "current_sector": OV, "education_level": "mbo4", "age": 41,
            "goal": "bijscholen", "sector_interests": [OV], "max_hours_study_per_week": 5,
            "preferred_form": "klassikaal", "municipality": "Eindhoven",
        },
        digressions={
            "goal": Digression("betaalt mijn werkgever zoiets meestal?", kind="faq", faq_key="faq/ask_cost"),
        },
    ),
    _p(
        "docente van 51 in de ziektewet met een burn-out die boswachter wil worden",
        "hallo",
        {
            "work_status": "ik zit in de ziektewet, burn-out",
            "education_level": "lerarenopleiding aardrijkskunde, hbo",
            "age": "51",
            "goal": "iets rustigs in de natuur, boswachter lijkt me prachtig",
            "sector_interests": "natuur en bos",
            "max_hours_study_per_week": "vier",
            "preferred_form": "online, thuis in mijn eigen tempo",
            "municipality": "ik woon in vries, bij assen",
        },
        {
            "work_status": "arbeidsongeschikt", "education_level": "hbo_bachelor", "age": 51, "goal": "omscholen",
            "sector_interests": ["groen"], "max_hours_study_per_week": 4, "preferred_form": "online",
            "municipality": ("Tynaarlo", "Vries"),
        },
    ),
    _p(
        "kok van 27 in een restaurant die een eigen foodtruck wil en naar privacy vraagt",
        "heey",
        {
            "work_status": "kok in vaste dienst",
            "employer_size": "klein restaurant, acht man",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "42",
            "current_sector": "horeca, ik sta in de keuken",
            "education_level": "mbo 3 zelfstandig werkend kok",
            "age": "27",
            "receives_studiefinanciering": "nee hoor",
            "goal": "voor mezelf beginnen met een foodtruck",
            "sector_interests": "eten maken, horeca",
            "max_hours_study_per_week": "drie",
            "preferred_form": "online",
            "municipality": "utrecht",
        },
        {
            "work_status": "werknemer_vast", "employer_size": "mkb", "at_risk_of_job_loss": False,
            "hours_per_week": 42, "current_sector": "horeca", "education_level": "mbo3", "age": 27,
            "receives_studiefinanciering": False, "goal": "ondernemen", "sector_interests": ["horeca"],
            "max_hours_study_per_week": 3, "preferred_form": "online", "municipality": "Utrecht",
        },
        digressions={
            "age": Digression("wie kan dit allemaal lezen wat ik hier invul?", kind="faq", faq_key="faq/ask_privacy"),
        },
    ),
    _p(
        "ww'er van 52 uit de bouwmarkt die installateur wil worden en zijn diploma verbetert",
        "hallo",
        {
            "work_status": "ik ben ontslagen bij de bouwmarkt, ik heb nu ww",
            "education_level": "detailhandel mbo 3",
            "age": "52",
            "goal": "een opleiding in de techniek, installateur worden",
            "sector_interests": "installatie, cv-ketels",
            "max_hours_study_per_week": "twintig",
            "preferred_form": "werken en leren, allebei tegelijk",
            "municipality": "dordrecht",
        },
        {
            "work_status": "werkzoekend_ww", "education_level": "mbo2", "age": 52, "goal": "omscholen",
            "sector_interests": [TBE], "max_hours_study_per_week": 20, "preferred_form": "werkend_leren",
            "municipality": "Dordrecht",
        },
        summary_fix="het diploma klopt niet helemaal, het was mbo 2 detailhandel, geen mbo 3",
    ),
    _p(
        "oproepkracht van 22 in een hotel die naar de hotelschool wil en naar bbl vraagt",
        "hoi",
        {
            "work_status": "ik werk als oproepkracht bij een hotel aan de receptie",
            "employer_size": "het is een keten, groot",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "twaalf",
            "current_sector": "hotel",
            "education_level": "mbo 4 hospitality",
            "age": "22",
            "receives_studiefinanciering": "nee, die heb ik niet meer",
            "goal": "de hotelschool in leeuwarden",
            "sector_interests": "hotels en toerisme",
            "max_hours_study_per_week": "vijfentwintig",
            "preferred_form": "klassikaal",
            "municipality": "heerenveen",
        },
        {
            "work_status": "werknemer_flex", "employer_size": "groot", "at_risk_of_job_loss": False,
            "hours_per_week": 12, "current_sector": "horeca", "education_level": "mbo4", "age": 22,
            "receives_studiefinanciering": False, "goal": "diploma_halen", "sector_interests": ["horeca"],
            "max_hours_study_per_week": 25, "preferred_form": "klassikaal", "municipality": "Heerenveen",
        },
        digressions={
            "education_level": Digression("wat is nou precies het verschil tussen bbl en bol?", kind="faq",
                                          faq_key="faq/ask_bbl_bol"),
        },
    ),
    _p(
        "marokkaanse vrouw van 44 zonder uitkering die wil leren lezen en rekenen en ja zegt op hulp",
        "salaam, hallo",
        {
            "work_status": "ik ben thuis, huisvrouw, mijn man werkt",
            "education_level": "geen school gehad",
            "age": "44",
            "goal": "ik wil werk in de kinderopvang, maar eerst beter lezen",
            "sector_interests": "met kinderen werken",
            "literacy_need": "ja graag, lezen en ook rekenen",
            "max_hours_study_per_week": "zes",
            "preferred_form": "in groep met andere vrouwen",
            "municipality": "den bosch",
        },
        {
            "work_status": ("werkzoekend_zonder_uitkering", "anders"), "education_level": "geen", "age": 44,
            "goal": ("omscholen", "basisvaardigheden", "diploma_halen"),
            "sector_interests": (["kinderopvang"], ["kinderopvang", "onderwijs"]), "literacy_need": True,
            "max_hours_study_per_week": 6, "preferred_form": "klassikaal",
            "municipality": ("'s-Hertogenbosch", "Den Bosch"),
        },
    ),
    _p(
        "productiemedewerker van 39 in een fabriek met reorganisatie die procesoperator wil worden",
        "hallo",
        {
            "work_status": "productiemedewerker, vast",
            "employer_size": "we zijn met zo'n 450 mensen",
            "at_risk_of_job_loss": "ja, er moeten honderd banen weg en ik zit op de lijst misschien",
            "hours_per_week": "38, ploegendienst",
            "current_sector": "voedingsindustrie, een zuivelfabriek",
            "education_level": "vmbo kader",
            "age": "39",
            "literacy_need": "ja, vooral schrijven, mijn spelling is slecht",
            "goal": "mbo procesoperator halen, dan kan ik doorgroeien",
            "sector_interests": "de procesindustrie",
            "max_hours_study_per_week": "acht",
            "preferred_form": "bbl via de fabriek",
            "municipality": "leeuwarden",
        },
        {
            "work_status": "werknemer_vast", "employer_size": "groot", "at_risk_of_job_loss": True,
            "hours_per_week": 38, "current_sector": (LV, TBE), "education_level": "vmbo", "age": 39,
            "literacy_need": True, "goal": ("diploma_halen", "bijscholen"),
            "sector_interests": ([TBE], [LV], [TBE, LV], [LV, TBE]), "max_hours_study_per_week": 8,
            "preferred_form": "werkend_leren", "municipality": "Leeuwarden",
        },
    ),
    _p(
        "gepensioneerde boekhouder van 68 die weet ik niet zegt op bijna alles",
        "goedenavond",
        {
            "work_status": "pensioen",
            "education_level": "weet ik niet meer, iets met boekhouden, lang geleden",
            "age": "68",
            "goal": "weet ik niet",
            "sector_interests": "weet ik niet",
            "literacy_need": "weet ik niet",
            "max_hours_study_per_week": "weet ik niet",
            "preferred_form": "weet ik niet",
            "municipality": "hilversum",
        },
        {
            "work_status": "gepensioneerd", "education_level": None, "age": 68, "goal": ("orienteren", None),
            "sector_interests": (None, []), "literacy_need": None, "max_hours_study_per_week": None,
            "preferred_form": (None, "geen_voorkeur"), "municipality": "Hilversum",
        },
    ),
]

# The people this intake misreads: name -> the finding (field, sentence, what was read, what was expected).
XFAIL: dict[str, str] = {
    "administratief medewerkster van 58 in de ww die doktersassistente wil worden": (
        "goal 'doktersassistente, dat heb ik altijd al willen doen' not understood 3x, skipped (None; expected "
        "omscholen or diploma_halen); preferred_form 'ik wil naar een school, thuis leer ik niks' read as online; "
        "expected klassikaal"
    ),
    "leerkracht van 50 die intern begeleider wil worden": (
        "employer_size 'onze stichting heeft twintig scholen, wel zeshonderd man personeel' read as mkb; "
        "expected groot (600 staff); goal 'de opleiding tot intern begeleider doen' not understood 3x, skipped "
        "(None; expected bijscholen)"
    ),
    "ziekenhuisverpleegkundige van 29 die de ic-opleiding wil": (
        "goal 'de vervolgopleiding intensive care' not understood 3x, skipped (None; expected bijscholen); "
        "sector_interests 'de ic' (intensive care) read as ['ict']; expected ['zorg_welzijn']; preferred_form "
        "'leren op de afdeling zelf' not understood 3x (None; expected werkend_leren)"
    ),
    "net afgestudeerde marketeer van 24 in de ww die gewoon weer aan het werk wil": (
        "goal 'zo snel mogelijk weer aan het werk, wat maakt me niet zoveel uit' read as omscholen; expected "
        "orienteren (any work, no new direction named)"
    ),
    "zelfstandige taxichauffeur van 62 die conciërge op een school wil worden": (
        "current_sector 'taxivervoer' read as anders; expected logistiek (transport)"
    ),
    "statushouder uit eritrea van 29 in de bijstand die eerst nederlands wil leren": (
        "education_level 'in eritrea ik ging maar vier jaar naar school' read as buitenlands; expected geen "
        "(four years of school, no diploma; buitenlands is for a foreign diploma)"
    ),
    "postbezorger van 46 die buschauffeur wil worden en zijn leeftijd in het antwoord verbetert": (
        "age '45, eh nee, 46 sinds vorige week' read as 45 (the correction inside the answer is lost; expected "
        "46); goal 'buschauffeur worden bij het openbaar vervoer' read as bijscholen; expected omscholen (other "
        "work, no step up); sector_interests 'het ov' read as ['anders']; expected ['logistiek']; preferred_form "
        "'lessen met een instructeur' not understood 3x (None; expected klassikaal)"
    ),
    "docente van 51 in de ziektewet met een burn-out die boswachter wil worden": (
        "goal 'iets rustigs in de natuur, boswachter lijkt me prachtig' not understood 3x, skipped (None; "
        "expected omscholen); municipality 'ik woon in vries, bij assen' gave 'Bedoel je Assen?' (the city she "
        "named as a landmark; the script confirms every 'Bedoel je') and Assen; expected Tynaarlo (or Vries)"
    ),
    "marokkaanse vrouw van 44 zonder uitkering die wil leren lezen en rekenen en ja zegt op hulp": (
        "goal 'ik wil werk in de kinderopvang, maar eerst beter lezen' read as basisvaardigheden (accepted), so "
        "the interest question is skipped and the kinderopvang she named is not kept: sector_interests [] "
        "(the advice says it does not know her sector yet); expected ['kinderopvang']"
    ),

}


test_a_fresh_person_reaches_the_advice_they_should_get, test_at_least_forty_different_people = checks(
    PEOPLE, XFAIL)
