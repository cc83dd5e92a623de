"""Demo content for the newsroom, as plain Python data: `manage.py load_demo` loads it.

Competitions, clubs (with their real nicknames as aliases), players (club at the time of the match
they appear in), three invented bylines, and reports on real matches whose facts (scores, scorers,
minutes, venues, kick-off times in UTC) are as they happened. Every word of the copy was written
for this project. There is also one draft and one scheduled preview, neither of which readers see.

Identities are slugs: a club or player without an explicit "slug" gets slug_for_name(name), which
is what Club/Player.save() would compute too ("Atlético Madrid" -> "atletico-madrid").
"""

import re
from datetime import UTC, datetime

_BLOCK_TAG = re.compile(r"\s*(</?(?:p|h2|h3|blockquote|ul|ol|li)>)\s*")
_SPACES = re.compile(r"\s+")


def _html(text):
    """Source-friendly HTML: collapse the line wrapping, drop whitespace around block tags."""
    return _BLOCK_TAG.sub(r"\1", _SPACES.sub(" ", text)).strip()


def _utc(*args):
    return datetime(*args, tzinfo=UTC)


GK, DF, MF, FW = "GK", "DF", "MF", "FW"
OPEN_PLAY, PENALTY, OWN_GOAL = "open_play", "penalty", "own_goal"

# ---------------------------------------------------------------------------------------------
# Competitions

# Each with its rule book's tie-break, as import_fixtures creates them (fixtures.KNOWN_COMPETITIONS):
# the demo's tables are the real final tables.
COMPETITIONS = [
    {
        "slug": "uefa-champions-league",
        "tie_break": "head_to_head",
        "name": "UEFA Champions League",
        "description": "Europe’s premier club competition, known as the European Cup until 1992.",
    },
    {
        "slug": "premier-league",
        "tie_break": "goal_difference",
        "name": "Premier League",
        "description": "The top division of English football since 1992.",
    },
    {
        "slug": "serie-a",
        "tie_break": "head_to_head",
        "name": "Serie A",
        "description": "The top division of Italian football.",
    },
    {
        "slug": "fa-cup",
        "tie_break": "goal_difference",
        "name": "FA Cup",
        "description": "England’s oldest knockout competition, first played in 1871-72.",
    },
]

# ---------------------------------------------------------------------------------------------
# Clubs

_ENG, _ITA, _ESP, _GER = "England", "Italy", "Spain", "Germany"

CLUBS = [
    {"name": "Liverpool", "short_name": "Liverpool", "country": _ENG, "league": "Premier League",
     "aliases": ["the Reds", "LFC", "Liverpool FC"]},
    {"name": "Napoli", "short_name": "Napoli", "country": _ITA, "league": "Serie A",
     "aliases": ["Partenopei", "the Partenopei", "the Azzurri", "SSC Napoli"]},
    {"name": "Juventus", "short_name": "Juve", "country": _ITA, "league": "Serie A",
     "aliases": ["Juve", "the Old Lady", "Bianconeri", "the Bianconeri", "Juventus FC"]},
    {"name": "Barcelona", "short_name": "Barça", "country": _ESP, "league": "La Liga",
     "aliases": ["Barça", "Barca", "FC Barcelona", "Blaugrana", "the Blaugrana"]},
    {"name": "Tottenham Hotspur", "short_name": "Spurs", "country": _ENG, "league": "Premier League",
     "aliases": ["Spurs", "Tottenham", "the Lilywhites", "THFC"]},
    {"name": "Manchester City", "short_name": "Man City", "country": _ENG, "league": "Premier League",
     "aliases": ["Man City", "City", "the Citizens", "the Sky Blues", "MCFC"]},
    {"name": "Manchester United", "short_name": "Man Utd", "country": _ENG, "league": "Premier League",
     "aliases": ["Man Utd", "Man United", "United", "the Red Devils", "MUFC"]},
    {"name": "Queens Park Rangers", "short_name": "QPR", "country": _ENG, "league": "Premier League",
     "aliases": ["QPR", "the Hoops", "the R’s"]},
    {"name": "Bayern Munich", "short_name": "Bayern", "country": _GER, "league": "Bundesliga",
     "aliases": ["Bayern", "FC Bayern", "Bayern München", "FC Bayern München", "the Bavarians"]},
    {"name": "Real Madrid", "short_name": "Real Madrid", "country": _ESP, "league": "La Liga",
     "aliases": ["Real", "Los Blancos", "Los Merengues", "Real Madrid CF"]},
    {"name": "Atlético Madrid", "short_name": "Atlético", "country": _ESP, "league": "La Liga",
     "aliases": ["Atlético", "Atletico", "Atleti", "Atlético de Madrid", "Los Colchoneros"]},
    {"name": "Arsenal", "short_name": "Arsenal", "country": _ENG, "league": "Premier League",
     "aliases": ["the Gunners", "Arsenal FC", "AFC"]},
    {"name": "Chelsea", "short_name": "Chelsea", "country": _ENG, "league": "Premier League",
     "aliases": ["the Blues", "Chelsea FC", "CFC"]},
    {"name": "Red Bull Salzburg", "short_name": "Salzburg", "country": "Austria",
     "league": "Austrian Bundesliga", "aliases": ["Salzburg", "RB Salzburg", "FC Red Bull Salzburg"]},
    {"name": "Genk", "short_name": "Genk", "country": "Belgium", "league": "Belgian First Division A",
     "aliases": ["KRC Genk", "Racing Genk", "the Smurfs"]},
]  # fmt: skip

# ---------------------------------------------------------------------------------------------
# Players: (name, club slug, position, nationality, aliases). The club is the one he played for in
# the match he appears in here.

