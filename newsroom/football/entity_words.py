"""Word lists the name matcher (entities.py) consults. Data, not logic.

All entries are folded (lower-case ASCII), as entities.fold_text() would produce them.
"""

# Ordinary English words that are also surnames, first names or club names ("Young", "Given",
# "Reading", "Wednesday"). As a bare word, such a form counts only with stronger evidence.
ORDINARY_WORDS = frozenset(
    """
    able ace aid aim air all alley alone ample angel arch archer ash attack baker ball bank banks
    barber barker bass bay beach beard bell bells belt best bird bishop black bland bloom blue blunt
    bolt bond booth boss bowler bowyer box boy brand brass bray breeze brewer brick bridge bridges
    bright brook brooks brown buck buckle bull bunn burns bush butcher butler buttons cable cain can
    cane cannon cap card carpenter carr carter cash castle chance chapel chapman charge cheek cherry
    chester child church clay clear clever cliff close coach cock coke cole collar cook cool cooper
    copper cork corner cotton court crane cross crouch crow crown cruise cutter dance dawn day dean
    deal dear dee dell diamond dice doe dole dollar door dove down drake draper driver drinkwater
    duck duke dunk eagle early east eye faith fair falcon farmer fear fell fielding field fields
    finch fisher fitter flint flood flower flowers ford forest forward foster fowler fox frank free
    freeman french friend frost fuller gale game gardener garland gate gay gear gem gentle gift
    given glass glover goal goff gold golden good grace grand grant gray grey green greenwood guest
    gunner hall hand hands happy hard harper hart harvest hatch hawk hay head heath hedge hen hero
    hill hills hobby hold holding holland holly home honey hood hook hope horn house howl hunt
    hunter ice iron ivory jack jay jewel joy judge keen keeper kind king kite knight lake lamb lance
    lane law lawless leader lee light lily lime lines little lock long lord love lovely low luck
    lucky mace maiden main major manor march mark marks marsh marshal marshall martial mason may
    mayor meadow mellow merry middle mill miller mills mint moon morning moss mount mountain mower
    nail nest new newman nice night noble north nurse oak page palmer park parker parks pace peacock
    pearl penny pepper petty pike piper plant player pond pope porter post potter pound power price
    prince proud quick rain ram rank read reading reed rice rich rider ring rivers robin rock rook
    rose royal rush rust sage salt sand sands sane savage saw seal sellers settle shade sharp shaw
    shepherd shield ship short silver singer slater small smart smith snow son south sparrow speed
    spring squire stag stand star steel steele stone stones storm strange street strong summer
    summers swallow swan sweet swift tailor tanner taylor temple thorn tidy tongue tower trim
    trotter tucker turner twist vale vine wade wake walker wall walls ward ware warren waters way
    weaver well wells west wheeler white wild will winter wise wolf wood woods wren young
    monday tuesday wednesday thursday friday saturday sunday
    january february april june july august september october november december
    city united town county athletic rovers wanderers albion villa palace forest orient
    derby saints
    """.split()
)

# Calendar words are capitalised wherever they stand, so capitals prove nothing for them.
CALENDAR_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december".split()
)

# A country or its team is not a club: a bare form equal to one of these never names a club.
COUNTRIES = frozenset(
    """
    albania algeria argentina australia austria belgium bolivia bosnia brazil bulgaria cameroon canada
    chile china colombia croatia cyprus czechia denmark ecuador egypt england estonia finland france
    germany ghana greece holland hungary iceland iran ireland israel italy jamaica japan korea latvia
    lithuania mali mexico montenegro morocco netherlands nigeria norway panama paraguay peru poland
    portugal qatar romania russia scotland senegal serbia slovakia slovenia spain sweden switzerland
    tunisia turkey ukraine uruguay usa venezuela wales moldova
    """.split()
)

# National-team nicknames: a club alias that is also one of these needs the club named elsewhere.
NATIONAL_TEAM_NICKNAMES = frozenset(
    ["azzurri", "the azzurri", "three lions", "the three lions", "oranje", "les bleus", "la roja",
     "selecao", "the selecao", "die mannschaft", "socceroos", "super eagles", "black stars", "the dragons"]
)  # fmt: skip

# Words that may stand right before a player's surname without making it someone else's name.
DEMONYMS = frozenset(
    """
    albanian algerian american argentine argentinian australian austrian belgian bosnian brazilian
    british bulgarian cameroonian canadian chilean colombian croatian czech danish dutch ecuadorian
    egyptian english estonian finnish french german ghanaian greek hungarian icelandic iranian irish
    israeli italian ivorian jamaican japanese korean malian mexican moroccan nigerian norwegian polish
    portuguese romanian russian scottish senegalese serbian slovak slovakian slovenian spanish swedish
    swiss tunisian turkish ukrainian uruguayan welsh
    """.split()
)

