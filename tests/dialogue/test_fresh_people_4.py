"""A fourth set of fresh people the intake was never tuned on: issue #9's "Done when", the final measurement.

Written fresh by a helper session (worktree people4) that did not tune the intake and did not read
the parser or the intake code (assistant/intake/*.py) nor data/nlu/. assistant/vocabulary.yaml was
opened for the fields, their allowed values, their labels and the ask_if conditions (which question
comes to whom). Its cue lists were shown once, by a filter that failed to hide them; no sentence below
was written toward or away from them: they are written from how people type in a chat. None copies
or rephrases a sentence of tests/dialogue/*.py, tests/e2e/test_personas.py or tests/simulate/. The
people: praktisch geschoolden, flexwerkers, zzp'ers, werkzoekenden (WW,
bijstand, geen uitkering), arbeidsongeschikten, 45-plussers, gepensioneerden, scholieren en
studenten, nieuwkomers met eenvoudig Nederlands; typfouten, kleine letters, getallen in woorden,
verhalen in plaats van labels, een verbetering in het antwoord of in de samenvatting, 'weet ik
niet', een FAQ-vraag midden in de intake, om een mens vragen en dan weigeren of aannemen, banen en
sectoren buiten de knoppen, gemeenten die heringedeeld zijn (Zaandam, Spijkenisse, Bedum).

Each person's correct profile (by the definitions in assistant/vocabulary.yaml) was written down
before the first run; a tuple lists the readings a careful human adviser would all accept for what
was said (a place that is a village of a merged gemeente: the gemeente or the place). Same driver
and checks as tests/dialogue/test_unseen_people.py (``check_person``). People the intake misreads
are strict xfails with the finding (field, sentence, what was read, what was expected), so the file
stays green and the measurement stays honest: no expectation was bent to what the machine read.

First run: 10 of 50 passed. Three kinds of failure were the test's own fault and were fixed without
changing what a person said or reading any expectation off the machine: (1) four digressions stood on a
question the intake does not ask that person (it skips questions whose answer cannot change the advice:
max_hours_study_per_week for the zzp-installateur, the bankmedewerkster and the eetcafe-eigenaar,
hours_per_week for the secretaresse), so they were never sent; each now stands on a question that is asked
(preferred_form, age, municipality), with the same words; (2) the boerin got the narrower "vast, tijdelijk
of voor jezelf?" question, for which the script had no answer and repeated her first sentence: she now
answers it ('voor onszelf, het is ons eigen bedrijf'); (3) the licht- en geluidstechnicus corrected his
hours in the summary, but the intake neither asks nor shows hours for him, so the correction now targets
his gemeente, which the summary shows (the expectation follows the new correction; hours stay as he said).
After that: still 10 of 50 passed (the fixes only uncovered other misreadings).

An automated check after the first run found twelve answers that, by chance, stood verbatim in an older
test file (e.g. 'verzorgende ig worden', 'online, dan kan ik het 's avonds doen', 'ik heb wajong'); they
were rewritten in other words with the same meaning, expectations unchanged. One of them then failed:
the goal 'verzorgende ig, dat wil ik worden' is not understood, while the old wording was. Diploma
names ('mbo 2 helpende') and button-like answers ('maakt niet uit', 'weet ik niet') were kept.
Final: 9 of 50 pass; the other 41 are strict xfails in XFAIL below. Most common: the goal in ordinary
words (24 people: 21 not understood three times and skipped, 3 misread), the learning form (12: 10
skipped, 2 misread), the employer's size said in words or as a number in letters (5, all skipped), a
request for a person not read as one (3).

Then measured on the intake as tuned on the first and third sets only (before anyone looked at these
people's findings): 15 of 50 pass. Everything after that is tuning on this set too, so this set no
longer measures fresh people; the next fresh set does.
"""

from __future__ import annotations

from tests.dialogue.fresh import checks
from tests.dialogue.fresh import person as _p
from tests.e2e.test_personas import Digression

ZW = "zorg_welzijn"
TBE = "techniek_bouw_energie"

