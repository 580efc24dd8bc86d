"""Speaker resolution by who the article is about: pronouns by salience and gender, descriptions, continuations."""

from __future__ import annotations

import pytest

from verify.extract import extract_claims
from verify.extract.people import People
from verify.models import Article, QuoteClaim


def quote_speakers(text: str) -> list[tuple[str, str | None]]:
    claims = extract_claims(Article(text=text, sha256="t"))
    return [(c.quote[:24], c.speaker) for c in claims if isinstance(c, QuoteClaim) and c.direct]


@pytest.mark.parametrize("text, words, speaker", [
    # the subject of the sentence before, not the last name in it
    ("Roy Graf, an oilfield worker, protested the bills outside the office of Premier Doug Lent on Monday.\n\n"
     "“We cannot pay this,” he said.", "We cannot pay this", "Roy Graf"),
    # gender read from the article's own pronouns: "she" is the woman, though a man was named last
    ("Dana Whitfield, a baker, has baked for thirty years. She opened her first shop in 1994.\n\n"
     "She greets the customers while her husband, Tom Berger, an accountant, keeps the books. "
     "“I never stop thinking how lucky I am,” she said.", "I never stop thinking", "Dana Whitfield"),
    # a single name that speaks and is "he"
    ("Police cleared the camp on Monday, Inspector Luc Marois said. He said the operation was calm.\n\n"
     "But Hereditary Chief Na'moks said he saw it differently. He said the camp had been peaceful for years.\n\n"
     "“This is too fresh in our minds,” he said.", "This is too fresh", "Na'moks"),
])
def test_salience_pronoun_resolves_to_the_salient_person_of_that_gender(text: str, words: str, speaker: str) -> None:
    assert (words[:24], speaker) in [(w[: len(words[:24])], s) for w, s in quote_speakers(text)]


def test_salience_quote_opening_a_paragraph_after_reported_speech_is_the_reporters_subject() -> None:
    text = ("“Three patients waited over half an hour,” said Terry Chapman of the paramedics' union.\n\n"
            "Chapman admits that in one case there were fatalities.\n\n"
            "“I can’t say the lack of an ambulance caused them to die, but who knows,” adding nothing more.\n")
    speakers = dict(quote_speakers(text))
    assert speakers["I can’t say the lack of "] == "Terry Chapman"


def test_salience_shared_family_name_means_the_person_introduced_first() -> None:
    text = ("Dorie Greenspan, a cookbook author, has written 13 books. Her husband, Michael Greenspan, tastes every recipe.\n\n"
            "Greenspan started in a restaurant kitchen. She was fired for making cakes.\n\n"
            "“I loved doing that,” she said.")
    people = People(text)
    assert people.salience.pronoun("she", text.rindex("she said")) == "Dorie Greenspan"


@pytest.mark.parametrize("text, phrase, entity", [
    ("BC Hydro, the provincial utility, raised its rates on Monday. Critics said the rise was steep.", "the utility", "BC Hydro"),
    ("Procter & Gamble said on Tuesday that sales rose 4 per cent. Analysts had expected less.", "the company", "Procter & Gamble"),
    ("Quinn Hughes, the rookie defenceman, scored twice. Coach Travis Green was pleased.", "the rookie defenceman", "Quinn Hughes"),
    ("Officers cleared the camp on Monday. Chief Ana Roy watched.", "The RCMP statement", "RCMP"),  # whoever issued it
])
def test_salience_description_resolves_to_the_entity_carrying_it(text: str, phrase: str, entity: str) -> None:
    assert People(text).salience.described(phrase, len(text)) == entity


def test_salience_unknown_description_stays_unresolved() -> None:
    text = "Dana Whitfield opened a bakery in 1994. Her husband joined later."
    assert People(text).salience.described("the judge", len(text)) is None