_PLAYER_ROWS = [
    # Liverpool
    ("Alisson", "liverpool", GK, "Brazil", ["Alisson Becker", "Becker"]),
    ("Virgil van Dijk", "liverpool", DF, "Netherlands", ["Van Dijk", "VVD"]),
    ("Dejan Lovren", "liverpool", DF, "Croatia", ["Lovren"]),
    ("Andy Robertson", "liverpool", DF, "Scotland", ["Robertson", "Andrew Robertson", "Robbo"]),
    ("Trent Alexander-Arnold", "liverpool", DF, "England", ["Alexander-Arnold", "Trent"]),
    ("Jordan Henderson", "liverpool", MF, "England", ["Henderson", "Hendo"]),
    ("Georginio Wijnaldum", "liverpool", MF, "Netherlands", ["Wijnaldum", "Gini Wijnaldum"]),
    ("Xherdan Shaqiri", "liverpool", MF, "Switzerland", ["Shaqiri"]),
    ("Sadio Mané", "liverpool", FW, "Senegal", ["Mané", "Mane"]),
    ("Roberto Firmino", "liverpool", FW, "Brazil", ["Firmino", "Bobby Firmino"]),
    ("Mohamed Salah", "liverpool", FW, "Egypt", ["Salah", "Mo Salah"]),
    ("Divock Origi", "liverpool", FW, "Belgium", ["Origi"]),
    ("Joe Gomez", "liverpool", DF, "England", ["Gomez"]),
    ("Fabinho", "liverpool", MF, "Brazil", ["Fabinho Tavares"]),
    ("James Milner", "liverpool", MF, "England", ["Milner"]),
    ("Alex Oxlade-Chamberlain", "liverpool", MF, "England", ["Oxlade-Chamberlain", "the Ox"]),
    ("Adam Lallana", "liverpool", MF, "England", ["Lallana"]),
    ("Adrián", "liverpool", GK, "Spain", ["Adrián San Miguel"]),
    ("Joël Matip", "liverpool", DF, "Cameroon", ["Matip", "Joel Matip"]),
    ("Caoimhín Kelleher", "liverpool", GK, "Republic of Ireland", ["Kelleher"]),
    # Napoli
    ("Kostas Manolas", "napoli", DF, "Greece", ["Manolas", "Konstantinos Manolas"]),
    ("Kalidou Koulibaly", "napoli", DF, "Senegal", ["Koulibaly"]),
    ("Nikola Maksimović", "napoli", DF, "Serbia", ["Maksimović", "Maksimovic"]),
    ("Giovanni Di Lorenzo", "napoli", DF, "Italy", ["Di Lorenzo"]),
    ("Allan", "napoli", MF, "Brazil", ["Allan Marques Loureiro"]),
    ("Fabián Ruiz", "napoli", MF, "Spain", ["Fabián", "Fabian Ruiz"]),
    ("Marek Hamšík", "napoli", MF, "Slovakia", ["Hamšík", "Hamsik"]),
    ("Dries Mertens", "napoli", FW, "Belgium", ["Mertens"]),
    ("Lorenzo Insigne", "napoli", FW, "Italy", ["Insigne"]),
    ("Hirving Lozano", "napoli", FW, "Mexico", ["Lozano", "Chucky Lozano"]),
    ("José Callejón", "napoli", FW, "Spain", ["Callejón", "Callejon"]),
    ("Fernando Llorente", "napoli", FW, "Spain", ["Llorente"]),
    ("Alex Meret", "napoli", GK, "Italy", ["Meret"]),
    ("David Ospina", "napoli", GK, "Colombia", ["Ospina"]),
    ("Mário Rui", "napoli", DF, "Portugal", ["Mario Rui"]),
    ("Sebastiano Luperto", "napoli", DF, "Italy", ["Luperto"]),
    ("Piotr Zieliński", "napoli", MF, "Poland", ["Zieliński", "Zielinski"]),
    ("Eljif Elmas", "napoli", MF, "North Macedonia", ["Elmas"]),
    ("Gianluca Gaetano", "napoli", MF, "Italy", ["Gaetano"]),
    ("Amin Younes", "napoli", FW, "Germany", ["Younes"]),
    ("Faouzi Ghoulam", "napoli", DF, "Algeria", ["Ghoulam"]),
    ("Arkadiusz Milik", "napoli", FW, "Poland", ["Milik"]),
    # Juventus
    ("Gianluigi Buffon", "juventus", GK, "Italy", ["Buffon", "Gigi Buffon"]),
    ("Gonzalo Higuaín", "juventus", FW, "Argentina", ["Higuaín", "Higuain", "Pipita"]),
    # Barcelona
    ("Marc-André ter Stegen", "barcelona", GK, "Germany", ["ter Stegen"]),
    ("Lionel Messi", "barcelona", FW, "Argentina", ["Messi", "Leo Messi"]),
    ("Luis Suárez", "barcelona", FW, "Uruguay", ["Suárez", "Suarez"]),
    # Tottenham Hotspur
    ("Moussa Sissoko", "tottenham-hotspur", MF, "France", ["Sissoko"]),
    ("Christian Eriksen", "tottenham-hotspur", MF, "Denmark", ["Eriksen"]),
    ("Son Heung-min", "tottenham-hotspur", FW, "South Korea", ["Son", "Heung-min Son", "Sonny"]),
    ("Harry Kane", "tottenham-hotspur", FW, "England", ["Kane"]),
    # Manchester City (2011-12)
    ("Pablo Zabaleta", "manchester-city", DF, "Argentina", ["Zabaleta"]),
    ("Vincent Kompany", "manchester-city", DF, "Belgium", ["Kompany"]),
    ("Yaya Touré", "manchester-city", MF, "Ivory Coast", ["Touré", "Yaya"]),
    ("David Silva", "manchester-city", MF, "Spain", ["Silva"]),
    ("Edin Džeko", "manchester-city", FW, "Bosnia and Herzegovina", ["Džeko", "Dzeko"]),
    ("Mario Balotelli", "manchester-city", FW, "Italy", ["Balotelli", "Super Mario"]),
    ("Sergio Agüero", "manchester-city", FW, "Argentina", ["Agüero", "Aguero", "Kun Agüero"]),
    # Queens Park Rangers (2011-12)
    ("Joey Barton", "queens-park-rangers", MF, "England", ["Barton"]),
    ("Djibril Cissé", "queens-park-rangers", FW, "France", ["Cissé", "Cisse"]),
    ("Jamie Mackie", "queens-park-rangers", FW, "Scotland", ["Mackie"]),
    # Manchester United (1998-99 and 2011-12)
    ("Peter Schmeichel", "manchester-united", GK, "Denmark", ["Schmeichel"]),
    ("Roy Keane", "manchester-united", MF, "Republic of Ireland", ["Keane"]),
    ("Paul Scholes", "manchester-united", MF, "England", ["Scholes"]),
    ("David Beckham", "manchester-united", MF, "England", ["Beckham", "Becks"]),
    ("Ryan Giggs", "manchester-united", MF, "Wales", ["Giggs"]),
    ("Teddy Sheringham", "manchester-united", FW, "England", ["Sheringham"]),
    ("Ole Gunnar Solskjær", "manchester-united", FW, "Norway", ["Solskjær", "Solskjaer", "Ole"]),
    ("Wayne Rooney", "manchester-united", FW, "England", ["Rooney"]),
    # Bayern Munich (1998-99 and 2019-20)
    ("Lothar Matthäus", "bayern-munich", DF, "Germany", ["Matthäus", "Matthaus"]),
    ("Mario Basler", "bayern-munich", MF, "Germany", ["Basler"]),
    ("Mehmet Scholl", "bayern-munich", MF, "Germany", ["Scholl"]),
    ("Carsten Jancker", "bayern-munich", FW, "Germany", ["Jancker"]),
    ("David Alaba", "bayern-munich", DF, "Austria", ["Alaba"]),
    ("Alphonso Davies", "bayern-munich", DF, "Canada", ["Davies", "Phonzy"]),
    ("Joshua Kimmich", "bayern-munich", MF, "Germany", ["Kimmich"]),
    ("Philippe Coutinho", "bayern-munich", MF, "Brazil", ["Coutinho", "Phil Coutinho"]),
    ("Thomas Müller", "bayern-munich", FW, "Germany", ["Müller", "Muller", "Mueller"]),
    ("Ivan Perišić", "bayern-munich", FW, "Croatia", ["Perišić", "Perisic"]),
    ("Serge Gnabry", "bayern-munich", FW, "Germany", ["Gnabry"]),
    ("Robert Lewandowski", "bayern-munich", FW, "Poland", ["Lewandowski", "Lewy"]),
    # Real Madrid (2013-14)
    ("Iker Casillas", "real-madrid", GK, "Spain", ["Casillas"]),
    ("Sergio Ramos", "real-madrid", DF, "Spain", ["Ramos"]),
    ("Marcelo", "real-madrid", DF, "Brazil", ["Marcelo Vieira"]),
    ("Luka Modrić", "real-madrid", MF, "Croatia", ["Modrić", "Modric"]),
    ("Ángel Di María", "real-madrid", MF, "Argentina", ["Di María", "Di Maria"]),
    ("Gareth Bale", "real-madrid", FW, "Wales", ["Bale"]),
    ("Cristiano Ronaldo", "real-madrid", FW, "Portugal", ["Ronaldo", "CR7"]),
    # Atlético Madrid (2013-14)
    ("Thibaut Courtois", "atletico-madrid", GK, "Belgium", ["Courtois"]),
    ("Diego Godín", "atletico-madrid", DF, "Uruguay", ["Godín", "Godin"]),
    ("Diego Costa", "atletico-madrid", FW, "Spain", ["Costa"]),
    # Arsenal (2019-20)
    ("Emiliano Martínez", "arsenal", GK, "Argentina", ["Martínez", "Emi Martínez"]),
    ("Héctor Bellerín", "arsenal", DF, "Spain", ["Bellerín", "Bellerin"]),
    ("Nicolas Pépé", "arsenal", FW, "Ivory Coast", ["Pépé", "Pepe"]),
    ("Pierre-Emerick Aubameyang", "arsenal", FW, "Gabon", ["Aubameyang", "Auba"]),
    # Chelsea (2019-20)
    ("César Azpilicueta", "chelsea", DF, "Spain", ["Azpilicueta", "Azpi"]),
    ("Mateo Kovačić", "chelsea", MF, "Croatia", ["Kovačić", "Kovacic"]),
    ("Christian Pulisic", "chelsea", FW, "United States", ["Pulisic"]),
    # --- Line-ups of the other demo matches. A player who appears for two clubs here has the later
    # one (Khedira: Juventus; Alderweireld: Tottenham; Jorginho: Chelsea; Llorente: Napoli).
    # Manchester United (1998-99)
    ("Gary Neville", "manchester-united", DF, "England", ["G. Neville"]),
    ("Jaap Stam", "manchester-united", DF, "Netherlands", ["Stam"]),
    ("Ronny Johnsen", "manchester-united", DF, "Norway", ["Johnsen"]),
    ("Denis Irwin", "manchester-united", DF, "Republic of Ireland", ["Irwin"]),
    ("Nicky Butt", "manchester-united", MF, "England", []),
    ("Jesper Blomqvist", "manchester-united", MF, "Sweden", ["Blomqvist"]),
    ("Dwight Yorke", "manchester-united", FW, "Trinidad and Tobago", ["Yorke"]),
    ("Andy Cole", "manchester-united", FW, "England", ["Andrew Cole"]),
    ("Raimond van der Gouw", "manchester-united", GK, "Netherlands", ["Van der Gouw"]),
    ("Phil Neville", "manchester-united", DF, "England", ["P. Neville"]),
    ("David May", "manchester-united", DF, "England", []),
    ("Wes Brown", "manchester-united", DF, "England", ["Wesley Brown"]),
    ("Jonathan Greening", "manchester-united", MF, "England", ["Greening"]),
    # Bayern Munich (1998-99)
    ("Oliver Kahn", "bayern-munich", GK, "Germany", ["Kahn"]),
    ("Markus Babbel", "bayern-munich", DF, "Germany", ["Babbel"]),
    ("Samuel Kuffour", "bayern-munich", DF, "Ghana", ["Kuffour", "Sammy Kuffour"]),
    ("Thomas Linke", "bayern-munich", DF, "Germany", ["Linke"]),
    ("Michael Tarnat", "bayern-munich", DF, "Germany", ["Tarnat"]),
    ("Jens Jeremies", "bayern-munich", MF, "Germany", ["Jeremies"]),
    ("Stefan Effenberg", "bayern-munich", MF, "Germany", ["Effenberg"]),
    ("Alexander Zickler", "bayern-munich", FW, "Germany", ["Zickler"]),
    ("Thomas Helmer", "bayern-munich", DF, "Germany", ["Helmer"]),
    ("Thorsten Fink", "bayern-munich", MF, "Germany", []),
    ("Hasan Salihamidžić", "bayern-munich", MF, "Bosnia and Herzegovina", ["Salihamidžić", "Salihamidzic"]),
    # Manchester City (2011-12)
    ("Joe Hart", "manchester-city", GK, "England", []),
    ("Joleon Lescott", "manchester-city", DF, "England", ["Lescott"]),
    ("Gaël Clichy", "manchester-city", DF, "France", ["Clichy", "Gael Clichy"]),
    ("Gareth Barry", "manchester-city", MF, "England", []),
    ("Samir Nasri", "manchester-city", MF, "France", ["Nasri"]),
    ("Carlos Tevez", "manchester-city", FW, "Argentina", ["Tevez"]),
    ("Nigel de Jong", "manchester-city", MF, "Netherlands", []),
    ("Costel Pantilimon", "manchester-city", GK, "Romania", ["Pantilimon"]),
    ("Aleksandar Kolarov", "manchester-city", DF, "Serbia", ["Kolarov"]),
    ("Micah Richards", "manchester-city", DF, "England", []),
    # Queens Park Rangers (2011-12)
    ("Paddy Kenny", "queens-park-rangers", GK, "Republic of Ireland", []),
    ("Nedum Onuoha", "queens-park-rangers", DF, "England", ["Onuoha"]),
    ("Anton Ferdinand", "queens-park-rangers", DF, "England", ["Ferdinand"]),
    ("Clint Hill", "queens-park-rangers", DF, "England", []),
    ("Taye Taiwo", "queens-park-rangers", DF, "Nigeria", ["Taiwo"]),
    ("Shaun Wright-Phillips", "queens-park-rangers", MF, "England", ["Wright-Phillips", "SWP"]),
    ("Shaun Derry", "queens-park-rangers", MF, "England", []),
    ("Bobby Zamora", "queens-park-rangers", FW, "England", ["Zamora"]),
    ("Armand Traoré", "queens-park-rangers", DF, "Senegal", ["Traoré", "Traore"]),
    ("Jay Bothroyd", "queens-park-rangers", FW, "England", ["Bothroyd"]),
    # Real Madrid (2013-14)
    ("Dani Carvajal", "real-madrid", DF, "Spain", ["Carvajal", "Daniel Carvajal"]),
    ("Raphaël Varane", "real-madrid", DF, "France", ["Varane", "Raphael Varane"]),
    ("Fábio Coentrão", "real-madrid", DF, "Portugal", ["Coentrão", "Coentrao"]),
    ("Karim Benzema", "real-madrid", FW, "France", ["Benzema"]),
    ("Isco", "real-madrid", MF, "Spain", ["Francisco Alarcón"]),
    ("Álvaro Morata", "real-madrid", FW, "Spain", ["Morata"]),
    # Atlético Madrid (2013-14)
    ("Juanfran", "atletico-madrid", DF, "Spain", ["Juan Francisco Torres"]),
    ("Miranda", "atletico-madrid", DF, "Brazil", ["João Miranda"]),
    ("Filipe Luís", "atletico-madrid", DF, "Brazil", ["Filipe Luis"]),
    ("Raúl García", "atletico-madrid", MF, "Spain", ["Raul Garcia"]),
    ("Tiago", "atletico-madrid", MF, "Portugal", []),
    ("Gabi", "atletico-madrid", MF, "Spain", ["Gabriel Fernández"]),
    ("Koke", "atletico-madrid", MF, "Spain", ["Jorge Resurrección"]),
    ("David Villa", "atletico-madrid", FW, "Spain", []),
    ("Adrián López", "atletico-madrid", FW, "Spain", []),
    ("José Sosa", "atletico-madrid", MF, "Argentina", ["Sosa", "José Ernesto Sosa"]),
    # Juventus (2017-18)
    ("Sami Khedira", "juventus", MF, "Germany", ["Khedira"]),
    ("Benedikt Höwedes", "juventus", DF, "Germany", ["Höwedes", "Howedes"]),
    ("Medhi Benatia", "juventus", DF, "Morocco", ["Benatia"]),
    ("Giorgio Chiellini", "juventus", DF, "Italy", ["Chiellini"]),
    ("Kwadwo Asamoah", "juventus", DF, "Ghana", ["Asamoah"]),
    ("Miralem Pjanić", "juventus", MF, "Bosnia and Herzegovina", ["Pjanić", "Pjanic"]),
    ("Blaise Matuidi", "juventus", MF, "France", ["Matuidi"]),
    ("Douglas Costa", "juventus", FW, "Brazil", ["Douglas Costa de Souza"]),
    ("Paulo Dybala", "juventus", FW, "Argentina", ["Dybala"]),
    ("Stephan Lichtsteiner", "juventus", DF, "Switzerland", ["Lichtsteiner"]),
    ("Juan Cuadrado", "juventus", MF, "Colombia", ["Cuadrado"]),
    ("Mario Mandžukić", "juventus", FW, "Croatia", ["Mandžukić", "Mandzukic"]),
    ("Wojciech Szczęsny", "juventus", GK, "Poland", ["Szczęsny", "Szczesny"]),
    ("Carlo Pinsoglio", "juventus", GK, "Italy", ["Pinsoglio"]),
    ("Alex Sandro", "juventus", DF, "Brazil", ["Alex Sandro Lobo Silva"]),
    ("Andrea Barzagli", "juventus", DF, "Italy", ["Barzagli"]),
    ("Daniele Rugani", "juventus", DF, "Italy", ["Rugani"]),
    ("Rodrigo Bentancur", "juventus", MF, "Uruguay", ["Bentancur"]),
    ("Federico Bernardeschi", "juventus", FW, "Italy", ["Bernardeschi"]),
    # Napoli (2017-18)
    ("Pepe Reina", "napoli", GK, "Spain", ["Reina", "José Manuel Reina"]),
    ("Elseid Hysaj", "napoli", DF, "Albania", ["Hysaj"]),
    ("Raúl Albiol", "napoli", DF, "Spain", ["Albiol"]),
    ("Marko Rog", "napoli", MF, "Croatia", ["Rog"]),
    ("Rafael Cabral", "napoli", GK, "Brazil", []),
    ("Luigi Sepe", "napoli", GK, "Italy", ["Sepe"]),
    ("Christian Maggio", "napoli", DF, "Italy", ["Maggio"]),
    ("Antonio Milić", "napoli", DF, "Croatia", ["Milić", "Milic"]),
    ("Vlad Chiricheș", "napoli", DF, "Romania", ["Chiricheș", "Chiriches"]),
    ("Zinedine Machach", "napoli", MF, "France", ["Machach"]),
    ("Adam Ounas", "napoli", FW, "Algeria", ["Ounas"]),
    ("Amadou Diawara", "napoli", MF, "Guinea", ["Diawara"]),
    ("Lorenzo Tonelli", "napoli", DF, "Italy", ["Tonelli"]),
    # Liverpool (2018-19)
    ("Simon Mignolet", "liverpool", GK, "Belgium", ["Mignolet"]),
    ("Alberto Moreno", "liverpool", DF, "Spain", ["Moreno"]),
    ("Daniel Sturridge", "liverpool", FW, "England", ["Sturridge"]),
    ("Rhian Brewster", "liverpool", FW, "England", ["Brewster"]),
    ("Ben Woodburn", "liverpool", FW, "Wales", ["Woodburn"]),
    # Barcelona (2018-19 and 2019-20)
    ("Nélson Semedo", "barcelona", DF, "Portugal", ["Semedo", "Nelson Semedo"]),
    ("Gerard Piqué", "barcelona", DF, "Spain", ["Piqué", "Pique"]),
    ("Clément Lenglet", "barcelona", DF, "France", ["Lenglet"]),
    ("Jordi Alba", "barcelona", DF, "Spain", ["Alba"]),
    ("Sergi Roberto", "barcelona", MF, "Spain", ["Sergi Roberto Carnicer"]),
    ("Ivan Rakitić", "barcelona", MF, "Croatia", ["Rakitić", "Rakitic"]),
    ("Sergio Busquets", "barcelona", MF, "Spain", ["Busquets"]),
    ("Arturo Vidal", "barcelona", MF, "Chile", ["Vidal"]),
    ("Jasper Cillessen", "barcelona", GK, "Netherlands", ["Cillessen"]),
    ("Arthur", "barcelona", MF, "Brazil", ["Arthur Melo"]),
    ("Malcom", "barcelona", FW, "Brazil", ["Malcom Filipe Silva de Oliveira"]),
    ("Samuel Umtiti", "barcelona", DF, "France", ["Umtiti"]),
    ("Thomas Vermaelen", "barcelona", DF, "Belgium", ["Vermaelen"]),
    ("Carles Aleñá", "barcelona", MF, "Spain", ["Aleñá", "Alena"]),
    ("Frenkie de Jong", "barcelona", MF, "Netherlands", ["Frenkie"]),
    ("Antoine Griezmann", "barcelona", FW, "France", ["Griezmann"]),
    ("Ansu Fati", "barcelona", FW, "Spain", ["Fati"]),
    ("Neto", "barcelona", GK, "Brazil", ["Norberto Murara Neto"]),
    ("Iñaki Peña", "barcelona", GK, "Spain", ["Peña", "Inaki Pena"]),
    ("Ronald Araújo", "barcelona", DF, "Uruguay", ["Araújo", "Araujo"]),
    ("Ousmane Dembélé", "barcelona", FW, "France", ["Dembélé", "Dembele"]),
    ("Junior Firpo", "barcelona", DF, "Spain", ["Firpo"]),
    ("Óscar Mingueza", "barcelona", DF, "Spain", ["Mingueza"]),
    ("Riqui Puig", "barcelona", MF, "Spain", ["Puig"]),
    ("Monchu", "barcelona", MF, "Spain", ["Ramón Rodríguez Jiménez"]),
    # Tottenham Hotspur (2018-19)
    ("Hugo Lloris", "tottenham-hotspur", GK, "France", ["Lloris"]),
    ("Kieran Trippier", "tottenham-hotspur", DF, "England", ["Trippier"]),
    ("Toby Alderweireld", "tottenham-hotspur", DF, "Belgium", ["Alderweireld"]),
    ("Jan Vertonghen", "tottenham-hotspur", DF, "Belgium", ["Vertonghen"]),
    ("Danny Rose", "tottenham-hotspur", DF, "England", []),
    ("Harry Winks", "tottenham-hotspur", MF, "England", ["Winks"]),
    ("Dele Alli", "tottenham-hotspur", MF, "England", ["Dele", "Alli"]),
    ("Lucas Moura", "tottenham-hotspur", FW, "Brazil", []),
    ("Eric Dier", "tottenham-hotspur", MF, "England", ["Dier"]),
    ("Michel Vorm", "tottenham-hotspur", GK, "Netherlands", ["Vorm"]),
    ("Paulo Gazzaniga", "tottenham-hotspur", GK, "Argentina", ["Gazzaniga"]),
    ("Davinson Sánchez", "tottenham-hotspur", DF, "Colombia", ["Davinson Sanchez"]),
    ("Juan Foyth", "tottenham-hotspur", DF, "Argentina", ["Foyth"]),
    ("Ben Davies", "tottenham-hotspur", DF, "Wales", []),
    ("Serge Aurier", "tottenham-hotspur", DF, "Ivory Coast", ["Aurier"]),
    ("Kyle Walker-Peters", "tottenham-hotspur", DF, "England", ["Walker-Peters"]),
    ("Victor Wanyama", "tottenham-hotspur", MF, "Kenya", ["Wanyama"]),
    ("Erik Lamela", "tottenham-hotspur", MF, "Argentina", ["Lamela"]),
    # Bayern Munich (2019-20)
    ("Manuel Neuer", "bayern-munich", GK, "Germany", ["Neuer"]),
    ("Jérôme Boateng", "bayern-munich", DF, "Germany", ["Boateng", "Jerome Boateng"]),
    ("Leon Goretzka", "bayern-munich", MF, "Germany", ["Goretzka"]),
    ("Thiago Alcântara", "bayern-munich", MF, "Spain", ["Thiago Alcantara"]),
    ("Niklas Süle", "bayern-munich", DF, "Germany", ["Süle", "Sule"]),
    ("Lucas Hernández", "bayern-munich", DF, "France", ["Lucas Hernandez"]),
    ("Corentin Tolisso", "bayern-munich", MF, "France", ["Tolisso"]),
    ("Kingsley Coman", "bayern-munich", FW, "France", ["Coman"]),
    ("Sven Ulreich", "bayern-munich", GK, "Germany", ["Ulreich"]),
    ("Ron-Thorben Hoffmann", "bayern-munich", GK, "Germany", []),
    ("Mickaël Cuisance", "bayern-munich", MF, "France", ["Cuisance"]),
    ("Javi Martínez", "bayern-munich", MF, "Spain", ["Javi Martinez"]),
    ("Jamal Musiala", "bayern-munich", MF, "Germany", ["Musiala"]),
    ("Álvaro Odriozola", "bayern-munich", DF, "Spain", ["Odriozola"]),
    ("Joshua Zirkzee", "bayern-munich", FW, "Netherlands", ["Zirkzee"]),
    # Arsenal (2019-20)
    ("Rob Holding", "arsenal", DF, "England", []),
    ("David Luiz", "arsenal", DF, "Brazil", []),
    ("Kieran Tierney", "arsenal", DF, "Scotland", ["Tierney"]),
    ("Ainsley Maitland-Niles", "arsenal", MF, "England", ["Maitland-Niles"]),
    ("Granit Xhaka", "arsenal", MF, "Switzerland", ["Xhaka"]),
    ("Dani Ceballos", "arsenal", MF, "Spain", ["Ceballos"]),
    ("Alexandre Lacazette", "arsenal", FW, "France", ["Lacazette"]),
    ("Matt Macey", "arsenal", GK, "England", ["Macey"]),
    ("Sokratis Papastathopoulos", "arsenal", DF, "Greece", ["Sokratis"]),
    ("Lucas Torreira", "arsenal", MF, "Uruguay", ["Torreira"]),
    ("Reiss Nelson", "arsenal", FW, "England", []),
    ("Joe Willock", "arsenal", MF, "England", ["Willock"]),
    ("Eddie Nketiah", "arsenal", FW, "England", ["Nketiah"]),
    ("Sead Kolašinac", "arsenal", DF, "Bosnia and Herzegovina", ["Kolašinac", "Kolasinac"]),
    ("Emile Smith Rowe", "arsenal", MF, "England", ["Smith Rowe"]),
    ("Bukayo Saka", "arsenal", MF, "England", ["Saka"]),
    # Chelsea (2019-20)
    ("Willy Caballero", "chelsea", GK, "Argentina", ["Caballero"]),
    ("Kurt Zouma", "chelsea", DF, "France", ["Zouma"]),
    ("Antonio Rüdiger", "chelsea", DF, "Germany", ["Rüdiger", "Rudiger"]),
    ("Reece James", "chelsea", DF, "England", []),
    ("Jorginho", "chelsea", MF, "Italy", ["Jorge Luiz Frello Filho"]),
    ("Marcos Alonso", "chelsea", DF, "Spain", []),
    ("Mason Mount", "chelsea", MF, "England", []),
    ("Olivier Giroud", "chelsea", FW, "France", ["Giroud"]),
    ("Kepa Arrizabalaga", "chelsea", GK, "Spain", ["Kepa"]),
    ("Andreas Christensen", "chelsea", DF, "Denmark", ["Christensen"]),
    ("Fikayo Tomori", "chelsea", DF, "England", ["Tomori"]),
    ("Emerson Palmieri", "chelsea", DF, "Italy", []),
    ("N’Golo Kanté", "chelsea", MF, "France", ["Kanté", "Kante"]),
    ("Ross Barkley", "chelsea", MF, "England", ["Barkley"]),
    ("Callum Hudson-Odoi", "chelsea", FW, "England", ["Hudson-Odoi"]),
    ("Pedro", "chelsea", FW, "Spain", ["Pedro Rodríguez"]),
    ("Tammy Abraham", "chelsea", FW, "England", ["Abraham"]),
]

