"""The words that tell a name from a role, an institution or a sentence opener: titles before names, occupations,
the nouns of bodies that speak, and the verbs that report speech (the vocabulary `people` reads names with)."""

from __future__ import annotations

import re

TITLES = r"(?:President|Prime Minister|Premier|Minister|Foreign Minister|Chancellor|Secretary|Senator|Sen\.|Rep\.|Governor|Gov\.|Mayor|Dr\.|Prof\.|Professor|Mr\.|Mrs\.|Ms\.|Dr|Prof|Mr|Mrs|Ms|Cllr|Fr\.|Fr|Councillor|Councilor|Trustee|General|Gen\.|Judge|Chief Justice|Justice|Sir|Dame|Lord|Ambassador|Spokesperson|Spokesman|Spokeswoman|Director|Chairman|Chair|CEO|King|Queen|Pope)"

NOT_NAMES = {
    "The", "This", "That", "These", "Those", "Former", "In", "On", "At", "For", "With", "From", "According", "During",
    "While", "After", "Before", "Read", "More", "Western", "Chinese", "Russian", "American", "European",
    "Global", "United", "National", "International", "Security", "Council", "Strategic", "Great", "World",
    "Soviet", "State", "Department", "Union", "Academy", "Institute", "University", "Center", "Centre",
    "News", "Agency", "Times", "Post", "Organization", "Cooperation", "Exchange", "Patriotic", "War",
    "Ministry", "Parliament", "Assembly", "Foreign", "Affairs", "Contemporary", "Sciences", "Asia", "Judicial",
    "Harbour", "Harbor", "Port", "Bay", "River", "City", "Street", "Island", "Coast", "Republic", "Sea",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    # sentence openers that the capitalised-words pattern takes in: "Then O'Malley", "But Trump", "When Clinton"
    "Then", "But", "And", "So", "Yet", "Now", "Still", "Also", "Meanwhile", "Later", "Earlier", "Here", "There",
    "When", "If", "As", "Because", "Although", "Though", "Like", "Unlike", "Even", "Both", "Despite", "Since",
    "Until", "Including", "Without", "Why", "What", "How", "Where", "Asked", "Today", "Yesterday", "Tonight",
    "Besides", "Perhaps", "First", "Finally", "However", "Nonetheless", "Nevertheless", "Instead", "Indeed", "Story",
    "Last", "Next", "Less", "Most", "Many", "Some", "Every", "Each", "Another",
    # a question opening with its auxiliary: "Should I tell him?", "Would you?" ("Will", "May" and "Can" are names too)
    "Should", "Would", "Could", "Shall", "Must", "Might", "Did", "Does", "Is", "Are", "Was", "Were", "Has", "Have", "Had",
}

# who speaks for an institution: "the refugee agency", "aid workers", "Organisers", "the coast guard"
BODY_NOUNS = (r"agency|authority|authorities|ministry|office|police|guard|officials|organisers|organizers|workers|"
              r"analysts|experts|prosecutors|company|government|council|commission|court|union|group|researchers|"
              r"scientists|residents|witnesses|survivors|agents|operator|club|bank|institute|department|spokesperson|"
              r"spokesman|spokeswoman|sources|investigators|officers|medics|rescuers|doctors|teachers|lawyers|negotiators|"
              r"diplomats|economists|campaigners|activists|lawmakers|legislators|regulators|inspectors|auditors|"
              r"engineers|authors|organisation|organization|committee|ministers|leaders")

TITLE_WORDS = {"President", "Chancellor", "Premier", "Minister", "Secretary", "Senator", "Governor", "Mayor",
               "Professor", "General", "Judge", "Ambassador", "Director", "Chairman", "King", "Queen", "Pope",
               "Madam", "Prime", "Foreign", "Spokesperson", "Spokesman", "Spokeswoman", "Chair", "CEO", "Justice",
               "Chief", "Sir", "Dame", "Lord", "Elder", "Grand", "Hereditary", "MLA", "MP", "MPP", "MNA", "NDP", "Sheriff",
               "Provost",
               # police and military ranks as British and Irish news abbreviate them, without a period: "Det Sgt Ann Roe"
               "Det", "Sgt", "Supt", "Insp", "Const", "Cpl", "Capt", "Lt"}


# a business named "Studio Schicketanz", "Gallery Lindqvist", "Hotel Vancouver": the first word says it is no person
BUSINESS_OPENINGS = frozenset("Studio Studios Gallery Galerie Atelier Hotel Café Cafe Restaurant Bistro Clinic Camp".split())
COMPANY_ENDINGS = frozenset("Corp Inc Ltd LLC LLP PLC plc Co Corporation Company Group Holdings Limited AG SA GmbH Mutual".split())

