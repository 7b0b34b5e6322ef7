"""Invented names, texts and dates for the benchmark archive, built from word lists and a seeded random generator.

Pure code: no Django imports. Every function takes the ``random.Random`` to draw from, so a given seed always
gives the same archive. Nothing here is taken from the source documents: places are made of invented syllables,
people of common given names and invented surnames, and texts of phrases written for this module.
"""

from __future__ import annotations

import random

LAST_YEAR = 2024  # the latest year a generated date falls in

_CITY_START = (
    "Vel", "Kar", "Ost", "Bram", "Tal", "Mer", "Dun", "Sar", "Lin", "Hol", "Quen", "Rav", "Tor", "Ash", "Bel",
    "Cor", "Dra", "Fen", "Gal", "Har", "Ist", "Jor", "Kel", "Lom", "Mar", "Nor", "Oro", "Pel", "Ros", "Sil",
    "Tam", "Ul", "Var", "Wes", "Yar", "Zel", "Brin", "Cal", "Esk", "Mol",
)  # fmt: skip
_CITY_MIDDLE = ("", "a", "e", "i", "o", "an", "en", "ar", "or", "il", "um", "ey", "ad", "os", "ir", "un", "el")
_CITY_END = (
    "mora", "by", "rand", "ford", "haven", "wick", "burg", "dale", "mouth", "ton", "stad", "polis", "grad", "vik",
    "port", "field", "minster", "holm", "lea", "ridge", "cester", "ness", "ova", "ara", "ino", "ija", "ek", "ado",
    "ville", "bridge",
)  # fmt: skip

_GIVEN = (
    "Ada", "Amir", "Ana", "Anouk", "Arjun", "Beatriz", "Bogdan", "Chen", "Dara", "Dmitri", "Elif", "Emeka", "Farah",
    "Femi", "Grace", "Hana", "Ilse", "Imran", "Ines", "Jonas", "Kofi", "Lena", "Luis", "Maja", "Malik", "Mei",
    "Mikael", "Nadia", "Nia", "Olek", "Omar", "Pita", "Priya", "Rafael", "Rosa", "Sami", "Sana", "Sipho", "Tariq",
    "Tendai", "Uma", "Valeria", "Wanjiru", "Yusuf", "Zainab", "Aroha", "Bram", "Carmen", "Dagny", "Esi",
)  # fmt: skip
_SURNAME_START = (
    "Ab", "Bar", "Cas", "Dov", "Eg", "Fal", "Gor", "Hal", "Ivan", "Jas", "Kov", "Lund", "Mak", "Nov", "Oy", "Pet",
    "Ram", "Sok", "Tes", "Ulm", "Ves", "Win", "Yil", "Zor",
)  # fmt: skip
_SURNAME_END = (
    "ari", "ek", "enko", "ova", "sen", "ström", "ez", "ini", "oglu", "berg", "ić", "anu", "ado", "ley", "kin",
    "uma", "ola", "son",
)  # fmt: skip

ROLES = (
    "activist", "founder", "coordinator", "outreach worker", "peer educator", "researcher", "board member",
    "spokesperson", "editor", "filmmaker", "nurse", "lawyer",
)  # fmt: skip

_ADJECTIVES = (
    "Open", "Bright", "Steady", "Common", "Clear", "Free", "New", "Safe", "Bold", "Quiet", "Second", "Shared",
    "Northern", "Southern", "Eastern", "Western", "Harbour", "River", "Lantern", "Kinship",
)  # fmt: skip
_NOUNS = ("Door", "Ground", "Circle", "Bridge", "Road", "Table", "Voice", "Hands", "Harbour", "Step", "Light", "Path")
_TOPICS = (
    "drug policy", "harm reduction", "opioid substitution", "overdose prevention", "hepatitis C", "HIV prevention",
    "drug checking", "peer work", "prison health", "housing first", "naloxone", "decriminalisation",
)  # fmt: skip

# The patterns of names by kind of organisation; {city}, {adj}, {noun}, {surname}, {topic} are filled in.
_NAME_PATTERNS = {
    "user_group": (
        "Union of {city} Drug Users", "{city} Drug Users Union", "{city} Users Collective", "{city} Peer Users Group",
        "People Who Use Drugs of {city}", "{adj} {noun} {city}", "{city} Users Self-Help Association",
    ),
    "network": (
        "{city} Network of People Who Use Drugs", "{adj} {noun} Users Network", "{city} Regional Users Alliance",
        "{city} Federation of User Groups",
    ),
    "service": ("{city} Peer Outreach Centre", "{adj} {noun} Drop-in", "{city} Needle Exchange", "{city} Users Clinic"),
    "project": ("{adj} {noun} Project", "{city} Naloxone Project", "{city} Peer Research Project"),
    "campaign": ("Campaign for {topic} in {city}", "{adj} {noun} Campaign", "{city} Says Yes to {topic}"),
    "funder": ("{surname} Foundation", "{city} Community Fund", "{adj} {noun} Trust"),
    "international_body": (
        "International Council on {topic}", "{adj} Commission on {topic}", "Global Forum on {topic}",
    ),
    "government": ("{city} Department of Health", "{city} City Council", "{city} Drug Policy Office"),
    "media": ("{city} Users Voice", "{adj} {noun} Magazine", "{city} Street Radio"),
}  # fmt: skip
_SMALL_WORDS = {"of", "the", "for", "in", "on", "to", "and", "who", "says", "yes"}

