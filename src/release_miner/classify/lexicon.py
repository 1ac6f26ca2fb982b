"""Word lists the policy detector and classifiers read: general vocabulary, kept as data.

Nothing here is taken from an annotated answer: these are the ordinary English words
by which government documents name a measure ("fund", "programme"), announce a list
("such as", "including"), or describe an economic shock ("pandemic", "tariffs").
"""

from __future__ import annotations

#: Nouns that head the name or description of a measure ("the X Fund", "a loan programme").
POLICY_HEADS: frozenset[str] = frozenset("""
fund funds project projects program programs programme programmes plan plans package packages
initiative initiatives scheme schemes grant grants loan loans subsidy subsidies support measure measures
policy policies strategy strategies model system zone zones district districts complex cluster clusters
card account campaign campaigns festival voucher vouchers guarantee guarantees allowance benefit benefits
incentive incentives assistance relief budget income rebate cashback credit credits fee fees deal
center centre centers centres hub park town city network platform ordinance law act rules guidelines
pilot service services training internship internships agreement agreements partnership initiative
tasks task vision blueprint roadmap declaration promotion expansion development construction
reduction exemption concessions concession allocation investment investments facility facilities
bid railway monorail port airport line station tax taxes cost costs course courses
""".split())

#: Nominalised actions that open a described measure ("designation of ...", "support for ...").
ACTION_NOUNS: frozenset[str] = frozenset("""
designation establishment attraction creation promotion expansion support provision operation
construction development redevelopment improvement introduction launch fostering revitalization
revitalisation strengthening upgrading relocation reduction extension implementation supply
""".split())

#: Phrases after which a release lists measures.
LIST_CUES: tuple[str, ...] = (
    "such as", "including", "includes", "include", "included", "as follows", "consist of",
    "consists of", "efforts to", "namely", "comprising", "focused on", "focus on",
)

#: Characters that open a bulleted item.
BULLETS: str = "▲△●○•◆◇■□▶▷➢➤-*·※◈"

#: Words that make a title-case run an organisation or a person's role rather than a measure.
ORG_WORDS: frozenset[str] = frozenset("""
government ministry ministries department office council committee commission agency authority
university college institute institution association federation foundation corporation company
co ltd inc bank chamber organization organisation administration bureau board police court
assembly party union mayor governor minister president chairperson director ceo consul
hall room
""".split())

#: Words that make a span an event or a meeting rather than a measure.
EVENT_WORDS: frozenset[str] = frozenset("""
ceremony briefing meeting meetings forum conference session sessions rally seminar summit workshop
signing visit tour inspection interview speech presentation exhibition contest awards
""".split())

#: Determiners and conjunctions trimmed from the edges of a candidate span.
EDGE_WORDS: frozenset[str] = frozenset("""
the a an and or its their his her our this these that those such also to of for with by as
new will which who
""".split())

#: Cue words of an economic shock (GUIDELINES: pandemic, tariffs, price spikes, disasters, crises).
SHOCK_CUES: tuple[str, ...] = (
    "covid", "pandemic", "coronavirus", "corona", "tariff", "trade war", "trade dispute", "exchange rate",
    "inflation", "high prices", "price spike", "price surge", "soaring", "crisis", "crises", "emergency",
    "disaster", "recession", "downturn", "slump", "sluggish", "damage", "affected", "struggling",
    "relief", "recovery", "rescue", "brexit", "war", "earthquake", "flood", "typhoon", "wildfire",
    "shock", "urgent", "stabilization fund", "social distancing", "lockdown", "quarantine",
    "high interest", "liquidity", "overcom*", "weather the",
)

#: The shocks the guidelines name, without the softer words ("affected", "recovery") that also
#: appear in ordinary times.
STRONG_SHOCK_CUES: tuple[str, ...] = (
    "covid", "pandemic", "coronavirus", "tariff", "trade war", "trade dispute", "exchange rate", "inflation",
    "high prices", "price spike", "crisis", "crises", "disaster", "recession", "downturn", "brexit",
    "social distancing", "lockdown", "emergency", "earthquake", "typhoon", "flood", "wildfire",
)

#: Cue words of new growth capacity.
GROWTH_CUES: tuple[str, ...] = (
    "innovat*", "startup", "start-up", "venture", "ai", "artificial intelligence",
    "digital*", "data", "hydrogen", "aerospace", "fintech", "marine", "investment", "invest", "industr*", "cluster", "hub", "special zone", "r&d", "research", "technology", "tech", "university",
    "talent", "rise", "global", "finance centre", "financial center", "tourism", "mice", "expo",
    "airport", "port", "railway", "complex", "smart", "growth", "export", "semiconductor", "battery",
    "bio", "mobility", "robot", "blockchain", "future",
)

#: Cue words of everyday livelihoods.
LIVELIHOOD_CUES: tuple[str, ...] = (
    "small business", "self-employed", "sme", "job", "jobs", "employment", "re-employment", "workforce",
    "housing", "rent", "jeonse", "welfare", "vulnerable", "low-income", "elderly", "youth", "senior",
    "cost of living", "household", "households", "closure", "livelihood", "income", "care", "childcare",
    "population", "social safety", "wage", "traditional market", "local currency", "disabled", "newlywed",
)

#: Cue words of measures with no economic aim.
NONE_CUES: tuple[str, ...] = (
    "safety", "election", "commemorat*", "anniversary", "exhibition", "lecture", "culture", "cultural",
    "water pipe", "lead pipe", "streetlight", "lighting", "police", "public order", "award", "awards",
    "pension", "debt", "organizational", "restructuring", "friendship", "sisterhood", "sports", "art",
)

#: Phrases by which a release itself names a category (GUIDELINES: follow the release).
EXPLICIT_CATEGORY: dict[str, tuple[str, ...]] = {
    "shock_response": ("rapid response to economic shocks", "response to economic shocks"),
    "innovative_growth": ("engine of innovative growth", "innovative growth engine"),
    "livelihood_stability": ("stabilizing the economic foundation", "stabilising the economic foundation",
                             "economic foundation and livelihoods"),
}