PLAYERS = [
    {"name": name, "club": club, "position": position, "nationality": nationality, "aliases": aliases}
    for name, club, position, nationality, aliases in _PLAYER_ROWS
]

# ---------------------------------------------------------------------------------------------
# Whole seasons of fixtures and results (public domain, newsroom/football/data/openfootball/),
# imported after the demo's own matches so the tables are full on first start. Their kick-off
# times are Central European.

FIXTURE_FILES = ["uefa.cl-2019-20.json", "it.1-2019-20.json"]
FIXTURE_TIMEZONE = "Europe/Rome"

# ---------------------------------------------------------------------------------------------
# Authors (invented)

AUTHORS = [
    {
        "slug": "harriet-ashdown",
        "name": "Harriet Ashdown",
        "bio": "Chief football writer. Has covered eleven European finals and still prefers a wet "
        "Tuesday night in the Championship.",
    },
    {
        "slug": "matteo-ferrante",
        "name": "Matteo Ferrante",
        "bio": "European football correspondent, based in Naples. Writes about Serie A, La Liga and "
        "the Champions League, and about tactics whenever he is allowed to.",
    },
    {
        "slug": "owen-pritchard",
        "name": "Owen Pritchard",
        "bio": "Football writer covering the Premier League and the FA Cup, with a soft spot for "
        "final-day drama.",
    },
]

# ---------------------------------------------------------------------------------------------
# Matches: keyed in this file by "key"; in the database by (home club, away club, kick-off).
# "score" is after 90 minutes (what a table counts); a match that went to extra time also has
# "extra_time_score", counting the 90 minutes too, as the model keeps them apart.
# Goals: (minute, added time, scorer slug, club slug the goal counts for, kind). Rounds are
# written as openfootball writes them ("Group E", "Quarterfinals"), so importing the shipped
# seasons (FIXTURE_FILES) updates these matches rather than renaming their rounds back and forth.
# Line-ups: {club slug: (formation, [(number, player, position, captain)] in order, goalkeeper
# first, then each line from the back, right to left; [(number, player, position)] on the bench)}.