def test_salience_it_said_is_the_organisation_spelled_out_in_full():
    text = ("Export Development Canada (EDC) insured the project in 2011. EDC declined to answer most questions about "
            "the policy. “We are obligated to respect the confidentiality of our clients,” it said in a statement.")
    assert dict(quote_speakers(text))["We are obligated to resp"] == "Export Development Canada"


@pytest.mark.parametrize("text, speaker", [
    # the name in apposition after the cue, not the description before it
    ("Ann Campbell, a nurse, died in May. “She never complained about anything at all,” says Campbell's partner, "
     "Jason Louth.", "Jason Louth"),
    ("“She never complained about anything at all,” said a neighbour, Rita Moss, who lives next door.", "Rita Moss"),
    # "they": the two people named together just before
    ("Owner Tom Reid and manager Ana Diaz closed the Blue Door cafe on Friday after nine years. "
     "“We could not pay the new rent any longer,” they said.", "Tom Reid and Ana Diaz"),
])
def test_salience_appositive_after_the_cue_and_they_for_two_named_people(text: str, speaker: str) -> None:
    assert [s for _, s in quote_speakers(text)] == [speaker]


def test_salience_a_name_written_after_the_is_no_person() -> None:
    # a team the article writes "the Tarvik Falcons" acts and speaks, but is never "he"
    text = ("Olli Sand, a forward, scored twice as the Tarvik Falcons won 5-2 on Friday.\n\n"
            "The Tarvik Falcons said they would rest him. “We were lucky,” he said.")
    assert "Tarvik Falcons" not in [p.name for p in People(text).people]


def reported_speakers(text: str) -> list[str | None]:
    claims = extract_claims(Article(text=text, sha256="t"))
    return [c.speaker for c in claims if isinstance(c, QuoteClaim) and not c.direct]


@pytest.mark.parametrize("text, speaker", [
    # a kind of organisation before its name introduces it; "the company" is the one the last sentences are about,
    # though another company elsewhere in the article was called one
    ("Comlink, a telecom company, reported a loss last year.\n\nLamp maker Orrin & Vale rallied 6 per cent after its "
     "profit beat forecasts. The company said its sales could be stronger than it expected.", "Orrin & Vale"),
    # the short name an article uses after introducing the company's full name
    ("Tarvik Energy, the Calgary-based producer, paid $300 million for the licence in 2011. Tarvik said the fighting "
     "had halted its production.", "Tarvik Energy"),
    # a legal suffix left off is the same name, not a short one ("TransCanada Corp" … "TransCanada said")
    ("Harbinco Corp, the pipeline builder, signed the deal. Harbinco said the route was safe.", "Harbinco"),
    # the first word of an app's name speaks alone: the company, not a person called "Nordl Research"
    ("Teens were paid to install an app called Nordl Research. Nordl said the app was voluntary.", "Nordl"),
])
def test_salience_organisation_speakers_by_the_name_the_article_introduced(text: str, speaker: str) -> None:
    assert reported_speakers(text)[-1:] == [speaker]


def test_salience_a_new_subject_between_quotes_takes_the_next_quote() -> None:
    # the paragraph's last quote was Ivo Lind's, but a new person is the subject of the sentence before this one
    text = ("Director Ivo Lind, a choreographer, invited Mara Quist, a dancer, to return. “It deserved to be longer,” "
            "says Lind. Quist did not need much coaxing. “I am thankful for the invitation and for the chance to go on.”")
    assert dict(quote_speakers(text))["I am thankful for the in"] == "Mara Quist"


@pytest.mark.parametrize("text, speaker", [
    # a name ends at its possessive: "Jeanine Durning’s This Shape" is Jeanine Durning's work
    ("The company is staging choreographer Alma Reiss’s This Shape, We Are In. Her father, the actor Tom Reiss, "
     "was on stage for decades. “I always felt it deserved to be longer,” Reiss said.", "Alma Reiss"),
    # a party tag the cue reader cut at its period still ends the name
    ("“We have to do more,” added Rep. Ann Dalton (D-S.C.), the assistant leader.", "Ann Dalton"),
])
def test_salience_names_as_the_article_writes_them(text: str, speaker: str) -> None:
    assert quote_speakers(text)[-1][1] == speaker