_KIND_NOUNS = {
    "user_group": "union of people who use drugs",
    "network": "network of user groups",
    "service": "peer-run service",
    "project": "project",
    "campaign": "campaign",
    "funder": "funding body",
    "international_body": "international body",
    "government": "public authority",
    "media": "publication",
}
_DOINGS = (
    "runs a peer-led needle exchange", "publishes a members' newsletter", "trains volunteers in overdose response",
    "argues against punitive drug laws", "hosts a weekly drop-in evening", "advises the local health board",
    "hands out naloxone kits at night", "keeps a list of bad batches", "visits members held in prison",
    "organises an annual remembrance day", "records the stories of older members", "offers legal advice at the door",
    "lobbies for safer supply", "runs a women-only space on Thursdays", "tests samples for members",
    "meets city officials every season", "sends delegates to regional meetings", "answers a helpline for families",
)  # fmt: skip
_HISTORY = (
    "It began as a kitchen-table meeting of {n} members.", "Its early years were spent without any funding.",
    "A split over strategy cost it half its members.", "It grew quickly after a wave of overdose deaths.",
    "Volunteers kept it going through several lean years.", "It merged with a smaller group in the same district.",
    "Its archive of leaflets survives in a members' basement.", "Police raids on its office drew wide attention.",
)  # fmt: skip

_SERVICES = ("drop-in centre", "needle exchange", "drug checking service", "night shelter", "peer clinic")
_CAUSES = ("clean equipment", "safer supply", "an end to compulsory treatment", "naloxone on prescription", "housing")
_UNITS = (
    "members", "syringes handed out", "overdoses reversed", "peer workers trained", "visits to the drop-in",
    "naloxone kits given out", "people tested for hepatitis C", "signatures on a petition", "deaths recorded",
)  # fmt: skip
_EVENT_TITLES = {
    "founding": (
        "{org} is founded",
        "Founding of {org}",
        "{org} holds its first meeting",
        "A users group forms in {city}",
    ),
    "closure": ("{org} closes", "{org} winds up its work", "{org} shuts its office", "A {service} in {city} closes"),
    "service_opening": ("{org} opens a {service} in {city}", "A {service} opens in {city}"),
    "campaign": ("{org} campaigns for {cause}", "{org} marches for {cause} in {city}", "A march for {cause} in {city}"),
    "policy_change": ("{city} funds a {service}", "{city} changes its rules on {topic}", "{city} backs {cause}"),
    "legal_case": ("Court case over {topic} in {city}", "{org} goes to court over {topic}"),
    "conference": ("{adj} conference on {topic} in {city}", "{org} hosts a meeting on {topic}"),
    "declaration": ("The {city} declaration on {topic}", "{org} signs a statement on {topic}"),
    "statistic": ("{org} counts {unit}", "{unit} in {city}", "{org} reports {unit}"),
}
_EVENT_TEXTS = (
    "Members remember it as a turning point for the group.", "Local papers covered it in a few short notes.",
    "The figure comes from the group's own yearly report.", "Two accounts give slightly different dates for it.",
    "Several neighbouring groups sent people to take part.", "It was planned over many months of evening meetings.",
    "Officials were invited but few of them came.", "A short film of the day was made by volunteers.",
)  # fmt: skip
_BIOGRAPHY = (
    "{name} joined the movement in {city} as a young activist.", "{name} spent many years doing outreach at night.",
    "{name} helped write the group's first leaflets.", "{name} later trained peer workers across the region.",
    "{name} spoke for members at meetings with officials.", "{name} kept notes that now help date early events.",
)  # fmt: skip


def pick(rng: random.Random, weights: dict[str, float]) -> str:
    """One key of ``weights``, drawn in proportion to its weight."""
    return rng.choices(tuple(weights), tuple(weights.values()))[0]


def skewed_index(rng: random.Random, n: int, power: float = 1.5) -> int:
    """An index below ``n`` where low indices come up more often: a few records are linked to many others."""
    return min(int(n * rng.random() ** power), n - 1)


def city_name(rng: random.Random) -> str:
    return rng.choice(_CITY_START) + rng.choice(_CITY_MIDDLE) + rng.choice(_CITY_END)


