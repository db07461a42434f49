"""Word lists the matcher uses: stop words, irregular verbs, spelling variants, synonyms.

All written for lerkit. Synonyms map everyday words to the word a taxonomy is likely to
use ("kids" -> "child"); both the taxonomy text and the person's words go through them,
so a match is found whichever of the two is used, and the explanation still shows the
word as it was typed.
"""

from __future__ import annotations

STOP_WORDS = frozenset(
    """
    a about above after again against all am an and any are aren as at be because been
    before being below between both but by can cannot could couldn did didn do does doesn
    doing don down during each etc eg ie few for from further had hadn has hasn have haven
    having he her here hers herself him himself his how i if in into is isn it its itself
    just let lets me more most my myself no nor not now of off on once only or other ought
    our ours ourselves out over own same shan she should shouldn so some such than that
    the their theirs them themselves then there these they this those through to too under
    until up upon very via was wasn we were weren what when where which while who whom why
    will with won would wouldn you your yours yourself yourselves also still really quite
    lot lots thing things stuff kind sort like well even ever every much many
    one ones may might must shall yes yeah ok okay oh um uh hey im ive id youre
    """.split()
)

# Words that say "this is a requirement" in a job ad or a form, not what the work is.
# They still count, but much less.
FILLER_WORDS = frozenset(
    """
    experience experienced knowledge ability able skill skills skilled strong excellent
    good great proven solid demonstrated year years plus preferred required requirement
    requirements responsible responsibility responsibilities including include includes
    various different new etc week weeks month months always
    someone something somebody people person sometimes often usually
    """.split()
)

# Words that carry no skill of their own: a suggestion never rests on them alone, and
# they count for little beside words that do. Generic verbs ("kept", "did", "gave",
# "ran" say nothing without their object), family words ("my son"), time, number and
# frequency words ("twice a day", "ten years", "every shift", "on Sundays") and plain
# adjectives ("the old shingles").
GENERIC_VERBS = frozenset(
    """
    keep keeps keeping kept do does did doing done give gives giving gave given run runs
    running ran make makes making made take takes taking took taken get gets getting got
    gotten go goes going went gone put puts putting set sets setting have has had having
    help helps helped helping work works worked working use uses used using try tried
    trying start started starting need needed want wanted come came see saw seen look
    looked find found let say said tell told show showed bring brought hold held stay
    stayed become became leave left think thought know knew known mean meant deal dealt
    handle handled handling stuff thing things sure able
    """.split()
)
FAMILY_WORDS = frozenset(
    """
    son sons daughter daughters kid kids child children baby babies toddler boy boys girl
    girls mom moms mum mother mothers dad dads father fathers parent parents wife husband
    spouse partner brother brothers sister sisters grandma grandpa grandmother grandfather
    grandparent grandparents grandson granddaughter grandkids grandchildren aunt uncle
    nephew niece cousin cousins family families folks mama papa hubby stepson stepdaughter
    """.split()
)
TIME_WORDS = frozenset(
    """
    day days daily week weeks weekly weekend weekends month months monthly year years
    yearly hour hours hourly minute minutes night nights nightly morning mornings evening
    evenings afternoon afternoons time times twice once thrice ago long shift shifts
    season seasons summer summers winter winters spring fall autumn decade decades today
    tomorrow yesterday every each whole half couple few several dozen dozens hundred
    hundreds thousand thousands zero one two three four five six seven eight nine ten
    eleven twelve fifteen twenty thirty forty fifty first second third
    monday mondays tuesday tuesdays wednesday wednesdays thursday thursdays friday fridays
    saturday saturdays sunday sundays weekday weekdays tonight overnight noon midnight
    january february april june july august september october november december
    """.split()
)
PLAIN_ADJECTIVES = frozenset("old older oldest big bigger biggest little nice pretty".split())