REPORTING = (
    r"said|says|told|stressed|noted|added|warned|echoed|argued|explained|insisted|claimed|stated|"
    r"remarked|underscored|emphasized|emphasised|urged|asked|replied|wrote|tweeted|announced|declared|"
    r"pledged|promised|highlighted|reiterated|described|called|criticized|criticised|met|signed|visited"
)

ROLE_NOUNS = ("minister chairman chairwoman chair president secretary governor mayor director executive spokesman spokeswoman "
              "spokesperson coach manager boss captain striker defender goalkeeper midfielder judge prosecutor lawyer economist "
              "analyst researcher professor deputy leader chancellor ambassador senator officer engineer founder "
              "commissioner negotiator chief nurse barrister solicitor attorney detective inspector sergeant constable "
              "superintendent councillor councilor commander colonel lieutenant teacher doctor surgeon witness historian "
              "scientist activist candidate official pastor bishop rabbi imam farmer owner reporter editor correspondent "
              "pilot champion winner player athlete forward defenceman defenseman winger goaltender goalie quarterback "
              "pitcher rookie paramedic firefighter author novelist writer poet journalist columnist artist architect "
              "photographer filmmaker actor actress comedian entrepreneur consultant strategist pollster sociologist "
              "psychologist psychiatrist physician epidemiologist criminologist lecturer curator playwright "
              "commentator moderator grower winemaker vintner rancher shopkeeper landlord tenant volunteer organiser organizer "
              "midwife coroner librarian treasurer caretaker attendant investor donor contractor collector haulier "
              "member trustee magistrate warden ranger skipper crofter publican hotelier restaurateur fisherman "
              "mechanic labourer laborer welder machinist pensioner retiree homeowner alderman alderwoman selectman "
              "assemblyman assemblywoman assemblymember councilmember legislator lawmaker delegate speaker headteacher "
              "headmaster headmistress principal administrator receiver liquidator garda pradhan sarpanch"
              ).split()  # occupations only: "Singer", "Porter", "Baker" are family names too
# "choreographer Jeanine Durning", "novelist Ann Roe": an agent noun right before a name is a role too
AGENT_NOUN = (r"(?!(?:after|over|under|never|ever|whether|together|other|either|neither|rather|however|later|earlier|"
              r"further|better|per|for|nor|order|number|member|border|corner|summer|winter|water|paper|letter|power|"
              r"center|centre|partner|mother|father|brother|sister|daughter|tower|poster|quarter|chapter|theater|theatre)\b)"
              r"[a-z]{3,}(?:er|or|ist|ian)")


def is_title_word(word: str) -> bool:
    """ "Minister", "coach", and a title with its rank joined on: "Vice-President", "Deputy-Premier", "Co-founder"."""
    ranked = re.fullmatch(r"(?i:vice|deputy|co|ex|acting|associate|assistant)-(?P<title>\w+)", word)
    word = ranked.group("title") if ranked else word
    return word in TITLE_WORDS or word.lower() in ROLE_NOUNS or (bool(ranked) and word.capitalize() in TITLE_WORDS)


# countries, provinces and states that end an institution's name, never a person's: "Statistics Canada", "Archives
# Canada", "Invest Ontario" (the article's own "in X" adds the rest; not "London", "Washington": family names too)
PLACE_NAMES = frozenset(
    "Canada Ontario Quebec Alberta Manitoba Saskatchewan Nova Scotia Brunswick Newfoundland Labrador Yukon Nunavut "
    "Columbia America Britain Scotland Australia Zealand China Japan India Russia Germany France "
    "Italy Spain Mexico Brazil Europe Africa Asia Kenya Nigeria Israel Iran Iraq Syria Turkey Ukraine Korea Pakistan "
    "Ottawa Toronto Montreal Vancouver Calgary Edmonton Winnipeg Halifax Beijing Moscow".split())


# "Mr Ballinger", "Cr Duong", "Ruth Abernathy KC": a courtesy title or letters after a name are no part of it, so
# the titled surname is the person introduced in full, not somebody new (titles compared without their period)
COURTESY = {"Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Cr", "Cllr", "Rev", "Fr"}
COURTESY_GENDER = {"Mr": "m", "Mrs": "f", "Ms": "f", "Miss": "f"}
POST_NOMINALS = {"KC", "QC", "SC", "MP", "MLA", "MPP", "MNA", "MEP", "TD", "OBE", "MBE", "CBE", "KBE", "DBE", "PhD"}
OCCUPATION_WORD = re.compile(r"[A-Z][a-z]+(?:ologist|ographer|ician|ist)")  # "Meteorologist Hector Villanueva"
FEMALE_RELATIONS = frozenset("wife mother daughter sister grandmother aunt niece fiancée widow girlfriend".split())