def city_names(rng: random.Random, count: int) -> list[str]:
    """``count`` distinct invented place names (a numbered "New ..." once the syllables run out)."""
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        name = city_name(rng)
        if name in seen:
            name = f"New {name} {len(names)}" if len(seen) > 20_000 else None
        if name and name not in seen:
            seen.add(name)
            names.append(name)
    return names


def surname(rng: random.Random) -> str:
    return rng.choice(_SURNAME_START) + rng.choice(_SURNAME_END)


def person_name(rng: random.Random) -> tuple[str, str]:
    """A name and its sort name ("Surname, Given")."""
    given, family = rng.choice(_GIVEN), surname(rng)
    return f"{given} {family}", f"{family}, {given}"


def organisation_name(rng: random.Random, kind: str, city: str) -> str:
    pattern = rng.choice(_NAME_PATTERNS[kind])
    return pattern.format(
        city=city, adj=rng.choice(_ADJECTIVES), noun=rng.choice(_NOUNS), surname=surname(rng), topic=_title(rng)
    )


def _title(rng: random.Random) -> str:
    # "hepatitis C" becomes "Hepatitis C" and "HIV prevention" keeps its capitals.
    return " ".join(word[:1].upper() + word[1:] for word in rng.choice(_TOPICS).split())


def acronym(name: str) -> str:
    """The initials of a name's main words: "Union of Velmora Drug Users" gives UVDU."""
    return "".join(word[0].upper() for word in name.replace("-", " ").split() if word.lower() not in _SMALL_WORDS)


def organisation_description(rng: random.Random, name: str, kind: str, city: str) -> str:
    doings = rng.sample(_DOINGS, 2)
    sentences = [f"{name} is a {_KIND_NOUNS[kind]} based in {city}.", f"It {doings[0]} and {doings[1]}."]
    if rng.random() < 0.5:
        sentences.append(rng.choice(_HISTORY).format(n=rng.randint(3, 40)))
    return " ".join(sentences)


def biography(rng: random.Random, name: str, city: str) -> str:
    return " ".join(s.format(name=name, city=city) for s in rng.sample(_BIOGRAPHY, rng.randint(1, 3)))


def event_title(rng: random.Random, kind: str, org: str, city: str, unit: str = "") -> str:
    """A title of the given kind of event; ``org`` is the short name of its first organisation, if any."""
    patterns = _EVENT_TITLES[kind]
    if not org:
        patterns = tuple(p for p in patterns if "{org}" not in p)
    title = rng.choice(patterns).format(
        org=org,
        city=city,
        unit=unit,
        service=rng.choice(_SERVICES),
        cause=rng.choice(_CAUSES),
        topic=rng.choice(_TOPICS),
        adj=rng.choice(_ADJECTIVES),
    )
    return _capitalised(title)


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def event_description(rng: random.Random) -> str:
    return " ".join(rng.sample(_EVENT_TEXTS, rng.randint(1, 2)))


def statistic(rng: random.Random) -> tuple[int, str, str]:
    """A figure, its qualifier and what it counts."""
    qualifier = pick(rng, {"exact": 50, "about": 25, "more_than": 15, "at_least": 5, "fewer_than": 5})
    value = rng.choice((rng.randint(2, 99), rng.randint(100, 9_999), rng.randint(10_000, 500_000)))
    return value, qualifier, rng.choice(_UNITS)


# Dates ------------------------------------------------------------------------------------------------------


def year_between(rng: random.Random, first: int, last: int) -> int:
    # Most of the movement's recorded history is recent: later years are likelier.
    return first + int((last - first) * rng.random() ** 0.7)


def partial_date(rng: random.Random, year: int) -> str:
    """An EDTF date around ``year`` of a precision drawn as an archive's dates are: mostly years, some vaguer."""
    shape = pick(
        rng,
        {"year": 45, "month": 12, "day": 8, "about": 15, "uncertain": 3, "decade": 6, "interval": 8, "by": 3},
    )
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    if shape == "month":
        return f"{year}-{month:02d}"
    if shape == "day":
        return f"{year}-{month:02d}-{day:02d}"
    if shape == "about":
        return f"{year}~"
    if shape == "uncertain":
        return f"{year}?"
    if shape == "decade":
        return f"{year // 10}X"
    if shape == "interval":
        return f"{year}~/{year + rng.randint(1, 4)}~"
    if shape == "by":
        return f"../{year}"
    return str(year)


def later_date(rng: random.Random, after_year: int, last: int) -> str:
    """A plain or approximate year no earlier than ``after_year``, so a closing never precedes a founding."""
    year = rng.randint(min(after_year + 1, last), last)
    return f"{year}~" if rng.random() < 0.3 else str(year)