# Capitalised words that start sentences or titles and are nobody's first name.
SENTENCE_WORDS = frozenset(
    """
    a after also although an and as at before both but by captain defender despite during even
    eventually finally for forward from goalkeeper having here however if in indeed instead it just
    keeper later meanwhile midfielder moments minutes not now on once only perhaps skipper so soon
    still striker substitute that the then there this though thus to under unlike until when where
    whereas while with within without yet winger full-back centre-back
    mr mrs ms sir dr
    """.split()
)

# A surname right after one of these belongs to a manager, referee or pundit, not a player.
NON_PLAYER_ROLES = frozenset(
    """
    manager coach boss referee ref pundit chairman owner president director chief assistant gaffer
    official linesman commentator analyst presenter
    """.split()
)

# "Ancelotti's side": a possessive followed by one of these is a manager's.
MANAGER_POSSESSIONS = frozenset("side men team charges troops outfit squad players lads".split())

# Name particles kept with a surname: "Di Lorenzo", "van Dijk", "De Bruyne", "ter Stegen".
SURNAME_PARTICLES = frozenset(
    "al bin da das de del della dei der di do dos du el ibn la le mac st ten ter van von den".split()
)

# Affixes a club's name may carry that reports usually leave out: "SSC Napoli" -> "Napoli".
CLUB_AFFIXES = frozenset(
    "fc afc cf sc ssc ac as ss us sv fk nk sk bk if cd rc rcd ud sd ca calcio club bsc vfb vfl tsg "
    "1. kv krc".split()
)

# "Milan airport", "Manchester Crown Court": a place named after a city, not a club.
PLACE_NOUNS = frozenset("airport station cathedral university hospital council crown court".split())

# "Villa Park", "City Ground", "Red Bull Arena": a club's name followed by one of these is a stadium.
STADIUM_WORDS = frozenset(
    "park stadium stadion stadio estadio arena ground road lane bridge cottage field dome".split()
)

# Headings of lists that name players but no team ("Booked: Pike, Ode.", "Referee: N Walsh.").
LIST_HEADINGS_WITHOUT_TEAM = frozenset(
    ["booked", "bookings", "yellow cards", "red card", "red cards", "sent off", "dismissed", "goals",
     "scorers", "scorer", "referee", "assistant referees", "assistants", "fourth official", "var",
     "officials", "match officials", "att", "attendance", "venue",
     "man of the match", "player of the match", "star man"]
)  # fmt: skip
# Lists of match officials: the names there are never players' ("Referee: Anthony Taylor").
OFFICIALS_HEADINGS = frozenset(
    ["referee", "assistant referees", "assistants", "fourth official", "var", "officials", "match officials"]
)  # fmt: skip
# A bench list belongs to the team list right before it ("Subs Not Used: Mason, Archer.").
BENCH_HEADINGS = frozenset(
    ["subs", "substitutes", "subs not used", "substitutes not used", "unused substitutes", "subs used",
     "replacements", "bench", "on the bench"]
)  # fmt: skip

# Words that mark a report about women's football (folded, whole words).
WOMENS_MARKERS = ("women", "women's", "womens", "wsl", "lionesses", "ladies", "frauen", "feminine",
                  "feminin", "nwsl", "super league women")  # fmt: skip

# A former player in a sentence with one of these is speaking, not playing ("Neville on Sky Sports").
BROADCAST_MARKERS = (
    "sky sports", "bbc", "itv", "tnt sports", "bt sport", "talksport", "radio", "match of the day",
    "motd", "amazon prime", "premier sports", "viaplay", "espn", "dazn", "sportsound", "5 live",
    "podcast", "pundit", "punditry", "co commentary", "co commentating", "co commentator",
    "commentary", "commentating", "commentator", "studio", "on air", "the overlap",
)  # fmt: skip

# Demonyms that name a country for same-name clubs ("the Uruguayan champions").
DEMONYM_COUNTRIES = {
    "argentine": "argentina", "argentinian": "argentina", "uruguayan": "uruguay", "portuguese": "portugal",
    "spanish": "spain", "italian": "italy", "english": "england", "scottish": "scotland", "welsh": "wales",
    "french": "france", "german": "germany", "dutch": "netherlands", "brazilian": "brazil",
    "mexican": "mexico", "belgian": "belgium", "turkish": "turkey", "swiss": "switzerland",
    "moldovan": "moldova", "greek": "greece", "austrian": "austria", "colombian": "colombia",
    "chilean": "chile", "paraguayan": "paraguay", "peruvian": "peru", "american": "usa",
}  # fmt: skip
