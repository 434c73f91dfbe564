"""Everyday Dutch to the profile's sectors ("ik werk graag met mensen" -> zorg_welzijn, ...).

Small and explainable on purpose: the dialogue asks back when nothing matches. Matching is on
normalised words (lower case, no accents) with a little typo tolerance for longer words.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

# (phrase or word stem, sectors in order of fit). Phrases match as substrings of the normalised
# text; single words also match with one typo ("kinderen" ~ "kinderne").
VOCABULARY: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("met mensen", ("zorg_welzijn", "kinderopvang", "onderwijs", "horeca", "retail")),
    ("mensen helpen", ("zorg_welzijn", "kinderopvang", "onderwijs")),
    ("voor anderen zorgen", ("zorg_welzijn",)),
    ("in de zorg", ("zorg_welzijn",)),
    ("zorg", ("zorg_welzijn",)),
    ("verzorg", ("zorg_welzijn",)),
    ("verpleeg", ("zorg_welzijn",)),
    ("ouderen", ("zorg_welzijn",)),
    ("bejaard", ("zorg_welzijn",)),
    ("gehandicapt", ("zorg_welzijn",)),
    ("welzijn", ("zorg_welzijn",)),
    ("ziekenhuis", ("zorg_welzijn",)),
    ("met kinderen", ("kinderopvang", "onderwijs")),
    ("kinderen", ("kinderopvang", "onderwijs")),
    ("kinderopvang", ("kinderopvang",)),
    ("kinderdagverblijf", ("kinderopvang",)),
    ("creche", ("kinderopvang",)),
    ("baby", ("kinderopvang",)),
    ("peuter", ("kinderopvang",)),
    ("lesgeven", ("onderwijs",)),
    ("les geven", ("onderwijs",)),
    ("leraar", ("onderwijs",)),
    ("juf", ("onderwijs",)),
    ("meester", ("onderwijs",)),
    ("school", ("onderwijs",)),
    ("onderbouw", ("onderwijs",)),  # of a school, not building
    ("les willen geven", ("onderwijs",)),
    ("software bouwen", ("ict",)),  # "bouw" in it is no building
    ("websites bouwen", ("ict",)),
    ("apps bouwen", ("ict",)),
    ("les gaan geven", ("onderwijs",)),
    ("les te geven", ("onderwijs",)),
    ("taalles", ("onderwijs",)),
    ("taalcoach", ("onderwijs",)),
    ("taalmaatje", ("onderwijs",)),
    ("nieuwkomers", ("onderwijs", "zorg_welzijn")),
    ("begeleiden", ("zorg_welzijn", "onderwijs")),
    ("bovenbouw", ("onderwijs",)),
    # Schools that are no school in the education sense: no sector of their own, but they hide
    # the "school" inside them (a key inside a longer one says nothing).
    ("sportschool", ()),
    ("rijschool", ()),
    ("dansschool", ()),
    ("zwemschool", ()),
    ("onderwijs", ("onderwijs",)),
    ("met mijn handen", ("techniek_bouw_energie", "groen")),
    ("met je handen", ("techniek_bouw_energie", "groen")),
    ("handen", ("techniek_bouw_energie", "groen")),
    ("techniek", ("techniek_bouw_energie",)),
    ("technisch", ("techniek_bouw_energie",)),
    ("bouw", ("techniek_bouw_energie",)),
    ("timmer", ("techniek_bouw_energie",)),
    ("metsel", ("techniek_bouw_energie",)),
    ("installat", ("techniek_bouw_energie",)),
    ("elektr", ("techniek_bouw_energie",)),
    ("monteur", ("techniek_bouw_energie",)),
    ("lassen", ("techniek_bouw_energie",)),
    ("auto", ("techniek_bouw_energie",)),
    ("zonnepan", ("techniek_bouw_energie",)),
    ("warmtepomp", ("techniek_bouw_energie",)),
    ("energie", ("techniek_bouw_energie",)),
    ("klussen", ("techniek_bouw_energie",)),
    ("buiten werken", ("groen", "techniek_bouw_energie")),
    ("buiten", ("groen", "techniek_bouw_energie")),
    ("natuur", ("groen",)),
    ("tuin", ("groen",)),
    ("hovenier", ("groen",)),
    ("planten", ("groen",)),
    ("bomen", ("groen",)),
    ("groen", ("groen",)),
    ("dieren", ("landbouw_voedsel", "groen")),
    ("boerderij", ("landbouw_voedsel",)),
    ("landbouw", ("landbouw_voedsel",)),
    ("computer", ("ict",)),
    ("ict", ("ict",)),
    ("programmeren", ("ict",)),
    ("software", ("ict",)),
    ("laptop", ("ict",)),
    ("it", ("ict",)),
    ("koken", ("horeca",)),
    ("kok", ("horeca",)),
    ("restaurant", ("horeca",)),
    ("horeca", ("horeca",)),
    ("winkel", ("retail",)),
    ("verkopen", ("retail",)),
    ("kassa", ("retail",)),
    ("vrachtwagen", ("logistiek",)),
    ("buitenschoolse opvang", ("kinderopvang",)),
    (" bso", ("kinderopvang",)),
    ("drogist", ("retail",)),
    ("automatiser", ("ict",)),
    ("ministerie", ("overheid_veiligheid",)),
    ("defensie", ("overheid_veiligheid",)),
    ("kantoorschoonmaak", ("schoonmaak_facilitair",)),
    ("glazenwas", ("schoonmaak_facilitair",)),
    ("pakketbezorg", ("logistiek",)),
    # "postbezorger" holds "zorg": the delivery word comes first in the text, so it wins.
    ("bezorg", ("logistiek",)),
    ("postbode", ("logistiek",)),
    ("koerier", ("logistiek",)),
    ("magazijn", ("logistiek",)),
    ("logistiek", ("logistiek",)),
    ("chauffeur", ("logistiek",)),
    ("administratie", ("zakelijke_dienstverlening",)),
    ("kantoor", ("zakelijke_dienstverlening",)),
    ("boekhoud", ("zakelijke_dienstverlening",)),
    ("politie", ("overheid_veiligheid",)),
    ("beveilig", ("overheid_veiligheid",)),
    ("gemeente", ("overheid_veiligheid",)),
    ("muziek", ("cultuur",)),
    ("theater", ("cultuur",)),
    ("kunst", ("cultuur",)),
    ("schoonmak", ("schoonmaak_facilitair",)),
    ("schoonmaak", ("schoonmaak_facilitair",)),
)

_WORD_KEYS = tuple(k for k, _ in VOCABULARY if " " not in k.strip() and len(k) >= 5)


def normalise(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " " + re.sub(r"[^a-z0-9]+", " ", plain).strip() + " "


# Everyday words that hold a key without meaning it: "horeca natuurlijk" says nothing of nature.
NOT_STEMS = re.compile(r" (?:natuurlijk|natuurlijkerwijs|gezorgd|bezorgd|(?:geeft|geven|krijg|haal) (?:me |mij |ik )?"
                       r"(?:veel |nieuwe )?energie(?: van| uit)?) ")


DETAIL = re.compile(r" (?:vooral|zoals|bijvoorbeeld|specifiek|namelijk|met name|in het bijzonder) ")


def sectors_for_text(text: str) -> list[str]:
    """Sectors that everyday Dutch points to, best fit first, each once."""
    norm = NOT_STEMS.sub(" ", normalise(text))
    detail = DETAIL.search(norm)
    if detail and detail.start() > 0:
        head = sectors_for_text(norm[:detail.start()])
        if len(head) == 1:
            return head  # "ict, vooral netwerken en beveiliging": the details are part of the sector named
    hits: list[tuple[int, int, str]] = []  # (position in text, rank in entry, sector)
    spans: list[tuple[int, int, tuple[str, ...]]] = []
    for key, sectors in VOCABULARY:
        word = key.strip()
        # Short words only as whole words ("kok", "ict", "it"); longer keys also as stems.
        pos = norm.find(f" {word} ") if len(word) <= 3 else norm.find(key)
        if pos >= 0:
            spans.append((pos, pos + len(key), sectors))
    # A key inside a longer one found at the same place says nothing of its own: "bouw" in
    # "landbouw", "kantoor" in "kantoorschoonmaak".
    for start, end, sectors in spans:
        inside = any(s <= start and end <= e and (e - s) > (end - start) for s, e, _ in spans)
        # A broad wording next to a narrower one it includes adds nothing: "met mensen, misschien
        # de zorg" is the care sector, "groen, buiten werken" is groen (not also techniek).
        broader = any(set(other) < set(sectors) for _, _, other in spans if other)
        if not inside and not broader:
            hits += [(start, i, s) for i, s in enumerate(sectors)]
    if not hits:
        for n, word in enumerate(norm.split()):
            if len(word) < 5:
                continue
            close = difflib.get_close_matches(word, _WORD_KEYS, n=1, cutoff=0.8)
            if close:
                sectors = dict(VOCABULARY)[close[0]]
                hits += [(n, i, s) for i, s in enumerate(sectors)]
    hits.sort()
    return list(dict.fromkeys(s for _, _, s in hits))
