"""The archive records that the matching tests look things up in: a few real groups of people who use drugs."""

from movement_archive.matching import Candidate

VANDU = Candidate("vandu", ("Vancouver Area Network of Drug Users",), country="CA", city="Vancouver")
INPUD = Candidate("inpud", ("INPUD",), country="GB", city="London")
JUNKIEBOND = Candidate("junkiebond", ("Junkiebond",), country="NL", city="Rotterdam")
BRUGERFORENINGEN = Candidate(
    "brugerforeningen", ("Brugerforeningen", "Danish Drug Users Union"), country="DK", city="Copenhagen"
)
BERLIN_UNION = Candidate("berlin-union", ("Berlin Drug Users Union",), country="DE", city="Berlin")
SOYUZ_IN_LATIN = Candidate("soyuz", ("Soyuz Lyudei Upotreblyayushchikh Narkotiki",), country="RU")
VSEUKRAINSKAYA_IN_CYRILLIC = Candidate(
    "vseukrainskaya", ("Всеукраинская ассоциация людей с наркозависимостью",), country="UA", city="Киев"
)
ASOCIACION = Candidate("asociacion", ("Asociación de Usuarios",), country="ES", city="Barcelona")
ENOSI = Candidate("enosi", ("Enosi Xriston Narkotikon",), country="GR", city="Athens")
ARAB_NETWORK = Candidate("arab-network", ("الشبكة الإقليمية للحد من الضرر",), country="LB", city="Beirut")

ARCHIVE = (
    VANDU,
    INPUD,
    JUNKIEBOND,
    BRUGERFORENINGEN,
    BERLIN_UNION,
    SOYUZ_IN_LATIN,
    VSEUKRAINSKAYA_IN_CYRILLIC,
    ASOCIACION,
    ENOSI,
    ARAB_NETWORK,
)