def test_salience_uncued_quote_after_a_paragraph_goes_to_its_last_subject() -> None:
    # the subject of the sentence just before (after its opening phrase) beats a name mentioned more often
    text = ("Ada Lenz, a lawyer, met the family on Monday. Lenz had argued the case for years.\n\n"
            "Given those years, Ruth Omari, a nurse, is hopeful the court will follow Lenz's advice and Lenz's plan.\n\n"
            "“Our hope is that the minister will follow through on what has been promised to the families.”")
    assert dict(quote_speakers(text))["Our hope is that the min"] == "Ruth Omari"


@pytest.mark.parametrize("text, speaker", [
    # a role the article never gave anyone: the person it is about there (a plural is a group, not that person)
    ("Pekka Laine said the town hall in Orrin would be the first of many. The prime minister said he was worried "
     "about the cuts the province had made to its schools.", "Pekka Laine"),
    # the role word for word: "the prime minister", not the other minister
    ("Prime Minister Pekka Laine and Finance Minister Oona Vesi met the unions. The prime minister said the talks "
     "would resume on Monday in the capital.", "Pekka Laine"),
])
def test_salience_a_role_description_resolves_to_its_holder(text: str, speaker: str) -> None:
    assert reported_speakers(text)[-1:] == [speaker]


def test_extract_partial_quote_after_a_short_clause_gives_the_clause() -> None:
    text = "Mira Tamm, the mayor, spoke on Monday. She said she was “deeply worried” about the cuts to the library."
    claims = extract_claims(Article(text=text, sha256="t"))
    reported = [c for c in claims if isinstance(c, QuoteClaim) and not c.direct]
    assert [c.quote[:20] for c in reported] == ["she was “deeply worr"]


@pytest.mark.parametrize("text", [
    "Sam Osei, the coach, spoke on Monday. Osei told the club's website he was “ready to help in any way.”",
    "Ruth Omari, the mayor, opened the line on Monday. Omari called it “a small revolution for the town.”",
])
def test_extract_a_quote_introduced_after_a_short_clause_is_not_a_clause(text: str) -> None:
    claims = extract_claims(Article(text=text, sha256="t"))
    assert not [c for c in claims if isinstance(c, QuoteClaim) and not c.direct]


@pytest.mark.parametrize("text, speaker", [
    # an age makes a name a person's, so "she" has someone to refer to
    ("Ana Roe, 52, was at home when the fire started in the kitchen. “I ran out with the dog,” she said.", "Ana Roe"),
    # an abbreviation with periods inside the speaker phrase after the quote
    ("Sales fell again. “We are extremely disappointed,” the firm’s U.K. managing director Tom Hale said.", "Tom Hale"),
])
def test_salience_speaker_named_with_an_age_or_an_abbreviation(text: str, speaker: str) -> None:
    assert quote_speakers(text)[-1][1] == speaker


def test_salience_a_family_name_opening_sentences_is_a_person() -> None:
    # "Rask" alone opens sentences after "Ivo Rask" is named: a person, and the "he" of the quote
    text = ("Prime Minister Tom Hale named Ivo Rask to the cabinet on Monday, replacing Ana Berg.\n\n"
            "Rask was one of four MPs who voted against the bill. In a post at the time, Rask voiced concern about it.\n\n"
            "“I could not give it my vote in good conscience,” he wrote.")
    assert quote_speakers(text)[-1][1] == "Ivo Rask"


def test_salience_the_company_is_no_persons_role() -> None:
    # "the company" in a cue is an organisation, though a person's role mentions a company
    text = ("Tom Hale, a director at a mining company, spoke on Monday. Brightline Energy received its second payment "
            "this year. The company noted it might have to repay some of it, “depending on the future output.”")
    assert quote_speakers(text)[-1][1] == "Brightline Energy"