IRREGULAR = {
    "taught": "teach", "led": "lead", "ran": "run", "kept": "keep", "built": "build",
    "bought": "buy", "sold": "sell", "drove": "drive", "driven": "drive", "wrote": "write",
    "written": "write", "made": "make", "took": "take", "taken": "take", "gave": "give",
    "given": "give", "brought": "bring", "thought": "think", "found": "find", "told": "tell",
    "held": "hold", "paid": "pay", "met": "meet", "spoke": "speak", "spoken": "speak",
    "sent": "send", "spent": "spend", "fed": "feed", "fought": "fight", "caught": "catch",
    "chose": "choos", "chosen": "choos", "began": "begin", "begun": "begin", "grew": "grow",
    "grown": "grow", "knew": "know", "known": "know", "flew": "fly", "flown": "fly",
    "sang": "sing", "sung": "sing", "swam": "swim", "threw": "throw", "thrown": "throw",
    "understood": "understand", "won": "win", "wore": "wear", "worn": "wear", "dealt": "deal",
    "hung": "hang", "lent": "lend", "lost": "lose", "meant": "mean",
    "cut": "cut", "put": "put", "set": "set", "shut": "shut", "read": "read", "saw": "see",
    "seen": "see", "went": "go", "gone": "go", "did": "do", "done": "do", "got": "get",
    "gotten": "get", "children": "child", "people": "person", "women": "woman", "men": "man",
    "feet": "foot", "teeth": "tooth", "mice": "mous", "data": "data", "media": "media",
    "criteria": "criteria", "analyses": "analysi", "bookkeeping": "bookkeep",
    "news": "news", "glasses": "glass", "physics": "physic", "logistics": "logist",
    "nursing": "nurs", "ceiling": "ceil", "during": "dure", "bus": "bus", "gas": "gas",
}  # fmt: skip

# British spellings (as in ESCO) to the American ones most people in the US type.
SPELLING = {
    "colour": "color", "favour": "favor", "behaviour": "behavior", "labour": "labor",
    "honour": "honor", "neighbour": "neighbor", "harbour": "harbor", "vapour": "vapor",
    "odour": "odor", "rumour": "rumor", "tumour": "tumor", "humour": "humor",
    "centre": "center", "metre": "meter", "litre": "liter", "theatre": "theater",
    "fibre": "fiber", "calibre": "caliber", "programme": "program", "licence": "license",
    "defence": "defense", "offence": "offense", "practise": "practice", "catalogue": "catalog",
    "dialogue": "dialog", "cheque": "check", "tyre": "tire", "aluminium": "aluminum",
    "ageing": "aging", "manoeuvre": "maneuver", "paediatric": "pediatric",
    "paediatrics": "pediatrics", "orthopaedic": "orthopedic", "anaesthesia": "anesthesia",
    "haemoglobin": "hemoglobin", "oesophagus": "esophagus", "grey": "gray", "mould": "mold",
    "plough": "plow", "sceptical": "skeptical", "jewellery": "jewelry", "kerb": "curb",
    "storey": "story", "enrol": "enroll", "fulfil": "fulfill", "instil": "instill",
    "modelling": "modeling", "travelling": "traveling", "labelling": "labeling",
    "cancelled": "canceled", "counselling": "counseling", "fuelling": "fueling",
}  # fmt: skip

# -ise/-isation spellings that are not British variants of -ize.
ISE_KEEP = frozenset(
    """
    advise advised advising adviser advisers exercise exercised exercising supervise
    supervised supervising supervisor supervisors supervision enterprise enterprises
    promise promised raise raised raising rise rising wise otherwise noise cruise cruises
    premise premises expertise merchandise merchandising franchise franchises compromise
    devise devised revise revised revising revision televise surprise surprised improvise
    improvised improvising comprise comprised disguise despise precise concise excise
    incise praise praised appraise appraised appraising appraiser apprise chastise
    poise arise arising arisen paradise concise treatise reprise demise guise
    """.split()
)

# Everyday words -> the word a formal description tends to use. Both sides are mapped.
SYNONYMS = {
    "kid": "child", "kids": "child", "kiddo": "child", "toddler": "child",
    "toddlers": "child", "youngster": "child", "youngsters": "child", "baby": "infant",
    "babies": "infant", "babysit": "childcare", "babysat": "childcare",
    "babysitting": "childcare", "babysitter": "childcare", "nanny": "childcare",
    "mom": "parent", "mum": "parent", "dad": "parent", "mother": "parent",
    "father": "parent", "folks": "parent", "grandma": "grandparent",
    "grandpa": "grandparent", "meds": "medication", "pills": "medication",
    "pill": "medication", "doc": "doctor", "docs": "document", "paperwork": "document",
    "boss": "supervisor", "bosses": "supervisor", "buddy": "peer",
    "buddies": "peer", "cash": "money", "bucks": "money", "dollars": "money",
    "fixing": "repair", "fix": "repair", "fixes": "repair",
    "mend": "repair", "mended": "repair", "truck": "vehicle", "trucks": "vehicle",
    "car": "vehicle", "cars": "vehicle", "van": "vehicle", "vans": "vehicle",
    "pc": "computer", "laptop": "computer", "laptops": "computer",
    "phone": "telephone", "phones": "telephone", "cellphone": "telephone",
    "shop": "store", "shops": "store", "groceries": "grocery", "chores": "housework",
    "meal": "food", "meals": "food",
    "church": "congregation", "parish": "congregation", "mosque": "congregation",
    "synagogue": "congregation", "temple": "congregation", "vets": "veteran",
    "army": "military", "navy": "military", "marines": "military", "troops": "military",
    "soldiers": "military", "bills": "bill",
    "budgeting": "budget", "yard": "garden", "lawn": "garden",
}  # fmt: skip

