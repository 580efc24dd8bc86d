"""Name forms a speaker is written with: initials before a long surname, a company's legal form, a title alone."""

from __future__ import annotations

from verify.extract.people import People
from conftest import speakers_of


def test_a_name_after_a_title_keeps_its_initial_and_its_whole_surname() -> None:
    text = ("Hundreds of families returned home on Sunday as the water fell.\n\n"
            "State Fisheries Minister T. Gopalakrishnan Menon, who toured two camps, said about 900 people were "
            "still in shelters.\n\n"
            "\"The roads are open again,\" Menon told reporters.")
    assert [p.name for p in People(text).people] == ["T. Gopalakrishnan Menon"]
    assert speakers_of(text)["The roads are"] == "T. Gopalakrishnan Menon"


def test_a_company_named_with_its_legal_form_keeps_the_whole_name() -> None:
    text = ("LOUISVILLE - Brackenridge-Pope Machinery Co. is recalling about 80,000 riding mowers because the brakes "
            "can fail, the Kentucky company said Monday.\n\n"
            "The company said it had received 31 reports of brake failures, including four injuries.\n\n"
            "Brackenridge-Pope said owners should stop using the mowers and call for a free repair.")
    assert set(speakers_of(text).values()) == {"Brackenridge-Pope Machinery Co."}


def test_the_minister_capitalised_is_the_minister_the_article_named() -> None:
    text = ("Farmers marched through the city on Tuesday to protest against fuel costs.\n\n"
            "Agriculture Minister Declan Furlong met farm groups later in the day.\n\n"
            "“I understand the anger,” the Minister said. “But the levy is set in law.”")
    assert speakers_of(text)["I understand the"] == "Declan Furlong"


def test_a_moderator_before_a_name_is_a_role() -> None:
    text = ("Candidates for mayor clashed over housing at a forum on Thursday night.\n\n"
            "Moderator Dana Pruitt asked Hollins whether the city should sell the land.\n\n"
            "\"Not yet,\" Hollins said.\n\n"
            "Pruitt said a recording would be posted on Friday.")
    assert [p.name for p in People(text).people if "Pruitt" in p.name] == ["Dana Pruitt"]
    assert speakers_of(text)["a recording would"] == "Dana Pruitt"


def test_a_person_of_a_town_who_said_is_the_speaker_not_the_town() -> None:
    text = ("The agency said it had received dozens of complaints about the heaters.\n\n"
            "One of the complaints came from Marcy Ellerbe of Toledo, who said the heater sparked in January "
            "while she slept.")
    assert speakers_of(text)["the heater sparked"] == "Marcy Ellerbe"


def test_a_description_opening_the_sentence_before_a_quote_is_its_speaker_not_the_article() -> None:
    text = ("Hundreds of families stayed in the school on Sunday.\n\n"
            "\"We came with only our clothes,\" said Lata Varghese, a fish vendor.\n\n"
            "The fish vendor said the food in the camp was good but she was worried about the money. "
            "\"Last time we waited four months.\"")
    assert speakers_of(text)["Last time we"] == "Lata Varghese"


def test_a_place_after_in_before_said_is_where_the_speakers_are_not_an_organisation() -> None:
    text = ("Phosphate levels in the river are higher than thought, scientists in Scotland said on Tuesday.\n\n"
            "Loch Water said it was spending £40 million on treatment. The company said its overflows worked "
            "within their permits, but acknowledged “there is more to do.”")
    assert speakers_of(text)["there is more"] != "Scotland"


def test_a_capitalised_board_opening_a_sentence_is_no_organisation() -> None:
    text = ("Maple Row Markets wants to build a supermarket on the edge of town.\n\n"
            "Board chair Ed Whitley said members needed more time to read a traffic study.\n\n"
            "In a statement released before the hearing, the company said the project represented an investment "
            "of about $22 million.")
    assert speakers_of(text)["the project represented"] != "Board"


def test_a_portfolio_joined_by_and_is_no_part_of_the_name() -> None:
    text = ("Minister for Further and Higher Education Niamh Corless said she was “worried” about the strike.\n\n"
            "“Both sides need to talk,” Ms Corless said.")
    speakers = speakers_of(text)
    assert speakers["worried"] == "Niamh Corless"
    assert speakers["Both sides need"] == "Niamh Corless"


def test_a_party_before_a_rank_and_a_hometown_after_the_name() -> None:
    text = ("Twelve members backed the bill. Democratic Rep. Lonnie Barks of Akron, who voted yes, said he had seen "
            "a friend lose his savings.\n\nRepublican Rep. Tess Orwin of Lima called the bill “a tax hike”.")
    speakers = speakers_of(text)
    assert speakers["he had seen"] == "Lonnie Barks"
    assert speakers["a tax hike"] == "Tess Orwin"


def test_a_company_named_by_its_trade_is_no_person() -> None:
    text = ("Velmont Biosciences said Friday that regulators had approved its drug. The company said it would be on "
            "sale within six weeks.")
    assert speakers_of(text)["it would be"] == "Velmont Biosciences"


def test_the_club_is_the_one_the_story_opened_with() -> None:
    text = ("Ferndale Athletic have sacked manager Ross Pym after a 3-0 home defeat by Carrick Rovers.\n\n"
            "In a statement, the club said the decision had been “extremely difficult”.")
    assert speakers_of(text)["extremely difficult"] == "Ferndale Athletic"


def test_it_after_an_unnamed_body_is_that_body_as_written() -> None:
    text = ("Brennock Mining was ordered to stop work at its Tarra site.\n\n"
            "The state's environment regulator said it had issued Brennock with an order on Tuesday. It said water "
            "samples were being tested.")
    assert speakers_of(text)["water samples were"] == "The state's environment regulator"


def test_a_named_speaker_from_a_place_is_the_speaker_not_the_place() -> None:
    text = ("Fuel prices fell on Monday. Farmers' leader V. Ramasamy of Madurai said the cut would help paddy farmers.\n\n"
            "Among the first volunteers was Edna Pyke, 78, a retired teacher from Thame, who said she had signed up "
            "after her husband fell ill. Nora Quayle of Banbury said she was nervous.")
    speakers = speakers_of(text)
    assert speakers["the cut would"] == "V. Ramasamy"
    assert speakers["she had signed"] == "Edna Pyke"
    assert speakers["she was nervous."] == "Nora Quayle"


def test_offices_and_honorifics_of_other_countries_before_a_name() -> None:
    text = ("Leader of the Opposition R. Velmurugan dismissed the budget as “an eyewash”. Administrator Ruth Gale said "
            "the sites would be secured. Garda Colm Tully said the car had been speeding. Gram pradhan of Kandai "
            "Mohan Rawat said villagers were afraid.\n\nFr Ciarán Mac Giolla Bhríde is moving to Salthill. "
            "“I never learned to cook,” he said.")
    speakers = speakers_of(text)
    assert speakers["an eyewash"] == "R. Velmurugan"
    assert speakers["the sites would"] == "Ruth Gale"
    assert speakers["the car had"] == "Colm Tully"
    assert speakers["villagers were afraid."] == "Mohan Rawat"
    assert speakers["I never learned"] == "Ciarán Mac Giolla Bhríde"