def test_salience_a_team_opening_a_headline_or_with_have_is_no_person() -> None:
    # "Rovers sack …" in a headline and "Rovers have …" in the text: a team, though "Rovers" opens sentences
    text = ("Rovers sack manager after eighth defeat\n\nAshby Rovers dismissed manager Tom Keane on Monday, two days "
            "after a home defeat.\n\nRovers have conceded 31 goals this season, the most in the division.")
    assert "Ashby Rovers" not in [p.name for p in People(text).people]


@pytest.mark.parametrize("text, words, speaker", [
    # a sports role before the name, referred back to by the description
    ("Rookie winger Tomas Ek scored twice for the Harriers on Saturday. Coach Ivo Lind praised him after the game.\n\n"
     "“I just tried to shoot the puck,” the rookie winger said.", "I just tried to shoot", "Tomas Ek"),
    # an age as the description: the person the article gave that age, though another was named since
    ("Mayor Joan Cormier, 58, ordered a review on Monday.\n\nCouncillor Dale Hynes, 41, called the review a stunt.\n\n"
     "“I want answers, and residents deserve them,” the 58-year-old said.", "I want answers", "Joan Cormier"),
    # an abbreviated rank and an accented name: the whole name, not "Coun"
    ("The council voted 7-2 for the tower.\n\n“It is the wrong building in the wrong place,” said Coun. Marie-Ève "
     "Tremblay, who voted against it.", "It is the wrong buildin", "Marie-Ève Tremblay"),
    # the sentence after the quote names its speaker
    ("“We were told the water was safe.” That's how Lena Moss, a mother of three in Pictou, describes the week "
     "before the order.", "We were told the water w", "Lena Moss"),
])
def test_salience_descriptions_ranks_and_the_sentence_after_name_the_speaker(text: str, words: str, speaker: str) -> None:
    assert (words[:24], speaker) in [(w[: len(words[:24])], s) for w, s in quote_speakers(text)]


def test_salience_a_verb_after_the_name_is_no_role() -> None:
    # "…, Carla Besson, defended the fee": her role is the one before her name, so "the minister" finds her
    text = ("The province's environment minister, Carla Besson, defended the fee on Thursday. Greta Holm, a farmer, "
            "was not convinced.\n\n“We cannot manage what we do not measure,” the minister said.")
    assert quote_speakers(text)[-1][1] == "Carla Besson"


def test_salience_a_short_quote_after_a_paragraph_of_reported_speech_goes_on_with_its_speaker() -> None:
    text = ("Hawks captain Eli Stroud left the game with a knee injury. Coach Ivo Lind said he did not have an update.\n\n"
            "“We'll know more tomorrow.”")
    assert quote_speakers(text) == [("We'll know more tomorrow", "Ivo Lind")]


def test_salience_they_with_no_group_named_is_the_organisation_the_text_is_about() -> None:
    text = ("The Halden Hawks fired head coach Ron Vail on Monday after a 2-11 start.\n\n"
            "The Hawks announced the move in the morning. “This was not an easy decision,” they said in a statement.")
    assert quote_speakers(text)[-1][1] in ("Halden Hawks", "Hawks")


def test_extract_a_title_quoted_again_without_its_cue_is_no_quote() -> None:
    text = ("The legend gets a modern spin in “The Boy Who Kept the Lighthouse,” a film full of heart.\n\n"
            "“The Boy Who Kept the Lighthouse” reclaims the genre for the children of today.")
    assert quote_speakers(text) == []


@pytest.mark.parametrize("text, words, speaker", [
    # a person by nationality: whom the text is about there, not a person called "Dane"
    ("Goaltender Frederik Lund made 34 saves for the Harriers. Asked about the win, Lund was brief.\n\n"
     "“We needed that one,” the Dane said.", "We needed that one", "Frederik Lund"),
    # a relative named by first name takes the family name of the one they belong to, and "he" is him
    ("Rutland resident Karen Blake, whose garage was broken into, said she was relieved.\n\n"
     "Her husband, Doug, said the couple had installed cameras.\n\n“We'll keep them up,” he said.",
     "We'll keep them up", "Doug Blake"),
])
def test_salience_nationalities_and_relatives_by_first_name(text: str, words: str, speaker: str) -> None:
    assert (words[:24], speaker) in [(w[: len(words[:24])], s) for w, s in quote_speakers(text)]