MATCHES = [
    {
        "key": "man-utd-bayern-1999",
        "competition": "uefa-champions-league", "season": "1998-99", "round": "Final",
        "kickoff": _utc(1999, 5, 26, 18, 45), "venue": "Camp Nou, Barcelona",
        "home": "manchester-united", "away": "bayern-munich", "score": (2, 1),
        "attendance": 90245, "referee": "Pierluigi Collina",
        "goals": [
            (6, 0, "mario-basler", "bayern-munich", OPEN_PLAY),
            (90, 1, "teddy-sheringham", "manchester-united", OPEN_PLAY),
            (90, 3, "ole-gunnar-solskjaer", "manchester-united", OPEN_PLAY),
        ],
        # Left out: Wes Brown's shirt number (the sources give 24 and 30); any bookings (the sources
        # we have give none). Matthäus went off at 80' or 81' (sources differ): we use 80'.
        "lineups": {
            "manchester-united": ("4-4-2", [
                (1, "peter-schmeichel", "GK", True),
                (2, "gary-neville", "RB", False), (6, "jaap-stam", "CB", False),
                (5, "ronny-johnsen", "CB", False), (3, "denis-irwin", "LB", False),
                (11, "ryan-giggs", "RM", False), (8, "nicky-butt", "CM", False),
                (7, "david-beckham", "CM", False), (15, "jesper-blomqvist", "LM", False),
                (19, "dwight-yorke", "FW", False), (9, "andy-cole", "FW", False),
            ], [
                (17, "raimond-van-der-gouw", "GK"), (4, "david-may", "DF"), (12, "phil-neville", "DF"),
                (None, "wes-brown", "DF"), (34, "jonathan-greening", "MF"), (10, "teddy-sheringham", "FW"),
                (20, "ole-gunnar-solskjaer", "FW"),
            ]),
            # Kahn captained: club captain Helmer was on the bench. Only the bench players we are
            # sure of are listed, and Fink without a number we are not sure of. No formation: the
            # sources draw Hitzfeld's sweeper system differently.
            "bayern-munich": ("", [
                (1, "oliver-kahn", "GK", True),
                (10, "lothar-matthaus", "SW", False),
                (2, "markus-babbel", "RB", False), (4, "samuel-kuffour", "CB", False),
                (25, "thomas-linke", "CB", False), (18, "michael-tarnat", "LB", False),
                (16, "jens-jeremies", "CM", False), (11, "stefan-effenberg", "CM", False),
                (14, "mario-basler", "RF", False), (19, "carsten-jancker", "CF", False),
                (21, "alexander-zickler", "LF", False),
            ], [
                (5, "thomas-helmer", "DF"), (7, "mehmet-scholl", "MF"), (None, "thorsten-fink", "MF"),
                (20, "hasan-salihamidzic", "MF"),
            ]),
        },
        "events": [
            (67, 0, "substitution", "manchester-united", "teddy-sheringham", "jesper-blomqvist", ""),
            (71, 0, "substitution", "bayern-munich", "mehmet-scholl", "alexander-zickler", ""),
            (80, 0, "substitution", "bayern-munich", "thorsten-fink", "lothar-matthaus", ""),
            (81, 0, "substitution", "manchester-united", "ole-gunnar-solskjaer", "andy-cole", ""),
            (89, 0, "substitution", "bayern-munich", "hasan-salihamidzic", "mario-basler", ""),
        ],
    },
    {
        "key": "man-city-qpr-2012",
        "competition": "premier-league", "season": "2011-12", "round": "Matchday 38",
        "kickoff": _utc(2012, 5, 13, 14, 0), "venue": "Etihad Stadium, Manchester",
        "home": "manchester-city", "away": "queens-park-rangers", "score": (3, 2),
        "referee": "Mike Dean",
        "goals": [
            (39, 0, "pablo-zabaleta", "manchester-city", OPEN_PLAY),
            (48, 0, "djibril-cisse", "queens-park-rangers", OPEN_PLAY),
            (66, 0, "jamie-mackie", "queens-park-rangers", OPEN_PLAY),
            (90, 2, "edin-dzeko", "manchester-city", OPEN_PLAY),
            (90, 4, "sergio-aguero", "manchester-city", OPEN_PLAY),
        ],
        # Left out: City's formation (we have no source for it; QPR's was 4-4-2); QPR's bench but
        # for the two who came on, every QPR shirt number, and QPR's substitutions (Traoré and
        # Bothroyd came on, but we are not sure for whom or when); Agüero's booking (no minute)
        # and any other but Barton's red card. Milner appears for City, his club that season.
        "lineups": {
            "manchester-city": ("", [
                (25, "joe-hart", "GK", False),
                (5, "pablo-zabaleta", "RB", False), (4, "vincent-kompany", "CB", True),
                (6, "joleon-lescott", "CB", False), (22, "gael-clichy", "LB", False),
                (42, "yaya-toure", "CM", False), (18, "gareth-barry", "CM", False),
                (21, "david-silva", "MF", False), (19, "samir-nasri", "MF", False),
                (32, "carlos-tevez", "FW", False), (16, "sergio-aguero", "FW", False),
            ], [
                (30, "costel-pantilimon", "GK"), (2, "micah-richards", "DF"),
                (13, "aleksandar-kolarov", "DF"), (7, "james-milner", "MF"), (34, "nigel-de-jong", "MF"),
                (10, "edin-dzeko", "FW"), (45, "mario-balotelli", "FW"),
            ]),
            "queens-park-rangers": ("4-4-2", [
                (None, "paddy-kenny", "GK", False),
                (None, "nedum-onuoha", "RB", False), (None, "anton-ferdinand", "CB", False),
                (None, "clint-hill", "CB", False), (None, "taye-taiwo", "LB", False),
                (None, "shaun-wright-phillips", "MF", False), (None, "shaun-derry", "MF", False),
                (None, "joey-barton", "MF", True), (None, "jamie-mackie", "MF", False),
                (None, "bobby-zamora", "FW", False), (None, "djibril-cisse", "FW", False),
            ], [
                (None, "armand-traore", "DF"), (None, "jay-bothroyd", "FW"),
            ]),
        },
        "events": [
            (44, 0, "substitution", "manchester-city", "nigel-de-jong", "yaya-toure", "Touré injured"),
            (55, 0, "red", "queens-park-rangers", "joey-barton", None, "Violent conduct"),
            (69, 0, "substitution", "manchester-city", "edin-dzeko", "gareth-barry", ""),
            (76, 0, "substitution", "manchester-city", "mario-balotelli", "carlos-tevez", ""),
        ],
    },
    {
        "key": "real-atletico-2014",
        "competition": "uefa-champions-league", "season": "2013-14", "round": "Final",
        "kickoff": _utc(2014, 5, 24, 18, 45), "venue": "Estádio da Luz, Lisbon",
        "home": "real-madrid", "away": "atletico-madrid", "score": (1, 1),
        "extra_time_score": (4, 1),
        "attendance": 60976, "referee": "Björn Kuipers",
        "goals": [
            (36, 0, "diego-godin", "atletico-madrid", OPEN_PLAY),
            (90, 3, "sergio-ramos", "real-madrid", OPEN_PLAY),
            (110, 0, "gareth-bale", "real-madrid", OPEN_PLAY),
            (118, 0, "marcelo", "real-madrid", OPEN_PLAY),
            (120, 0, "cristiano-ronaldo", "real-madrid", PENALTY),
        ],
        # Left out: the benches but for the players who came on, and the numbers of Atlético's
        # substitutes (not sure of them); every booking the two sources we have do not give at
        # the same minute (Ramos, Carvajal, Raúl García, Koke, and any they do not both list).
        # They give Marcelo's and Isco's arrival as 58' or 59', Alderweireld's as 82' or 83'.
        "lineups": {
            "real-madrid": ("4-3-3", [
                (1, "iker-casillas", "GK", True),
                (15, "dani-carvajal", "RB", False), (2, "raphael-varane", "CB", False),
                (4, "sergio-ramos", "CB", False), (5, "fabio-coentrao", "LB", False),
                (19, "luka-modric", "CM", False), (6, "sami-khedira", "CM", False),
                (22, "angel-di-maria", "CM", False),
                (11, "gareth-bale", "RW", False), (9, "karim-benzema", "CF", False),
                (7, "cristiano-ronaldo", "LW", False),
            ], [
                (12, "marcelo", "DF"), (23, "isco", "MF"), (21, "alvaro-morata", "FW"),
            ]),
            "atletico-madrid": ("4-4-2", [
                (13, "thibaut-courtois", "GK", False),
                (20, "juanfran", "RB", False), (23, "miranda", "CB", False),
                (2, "diego-godin", "CB", False), (3, "filipe-luis", "LB", False),
                (8, "raul-garcia", "RM", False), (5, "tiago", "CM", False), (14, "gabi", "CM", True),
                (6, "koke", "LM", False),
                (9, "david-villa", "FW", False), (19, "diego-costa", "FW", False),
            ], [
                (None, "adrian-lopez", "FW"), (None, "jose-sosa", "MF"), (None, "toby-alderweireld", "DF"),
            ]),
        },
        "events": [
            (9, 0, "substitution", "atletico-madrid", "adrian-lopez", "diego-costa", "Costa injured"),
            (45, 0, "yellow", "real-madrid", "sami-khedira", None, ""),
            (52, 0, "yellow", "atletico-madrid", "miranda", None, ""),
            (59, 0, "substitution", "real-madrid", "marcelo", "fabio-coentrao", ""),
            (59, 0, "substitution", "real-madrid", "isco", "sami-khedira", ""),
            (66, 0, "substitution", "atletico-madrid", "jose-sosa", "raul-garcia", ""),
            (72, 0, "yellow", "atletico-madrid", "david-villa", None, ""),
            (74, 0, "yellow", "atletico-madrid", "juanfran", None, ""),
            (79, 0, "substitution", "real-madrid", "alvaro-morata", "karim-benzema", ""),
            (83, 0, "substitution", "atletico-madrid", "toby-alderweireld", "filipe-luis", ""),
            (99, 0, "yellow", "atletico-madrid", "gabi", None, ""),
        ],
    },
    {
        "key": "juventus-napoli-2018",
        "competition": "serie-a", "season": "2017-18", "round": "Matchday 34",
        "kickoff": _utc(2018, 4, 22, 18, 45), "venue": "Allianz Stadium, Turin",
        "home": "juventus", "away": "napoli", "score": (0, 1),
        "goals": [
            (90, 0, "kalidou-koulibaly", "napoli", OPEN_PLAY),
        ],
        # Left out: bookings (Benatia, Asamoah, Pjanić, Albiol: the sources give no minutes), and
        # the shirt numbers we are not sure of (Pinsoglio, Milić, Machach, Ounas). Douglas Costa's
        # substitution is given as 70' or 71': we use 70'.
        "lineups": {
            "juventus": ("4-3-2-1", [
                (1, "gianluigi-buffon", "GK", True),
                (21, "benedikt-howedes", "RB", False), (4, "medhi-benatia", "CB", False),
                (3, "giorgio-chiellini", "CB", False), (22, "kwadwo-asamoah", "LB", False),
                (6, "sami-khedira", "CM", False), (5, "miralem-pjanic", "CM", False),
                (14, "blaise-matuidi", "CM", False),
                (11, "douglas-costa", "AM", False), (10, "paulo-dybala", "AM", False),
                (9, "gonzalo-higuain", "CF", False),
            ], [
                (23, "wojciech-szczesny", "GK"), (None, "carlo-pinsoglio", "GK"),
                (12, "alex-sandro", "DF"), (15, "andrea-barzagli", "DF"), (24, "daniele-rugani", "DF"),
                (26, "stephan-lichtsteiner", "DF"), (30, "rodrigo-bentancur", "MF"),
                (7, "juan-cuadrado", "MF"), (33, "federico-bernardeschi", "FW"),
                (17, "mario-mandzukic", "FW"),
            ]),
            "napoli": ("4-3-3", [
                (25, "pepe-reina", "GK", False),
                (2, "elseid-hysaj", "RB", False), (33, "raul-albiol", "CB", False),
                (26, "kalidou-koulibaly", "CB", False), (6, "mario-rui", "LB", False),
                (5, "allan", "CM", False), (8, "jorginho", "DM", False), (17, "marek-hamsik", "CM", True),
                (7, "jose-callejon", "RW", False), (14, "dries-mertens", "CF", False),
                (24, "lorenzo-insigne", "LW", False),
            ], [
                (1, "rafael-cabral", "GK"), (22, "luigi-sepe", "GK"), (11, "christian-maggio", "DF"),
                (None, "antonio-milic", "DF"), (21, "vlad-chiriches", "DF"), (62, "lorenzo-tonelli", "DF"),
                (42, "amadou-diawara", "MF"), (20, "piotr-zielinski", "MF"), (30, "marko-rog", "MF"),
                (None, "zinedine-machach", "MF"), (None, "adam-ounas", "FW"), (99, "arkadiusz-milik", "FW"),
            ]),
        },
        "events": [
            (11, 0, "substitution", "juventus", "stephan-lichtsteiner", "giorgio-chiellini",
             "Chiellini injured"),
            (38, 0, "var", "napoli", "lorenzo-insigne", None, "Goal disallowed for offside"),
            (46, 0, "substitution", "juventus", "juan-cuadrado", "paulo-dybala", ""),
            (60, 0, "substitution", "napoli", "arkadiusz-milik", "dries-mertens", ""),
            (66, 0, "substitution", "napoli", "piotr-zielinski", "marek-hamsik", ""),
            (70, 0, "substitution", "juventus", "mario-mandzukic", "douglas-costa", ""),
            (79, 0, "substitution", "napoli", "marko-rog", "allan", ""),
        ],
    },
    {
        "key": "liverpool-barcelona-2019",
        "competition": "uefa-champions-league", "season": "2018-19", "round": "Semi-final, second leg",
        "kickoff": _utc(2019, 5, 7, 19, 0), "venue": "Anfield, Liverpool",
        "home": "liverpool", "away": "barcelona", "score": (4, 0),
        "attendance": 55212, "referee": "Cüneyt Çakır",
        "goals": [
            (7, 0, "divock-origi", "liverpool", OPEN_PLAY),
            (54, 0, "georginio-wijnaldum", "liverpool", OPEN_PLAY),
            (56, 0, "georginio-wijnaldum", "liverpool", OPEN_PLAY),
            (79, 0, "divock-origi", "liverpool", OPEN_PLAY),
        ],
        # Left out: bookings (Fabinho's early one among them: no minutes we trust); Sturridge's
        # late substitution for Shaqiri and Malcom's for Rakitić (minutes not sure); the shirt
        # numbers of Brewster, Woodburn and Aleñá.
        "lineups": {
            "liverpool": ("4-3-3", [
                (13, "alisson", "GK", False),
                (66, "trent-alexander-arnold", "RB", False), (32, "joel-matip", "CB", False),
                (4, "virgil-van-dijk", "CB", False), (26, "andy-robertson", "LB", False),
                (14, "jordan-henderson", "CM", True), (3, "fabinho", "DM", False),
                (7, "james-milner", "CM", False),
                (23, "xherdan-shaqiri", "RW", False), (27, "divock-origi", "CF", False),
                (10, "sadio-mane", "LW", False),
            ], [
                (22, "simon-mignolet", "GK"), (6, "dejan-lovren", "DF"), (12, "joe-gomez", "DF"),
                (5, "georginio-wijnaldum", "MF"), (15, "daniel-sturridge", "FW"),
                (None, "rhian-brewster", "FW"), (None, "ben-woodburn", "FW"),
            ]),
            "barcelona": ("4-3-3", [
                (1, "marc-andre-ter-stegen", "GK", False),
                (20, "sergi-roberto", "RB", False), (3, "gerard-pique", "CB", False),
                (15, "clement-lenglet", "CB", False), (18, "jordi-alba", "LB", False),
                (4, "ivan-rakitic", "CM", False), (5, "sergio-busquets", "DM", False),
                (22, "arturo-vidal", "CM", False),
                (10, "lionel-messi", "RW", True), (9, "luis-suarez", "CF", False),
                (7, "philippe-coutinho", "LW", False),
            ], [
                (13, "jasper-cillessen", "GK"), (2, "nelson-semedo", "DF"), (23, "samuel-umtiti", "DF"),
                (24, "thomas-vermaelen", "DF"), (8, "arthur", "MF"), (None, "carles-alena", "MF"),
                (14, "malcom", "FW"),
            ]),
        },
        "events": [
            (46, 0, "substitution", "liverpool", "georginio-wijnaldum", "andy-robertson",
             "Robertson injured"),
            (60, 0, "substitution", "barcelona", "nelson-semedo", "philippe-coutinho", ""),
            (75, 0, "substitution", "barcelona", "arthur", "arturo-vidal", ""),
            (85, 0, "substitution", "liverpool", "joe-gomez", "divock-origi", ""),
        ],
    },
    {
        "key": "tottenham-liverpool-2019",
        "competition": "uefa-champions-league", "season": "2018-19", "round": "Final",
        "kickoff": _utc(2019, 6, 1, 19, 0), "venue": "Wanda Metropolitano, Madrid",
        "home": "tottenham-hotspur", "away": "liverpool", "score": (0, 2),
        "attendance": 63272, "referee": "Damir Skomina",
        "goals": [
            (2, 0, "mohamed-salah", "liverpool", PENALTY),
            (87, 0, "divock-origi", "liverpool", OPEN_PLAY),
        ],
        # Left out: bookings (none we can give a minute for); the shirt numbers of Walker-Peters
        # and Brewster. Llorente's arrival is given as 81' or 82': we use 82'.
        "lineups": {
            "tottenham-hotspur": ("4-2-3-1", [
                (1, "hugo-lloris", "GK", True),
                (2, "kieran-trippier", "RB", False), (4, "toby-alderweireld", "CB", False),
                (5, "jan-vertonghen", "CB", False), (3, "danny-rose", "LB", False),
                (17, "moussa-sissoko", "DM", False), (8, "harry-winks", "DM", False),
                (20, "dele-alli", "RW", False), (23, "christian-eriksen", "AM", False),
                (7, "son-heung-min", "LW", False),
                (10, "harry-kane", "CF", False),
            ], [
                (22, "paulo-gazzaniga", "GK"), (13, "michel-vorm", "GK"), (6, "davinson-sanchez", "DF"),
                (25, "juan-foyth", "DF"), (33, "ben-davies", "DF"), (24, "serge-aurier", "DF"),
                (None, "kyle-walker-peters", "DF"), (15, "eric-dier", "MF"), (12, "victor-wanyama", "MF"),
                (11, "erik-lamela", "MF"), (27, "lucas-moura", "FW"), (18, "fernando-llorente", "FW"),
            ]),
            "liverpool": ("4-3-3", [
                (13, "alisson", "GK", False),
                (66, "trent-alexander-arnold", "RB", False), (32, "joel-matip", "CB", False),
                (4, "virgil-van-dijk", "CB", False), (26, "andy-robertson", "LB", False),
                (14, "jordan-henderson", "CM", True), (3, "fabinho", "DM", False),
                (5, "georginio-wijnaldum", "CM", False),
                (11, "mohamed-salah", "RW", False), (9, "roberto-firmino", "CF", False),
                (10, "sadio-mane", "LW", False),
            ], [
                (22, "simon-mignolet", "GK"), (62, "caoimhin-kelleher", "GK"), (6, "dejan-lovren", "DF"),
                (12, "joe-gomez", "DF"), (18, "alberto-moreno", "DF"), (7, "james-milner", "MF"),
                (20, "adam-lallana", "MF"), (21, "alex-oxlade-chamberlain", "MF"),
                (23, "xherdan-shaqiri", "FW"), (15, "daniel-sturridge", "FW"), (None, "rhian-brewster", "FW"),
                (27, "divock-origi", "FW"),
            ]),
        },
        "events": [
            (58, 0, "substitution", "liverpool", "divock-origi", "roberto-firmino", ""),
            (62, 0, "substitution", "liverpool", "james-milner", "georginio-wijnaldum", ""),
            (66, 0, "substitution", "tottenham-hotspur", "lucas-moura", "harry-winks", ""),
            (74, 0, "substitution", "tottenham-hotspur", "eric-dier", "moussa-sissoko", ""),
            (82, 0, "substitution", "tottenham-hotspur", "fernando-llorente", "dele-alli", ""),
            (90, 0, "substitution", "liverpool", "joe-gomez", "sadio-mane", ""),
        ],
    },
    {
        "key": "napoli-liverpool-2019",
        "competition": "uefa-champions-league", "season": "2019-20", "round": "Group E",
        "kickoff": _utc(2019, 9, 17, 19, 0), "venue": "Stadio San Paolo, Naples",
        "home": "napoli", "away": "liverpool", "score": (2, 0),
        "referee": "Felix Brych",
        "goals": [
            (82, 0, "dries-mertens", "napoli", PENALTY),
            (90, 2, "fernando-llorente", "napoli", OPEN_PLAY),
        ],
        # Bookings (Robertson, Milner, Llorente) are left out: the sources give no minutes.
        "lineups": {
            "napoli": ("4-4-2", [
                (1, "alex-meret", "GK", False),
                (22, "giovanni-di-lorenzo", "RB", False), (44, "kostas-manolas", "CB", False),
                (26, "kalidou-koulibaly", "CB", False), (6, "mario-rui", "LB", False),
                (7, "jose-callejon", "RM", False), (5, "allan", "CM", False), (8, "fabian-ruiz", "CM", False),
                (24, "lorenzo-insigne", "LM", True),
                (11, "hirving-lozano", "FW", False), (14, "dries-mertens", "FW", False),
            ], [
                (25, "david-ospina", "GK"), (19, "nikola-maksimovic", "DF"), (31, "faouzi-ghoulam", "DF"),
                (None, "eljif-elmas", "MF"), (20, "piotr-zielinski", "MF"), (45, "fernando-llorente", "FW"),
                (99, "arkadiusz-milik", "FW"),
            ]),
            "liverpool": ("4-3-3", [
                (13, "adrian", "GK", False),
                (66, "trent-alexander-arnold", "RB", False), (32, "joel-matip", "CB", False),
                (4, "virgil-van-dijk", "CB", False), (26, "andy-robertson", "LB", False),
                (14, "jordan-henderson", "CM", True), (3, "fabinho", "DM", False),
                (7, "james-milner", "CM", False),
                (11, "mohamed-salah", "RW", False), (9, "roberto-firmino", "CF", False),
                (10, "sadio-mane", "LW", False),
            ], [
                (62, "caoimhin-kelleher", "GK"), (6, "dejan-lovren", "DF"), (12, "joe-gomez", "DF"),
                (5, "georginio-wijnaldum", "MF"), (15, "alex-oxlade-chamberlain", "MF"),
                (20, "adam-lallana", "MF"), (23, "xherdan-shaqiri", "FW"),
            ]),
        },
        "events": [
            (66, 0, "substitution", "liverpool", "georginio-wijnaldum", "james-milner", ""),
            (66, 0, "substitution", "napoli", "piotr-zielinski", "lorenzo-insigne", ""),
            (68, 0, "substitution", "napoli", "fernando-llorente", "hirving-lozano", ""),
            (75, 0, "substitution", "napoli", "eljif-elmas", "allan", ""),
            (82, 0, "var", "napoli", None, None, "Penalty for the foul on Callejón checked: it stands"),
            (86, 0, "substitution", "liverpool", "xherdan-shaqiri", "jordan-henderson", ""),
        ],
    },
    {
        "key": "liverpool-napoli-2019",
        "competition": "uefa-champions-league", "season": "2019-20", "round": "Group E",
        "kickoff": _utc(2019, 11, 27, 20, 0), "venue": "Anfield, Liverpool",
        "home": "liverpool", "away": "napoli", "score": (1, 1),
        "referee": "Carlos del Cerro Grande",
        "goals": [
            (21, 0, "dries-mertens", "napoli", OPEN_PLAY),
            (65, 0, "dejan-lovren", "liverpool", OPEN_PLAY),
        ],
        # As the clubs' team sheets had them; bookings (Robertson, Koulibaly, Allan) are left out
        # because the sources we have do not give their minutes.
        "lineups": {
            "liverpool": ("4-3-3", [
                (1, "alisson", "GK", False),
                (12, "joe-gomez", "RB", False), (6, "dejan-lovren", "CB", False),
                (4, "virgil-van-dijk", "CB", False), (26, "andy-robertson", "LB", False),
                (14, "jordan-henderson", "CM", True), (3, "fabinho", "DM", False),
                (7, "james-milner", "CM", False),
                (11, "mohamed-salah", "RW", False), (9, "roberto-firmino", "CF", False),
                (10, "sadio-mane", "LW", False),
            ], [
                (13, "adrian", "GK"), (5, "georginio-wijnaldum", "MF"), (15, "alex-oxlade-chamberlain", "MF"),
                (20, "adam-lallana", "MF"), (23, "xherdan-shaqiri", "FW"), (27, "divock-origi", "FW"),
                (66, "trent-alexander-arnold", "DF"),
            ]),
            "napoli": ("4-4-2", [
                (1, "alex-meret", "GK", False),
                (19, "nikola-maksimovic", "RB", False), (44, "kostas-manolas", "CB", False),
                (26, "kalidou-koulibaly", "CB", True), (6, "mario-rui", "LB", False),
                (22, "giovanni-di-lorenzo", "RM", False), (5, "allan", "CM", False),
                (8, "fabian-ruiz", "CM", False),
                (20, "piotr-zielinski", "LM", False),
                (11, "hirving-lozano", "FW", False), (14, "dries-mertens", "FW", False),
            ], [
                (25, "david-ospina", "GK"), (None, "sebastiano-luperto", "DF"),
                (None, "gianluca-gaetano", "MF"),
                (7, "jose-callejon", "FW"), (None, "amin-younes", "FW"), (45, "fernando-llorente", "FW"),
                (None, "eljif-elmas", "MF"),
            ]),
        },
        # (minute, added time, kind, club, player (on), player off, note)
        "events": [
            (19, 0, "substitution", "liverpool", "georginio-wijnaldum", "fabinho", "Fabinho injured"),
            (21, 0, "var", "napoli", "dries-mertens", None,
             "Goal checked for a foul on Van Dijk and for offside: it stands"),
            (57, 0, "substitution", "liverpool", "alex-oxlade-chamberlain", "joe-gomez", ""),
            (72, 0, "substitution", "napoli", "fernando-llorente", "hirving-lozano", ""),
            (78, 0, "substitution", "liverpool", "trent-alexander-arnold", "james-milner", ""),
            (81, 0, "substitution", "napoli", "eljif-elmas", "dries-mertens", ""),
            (85, 0, "substitution", "napoli", "amin-younes", "piotr-zielinski", ""),
        ],
    },
    {
        "key": "arsenal-chelsea-2020",
        "competition": "fa-cup", "season": "2019-20", "round": "Final",
        "kickoff": _utc(2020, 8, 1, 16, 30), "venue": "Wembley Stadium, London",
        "home": "arsenal", "away": "chelsea", "score": (2, 1),
        "referee": "Anthony Taylor",
        "goals": [
            (5, 0, "christian-pulisic", "chelsea", OPEN_PLAY),
            (28, 0, "pierre-emerick-aubameyang", "arsenal", PENALTY),
            (67, 0, "pierre-emerick-aubameyang", "arsenal", OPEN_PLAY),
        ],
        # Left out: the substitutions (Christensen for the injured Azpilicueta, Pedro for the
        # injured Pulisic, and the others: the sources give different minutes or none) and every
        # booking but Kovačić's second, at 73'. Azpilicueta captained until he went off.
        "lineups": {
            "arsenal": ("3-4-3", [
                (26, "emiliano-martinez", "GK", False),
                (16, "rob-holding", "CB", False), (23, "david-luiz", "CB", False),
                (3, "kieran-tierney", "CB", False),
                (2, "hector-bellerin", "RWB", False), (8, "dani-ceballos", "CM", False),
                (34, "granit-xhaka", "CM", False), (15, "ainsley-maitland-niles", "LWB", False),
                (19, "nicolas-pepe", "RW", False), (9, "alexandre-lacazette", "CF", False),
                (14, "pierre-emerick-aubameyang", "LW", True),
            ], [
                (33, "matt-macey", "GK"), (5, "sokratis-papastathopoulos", "DF"),
                (31, "sead-kolasinac", "DF"),
                (11, "lucas-torreira", "MF"), (28, "joe-willock", "MF"), (32, "emile-smith-rowe", "MF"),
                (77, "bukayo-saka", "MF"), (24, "reiss-nelson", "FW"), (30, "eddie-nketiah", "FW"),
            ]),
            "chelsea": ("3-4-3", [
                (13, "willy-caballero", "GK", False),
                (28, "cesar-azpilicueta", "CB", True), (15, "kurt-zouma", "CB", False),
                (2, "antonio-rudiger", "CB", False),
                (24, "reece-james", "RWB", False), (17, "mateo-kovacic", "CM", False),
                (5, "jorginho", "CM", False), (3, "marcos-alonso", "LWB", False),
                (19, "mason-mount", "RW", False), (18, "olivier-giroud", "CF", False),
                (22, "christian-pulisic", "LW", False),
            ], [
                (1, "kepa-arrizabalaga", "GK"), (4, "andreas-christensen", "DF"), (29, "fikayo-tomori", "DF"),
                (33, "emerson-palmieri", "DF"), (7, "ngolo-kante", "MF"), (8, "ross-barkley", "MF"),
                (20, "callum-hudson-odoi", "FW"), (11, "pedro", "FW"), (9, "tammy-abraham", "FW"),
            ]),
        },
        "events": [
            (73, 0, "second_yellow", "chelsea", "mateo-kovacic", None, "Sent off"),
        ],
    },
    {
        "key": "barcelona-bayern-2020",
        "competition": "uefa-champions-league", "season": "2019-20", "round": "Quarterfinals",
        "kickoff": _utc(2020, 8, 14, 19, 0), "venue": "Estádio da Luz, Lisbon",
        "home": "barcelona", "away": "bayern-munich", "score": (2, 8),
        "goals": [
            (4, 0, "thomas-muller", "bayern-munich", OPEN_PLAY),
            (7, 0, "david-alaba", "barcelona", OWN_GOAL),
            (22, 0, "ivan-perisic", "bayern-munich", OPEN_PLAY),
            (28, 0, "serge-gnabry", "bayern-munich", OPEN_PLAY),
            (31, 0, "thomas-muller", "bayern-munich", OPEN_PLAY),
            (57, 0, "luis-suarez", "barcelona", OPEN_PLAY),
            (63, 0, "joshua-kimmich", "bayern-munich", OPEN_PLAY),
            (82, 0, "robert-lewandowski", "bayern-munich", OPEN_PLAY),
            (85, 0, "philippe-coutinho", "bayern-munich", OPEN_PLAY),
            (89, 0, "philippe-coutinho", "bayern-munich", OPEN_PLAY),
        ],
        # Left out: the bookings (one source gives minutes, another disagrees with it); the shirt
        # numbers we are not sure of; one bench name in the team sheet we cannot identify. Süle's
        # arrival is given as 75' or 76': we use 75'.
        "lineups": {
            "barcelona": ("4-3-1-2", [
                (1, "marc-andre-ter-stegen", "GK", False),
                (2, "nelson-semedo", "RB", False), (3, "gerard-pique", "CB", False),
                (15, "clement-lenglet", "CB", False), (18, "jordi-alba", "LB", False),
                (20, "sergi-roberto", "CM", False), (5, "sergio-busquets", "DM", False),
                (21, "frenkie-de-jong", "CM", False),
                (22, "arturo-vidal", "AM", False),
                (10, "lionel-messi", "FW", True), (9, "luis-suarez", "FW", False),
            ], [
                (13, "neto", "GK"), (None, "inaki-pena", "GK"), (None, "ronald-araujo", "DF"),
                (24, "junior-firpo", "DF"), (None, "oscar-mingueza", "DF"), (4, "ivan-rakitic", "MF"),
                (None, "riqui-puig", "MF"), (None, "monchu", "MF"), (11, "ousmane-dembele", "FW"),
                (17, "antoine-griezmann", "FW"), (31, "ansu-fati", "FW"),
            ]),
            "bayern-munich": ("4-2-3-1", [
                (1, "manuel-neuer", "GK", True),
                (32, "joshua-kimmich", "RB", False), (17, "jerome-boateng", "CB", False),
                (27, "david-alaba", "CB", False), (19, "alphonso-davies", "LB", False),
                (18, "leon-goretzka", "DM", False), (6, "thiago-alcantara", "DM", False),
                (22, "serge-gnabry", "RW", False), (25, "thomas-muller", "AM", False),
                (14, "ivan-perisic", "LW", False),
                (9, "robert-lewandowski", "CF", False),
            ], [
                (26, "sven-ulreich", "GK"), (None, "ron-thorben-hoffmann", "GK"), (4, "niklas-sule", "DF"),
                (21, "lucas-hernandez", "DF"), (None, "alvaro-odriozola", "DF"), (8, "javi-martinez", "MF"),
                (24, "corentin-tolisso", "MF"), (11, "mickael-cuisance", "MF"), (42, "jamal-musiala", "MF"),
                (10, "philippe-coutinho", "MF"), (29, "kingsley-coman", "FW"), (None, "joshua-zirkzee", "FW"),
            ]),
        },
        "events": [
            (46, 0, "substitution", "barcelona", "antoine-griezmann", "sergi-roberto", ""),
            (67, 0, "substitution", "bayern-munich", "kingsley-coman", "ivan-perisic", ""),
            (70, 0, "substitution", "barcelona", "ansu-fati", "sergio-busquets", ""),
            (75, 0, "substitution", "bayern-munich", "philippe-coutinho", "serge-gnabry", ""),
            (75, 0, "substitution", "bayern-munich", "niklas-sule", "jerome-boateng", ""),
            (84, 0, "substitution", "bayern-munich", "lucas-hernandez", "alphonso-davies", ""),
            (84, 0, "substitution", "bayern-munich", "corentin-tolisso", "leon-goretzka", ""),
        ],
    },
]  # fmt: skip