PEOPLE = [
    _p(
        "kok in de keuken van een verpleeghuis die dieetkok wil worden",
        "goeiemorgen",
        {
            "work_status": "vaste baan, al twaalf jaar",
            "employer_size": "met alle locaties samen zijn we met zo'n vierhonderd man",
            "at_risk_of_job_loss": "nee hoor, koks kunnen ze bijna niet vinden",
            "hours_per_week": "vierendertig",
            "current_sector": "ik kook voor de bewoners van een verpleeghuis",
            "current_function": "ik ben kok, met het verzorgen heb ik niks te maken",
            "education_level": "mbo 2 kok",
            "age": "47",
            "goal": "dieetkok worden, meer weten over eten voor ouderen met slikproblemen",
            "sector_interests": "de zorgkeuken, daar wil ik blijven",
            "max_hours_study_per_week": "een avond in de week, zeg drie uur",
            "preferred_form": "met andere koks in een lokaal, samen koken en leren",
            "municipality": "hoogeveen",
        },
        {
            "work_status": "werknemer_vast", "employer_size": "groot", "at_risk_of_job_loss": False,
            "hours_per_week": 34, "current_sector": (ZW, "horeca"), "current_function": "anders",
            "education_level": "mbo2", "age": 47, "goal": ("bijscholen", "diploma_halen"),
            "sector_interests": ([ZW], ["horeca"], [ZW, "horeca"], ["horeca", ZW]),
            "max_hours_study_per_week": 3, "preferred_form": "klassikaal", "municipality": "Hoogeveen",
        },
    ),
    _p(
        "pedagogisch medewerker van 24 met een jaarcontract die hbo pedagogiek wil",
        "hoi",
        {
            "work_status": "ik heb een contract voor een jaar bij een kinderdagverblijf",
            "employer_size": "het is een keten met heel veel vestigingen door het hele land",
            "at_risk_of_job_loss": "nee volgens mij verlengen ze me wel",
            "hours_per_week": "28",
            "current_sector": "kinderopvang, op een kdv",
            "current_function": "pedagogisch medewerker op de babygroep",
            "education_level": "mbo 3 pedagogisch werk",
            "age": "vierentwintig",
            "receives_studiefinanciering": "nee, die is al lang gestopt",
            "goal": "in deeltijd mijn hbo pedagogiek halen",
            "sector_interests": "de kinderopvang, en later misschien het basisonderwijs",
            "max_hours_study_per_week": "acht",
            "preferred_form": "twee avonden naar de hogeschool",
            "municipality": "amersfoort",
        },
        {
            "work_status": "werknemer_flex", "employer_size": "groot", "at_risk_of_job_loss": False,
            "hours_per_week": 28, "current_sector": "kinderopvang", "current_function": "pm_kinderopvang",
            "education_level": "mbo3", "age": 24, "receives_studiefinanciering": False, "goal": "diploma_halen",
            "sector_interests": (["kinderopvang", "onderwijs"], ["onderwijs", "kinderopvang"]),
            "max_hours_study_per_week": 8, "preferred_form": "klassikaal", "municipality": "Amersfoort",
        },
    ),
    _p(
        "zzp-installateur van zonnepanelen met mts die naar het nlqf vraagt",
        "hallo",
        {
            "work_status": "ik heb een eenmanszaak, ik leg zonnepanelen en laadpalen",
            "hours_per_week": "meestal zo'n vijftig uur",
            "current_sector": "installatietechniek",
            "current_function": "elektromonteur, ik doe alles zelf",
            "education_level": "mts elektro",
            "age": "38",
            "goal": "thuisbatterijen en warmtepompen erbij leren, daar vragen mijn klanten steeds vaker om",
            "sector_interests": "gewoon de techniek",
            "max_hours_study_per_week": "vier",
            "preferred_form": "een online cursus, 's avonds als de klussen klaar zijn",
            "municipality": "Oss",
        },
        {
            "work_status": "zzp", "hours_per_week": 50, "current_sector": TBE,
            "current_function": ("monteur_et", "eerste_monteur_et"), "education_level": "mbo4", "age": 38,
            "goal": "bijscholen", "sector_interests": [TBE], "max_hours_study_per_week": 4,
            "preferred_form": "online", "municipality": "Oss",
        },
        digressions={
            "preferred_form": Digression(
                "wat betekent dat nlqf niveau dat bij sommige cursussen staat?", kind="faq", faq_key="faq/ask_nlqf"
            ),
        },
    ),
    _p(
        "vrouw van tweeenvijftig in de bijstand die een schoonmaakdiploma wil en naar de kosten vraagt",
        "goedemiddag",
        {
            "work_status": "ik zit in de bijstand sinds mijn scheiding",
            "education_level": "ik ben na de lagere school meteen gaan werken",
            "age": "tweeënvijftig",
            "goal": "een diploma schoonmaak halen, dan vind ik makkelijker werk",
            "sector_interests": "schoonmaken, dat kan ik goed",
            "literacy_need": "ja, lezen gaat moeizaam en formulieren snap ik vaak niet",
            "max_hours_study_per_week": "tien uur",
            "preferred_form": "met een juf erbij, niet op de computer",
            "municipality": "rotterdam",
        },
        {
            "work_status": "werkzoekend_bijstand", "education_level": "geen", "age": 52, "goal": "diploma_halen",
            "sector_interests": ["schoonmaak_facilitair"], "literacy_need": True, "max_hours_study_per_week": 10,
            "preferred_form": "klassikaal", "municipality": "Rotterdam",
        },
        digressions={
            "goal": Digression("moet ik zo'n opleiding zelf betalen? ik heb geen geld", kind="faq",
                               faq_key="faq/ask_cost"),
        },
    ),
    _p(
        "hbo-ict student van 21 met stufi die twijfelt en zijn woonplaats verbetert",
        "hey",
        {
            "work_status": "ik studeer hbo-ict, tweede jaar",
            "education_level": "havo",
            "age": "21",
            "receives_studiefinanciering": "ja, basisbeurs en ik leen ook",
            "goal": "ik twijfel of ict wel mijn ding is, ik wil kijken wat er nog meer is",
            "sector_interests": "misschien het onderwijs, les geven aan kinderen",
            "max_hours_study_per_week": "twaalf",
            "preferred_form": "maakt mij niet zoveel uit",
            "municipality": "zeist, nee wacht, sinds vorige maand woon ik in utrecht",
        },
        {
            "work_status": "student", "education_level": "havo", "age": 21, "receives_studiefinanciering": True,
            "goal": "orienteren", "sector_interests": ["onderwijs"], "max_hours_study_per_week": 12,
            "preferred_form": "geen_voorkeur", "municipality": "Utrecht",
        },
    ),
    _p(
        "gepensioneerde onderwijzer van achtenzestig die de laptop en digid wil leren",
        "goedendag",
        {
            "work_status": "ik ben met pensioen, ik stond vroeger voor de klas",
            "education_level": "de kweekschool",
            "age": "achtenzestig",
            "goal": "ik wil beter met mijn laptop en telefoon om kunnen gaan, digid en bankieren en zo",
            "max_hours_study_per_week": "twee",
            "preferred_form": "een cursus in de bibliotheek met andere mensen",
            "municipality": "Zutphen",
        },
        {
            "work_status": "gepensioneerd", "education_level": "hbo_bachelor", "age": 68,
            "goal": "basisvaardigheden", "max_hours_study_per_week": 2, "preferred_form": "klassikaal",
            "municipality": "Zutphen",
        },
    ),
    _p(
        "oud-verpleegkundige van 44 in de wia die iemand wil spreken en dan toch niet",
        "hallo",
        {
            "work_status": "ik zit in de wia, gedeeltelijk afgekeurd na een burnout",
            "education_level": "hbo-v",
            "age": "44",
            "goal": "iets anders dan de zorg, minder zwaar, misschien administratief",
            "sector_interests": "kantoorwerk, administratie",
            "max_hours_study_per_week": "zes",
            "preferred_form": "thuis achter mijn computer in mijn eigen tempo",
            "municipality": "nijmegen",
        },
        {
            "work_status": "arbeidsongeschikt", "education_level": "hbo_bachelor", "age": 44, "goal": "omscholen",
            "sector_interests": ["zakelijke_dienstverlening"], "max_hours_study_per_week": 6,
            "preferred_form": "online", "municipality": "Nijmegen",
        },
        digressions={
            "age": Digression(
                "kan ik dit ook met een echt persoon doorpraten?", reply="nee laat maar, ik probeer het eerst zo"
            ),
        },
    ),
    _p(
        "Poolse orderpicker via een uitzendbureau die beter Nederlands wil",
        "hallo",
        {
            "work_status": "ik werk via uitzendbureau in magazijn",
            "employer_size": "ik weet niet. groot magazijn, veel mensen",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "veertig",
            "current_sector": "magazijn, ik pak orders",
            "education_level": "ik heb school in polen, technikum",
            "age": "31",
            "goal": "beter nederlands spreken en schrijven voor mijn werk",
            "max_hours_study_per_week": "4 uur",
            "preferred_form": "in klas, na werk",
            "municipality": "venlo",
        },
        {
            "work_status": "werknemer_flex", "employer_size": ("groot", None), "at_risk_of_job_loss": False,
            "hours_per_week": 40, "current_sector": "logistiek", "education_level": "buitenlands", "age": 31,
            "goal": "basisvaardigheden", "max_hours_study_per_week": 4, "preferred_form": "klassikaal",
            "municipality": "Venlo",
        },
    ),
    _p(
        "zzp-pakketbezorger van 27 die van de bus af wil en beveiliger wil worden",
        "yo",
        {
            "work_status": "ik bezorg pakketten als zzp'er, met mijn eigen busje",
            "hours_per_week": "zestig soms, is echt veel",
            "current_sector": "pakketbezorging",
            "education_level": "vmbo basis",
            "age": "zevenentwintig",
            "receives_studiefinanciering": "nee",
            "goal": "ik wil niet meer de hele dag rijden. beveiliging lijkt me wat",
            "sector_interests": "beveiliging",
            "literacy_need": "nee hoor, dat lukt allemaal wel",
            "max_hours_study_per_week": "vijf",
            "preferred_form": "bij een bedrijf leren en meteen aan het werk",
            "municipality": "zaandam",
        },
        {
            "work_status": "zzp", "hours_per_week": 60, "current_sector": "logistiek", "education_level": "vmbo",
            "age": 27, "receives_studiefinanciering": False, "goal": "omscholen",
            "sector_interests": ["overheid_veiligheid"], "literacy_need": False, "max_hours_study_per_week": 5,
            "preferred_form": "werkend_leren", "municipality": ("Zaanstad", "Zaandam"),
        },
    ),
    _p(
        "Turkse schoonmaakster in een ziekenhuis van 58 die helpende wil worden",
        "goedemiddag",
        {
            "work_status": "ik heb vast contract bij schoonmaakbedrijf, ik maak het ziekenhuis schoon",
            "employer_size": "het schoonmaakbedrijf is heel groot, duizenden mensen",
            "at_risk_of_job_loss": "ja misschien, dit jaar komt er weer een nieuwe aanbesteding",
            "hours_per_week": "drieentwintig",
            "current_sector": "schoonmaak",
            "education_level": "in turkije alleen basisschool",
            "age": "58",
            "goal": "ik wil helpende in de zorg worden, bij de mensen zelf",
            "sector_interests": "de ouderenzorg",
            "literacy_need": "ja graag, vooral met schrijven",
            "max_hours_study_per_week": "acht",
            "preferred_form": "leren op de afdeling en daar ook werken",
            "municipality": "Enschede",
        },
        {
            "work_status": "werknemer_vast", "employer_size": "groot", "at_risk_of_job_loss": True,
            "hours_per_week": 23, "current_sector": "schoonmaak_facilitair", "education_level": "geen", "age": 58,
            "goal": ("omscholen", "diploma_halen"), "sector_interests": [ZW], "literacy_need": True,
            "max_hours_study_per_week": 8, "preferred_form": "werkend_leren", "municipality": "Enschede",
        },
    ),
    _p(
        "jongen van negentien die gestopt is met het mbo en automonteur wil worden",
        "hoi",
        {
            "work_status": "niks, ik ben gestopt met het mbo en zoek nu werk",
            "education_level": "vmbo kader, mbo heb ik niet afgemaakt",
            "age": "19",
            "receives_studiefinanciering": "nee, ben gestopt dus die krijg ik niet meer",
            "goal": "toch mijn diploma halen maar dan werkend, als automonteur",
            "sector_interests": "autos, sleutelen",
            "literacy_need": "nee",
            "max_hours_study_per_week": "twintig, ik heb tijd zat",
            "preferred_form": "werken in een garage en een dag naar school",
            "municipality": "helmond",
        },
        {
            "work_status": "werkzoekend_zonder_uitkering", "education_level": "vmbo", "age": 19,
            "receives_studiefinanciering": False, "goal": "diploma_halen", "sector_interests": [TBE],
            "literacy_need": False, "max_hours_study_per_week": 20, "preferred_form": "werkend_leren",
            "municipality": "Helmond",
        },
        digressions={
            "goal": Digression("wat is een startkwalificatie? heb ik die?", kind="faq",
                               faq_key="faq/ask_startkwalificatie"),
        },
    ),
    _p(
        "ontslagen bankmedewerkster van 61 in de ww die eerst om een mens vraagt",
        "hallo, kan ik hier ook met een mens praten?",
        {
            "work_status": "ontslagen bij de reorganisatie, sinds maart zit ik in de ww",
            "education_level": "meao",
            "age": "eenenzestig",
            "goal": "mijn kennis van de boekhoudprogramma's opfrissen, dan vind ik makkelijker een baan",
            "sector_interests": "administratie, financieel werk",
            "max_hours_study_per_week": "tien",
            "preferred_form": "een cursus via internet",
            "municipality": "haarlem",
        },
        {
            "work_status": "werkzoekend_ww", "education_level": "mbo4", "age": 61, "goal": "bijscholen",
            "sector_interests": ["zakelijke_dienstverlening"], "max_hours_study_per_week": 10,
            "preferred_form": "online", "municipality": "Haarlem",
        },
        offer_reply="nee, eerst maar zo proberen",
        digressions={
            "preferred_form": Digression(
                "mag ik eigenlijk wel een cursus doen nu ik ww heb?", kind="faq", faq_key="faq/ask_ww_scholing"
            ),
        },
    ),
    _p(
        "oproepkracht van twintig in een strandtent die naar de hotelschool wil",
        "hoi!",
        {
            "work_status": "ik werk in een strandtent als oproepkracht",
            "employer_size": "klein, we zijn met een man of vijftien",
            "at_risk_of_job_loss": "nee, maar in de winter heb ik bijna geen uren",
            "hours_per_week": "gemiddeld een uur of twintig",
            "current_sector": "bediening op het strand",
            "education_level": "havo",
            "age": "twintig",
            "receives_studiefinanciering": "nee ik studeer niet",
            "goal": "ik wil naar de hotelschool",
            "sector_interests": "horeca, hotels",
            "max_hours_study_per_week": "16",
            "preferred_form": "gewoon naar school, elke dag",
            "municipality": "zandvoort",
        },
        {
            "work_status": "werknemer_flex", "employer_size": "mkb", "at_risk_of_job_loss": False,
            "hours_per_week": 20, "current_sector": "horeca", "education_level": "havo", "age": 20,
            "receives_studiefinanciering": False, "goal": "diploma_halen", "sector_interests": ["horeca"],
            "max_hours_study_per_week": 16, "preferred_form": "klassikaal", "municipality": "Zandvoort",
        },
    ),
    _p(
        "beveiliger met een nulurencontract die boa bij de gemeente wil worden",
        "goedenavond",
        {
            "work_status": "ik heb een nulurencontract bij een beveiligingsbedrijf",
            "employer_size": "het beveiligingsbedrijf zit in heel nederland, echt groot",
            "at_risk_of_job_loss": "nee, er is werk genoeg",
            "hours_per_week": "36",
            "current_sector": "ik sta als beveiliger bij een distributiecentrum",
            "education_level": "mbo 2 beveiliging",
            "age": "35",
            "goal": "boa worden bij de gemeente",
            "sector_interests": "handhaving",
            "max_hours_study_per_week": "6",
            "preferred_form": "naar de les, met een docent erbij",
            "municipality": "lelystad",
        },
        {
            "work_status": "werknemer_flex", "employer_size": "groot", "at_risk_of_job_loss": False,
            "hours_per_week": 36, "current_sector": "overheid_veiligheid", "education_level": "mbo2", "age": 35,
            "goal": ("omscholen", "bijscholen"), "sector_interests": ["overheid_veiligheid"],
            "max_hours_study_per_week": 6, "preferred_form": "klassikaal", "municipality": "Lelystad",
        },
    ),
    _p(
        "boerin op het melkveebedrijf van haar man die er een zorgboerderij bij wil",
        "dag",
        {
            "work_status": "wij hebben een melkveebedrijf, ik werk mee op de boerderij van mijn man",
            "hours_per_week": "veel, wel zestig",
            "current_sector": "melkvee, koeien",
            "education_level": "mbo 4 veehouderij",
            "age": "42",
            "goal": "ik wil een zorgboerderij beginnen naast de koeien",
            "sector_interests": "zorg en de boerderij samen",
            "max_hours_study_per_week": "vijf",
            "preferred_form": "online, ik kan niet weg van het bedrijf",
            "municipality": "dalfsen",
        },
        {
            "work_status": ("zzp", "anders"), "hours_per_week": 60, "current_sector": "landbouw_voedsel",
            "education_level": "mbo4", "age": 42, "goal": "ondernemen",
            "sector_interests": ([ZW, "landbouw_voedsel"], ["landbouw_voedsel", ZW]),
            "max_hours_study_per_week": 5, "preferred_form": "online", "municipality": "Dalfsen",
        },
        narrow_answers={"work_status": "voor onszelf, het is ons eigen bedrijf"},
    ),
    _p(
        "onderwijsassistent van 39 die de pabo wil doen",
        "hallo",
        {
            "work_status": "ik werk als onderwijsassistent op een basisschool, vast contract",
            "employer_size": "de stichting heeft twintig scholen, dus ik denk meer dan 250",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "vierentwintig",
            "current_sector": "onderwijs",
            "education_level": "mbo niveau 4 onderwijsassistent",
            "age": "39",
            "goal": "de pabo doen, zodat ik zelf voor de klas mag",
            "sector_interests": "het onderwijs",
            "max_hours_study_per_week": "tien",
            "preferred_form": "werken en leren, ik blijf op mijn eigen school",
            "municipality": "Breda",
        },
        {
            "work_status": "werknemer_vast", "employer_size": "groot", "at_risk_of_job_loss": False,
            "hours_per_week": 24, "current_sector": "onderwijs", "education_level": "mbo4", "age": 39,
            "goal": "diploma_halen", "sector_interests": ["onderwijs"], "max_hours_study_per_week": 10,
            "preferred_form": "werkend_leren", "municipality": "Breda",
        },
    ),
    _p(
        "servicedeskmedewerker van 29 die vreest dat de servicedesk naar het buitenland gaat",
        "hoi",
        {
            "work_status": "servicedesk medewerker bij een ict bedrijf, vaste baan",
            "employer_size": "we zijn met een man of tachtig",
            "at_risk_of_job_loss": "een beetje wel, ze willen de servicedesk naar het buitenland verplaatsen",
            "hours_per_week": "40",
            "current_sector": "ict",
            "education_level": "havo, daarna niks afgemaakt",
            "age": "29",
            "receives_studiefinanciering": "nee",
            "goal": "mijn azure certificaten halen en doorgroeien naar cloud engineer",
            "sector_interests": "cloud en security, ict dus",
            "max_hours_study_per_week": "8",
            "preferred_form": "online met oefenomgevingen",
            "municipality": "eindhoven",
        },
        {
            "work_status": "werknemer_vast", "employer_size": "mkb", "at_risk_of_job_loss": True,
            "hours_per_week": 40, "current_sector": "ict", "education_level": "havo", "age": 29,
            "receives_studiefinanciering": False, "goal": ("bijscholen", "diploma_halen"),
            "sector_interests": ["ict"], "max_hours_study_per_week": 8, "preferred_form": "online",
            "municipality": "Eindhoven",
        },
    ),
    _p(
        "vmbo-scholier van zeventien met een bijbaan aan de kassa",
        "hoi",
        {
            "work_status": "ik zit op het vmbo en werk op zaterdag bij de supermarkt achter de kassa",
            "education_level": "nog geen, ik zit in de vierde",
            "age": "zeventien",
            "receives_studiefinanciering": "nee ben pas 17",
            "goal": "na de zomer naar het mbo, iets met verkoop of marketing, weet nog niet precies wat",
            "sector_interests": "winkels, verkopen",
            "literacy_need": "nee hoor",
            "max_hours_study_per_week": "weet ik niet",
            "preferred_form": "in de klas",
            "municipality": "purmerend",
        },
        {
            "work_status": "student", "education_level": "geen", "age": 17, "receives_studiefinanciering": False,
            "goal": ("orienteren", "diploma_halen"), "sector_interests": ["retail"], "literacy_need": False,
            "max_hours_study_per_week": None, "preferred_form": "klassikaal", "municipality": "Purmerend",
        },
    ),
    _p(
        "secretaresse bij de gemeente van 55 die bang is voor de digitalisering",
        "goedemorgen",
        {
            "work_status": "ik werk al 25 jaar bij de gemeente op het secretariaat",
            "employer_size": "de gemeente, zo'n zeshonderd mensen",
            "at_risk_of_job_loss": "ja, er verdwijnt veel werk door de digitalisering",
            "hours_per_week": "32",
            "current_sector": "de gemeente",
            "education_level": "mavo en later nog de meao",
            "age": "vijfenvijftig",
            "goal": "bijblijven met de computer, alles gaat digitaal tegenwoordig",
            "sector_interests": "ik wil het liefst bij de gemeente blijven werken",
            "max_hours_study_per_week": "4",
            "preferred_form": "een training op kantoor met mijn collega's",
            "municipality": "den helder",
        },
        {
            "work_status": "werknemer_vast", "employer_size": "groot", "at_risk_of_job_loss": True,
            "hours_per_week": 32, "current_sector": "overheid_veiligheid", "education_level": "mbo4", "age": 55,
            "goal": ("bijscholen", "basisvaardigheden"), "sector_interests": ["overheid_veiligheid"],
            "max_hours_study_per_week": 4, "preferred_form": ("klassikaal", "werkend_leren"),
            "municipality": "Den Helder",
        },
        narrow_answers={"work_status": "vast, ik ben ambtenaar"},
        digressions={
            "age": Digression("slaan jullie dit allemaal op?", kind="faq", faq_key="faq/ask_privacy"),
        },
    ),
    _p(
        "freelance licht- en geluidstechnicus die zijn gemeente in de samenvatting verbetert",
        "hallo",
        {
            "work_status": "freelance, licht en geluid in theaters",
            "hours_per_week": "wisselt enorm, gemiddeld dertig",
            "current_sector": "theater en evenementen",
            "education_level": "mbo 4 podium- en evenemententechniek",
            "age": "33",
            "goal": "iets met meer zekerheid, misschien de installatietechniek, daar is altijd werk",
            "sector_interests": "techniek, elektra",
            "max_hours_study_per_week": "6",
            "preferred_form": "naast mijn werk, bij een installatiebedrijf",
            "municipality": "amsterdam",
        },
        {
            "work_status": "zzp", "hours_per_week": 30, "current_sector": "cultuur", "education_level": "mbo4",
            "age": 33, "goal": "omscholen", "sector_interests": [TBE], "max_hours_study_per_week": 6,
            "preferred_form": "werkend_leren", "municipality": "Diemen",
        },
        summary_fix="de gemeente klopt niet, ik ben vorig jaar naar diemen verhuisd",
    ),
    _p(
        "Roemeense productiemedewerker in een vleesfabriek die Nederlands wil leren",
        "hallo",
        {
            "work_status": "ik werk in fabriek vlees via uitzendbureau",
            "employer_size": "groot fabriek, 1000 mensen",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "40 uur, soms 45",
            "current_sector": "vlees, slachterij",
            "education_level": "in roemenie middelbare school afgemaakt",
            "age": "26",
            "receives_studiefinanciering": "nee",
            "goal": "nederlands leren, dan betere baan",
            "max_hours_study_per_week": "5",
            "preferred_form": "avond les in klas",
            "municipality": "boxtel",
        },
        {
            "work_status": "werknemer_flex", "employer_size": "groot", "at_risk_of_job_loss": False,
            "hours_per_week": 40, "current_sector": "landbouw_voedsel", "education_level": "buitenlands",
            "age": 26, "receives_studiefinanciering": False, "goal": "basisvaardigheden",
            "max_hours_study_per_week": 5, "preferred_form": "klassikaal", "municipality": "Boxtel",
        },
    ),
    _p(
        "hovenier van 45 in een klein bedrijf die bomen wil leren snoeien",
        "hallo",
        {
            "work_status": "vast in dienst bij een hoveniersbedrijf",
            "employer_size": "we zijn maar met acht man",
            "at_risk_of_job_loss": "nee hoor",
            "hours_per_week": "achtendertig",
            "current_sector": "groen, tuinen aanleggen en onderhouden",
            "current_function": "gewoon hovenier, al twintig jaar",
            "education_level": "vmbo groen",
            "age": "vijfenveertig",
            "goal": "ik wil leren klimmen en bomen snoeien, het boomverzorgerscertificaat",
            "sector_interests": "bomen, buiten werken",
            "literacy_need": "nee, rekenen is niet mijn sterkste kant maar ik red me wel",
            "max_hours_study_per_week": "3",
            "preferred_form": "buiten op de werkplek",
            "municipality": "gemeente westland",
        },
        {
            "work_status": "werknemer_vast", "employer_size": "mkb", "at_risk_of_job_loss": False,
            "hours_per_week": 38, "current_sector": "groen",
            "current_function": ("medewerker_hovenier", "vakbekwaam_hovenier"), "education_level": "vmbo",
            "age": 45, "goal": ("bijscholen", "diploma_halen"), "sector_interests": ["groen"],
            "literacy_need": False, "max_hours_study_per_week": 3, "preferred_form": "werkend_leren",
            "municipality": "Westland",
        },
    ),
    _p(
        "mantelzorger van 49 zonder uitkering die terug wil in de zorg en naar evc vraagt",
        "goedemiddag",
        {
            "work_status": "ik zorg al jaren voor mijn moeder, ik heb geen betaald werk en geen uitkering",
            "education_level": "mbo 2 helpende",
            "age": "49",
            "goal": "weer betaald werk in de zorg en dan mijn verzorgende ig halen",
            "sector_interests": "de ouderen",
            "max_hours_study_per_week": "twaalf",
            "preferred_form": "bbl",
            "municipality": "geleen",
        },
        {
            "work_status": ("werkzoekend_zonder_uitkering", "anders"), "education_level": "mbo2", "age": 49,
            "goal": ("diploma_halen", "omscholen"), "sector_interests": [ZW], "max_hours_study_per_week": 12,
            "preferred_form": "werkend_leren", "municipality": ("Sittard-Geleen", "Geleen"),
        },
        digressions={
            "preferred_form": Digression(
                "wat is evc? ik heb heel veel ervaring door mijn moeder", kind="faq", faq_key="faq/ask_evc"
            ),
        },
    ),
    _p(
        "Afghaanse vrouw in de bijstand zonder school die in de kinderopvang wil",
        "hallo",
        {
            "work_status": "ik heb geen werk. ik krijg bijstand",
            "education_level": "in afghanistan ik ging niet naar school",
            "age": "38",
            "goal": "ik wil werken met kinderen, in kinderopvang",
            "sector_interests": "kinderen, kinderopvang",
            "literacy_need": "ja, lezen en schrijven nederlands is moeilijk",
            "max_hours_study_per_week": "10 uur",
            "preferred_form": "met juf in klas",
            "municipality": "gouda",
        },
        {
            "work_status": "werkzoekend_bijstand", "education_level": "geen", "age": 38,
            "goal": ("omscholen", "diploma_halen"), "sector_interests": ["kinderopvang"], "literacy_need": True,
            "max_hours_study_per_week": 10, "preferred_form": "klassikaal", "municipality": "Gouda",
        },
    ),
    _p(
        "huishoudelijke hulp via een payrollbedrijf met entree die verzorgende wil worden",
        "hoi",
        {
            "work_status": "ik werk via payroll bij een zorginstelling",
            "employer_size": "weet ik niet",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "zestien",
            "current_sector": "zorg, ik doe het huishouden bij oudere mensen thuis",
            "current_function": "huishoudelijke hulp",
            "education_level": "mbo 1 entree",
            "age": "drieentwintig",
            "receives_studiefinanciering": "nee",
            "goal": "verzorgende ig, dat wil ik worden",
            "sector_interests": "de zorg",
            "literacy_need": "ja, vooral rekenen, medicijnen uitrekenen vind ik eng",
            "max_hours_study_per_week": "6",
            "preferred_form": "leren op mijn werk",
            "municipality": "leeuwarden",
        },
        {
            "work_status": "werknemer_flex", "employer_size": None, "at_risk_of_job_loss": False,
            "hours_per_week": 16, "current_sector": ZW, "current_function": "helpende", "education_level": "mbo1",
            "age": 23, "receives_studiefinanciering": False, "goal": ("bijscholen", "diploma_halen"),
            "sector_interests": [ZW], "literacy_need": True, "max_hours_study_per_week": 6,
            "preferred_form": "werkend_leren", "municipality": "Leeuwarden",
        },
    ),
    _p(
        "zelfstandig glazenwasser die personeel wil en zijn diploma in de samenvatting verbetert",
        "hallo",
        {
            "work_status": "ik ben glazenwasser, eigen bedrijfje",
            "hours_per_week": "45",
            "current_sector": "glazenwassen",
            "education_level": "lbo",
            "age": "41",
            "goal": "personeel aannemen en groter worden",
            "sector_interests": "schoonmaak",
            "literacy_need": "nee, alleen de boekhouding is lastig maar dat doet mijn vrouw",
            "max_hours_study_per_week": "2",
            "preferred_form": "via internet als de kinderen slapen",
            "municipality": "spijkenisse",
        },
        {
            "work_status": "zzp", "hours_per_week": 45, "current_sector": "schoonmaak_facilitair",
            "education_level": "geen", "age": 41, "goal": "ondernemen", "sector_interests": ["schoonmaak_facilitair"],
            "literacy_need": False, "max_hours_study_per_week": 2, "preferred_form": "online",
            "municipality": ("Nissewaard", "Spijkenisse"),
        },
        summary_fix="dat diploma klopt niet, ik heb de lbo nooit afgemaakt, dus geen diploma",
    ),
    _p(
        "softwareontwikkelaar met een master die zij-instromer in het onderwijs wil worden",
        "hallo",
        {
            "work_status": "vast contract als software developer",
            "employer_size": "een scale-up van zo'n honderdvijftig man",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "36",
            "current_sector": "software",
            "education_level": "ik heb een master computer science gedaan in delft",
            "age": "34",
            "goal": "zij-instromen als docent informatica op een middelbare school",
            "sector_interests": "onderwijs",
            "max_hours_study_per_week": "10",
            "preferred_form": "liefst leren terwijl ik al voor de klas sta",
            "municipality": "Delft",
        },
        {
            "work_status": "werknemer_vast", "employer_size": "mkb", "at_risk_of_job_loss": False,
            "hours_per_week": 36, "current_sector": "ict", "education_level": "wo_master", "age": 34,
            "goal": "omscholen", "sector_interests": ["onderwijs"], "max_hours_study_per_week": 10,
            "preferred_form": "werkend_leren", "municipality": "Delft",
        },
        digressions={
            "goal": Digression(
                "kan ik het levenlanglerenkrediet gebruiken voor een tweede opleiding?", kind="faq",
                faq_key="faq/ask_levenlanglerenkrediet",
            ),
        },
    ),
    _p(
        "verkoper in een bouwmarkt van 57 waarvan de vestiging dichtgaat",
        "goedemiddag",
        {
            "work_status": "vast in dienst bij een bouwmarkt",
            "employer_size": "de keten is groot, honderden winkels",
            "at_risk_of_job_loss": "ja, onze vestiging gaat eind van het jaar dicht",
            "hours_per_week": "38",
            "current_sector": "winkel, bouwmarkt",
            "education_level": "mavo",
            "age": "zevenenvijftig",
            "goal": "ik weet het niet goed, ik zoek iets waar ik mijn kennis van gereedschap kwijt kan",
            "sector_interests": "techniek of de bouw, klussen",
            "literacy_need": "computer vind ik lastig, ja",
            "max_hours_study_per_week": "5",
            "preferred_form": "maakt niet uit",
            "municipality": "doetinchem",
        },
        {
            "work_status": "werknemer_vast", "employer_size": "groot", "at_risk_of_job_loss": True,
            "hours_per_week": 38, "current_sector": "retail", "education_level": "vmbo", "age": 57,
            "goal": ("orienteren", "omscholen"), "sector_interests": [TBE], "literacy_need": True,
            "max_hours_study_per_week": 5, "preferred_form": "geen_voorkeur", "municipality": "Doetinchem",
        },
    ),
    _p(
        "kapster van dertig met een tijdelijk contract die een salon aan huis wil",
        "hai",
        {
            "work_status": "ik werk in een kapsalon, tijdelijk contract",
            "employer_size": "klein, vier stoelen",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "zesentwintig",
            "current_sector": "kapper",
            "education_level": "mbo 3 kapper",
            "age": "dertig",
            "goal": "een eigen salon aan huis",
            "sector_interests": "haar en schoonheid",
            "max_hours_study_per_week": "4",
            "preferred_form": "een avondcursus in een groep",
            "municipality": "roosendaal",
        },
        {
            "work_status": "werknemer_flex", "employer_size": "mkb", "at_risk_of_job_loss": False,
            "hours_per_week": 26, "current_sector": "anders", "education_level": "mbo3", "age": 30,
            "goal": "ondernemen", "sector_interests": ["anders"], "max_hours_study_per_week": 4,
            "preferred_form": "klassikaal", "municipality": "Roosendaal",
        },
    ),
    _p(
        "planner bij een transportbedrijf die in de opening al vertelt wat hij doet",
        "hallo, ik ben planner bij een transportbedrijf en wil verder leren",
        {
            "work_status": "vast contract",
            "employer_size": "rond de 120 man",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "40",
            "current_sector": "transport en logistiek",
            "education_level": "hbo logistiek",
            "age": "46",
            "goal": "doorgroeien naar teamleider planning",
            "sector_interests": "logistiek",
            "max_hours_study_per_week": "5",
            "preferred_form": "online, wanneer het mij uitkomt",
            "municipality": "tiel",
        },
        {
            "work_status": "werknemer_vast", "employer_size": "mkb", "at_risk_of_job_loss": False,
            "hours_per_week": 40, "current_sector": "logistiek", "education_level": "hbo_bachelor", "age": 46,
            "goal": "bijscholen", "sector_interests": ["logistiek"], "max_hours_study_per_week": 5,
            "preferred_form": "online", "municipality": "Tiel",
        },
        narrow_answers={"work_status": "vast contract"},
    ),
    _p(
        "beroepsmilitair van 27 die na zijn diensttijd de politie in wil",
        "hallo",
        {
            "work_status": "ik ben beroepsmilitair, vast bij defensie",
            "employer_size": "defensie, dus heel groot",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "40",
            "current_sector": "defensie",
            "education_level": "mbo 2",
            "age": "27",
            "receives_studiefinanciering": "nee",
            "goal": "na mijn diensttijd wil ik bij de politie",
            "sector_interests": "politie",
            "max_hours_study_per_week": "8",
            "preferred_form": "gewoon in de klas",
            "municipality": "den bosch",
        },
        {
            "work_status": "werknemer_vast", "employer_size": "groot", "at_risk_of_job_loss": False,
            "hours_per_week": 40, "current_sector": "overheid_veiligheid", "education_level": "mbo2", "age": 27,
            "receives_studiefinanciering": False, "goal": "omscholen", "sector_interests": ["overheid_veiligheid"],
            "max_hours_study_per_week": 8, "preferred_form": "klassikaal",
            "municipality": ("'s-Hertogenbosch", "Den Bosch"),
        },
    ),
    _p(
        "vrouw van 63 in de ww die bij het doel een medewerker wil bellen en ja zegt",
        "goeiemiddag",
        {
            "work_status": "ik ben mijn baan kwijt en krijg nu ww",
            "education_level": "de huishoudschool",
            "age": "drieenzestig",
        },
        {"work_status": "werkzoekend_ww", "education_level": "vmbo", "age": 63},
        digressions={
            "goal": Digression("dit is me te ingewikkeld, kan ik niet iemand bellen?", reply="ja graag"),
        },
        expect_handoff=True,
    ),
    _p(
        "praktijkschoolleerling van zestien die met dieren wil werken",
        "hoi",
        {
            "work_status": "ik zit op de praktijkschool",
            "education_level": "nog geen diploma",
            "age": "zestien",
            "receives_studiefinanciering": "nee",
            "goal": "met dieren werken, bij een dierenwinkel of op een boerderij",
            "sector_interests": "dieren",
            "literacy_need": "ja, ik lees heel langzaam",
            "max_hours_study_per_week": "weet ik niet",
            "preferred_form": "in de praktijk, met mijn handen",
            "municipality": "venray",
        },
        {
            "work_status": "student", "education_level": "geen", "age": 16, "receives_studiefinanciering": False,
            "goal": ("omscholen", "orienteren"), "sector_interests": (["groen"], ["anders"], ["landbouw_voedsel"]),
            "literacy_need": True, "max_hours_study_per_week": None, "preferred_form": "werkend_leren",
            "municipality": "Venray",
        },
    ),
    _p(
        "operator in een zuivelfabriek van vijftig die drie dagen werkt",
        "goedemorgen",
        {
            "work_status": "ik sta al lang vast in de zuivelfabriek",
            "employer_size": "meer dan 250 zeker, het is een grote coöperatie",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "drie dagen van acht uur",
            "current_sector": "zuivel, kaas maken",
            "education_level": "mbo2 levensmiddelentechnologie",
            "age": "vijftig",
            "goal": "procesoperator worden in dezelfde fabriek",
            "sector_interests": "voedingsindustrie",
            "max_hours_study_per_week": "4",
            "preferred_form": "in de fabriek zelf",
            "municipality": "bedum",
        },
        {
            "work_status": "werknemer_vast", "employer_size": "groot", "at_risk_of_job_loss": False,
            "hours_per_week": 24, "current_sector": "landbouw_voedsel", "education_level": "mbo2", "age": 50,
            "goal": ("bijscholen", "omscholen", "diploma_halen"), "sector_interests": ["landbouw_voedsel"],
            "max_hours_study_per_week": 4, "preferred_form": "werkend_leren",
            "municipality": ("Het Hogeland", "Bedum"),
        },
    ),
    _p(
        "jongerenwerker van 31 die zich in schuldhulp wil verdiepen",
        "hallo",
        {
            "work_status": "jongerenwerker bij een welzijnsorganisatie, vast",
            "employer_size": "een stuk of zestig collega's",
            "at_risk_of_job_loss": "nee, al is de subsidie van de gemeente altijd spannend",
            "hours_per_week": "32",
            "current_sector": "welzijn",
            "current_function": "jongerenwerker",
            "education_level": "hbo sociaal werk",
            "age": "31",
            "goal": "me verdiepen in schuldhulpverlening",
            "sector_interests": "welzijn",
            "max_hours_study_per_week": "4",
            "preferred_form": "klassikaal, ik leer veel van anderen",
            "municipality": "zwijndrecht",
        },
        {
            "work_status": "werknemer_vast", "employer_size": "mkb", "at_risk_of_job_loss": False,
            "hours_per_week": 32, "current_sector": ZW, "current_function": "sociaal_werker",
            "education_level": "hbo_bachelor", "age": 31, "goal": "bijscholen", "sector_interests": [ZW],
            "max_hours_study_per_week": 4, "preferred_form": "klassikaal", "municipality": "Zwijndrecht",
        },
    ),
    _p(
        "oproepkracht bij een uitvaartonderneming die uitvaartverzorger wil worden",
        "goedemiddag",
        {
            "work_status": "ik ben oproepkracht bij een uitvaartonderneming",
            "employer_size": "klein familiebedrijf",
            "at_risk_of_job_loss": "nee, mensen gaan altijd dood",
            "hours_per_week": "ongeveer vijftien",
            "current_sector": "uitvaart",
            "education_level": "havo",
            "age": "44",
            "goal": "volwaardig uitvaartverzorger worden, met diploma",
            "sector_interests": "uitvaart, mensen helpen in een moeilijke tijd",
            "max_hours_study_per_week": "5",
            "preferred_form": "online",
            "municipality": "harderwijk",
        },
        {
            "work_status": "werknemer_flex", "employer_size": "mkb", "at_risk_of_job_loss": False,
            "hours_per_week": 15, "current_sector": "anders", "education_level": "havo", "age": 44,
            "goal": ("diploma_halen", "bijscholen"),
            "sector_interests": (["anders"], ["anders", ZW], [ZW, "anders"]), "max_hours_study_per_week": 5,
            "preferred_form": "online", "municipality": "Harderwijk",
        },
    ),
    _p(
        "vwo'er van 22 die bouwkunde studeert en niet weet wat hij daarna wil",
        "hey",
        {
            "work_status": "ik studeer bouwkunde, maar ik werk ook veel in een bar",
            "education_level": "vwo",
            "age": "22",
            "receives_studiefinanciering": "ja, alleen de aanvullende beurs niet",
            "goal": "ik weet nog niet wat ik na mijn studie wil, daar wil ik over nadenken",
            "sector_interests": "duurzame energie, bouw",
            "max_hours_study_per_week": "6",
            "preferred_form": "geen voorkeur",
            "municipality": "groningen",
        },
        {
            "work_status": "student", "education_level": "vwo", "age": 22, "receives_studiefinanciering": True,
            "goal": "orienteren", "sector_interests": [TBE], "max_hours_study_per_week": 6,
            "preferred_form": "geen_voorkeur", "municipality": "Groningen",
        },
    ),
    _p(
        "stratenmaker van 59 met versleten knieen die jonge jongens wil opleiden",
        "dag",
        {
            "work_status": "stratenmaker, vast bij een aannemer",
            "employer_size": "een man of veertig",
            "at_risk_of_job_loss": "nee, maar mijn knieen wel",
            "hours_per_week": "40",
            "current_sector": "wegenbouw, bestrating",
            "current_function": "stratenmaker",
            "education_level": "lbo bouw",
            "age": "negenenvijftig",
            "goal": "iets waar ik mijn vak kan doorgeven, instructeur voor de jonge jongens",
            "sector_interests": "bouw en les geven",
            "literacy_need": "nee hoor",
            "max_hours_study_per_week": "vier",
            "preferred_form": "werken en leren tegelijk",
            "municipality": "kampen",
        },
        {
            "work_status": "werknemer_vast", "employer_size": "mkb", "at_risk_of_job_loss": False,
            "hours_per_week": 40, "current_sector": TBE, "current_function": "anders", "education_level": "vmbo",
            "age": 59, "goal": ("omscholen", "bijscholen"),
            "sector_interests": ([TBE, "onderwijs"], ["onderwijs", TBE]), "literacy_need": False,
            "max_hours_study_per_week": 4, "preferred_form": "werkend_leren", "municipality": "Kampen",
        },
    ),
    _p(
        "zelfstandig boekhouder van 53 die slordig typt en bij wil blijven",
        "hallo",
        {
            "work_status": "ik heb een adminstratiekantoortje aan huis, zzp",
            "hours_per_week": "dertig ongeveer",
            "current_sector": "boekhouding voor kleine ondernemers",
            "education_level": "hbo acountancy",
            "age": "53",
            "goal": "bijblijven met alle nieuwe software en e-facturatie",
            "sector_interests": "financiele dienstverlening",
            "max_hours_study_per_week": "3",
            "preferred_form": "webinars",
            "municipality": "heerenveen",
        },
        {
            "work_status": "zzp", "hours_per_week": 30, "current_sector": "zakelijke_dienstverlening",
            "education_level": "hbo_bachelor", "age": 53, "goal": "bijscholen",
            "sector_interests": ["zakelijke_dienstverlening"], "max_hours_study_per_week": 3,
            "preferred_form": "online", "municipality": "Heerenveen",
        },
    ),
    _p(
        "bso-medewerker van twintig met een nulurencontract die ook mbo sport doet",
        "hoi",
        {
            "work_status": "ik werk bij de bso, nuluren",
            "employer_size": "niet zo groot, drie locaties",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "twaalf",
            "current_sector": "kinderopvang, de bso",
            "current_function": "begeleider op de bso",
            "education_level": "vmbo tl",
            "age": "twintig",
            "receives_studiefinanciering": "ja ik krijg stufi want ik doe ook mbo sport",
            "goal": "mijn diploma pedagogisch medewerker halen",
            "sector_interests": "kinderen en sport",
            "literacy_need": "nee",
            "max_hours_study_per_week": "6",
            "preferred_form": "op de bso zelf leren",
            "municipality": "hilversum",
        },
        {
            "work_status": "werknemer_flex", "employer_size": "mkb", "at_risk_of_job_loss": False,
            "hours_per_week": 12, "current_sector": "kinderopvang",
            "current_function": ("pm_kinderopvang", "groepshulp"), "education_level": "vmbo", "age": 20,
            "receives_studiefinanciering": True, "goal": "diploma_halen",
            "sector_interests": (["kinderopvang"], ["kinderopvang", "anders"]), "literacy_need": False,
            "max_hours_study_per_week": 6, "preferred_form": "werkend_leren", "municipality": "Hilversum",
        },
    ),
    _p(
        "warmtepompmonteur van 25 die niveau 4 wil en naar het leerwerkloket vraagt",
        "hallo",
        {
            "work_status": "vaste baan bij een installatiebedrijf",
            "employer_size": "dertig man ofzo",
            "at_risk_of_job_loss": "nee joh, we hebben werk tot 2030",
            "hours_per_week": "40",
            "current_sector": "installatie, warmtepompen",
            "current_function": "monteur",
            "education_level": "mbo 3 installatietechniek",
            "age": "25",
            "receives_studiefinanciering": "nee",
            "goal": "mijn niveau 4 halen zodat ik eerste monteur kan worden",
            "sector_interests": "techniek",
            "max_hours_study_per_week": "acht",
            "preferred_form": "bbl",
            "municipality": "assen",
        },
        {
            "work_status": "werknemer_vast", "employer_size": "mkb", "at_risk_of_job_loss": False,
            "hours_per_week": 40, "current_sector": TBE, "current_function": "monteur_et", "education_level": "mbo3",
            "age": 25, "receives_studiefinanciering": False, "goal": ("diploma_halen", "bijscholen"),
            "sector_interests": [TBE], "max_hours_study_per_week": 8, "preferred_form": "werkend_leren",
            "municipality": "Assen",
        },
        digressions={
            "municipality": Digression("wat is een leerwerkloket en waar zit dat?", kind="faq",
                                       faq_key="faq/ask_leerwerkloket"),
        },
    ),
    _p(
        "jongeman van 24 met wajong die buiten in het groen wil werken",
        "hoi",
        {
            "work_status": "ik krijg een wajong uitkering",
            "education_level": "vso, geen diploma",
            "age": "24",
            "receives_studiefinanciering": "nee",
            "goal": "werk buiten in het groen, met begeleiding",
            "sector_interests": "buiten, planten",
            "literacy_need": "ja, met lezen",
            "max_hours_study_per_week": "tien",
            "preferred_form": "op een werkplek met een jobcoach",
            "municipality": "ede",
        },
        {
            "work_status": "arbeidsongeschikt", "education_level": "geen", "age": 24,
            "receives_studiefinanciering": False, "goal": ("omscholen", "orienteren"), "sector_interests": ["groen"],
            "literacy_need": True, "max_hours_study_per_week": 10, "preferred_form": "werkend_leren",
            "municipality": "Ede",
        },
    ),
    _p(
        "eigenaar van een eetcafe die de horeca zat is, een afspraak wil en die toch afslaat",
        "hallo",
        {
            "work_status": "ik heb een eetcafe, maar ik stop ermee",
            "hours_per_week": "zeventig",
            "current_sector": "horeca",
            "education_level": "middelbare hotelschool",
            "age": "48",
            "goal": "iets heel anders, ik ben de horeca helemaal zat",
            "sector_interests": "weet ik nog niet",
            "max_hours_study_per_week": "15",
            "preferred_form": "maakt niet uit",
            "municipality": "maastricht",
        },
        {
            "work_status": "zzp", "hours_per_week": 70, "current_sector": "horeca", "education_level": "mbo4",
            "age": 48, "goal": "omscholen", "sector_interests": ([], None), "max_hours_study_per_week": 15,
            "preferred_form": "geen_voorkeur", "municipality": "Maastricht",
        },
        digressions={
            "municipality": Digression(
                "kan ik ook een afspraak maken met iemand van jullie?", reply="nee, eerst dit maar afmaken"
            ),
        },
    ),
    _p(
        "ziekenhuisverpleegkundige van 28 die haar uren verbetert en de ic-opleiding wil",
        "hoi",
        {
            "work_status": "vast contract, ik ben verpleegkundige op de longafdeling van het ziekenhuis",
            "employer_size": "ziekenhuis met drieduizend man",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "32, nee sorry, 36 sinds januari",
            "current_sector": "ziekenhuis",
            "current_function": "verpleegkundige, hbo",
            "education_level": "hbo verpleegkunde",
            "age": "achtentwintig",
            "receives_studiefinanciering": "nee, ik heb al een baan",
            "goal": "de ic-opleiding doen",
            "sector_interests": "intensive care",
            "max_hours_study_per_week": "16",
            "preferred_form": "in het ziekenhuis, leren tijdens het werk",
            "municipality": "leiden",
        },
        {
            "work_status": "werknemer_vast", "employer_size": "groot", "at_risk_of_job_loss": False,
            "hours_per_week": 36, "current_sector": ZW, "current_function": "verpleegkundige_hbo",
            "education_level": "hbo_bachelor", "age": 28, "receives_studiefinanciering": False,
            "goal": ("bijscholen", "diploma_halen"), "sector_interests": [ZW], "max_hours_study_per_week": 16,
            "preferred_form": "werkend_leren", "municipality": "Leiden",
        },
    ),
    _p(
        "Syrische statushouder van 26 met een rechtendiploma die eerst de taal wil",
        "hallo",
        {
            "work_status": "ik doe inburgering. ik krijg uitkering van gemeente",
            "education_level": "bachelor rechten in syrie",
            "age": "zesentwintig",
            "receives_studiefinanciering": "nee",
            "goal": "eerst de taal goed, daarna iets met recht",
            "max_hours_study_per_week": "twintig",
            "preferred_form": "klas",
            "municipality": "almelo",
        },
        {
            "work_status": "werkzoekend_bijstand", "education_level": "buitenlands", "age": 26,
            "receives_studiefinanciering": False, "goal": "basisvaardigheden", "max_hours_study_per_week": 20,
            "preferred_form": "klassikaal", "municipality": "Almelo",
        },
    ),
    _p(
        "hotelreceptioniste met een jaarcontract die naar personeelszaken wil",
        "goedenavond",
        {
            "work_status": "ik werk op de receptie van een hotel met een jaarcontract",
            "employer_size": "het is een internationale hotelketen",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "32",
            "current_sector": "hotel",
            "education_level": "mbo 4 toerisme",
            "age": "36",
            "goal": "ik wil naar hr, personeelszaken",
            "sector_interests": "personeelszaken, op kantoor",
            "max_hours_study_per_week": "6",
            "preferred_form": "'s avonds naar de les",
            "municipality": "arnhem",
        },
        {
            "work_status": "werknemer_flex", "employer_size": "groot", "at_risk_of_job_loss": False,
            "hours_per_week": 32, "current_sector": "horeca", "education_level": "mbo4", "age": 36,
            "goal": "omscholen", "sector_interests": ["zakelijke_dienstverlening"], "max_hours_study_per_week": 6,
            "preferred_form": "klassikaal", "municipality": "Arnhem",
        },
    ),
    _p(
        "belader op de vuilniswagen zonder diploma die zijn c-rijbewijs wil",
        "hallo",
        {
            "work_status": "ik sta achter op de vuilniswagen, vast bij de reinigingsdienst van de gemeente",
            "employer_size": "weet ik niet hoeveel",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "38",
            "current_sector": "afval ophalen",
            "education_level": "geen diploma, ik ben op mijn vijftiende gaan werken",
            "age": "52",
            "goal": "mijn c-rijbewijs halen zodat ik zelf mag rijden",
            "sector_interests": "chauffeur worden",
            "literacy_need": "ja, de theorie lezen vind ik moeilijk",
            "max_hours_study_per_week": "5",
            "preferred_form": "met een instructeur, niet online",
            "municipality": "schiedam",
        },
        {
            "work_status": "werknemer_vast", "employer_size": None, "at_risk_of_job_loss": False,
            "hours_per_week": 38, "current_sector": ("anders", "overheid_veiligheid", "schoonmaak_facilitair"),
            "education_level": "geen", "age": 52, "goal": ("bijscholen", "diploma_halen"),
            "sector_interests": ["logistiek"], "literacy_need": True, "max_hours_study_per_week": 5,
            "preferred_form": "klassikaal", "municipality": "Schiedam",
        },
    ),
    _p(
        "gastouder van 35 die haar leeftijd in de samenvatting verbetert en een kinderopvang wil",
        "hallo",
        {
            "work_status": "ik ben gastouder aan huis, als zelfstandige",
            "hours_per_week": "45",
            "current_sector": "kinderopvang, gastouder",
            "current_function": "gastouder",
            "education_level": "mbo 2 helpende welzijn",
            "age": "33",
            "goal": "mijn eigen kleine kinderopvang beginnen",
            "sector_interests": "kinderopvang",
            "max_hours_study_per_week": "4",
            "preferred_form": "digitaal, de kinderen zijn hier overdag",
            "municipality": "spakenburg",
        },
        {
            "work_status": "zzp", "hours_per_week": 45, "current_sector": "kinderopvang",
            "current_function": ("anders", "pm_kinderopvang"), "education_level": "mbo2", "age": 35,
            "goal": "ondernemen", "sector_interests": ["kinderopvang"], "max_hours_study_per_week": 4,
            "preferred_form": "online", "municipality": ("Bunschoten", "Spakenburg"),
        },
        summary_fix="mijn leeftijd klopt niet, ik ben 35, geen 33",
    ),
    _p(
        "vervroegd gepensioneerde agent van 64 die een fietsenwerkplaats wil en vraagt wat koers is",
        "goedemiddag",
        {
            "work_status": "ik ben vervroegd met pensioen, was bij de politie",
            "education_level": "mbo 4 politie",
            "age": "64",
            "goal": "een fietsenwerkplaats aan huis beginnen",
            "sector_interests": "fietsen repareren",
            "max_hours_study_per_week": "10",
            "preferred_form": "meelopen bij een fietsenmaker",
            "municipality": "zeist",
        },
        {
            "work_status": "gepensioneerd", "education_level": "mbo4", "age": 64, "goal": "ondernemen",
            "sector_interests": ([TBE], ["anders"]), "max_hours_study_per_week": 10,
            "preferred_form": "werkend_leren", "municipality": "Zeist",
        },
        digressions={
            "age": Digression("wat is koers eigenlijk, is dit van de gemeente?", kind="faq",
                              faq_key="faq/ask_what_is_koers"),
        },
    ),
    _p(
        "Ghanese schoonmaakster via een uitzendbureau die verpleegkundige wil worden",
        "hello",
        {
            "work_status": "i clean offices. ik maak kantoren schoon, uitzendbureau, in de avond",
            "employer_size": "weet niet",
            "at_risk_of_job_loss": "nee",
            "hours_per_week": "20",
            "current_sector": "schoonmaak",
            "education_level": "ik heb high school in ghana",
            "age": "veertig",
            "goal": "later wil ik verpleegster worden",
            "sector_interests": "zorg",
            "literacy_need": "ja, schrijven in het nederlands gaat nog niet goed",
            "max_hours_study_per_week": "8",
            "preferred_form": "school en werken samen",
            "municipality": "amsterdam zuidoost",
        },
        {
            "work_status": "werknemer_flex", "employer_size": None, "at_risk_of_job_loss": False,
            "hours_per_week": 20, "current_sector": "schoonmaak_facilitair", "education_level": "buitenlands",
            "age": 40, "goal": ("omscholen", "diploma_halen"), "sector_interests": [ZW], "literacy_need": True,
            "max_hours_study_per_week": 8, "preferred_form": "werkend_leren", "municipality": "Amsterdam",
        },
    ),
]