# Dishes and baked goods people name instead of saying "food" ("sold tamales", "baked
# pies for the bake sale"): read as "food", so what they cook or sell finds the food
# work it is. Words with a common other sense ("chips", "cookies", "jam") are left out,
# and so are the ones that name a kind of place as often ("the pizza place").
FOOD_NAMES = frozenset(
    """
    tamale tamales tamal taco tacos burrito burritos enchilada enchiladas pupusa pupusas
    empanada empanadas tortilla tortillas quesadilla quesadillas tostada tostadas tortas
    pozole menudo churro churros arepa arepas elote elotes flan salsa salsas guacamole
    sandwich sandwiches hotdog hotdogs pasta lasagna spaghetti soup soups stew stews
    casserole casseroles barbecue bbq
    brisket gumbo jambalaya chili curry curries dumpling dumplings eggroll eggrolls
    samosa samosas sushi noodles ramen pho kimchi jollof injera falafel kebab kebabs
    gyro gyros pierogi pierogies pie pies cake cakes cupcake cupcakes cheesecake
    cheesecakes brownie brownies muffin muffins donut donuts doughnut doughnuts pastry
    pastries croissant croissants bagel bagels biscuit biscuits cornbread baklava
    fudge candy candies pralines toffee cobbler cobblers lemonade smoothies
    """.split()
)
SYNONYMS.update(dict.fromkeys(FOOD_NAMES, "food"))

# Words that mean one thing together and something else apart: read as one word (the
# value), so "dry cleaners" is not office cleaning and "food bank" not banking. Each
# phrase is matched on its words' terms, so plurals and other endings count too.
COMPOUNDS = {
    "dry cleaner": "drycleaning", "dry cleaning": "drycleaning",
    "food bank": "foodbank", "food pantry": "foodpantry",
    "home health aide": "homeaide", "home care aide": "homeaide", "home aide": "homeaide",
    "shade tree mechanic": "mechanic", "backyard mechanic": "mechanic",
}  # fmt: skip

# Acronyms people use, with what they stand for. One typed in capitals (in text that is
# not all capitals) that the taxonomy itself does not use is read as these words, so
# "taught ESL" finds "teach English as a second language" in a taxonomy without "ESL".
ACRONYMS = {
    "ESL": "English as a second language", "ELL": "English language learner",
    "GED": "general educational development high school equivalency",
    "CDL": "commercial driver license", "CPR": "cardiopulmonary resuscitation",
    "AED": "automated external defibrillator", "EMT": "emergency medical technician",
    "EMS": "emergency medical services", "CNA": "certified nursing assistant",
    "LPN": "licensed practical nurse", "RN": "registered nurse",
    "HHA": "home health aide", "PCA": "personal care aide", "ADL": "activities of daily living",
    "EHR": "electronic health record", "MRI": "magnetic resonance imaging",
    "HVAC": "heating ventilation air conditioning", "OSHA": "occupational safety health",
    "PPE": "personal protective equipment", "SOP": "standard operating procedure",
    "IT": "information technology", "ICT": "information communication technology",
    "HR": "human resources", "PR": "public relations", "QA": "quality assurance",
    "QC": "quality control", "POS": "point of sale", "CRM": "customer relationship management",
    "ERP": "enterprise resource planning", "SEO": "search engine optimization",
    "UX": "user experience", "SQL": "structured query language", "LAN": "local area network",
    "WAN": "wide area network", "CAD": "computer aided design",
    "CNC": "computer numerical control", "GIS": "geographic information system",
    "GPS": "global positioning system", "PV": "photovoltaic solar",
    "PTA": "parent teacher association", "PTO": "parent teacher organization",
    "IEP": "individualized education program", "SPED": "special education",
    # "officer" would match "office": the military ranks are spelled out as what they do
    "NCO": "noncommissioned leader", "NCOIC": "noncommissioned team leader",
    "OIC": "team leader", "MOS": "military occupational specialty",
    "USPS": "postal service", "HGV": "heavy goods vehicle", "LGV": "large goods vehicle",
    "EU": "European Union",
}  # fmt: skip