def test_salience_he_is_never_the_woman_the_article_calls_she() -> None:
    # no man is named: "he" stays unresolved rather than going to the last person named
    people = People("Karen Blake, a nurse, said she was relieved. Karen Blake has lived there since 2009.")
    assert people.resolve("he", len(people.text)) != "Karen Blake"


def test_salience_police_in_reported_speech_is_the_force_the_article_named() -> None:
    text = ("Two men were charged after a string of break-ins, the Harwick RCMP said on Tuesday.\n\n"
            "The investigation is continuing, police said, and more charges could follow.")
    assert reported_speakers(text)[-1] == "Harwick RCMP"


@pytest.mark.parametrize("text, speaker", [
    ("A Moncton hockey coach says he is amazed by the video his players made to find him a kidney donor.\n\n"
     "Ray Doucet said the video is the nicest thing anyone has done for him.", "Ray Doucet"),
    # a caption naming him before the lede changes nothing
    ("Coach Ray Doucet, second from right, with his team.\n\nA Moncton hockey coach says he is amazed by the video "
     "his players made.\n\nDoucet said the video is the nicest thing anyone has done for him.", "Ray Doucet"),
])
def test_salience_a_lede_describing_a_person_is_the_person_named_next(text: str, speaker: str) -> None:
    assert reported_speakers(text)[0] == speaker


def test_salience_a_speaker_phrase_never_ends_at_its_determiner() -> None:
    # "the players say in the video, posted on Sunday": the players, not "the" before a later "posted"
    text = "Ray Doucet needs a kidney.\n\n“Help us help our coach,” the players say in the video, posted on Sunday."
    assert quote_speakers(text) == [("Help us help our coach", "the players")]


@pytest.mark.parametrize("text, speaker", [
    ("“It's a sad day,” said NDP MLA Dale Rennick.", "Dale Rennick"),
    ("“We were not consulted,” said Staff Sgt. Mike Dorval of the Harwick Regional Police.", "Mike Dorval"),
    ("“This is historic,” Elder Mary Tsosie said.", "Mary Tsosie"),
])
def test_salience_canadian_offices_and_ranks_before_a_name_are_not_the_name(text: str, speaker: str) -> None:
    assert quote_speakers(text)[-1][1] == speaker


def test_salience_a_description_nobody_carries_stays_as_written() -> None:
    # "The complaint" resolves to nobody: the speaker is the description, not nothing
    text = ("Ivo Lind sued the party on Monday.\n\nThe complaint says the party “failed to protect the data of its "
            "members,” which led to the leak.")
    assert quote_speakers(text) == [("failed to protect the da", "The complaint")]


def test_salience_a_short_heading_after_reported_speech_is_no_quote() -> None:
    text = "Ivo Lind said the show would return in May.\n\n“Late Night Harbour”"
    assert quote_speakers(text) == []


def test_salience_a_role_outside_the_role_nouns_goes_to_its_one_holder_paragraphs_later() -> None:
    # "premier" is no listed role noun: the article's one premier still holds it, not the woman quoted just before
    text = ("Premier Dale Ferris announced the cuts on Thursday.\n\nEducation Minister Lisa Tamm said class sizes would "
            "rise. She said no teacher would be laid off.\n\nThe unions called the plan reckless. Their president, Ivo "
            "Rask, said jobs would disappear.\n\nOpposition leader Ana Horvat said families would pay.\n\n“The premier "
            "promised he would not cut a single job,” she said.\n\n“We are making the system sustainable,” the premier "
            "said in a statement on Friday.")
    assert quote_speakers(text)[-1] == ("We are making the system", "Dale Ferris")