# People the intake misreads: name -> the finding (field, sentence, what was read, what was expected).
XFAIL: dict[str, str] = {
    "ziekenhuisverpleegkundige van 28 die haar uren verbetert en de ic-opleiding wil": (
        "sector_interests 'intensive care' read as anders (expected zorg_welzijn): the phrase is not in the "
        "sector vocabulary ('care' as a word would make the typo 'cadé' ambiguous)"
    ),
    "freelance licht- en geluidstechnicus die zijn gemeente in de samenvatting verbetert": (
        "summary correction 'de gemeente klopt niet, ik ben vorig jaar naar diemen verhuisd' not read: the bot asks"
        " 'Wat klopt er niet? Typ het goede antwoord.' although the field and the new value were named (expected "
        "municipality Diemen); the script has no answer to that question, so the run stops there. Also goal 'iets "
        "met meer zekerheid, misschien de installatietechniek, daar is altijd werk' not understood 3x, skipped "
        "(None; expected omscholen)"
    ),
    "praktijkschoolleerling van zestien die met dieren wil werken": (
        "sector_interests 'dieren' also set the municipality: read as the village Dieren, municipality Rheden, and "
        "the municipality question was never asked (expected Venray); sector_interests read as ['landbouw_voedsel',"
        " 'groen'] (expected one of them or anders; debatable); goal 'met dieren werken, bij een dierenwinkel of op"
        " een boerderij' not understood 3x, skipped (None; expected omscholen or orienteren)"
    ),
    "oproepkracht bij een uitvaartonderneming die uitvaartverzorger wil worden": (
        "sector_interests 'uitvaart, mensen helpen in een moeilijke tijd' read as ['zorg_welzijn', 'kinderopvang', "
        "'onderwijs'] (nothing about children or school was said; expected anders, with zorg_welzijn at most)"
    ),
    "eigenaar van een eetcafe die de horeca zat is, een afspraak wil en die toch afslaat": (
        "'kan ik ook een afspraak maken met iemand van jullie?' (at municipality) not read as a request for a "
        "person: 'not understood', no offer, so the decline was never said; work_status 'ik heb een eetcafe, maar "
        "ik stop ermee' read as anders on the second try (expected zzp, debatable for an owner who may have staff);"
        " education_level 'middelbare hotelschool' not understood 3x, skipped (None; expected mbo4)"
    ),
    "hotelreceptioniste met een jaarcontract die naar personeelszaken wil": (
        "employer_size 'het is een internationale hotelketen' not understood 3x, skipped (None; expected groot); "
        "current_sector read from 'ik werk op de receptie van een hotel met een jaarcontract' as "
        "zakelijke_dienstverlening (expected horeca), so the sector question was not asked; goal 'ik wil naar hr, "
        "personeelszaken' not understood 3x (None; expected omscholen); preferred_form ''s avonds naar de les' not "
        "understood 3x (None; expected klassikaal)"
    ),

}


test_a_fresh_person_reaches_the_advice_they_should_get, test_at_least_forty_different_people = checks(
    PEOPLE, XFAIL)