# ---------------------------------------------------------------------------------------------
# Articles. "match" is a key of MATCHES; "clubs" and "players" are the slugs the copy mentions
# (the match's two clubs and its scorers are tagged by the model itself). "published_at" is UTC.
# A "scheduled" article gets its publication time at load time (see the command).

ARTICLES = [
    # -----------------------------------------------------------------------------------------
    {
        "slug": "manchester-united-bayern-champions-league-final",
        "headline": "Sheringham and Solskjær steal the treble for United in stoppage time",
        "standfirst": "Bayern Munich were seconds from lifting the trophy in Barcelona before two "
        "late goals from the bench turned the final on its head.",
        "kind": "report",
        "match": "man-utd-bayern-1999",
        "authors": ["harriet-ashdown"],
        "published_at": _utc(1999, 5, 26, 21, 30),
        "status": "published",
        "players": [
            "peter-schmeichel",
            "david-beckham",
            "ryan-giggs",
            "roy-keane",
            "paul-scholes",
            "mehmet-scholl",
            "carsten-jancker",
            "lothar-matthaus",
        ],
        "body": _html("""
<p>For ninety minutes at the Camp Nou, this was Bayern Munich’s night. Then, in the space of a little
over two minutes of stoppage time, Manchester United scored twice and completed a treble no English
club had ever managed: league title, FA Cup and European Cup in the same season.</p>
<p>The Germans had led since the sixth minute, when <strong>Mario Basler</strong> curled a low free
kick around the wall and past a wrong-footed Peter Schmeichel. United, without the suspended Roy Keane
and Paul Scholes, never found a rhythm in midfield, and David Beckham, asked to play centrally, spent
most of the evening trying to knit together a side that looked strangely short of ideas.</p>
<h2>Bayern hit the woodwork twice</h2>
<p>Ottmar Hitzfeld’s side should have been out of sight long before the end. Mehmet Scholl chipped
against a post, and Carsten Jancker’s overhead kick crashed off the crossbar, with Schmeichel a
spectator both times. When Lothar Matthäus was substituted with ten minutes left, the Bayern bench was
already beginning to celebrate.</p>
<p>Sir Alex Ferguson had thrown on Teddy Sheringham and Ole Gunnar Solskjær, and it was the
substitutes who changed everything.</p>
<h2>Two corners, two goals</h2>
<p>In the first minute of added time, Beckham swung in a corner, Bayern only half cleared and Ryan
Giggs’ scuffed shot fell to Sheringham, who turned it in from close range. The Bayern defence
looked stunned.</p>
<p>Extra time seemed certain. Instead United won another corner, Beckham delivered again,
Sheringham flicked the ball on and Solskjær stuck out a boot to lift it into the roof of the net.
Pierluigi Collina had barely restarted the game before he blew for full time, and several Bayern
players sank to the turf.</p>
<blockquote><p>“Football. Bloody hell.”</p></blockquote>
<p>That was Ferguson’s verdict, and it is hard to improve on. On what would have been Sir Matt Busby’s
90th birthday, United had their second European Cup, and Schmeichel, captain for the night in his
final game for the club, got to lift it.</p>
"""),
    },
    # -----------------------------------------------------------------------------------------
    {
        "slug": "manchester-city-qpr-premier-league-title",
        "headline": "Agüero’s last-gasp strike wins the title for City after an afternoon of chaos",
        "standfirst": "Manchester City were losing to ten-man Queens Park Rangers in stoppage time. Two "
        "goals later, they were champions of England for the first time in 44 years.",
        "kind": "report",
        "match": "man-city-qpr-2012",
        "authors": ["owen-pritchard"],
        "published_at": _utc(2012, 5, 13, 17, 30),
        "status": "published",
        "clubs": ["manchester-united"],
        "players": [
            "joey-barton",
            "mario-balotelli",
            "david-silva",
            "vincent-kompany",
            "yaya-toure",
            "wayne-rooney",
        ],
        "body": _html("""
<p>The Premier League has never had an ending like it. With ninety minutes played at the Etihad,
Manchester City were 2–1 down to a relegation-threatened side who had been reduced to ten men, and
the title was heading across the city. Five minutes later it was theirs, on goal difference, thanks
to <strong>Edin Džeko</strong> and <strong>Sergio Agüero</strong>.</p>
<p>City began the day level on points with Manchester United and well ahead on goal difference, so
a win would do. Roberto Mancini’s side dominated the first half and went ahead six minutes before the
break when Pablo Zabaleta’s shot squirmed into the net. The nerves seemed to have settled.</p>
<h2>QPR turn the afternoon upside down</h2>
<p>They returned soon after half-time. Djibril Cissé pounced on a defensive slip three minutes into
the second half to equalise, and shortly afterwards Joey Barton was sent off for an elbow, then
lashed out at Agüero on his way off. Ten men, you would think, could not hold out.</p>
<p>Instead Mark Hughes’ side, with Yaya Touré already off injured for City, went ahead. Jamie Mackie
headed in on 66 minutes, and for the next half-hour City laid siege to the QPR goal without reward.
David Silva probed, Mario Balotelli came on, Vincent Kompany pushed forward, and nothing went in.
Up at Sunderland, Wayne Rooney had given United the lead they needed.</p>
<h2>Two goals in two minutes</h2>
<p>In the second minute of stoppage time, Silva swung in a corner and Džeko headed it home. Still a
draw would not be enough. Then Agüero played the ball into Balotelli on the edge of the area,
took the return pass, skipped past a challenge and drove a shot into the net.</p>
<p>The ground erupted. United’s players, already finished at Sunderland, learned the news on the
pitch. Kompany lifted the trophy a few minutes later: City’s first league title since 1968, won
with the last kick that mattered. QPR, thanks to results elsewhere, stayed up too.</p>
"""),
    },
    # -----------------------------------------------------------------------------------------
    {
        "slug": "real-madrid-atletico-madrid-champions-league-final",
        "headline": "Ramos’ stoppage-time header turns Lisbon final as Real win La Décima",
        "standfirst": "Atlético Madrid were seconds away from a first European Cup when Sergio Ramos "
        "headed Real Madrid level; extra time then belonged entirely to Carlo Ancelotti’s side.",
        "kind": "report",
        "match": "real-atletico-2014",
        "authors": ["matteo-ferrante", "harriet-ashdown"],
        "published_at": _utc(2014, 5, 24, 22, 15),
        "status": "published",
        "players": [
            "luka-modric",
            "iker-casillas",
            "angel-di-maria",
            "thibaut-courtois",
            "diego-costa",
        ],
        "body": _html("""
<p>Real Madrid have their tenth European Cup, the one they have chased for twelve years, but for
almost the whole of a gripping night in Lisbon it looked as though their neighbours would take the
trophy home instead. Atlético Madrid led from the 36th minute until the 93rd, and lost 4–1.</p>
<p>Diego Simeone’s side, champions of Spain a week earlier, suffered an early blow when Diego Costa,
barely fit, limped off inside ten minutes. They adapted the way they have all season: compact,
aggressive and patient. Their goal came from a corner, when <strong>Diego Godín</strong> looped a
header towards goal and Iker Casillas, caught off his line, could only scramble it back from behind
the line.</p>
<h2>Ramos rescues Real</h2>
<p>Real pressed for the rest of the evening, with Ángel Di María tireless on the left and Luka Modrić
dictating from midfield, yet Thibaut Courtois was rarely troubled by anything clear-cut. The clock
reached 90 minutes and then passed it.</p>
<p>Then, with the final seconds of added time ticking away, Modrić swung in a corner and
<strong>Sergio Ramos</strong> rose to guide a powerful header into the far corner. Atlético’s players,
who had run themselves to exhaustion, looked finished before extra time even started.</p>
<h2>Extra time belongs to Ancelotti’s men</h2>
<p>So it proved. In the 110th minute Di María burst through the middle, Courtois saved his shot and
Gareth Bale headed in the rebound. Marcelo, on as a substitute, drove in a third from the edge of
the area, and Cristiano Ronaldo converted a penalty at the very end after being brought down.</p>
<p>Carlo Ancelotti, who won the competition twice with Milan, becomes only the second coach to lift it
three times. Simeone, so close to the greatest moment in his club’s history, was left to console
players who had given everything and were beaten, in the end, by a single header.</p>
"""),
    },
    # -----------------------------------------------------------------------------------------
    {
        "slug": "juventus-napoli-serie-a",
        "headline": "Koulibaly heads Napoli to victory in Turin and reopens the title race",
        "standfirst": "A 90th-minute header from Kalidou Koulibaly gave Napoli a 1–0 win at Juventus and "
        "cut the gap at the top of Serie A to a single point with four games left.",
        "kind": "report",
        "match": "juventus-napoli-2018",
        "authors": ["matteo-ferrante"],
        "published_at": _utc(2018, 4, 22, 21, 0),
        "status": "published",
        "players": [
            "lorenzo-insigne",
            "dries-mertens",
            "marek-hamsik",
            "jose-callejon",
            "gonzalo-higuain",
            "gianluigi-buffon",
        ],
        "body": _html("""
<p>Serie A has a title race again. Kalidou Koulibaly rose to meet a corner in the final minute of
normal time at the Allianz Stadium, and his header gave Napoli a 1–0 win that leaves them one point
behind Juventus with four matches to play.</p>
<p>It was no smash-and-grab. Maurizio Sarri’s side had most of the ball for long spells and played
with the confidence of a team that believed it could win, even in a stadium where Juventus so rarely
drop points. The champions, by contrast, seemed content to sit on the four-point lead they brought
into the evening.</p>
<h2>Napoli dictate, Juventus wait</h2>
<p>Marek Hamšík and the Napoli midfield moved the ball quickly, while Lorenzo Insigne, Dries Mertens
and José Callejón rotated across the front line in search of gaps. Chances were scarce, though, and
Gianluigi Buffon had little to do beyond dealing with crosses and the occasional speculative shot.</p>
<p>Massimiliano Allegri’s men threatened mostly on the break. Gonzalo Higuaín, facing the club he
left for Turin two summers ago, worked hard but received little service, and for long stretches of
the second half a goalless draw, which would have suited Juventus nicely, looked the likeliest
outcome.</p>
<h2>A header worth more than three points</h2>
<p>Then came the corner. Koulibaly, the best defender on the pitch all evening, attacked the ball and
powered it past Buffon, and the Napoli bench emptied onto the touchline. Juventus had no time to
respond.</p>
<p>The win does more than narrow the gap. It tells the rest of Italy that Napoli are capable of
beating the champions on their own ground, and it will put pressure on a Juventus side with tricky
fixtures still to come. The Azzurri have their own run-in to negotiate, but on this evidence they
will not be going quietly.</p>
"""),
    },
    # -----------------------------------------------------------------------------------------
    {
        "slug": "liverpool-barcelona-champions-league-semi-final",
        "headline": "Origi and Wijnaldum inspire an Anfield comeback for the ages",
        "standfirst": "Three goals down from the first leg and without Mohamed Salah and Roberto "
        "Firmino, Liverpool beat Barcelona 4–0 to reach a second successive Champions League final.",
        "kind": "report",
        "match": "liverpool-barcelona-2019",
        "authors": ["harriet-ashdown"],
        "published_at": _utc(2019, 5, 7, 21, 15),
        "status": "published",
        "players": [
            "trent-alexander-arnold",
            "jordan-henderson",
            "xherdan-shaqiri",
            "andy-robertson",
            "alisson",
            "virgil-van-dijk",
            "lionel-messi",
            "luis-suarez",
            "marc-andre-ter-stegen",
            "mohamed-salah",
            "roberto-firmino",
        ],
        "body": _html("""
<p>Nobody gave Liverpool a chance. They had lost 3–0 at the Camp Nou, Mohamed Salah and Roberto
Firmino were injured, and Barcelona had Lionel Messi. By the end of an extraordinary night at Anfield
the Reds had won 4–0 and were on their way to Madrid.</p>
<p>The early goal they needed came after seven minutes. Jordan Henderson drove into the area,
Marc-André ter Stegen could only parry his shot and <strong>Divock Origi</strong> tapped in the
rebound. Barcelona, with Messi and Luis Suárez both dangerous, still had chances to end the tie, but
Alisson made a series of important saves before half-time.</p>
<h2>Wijnaldum’s two minutes</h2>
<p>Andy Robertson did not come out for the second half, and Jürgen Klopp sent on
<strong>Georginio Wijnaldum</strong> in his place. Within ten minutes the substitute had turned the
tie. He met Trent Alexander-Arnold’s low cross to make it 2–0 on the night, and two minutes later
headed in a cross from Xherdan Shaqiri. The aggregate score was level, and Anfield was in uproar.</p>
<p>Barcelona looked shaken, and Ernesto Valverde’s side had been here before: they were knocked out
from a similar position in Rome twelve months earlier. Virgil van Dijk and his defence were
untroubled for long spells as the visitors struggled to regain their composure.</p>
<h2>The corner nobody saw coming</h2>
<p>The winner was as quick-witted as any goal Anfield has seen. With eleven minutes left,
Alexander-Arnold walked away from a corner, then turned and whipped the ball in while Barcelona’s
defenders were still organising themselves. Origi, the only player paying attention, swept it into
the net.</p>
<p>Barcelona could find no reply. At the final whistle the players gathered in front of the Kop,
and Salah, watching from the stands in a shirt that read “Never Give Up”, joined the celebrations.
Liverpool will face Tottenham or Ajax in the final on 1 June.</p>
"""),
    },
    # -----------------------------------------------------------------------------------------
    {
        "slug": "tottenham-liverpool-champions-league-final",
        "headline": "Salah and Origi bring a sixth European Cup home to Liverpool",
        "standfirst": "An early Mohamed Salah penalty and a late Divock Origi finish beat Tottenham "
        "Hotspur in Madrid and gave Jürgen Klopp his first trophy as Liverpool manager.",
        "kind": "report",
        "match": "tottenham-liverpool-2019",
        "authors": ["harriet-ashdown", "owen-pritchard"],
        "published_at": _utc(2019, 6, 1, 21, 30),
        "status": "published",
        "players": [
            "sadio-mane",
            "moussa-sissoko",
            "alisson",
            "virgil-van-dijk",
            "jordan-henderson",
            "harry-kane",
            "son-heung-min",
            "christian-eriksen",
        ],
        "body": _html("""
<p>Liverpool are champions of Europe for the sixth time. A Champions League final that never caught
fire was decided by a penalty in the second minute and a composed finish three minutes from time,
and the 2–0 win over Tottenham Hotspur in Madrid ends a long wait for silverware under Jürgen Klopp.</p>
<p>The opening could hardly have been more dramatic. Barely twenty seconds had passed when Sadio
Mané’s cross struck Moussa Sissoko’s arm inside the area, and the referee pointed to the spot.
<strong>Mohamed Salah</strong> struck the penalty powerfully past the goalkeeper, and Liverpool had the
lead before Tottenham had touched the ball in attack.</p>
<h2>A scrappy, sweltering contest</h2>
<p>What followed was a tense, fragmented game played in oppressive heat, with neither side able to
find much fluency after a three-week break from competitive football. Mauricio Pochettino had
restored Harry Kane to his starting line-up after injury, but the striker was well marshalled by
Virgil van Dijk and saw little of the ball.</p>
<p>Tottenham improved after the hour and pushed Liverpool back. Son Heung-min, the most dangerous
player in white, forced Alisson into a sharp save, and Christian Eriksen’s late free kick had to be
tipped away. The Brazilian goalkeeper, calm and commanding throughout, was the difference for long
spells.</p>
<h2>Origi seals it</h2>
<p>The decisive moment came in the 87th minute. Liverpool won a corner, Tottenham failed to clear it
properly, and <strong>Divock Origi</strong>, a substitute once again, drilled a low left-foot shot
into the far corner. It was his third goal in Liverpool’s last two Champions League matches.</p>
<p>Jordan Henderson lifted the trophy a few minutes later, in front of a mass of red at one end of the
stadium. For Klopp, who had lost six major finals in a row before tonight, it was a release as much as a
triumph.</p>
"""),
    },
    # -----------------------------------------------------------------------------------------
    {
        "slug": "napoli-liverpool-champions-league-group-e",
        "headline": "Late Mertens penalty and Llorente strike sink the European champions in Naples",
        "standfirst": "Napoli beat holders Liverpool 2–0 at the San Paolo, with both goals coming in the "
        "last ten minutes of a tight Group E opener.",
        "kind": "report",
        "match": "napoli-liverpool-2019",
        "authors": ["matteo-ferrante"],
        "published_at": _utc(2019, 9, 17, 21, 15),
        "status": "published",
        "clubs": ["tottenham-hotspur"],
        "players": [
            "jose-callejon",
            "andy-robertson",
            "mohamed-salah",
            "sadio-mane",
            "roberto-firmino",
            "virgil-van-dijk",
            "kalidou-koulibaly",
            "kostas-manolas",
            "lorenzo-insigne",
        ],
        "body": _html("""
<p>Liverpool’s defence of the Champions League began with a defeat. For more than eighty minutes in
Naples there was little to choose between the sides, but Napoli struck twice at the end to win 2–0
and make the perfect start to Group E.</p>
<p>It was the second season in a row that Carlo Ancelotti’s side had beaten Liverpool at the San
Paolo; last season Lorenzo Insigne settled the same fixture with a late winner. This time the
decisive moment was a penalty.</p>
<h2>A penalty that Liverpool disputed</h2>
<p>The first half was cagey. Mohamed Salah, Sadio Mané and Roberto Firmino had flashes of menace, but
Kalidou Koulibaly and Kostas Manolas kept them at arm’s length, and Napoli’s midfield pressed well
enough to stop Liverpool settling into their usual rhythm.</p>
<p>The breakthrough arrived eight minutes from time. José Callejón went down under a challenge from
Andy Robertson and the referee gave a penalty, to furious protests from the visitors. <strong>Dries
Mertens</strong> stepped up and converted it, and the San Paolo roared.</p>
<h2>Llorente finishes the job</h2>
<p>Liverpool pushed forward in search of an equaliser, leaving space behind, and Napoli made them pay
in stoppage time. The ball broke loose in the Liverpool half after a mistake at the back and
<strong>Fernando Llorente</strong>, who was part of the Tottenham squad beaten by Liverpool in the
final in June, was left with only the goalkeeper to beat and finished calmly.</p>
<p>Jürgen Klopp made no secret of his unhappiness with the penalty decision afterwards, but he will
also know that his side, so relentless for most of last season, lacked their usual sharpness in the
final third. Virgil van Dijk and his defenders were solid for long spells, yet for once it was not
enough.</p>
<p>For Ancelotti there was simple satisfaction. In a group that also includes Red Bull Salzburg and
Genk, three points against the holders is a very useful start.</p>
"""),
    },
    # -----------------------------------------------------------------------------------------
    {
        "slug": "liverpool-napoli-champions-league-group-e",
        "headline": "Lovren heads Liverpool level after Mertens puts Napoli ahead at Anfield",
        "standfirst": "Dries Mertens’ first-half goal had the Partenopei dreaming of a famous win until "
        "Dejan Lovren’s header earned the Reds a 1–1 draw, leaving Group E to be settled on the last night.",
        "kind": "report",
        "match": "liverpool-napoli-2019",
        "authors": ["harriet-ashdown", "matteo-ferrante"],
        "published_at": _utc(2019, 11, 27, 22, 30),
        "status": "published",
        "clubs": ["red-bull-salzburg", "genk"],
        "players": [
            "kostas-manolas",
            "kalidou-koulibaly",
            "sadio-mane",
            "nikola-maksimovic",
            "giovanni-di-lorenzo",
            "roberto-firmino",
            "mohamed-salah",
            "virgil-van-dijk",
            "jordan-henderson",
            "alisson",
        ],
        "body": _html("""
<p>For an hour at Anfield, Napoli were on course to do something no visiting team had managed in the
Champions League for five years: leave with a win. Dejan Lovren’s header midway through the second
half denied them, and the 1–1 draw sends Group E into its final round with nothing yet settled,
although Carlo Ancelotti’s side will be the happier with their evening’s work.</p>
<p>The goal that silenced the home crowd came in the 21st minute. Napoli punished a rare moment of
slackness in the Liverpool back line, and <strong>Dries Mertens</strong> slipped in behind to beat
Alisson from close range. It was a reminder, if one were needed, of Mertens’ gift for finding half a
yard of space in a crowded penalty area.</p>
<h2>Manolas and Koulibaly stand firm</h2>
<p>What followed was a lesson in defending deep. Kostas Manolas used his speed to shadow Sadio Mané
whenever the Senegal forward tried to turn him, while Kalidou Koulibaly threw himself in front of
shots and twice cleared off his own line when the Reds looked certain to score. Beside them, Nikola
Maksimović and Giovanni Di Lorenzo held their positions with real discipline, and the Partenopei gave
away very little through the middle.</p>
<p>Liverpool were patient rather than inspired before the break. Jordan Henderson tried to raise the
tempo from midfield and Virgil van Dijk carried the ball forward whenever he was given room, but the
narrow Napoli shape pushed the home side’s play out to the flanks, where most of their crosses were
headed clear.</p>
<h2>The Reds’ pressure finally tells</h2>
<p>The second half belonged to Jürgen Klopp’s team. Roared on by Anfield, the Reds pinned the Azzurri
inside their own half, and the equaliser, when it arrived after 65 minutes, had a feeling of
inevitability about it: <strong>Lovren</strong> rose in a crowded box and headed the ball in.</p>
<p>Roberto Firmino and Mohamed Salah both had clear chances to complete the turnaround, but neither
could find the finish, and the visitors, who barely strung together a counter-attack after the
interval, clung on to the final whistle.</p>
<p>Ancelotti’s men will feel they did their job. Liverpool still top the group, but the final round
will decide who goes through: the Reds travel to Red Bull Salzburg, while Napoli, who welcome Genk to
Naples, know that a win will be enough.</p>
"""),
    },
    # -----------------------------------------------------------------------------------------
    {
        "slug": "arsenal-chelsea-fa-cup-final",
        "headline": "Aubameyang double lands Arsenal a record 14th FA Cup",
        "standfirst": "Christian Pulisic gave Chelsea an early lead at an empty Wembley, but two goals from "
        "Pierre-Emerick Aubameyang won Mikel Arteta his first trophy as a manager.",
        "kind": "report",
        "match": "arsenal-chelsea-2020",
        "authors": ["owen-pritchard"],
        "published_at": _utc(2020, 8, 1, 19, 0),
        "status": "published",
        "players": [
            "cesar-azpilicueta",
            "mateo-kovacic",
            "hector-bellerin",
            "nicolas-pepe",
            "emiliano-martinez",
        ],
        "body": _html("""
<p>The most unusual FA Cup final in living memory, played behind closed doors at Wembley in the
middle of a pandemic summer, ended in a familiar way: with Arsenal lifting the trophy. Their 2–1 win
over Chelsea is a record 14th FA Cup, and the first piece of silverware for Mikel Arteta, only seven
months into his first job as a manager.</p>
<p>It did not start well. Five minutes in, Chelsea cut through the Arsenal defence and
<strong>Christian Pulisic</strong> finished neatly to put Frank Lampard’s side ahead. For a spell the
Gunners looked rattled, and Chelsea might have doubled their lead.</p>
<h2>Aubameyang takes charge</h2>
<p>Arsenal’s captain turned the game. <strong>Pierre-Emerick Aubameyang</strong> was pulled back by
César Azpilicueta inside the area in the 28th minute, and the referee, Anthony Taylor,
awarded a penalty. Aubameyang sent the goalkeeper the wrong way.</p>
<p>Chelsea’s afternoon then unravelled. Azpilicueta went off injured before half-time, and Pulisic,
their brightest player, pulled up early in the second half. Arsenal, composed and well organised,
began to take control, with Emiliano Martínez in goal rarely stretched.</p>
<h2>A winner worthy of a final</h2>
<p>The decisive goal, midway through the second half, came from a flowing move. Héctor Bellerín
surged forward, Nicolas Pépé slipped the ball through, and Aubameyang jinked past his marker before
lifting a delicate finish over the goalkeeper. It was a goal that deserved a full stadium.</p>
<p>Chelsea’s hopes of a comeback ended soon afterwards when Mateo Kovačić was shown a second yellow
card. Arsenal saw out the final twenty minutes without alarm, and the win also earns them a place in
next season’s Europa League.</p>
<p>For Arteta, who won the competition twice as an Arsenal player, it is early evidence that the
rebuild is heading in the right direction.</p>
"""),
    },
    # -----------------------------------------------------------------------------------------
    {
        "slug": "barcelona-bayern-champions-league-quarter-final",
        "headline": "Bayern hit eight past Barcelona in a historic Lisbon rout",
        "standfirst": "Thomas Müller scored twice, Philippe Coutinho came off the bench to add two more "
        "against his own parent club, and Bayern Munich won 8–2 to reach the semi-finals.",
        "kind": "report",
        "match": "barcelona-bayern-2020",
        "authors": ["matteo-ferrante", "harriet-ashdown"],
        "published_at": _utc(2020, 8, 14, 21, 30),
        "status": "published",
        "featured": True,
        "players": [
            "alphonso-davies",
            "lionel-messi",
            "marc-andre-ter-stegen",
        ],
        "body": _html("""
<p>There have been heavy defeats in the history of the European Cup, but few as startling as this.
In a one-off quarter-final at an empty Estádio da Luz, Bayern Munich beat Barcelona 8–2, scoring four
times in the first half-hour and four more after the break.</p>
<p>Hansi Flick’s side pressed from the first whistle. <strong>Thomas Müller</strong> exchanged passes
with Robert Lewandowski and scored after four minutes, and although Barcelona were level three minutes
later, when David Alaba turned a cross into his own net, it was the last time they were in the game.</p>
<h2>Four goals in nine minutes</h2>
<p>Between the 22nd and 31st minutes Bayern simply ran through the Barcelona defence. Ivan Perišić
drilled in a second, Serge Gnabry added a third, and Müller made it 4–1 with a quick finish. Lionel
Messi could make little impression on the game, and Marc-André ter Stegen was left exposed again
and again.</p>
<p>Luis Suárez’s neat finish early in the second half offered Barcelona brief hope. It lasted six
minutes. <strong>Alphonso Davies</strong> danced down the left, leaving defenders in his wake, and
cut the ball back for Joshua Kimmich to score, a goal that summed up the gulf in speed and energy
between the sides.</p>
<h2>Coutinho rubs it in</h2>
<p>Lewandowski headed the sixth, and then came the twist. Philippe Coutinho, on loan at Bayern from
Barcelona, came off the bench and scored twice in the last five minutes, against the club that still
owns his registration.</p>
<p>It is the first time Barcelona have conceded eight goals in a competitive match in more than
seventy years. For Quique Setién, only seven months into the job, the questions will be uncomfortable.
For Bayern, who have now won every game in the competition this season, the talk will be of
finishing the job in Lisbon.</p>
"""),
    },
    # -----------------------------------------------------------------------------------------
    # A draft: never visible to readers until an editor publishes it.
    {
        "slug": "napoli-defence-anfield-analysis",
        "headline": "How Napoli’s back four stood up to Anfield",
        "standfirst": "Draft analysis: the defensive plan that kept Liverpool at bay for an hour.",
        "kind": "feature",
        "match": "liverpool-napoli-2019",
        "authors": ["matteo-ferrante"],
        "published_at": None,
        "status": "draft",
        "players": [
            "kostas-manolas",
            "kalidou-koulibaly",
            "nikola-maksimovic",
            "giovanni-di-lorenzo",
            "allan",
            "fabian-ruiz",
            "sadio-mane",
        ],
        "body": _html("""
<p><em>Draft: check the minute of the Koulibaly clearances with the video before publishing.</em></p>
<h2>A narrow shape</h2>
<p>Carlo Ancelotti asked his full-backs to stay close to the centre-backs and trusted his midfield,
with Allan and Fabián Ruiz working hard in front of the defence, to close the spaces between the
lines. Liverpool were invited to go wide and cross.</p>
<h2>Pace against pace</h2>
<p>Kostas Manolas took on the job of tracking Sadio Mané, while Kalidou Koulibaly organised the
penalty area. Nikola Maksimović and Giovanni Di Lorenzo rarely strayed from their zones.</p>
<ul>
<li>Points to add: the clearances off the line.</li>
<li>Quote from the Napoli dressing room, if we get one.</li>
</ul>
"""),
    },
    # -----------------------------------------------------------------------------------------
    # Scheduled: published, but its time is set in the future at load time, so readers wait.
    {
        "slug": "champions-league-group-e-final-round-preview",
        "headline": "Group E preview: what Liverpool and Napoli need on the final night",
        "standfirst": "Liverpool go to Salzburg, Napoli host Genk, and three teams can still finish in the "
        "top two.",
        "kind": "preview",
        "match": None,
        "authors": ["matteo-ferrante"],
        "scheduled": True,
        "status": "published",
        "image_title": "Group E: the final round",
        "clubs": ["liverpool", "napoli", "red-bull-salzburg", "genk"],
        "players": ["dries-mertens", "dejan-lovren", "mohamed-salah", "lorenzo-insigne"],
        "body": _html("""
<p>Group E goes into its final round with the qualification places still up for grabs. Liverpool lead
on ten points, Napoli have nine and Red Bull Salzburg seven; Genk, on one, can only play the role of
spoiler.</p>
<h2>The Reds in Austria</h2>
<p>A draw in Salzburg would be enough for Liverpool, who beat the Austrian side 4–3 at Anfield in
October after a scare. Defeat, though, could put them out if Napoli win, because Salzburg would then
have the better head-to-head record. Expect Mohamed Salah and the front three to start.</p>
<h2>Napoli at home to Genk</h2>
<p>For Napoli the sum is simpler: beat Genk and they are through, whatever happens in Austria. After
the point earned by Dries Mertens’ goal at Anfield, where Dejan Lovren’s header denied them victory,
Lorenzo Insigne and his teammates will expect to finish the job in front of their own supporters.</p>
<ul>
<li>Liverpool: 10 points, away to Salzburg.</li>
<li>Napoli: 9 points, at home to Genk.</li>
<li>Salzburg: 7 points, must beat Liverpool.</li>
</ul>
"""),
    },
]
