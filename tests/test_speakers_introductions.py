"""Descriptions resolved to whom the article introduced with them (issue 16): the person the sentence before was about,
a description set before a name, a family's converse relations, a group by its plural, an organisation by its kind."""

from __future__ import annotations

from verify.extract.people import People
from conftest import speakers_of


def test_a_description_no_one_carries_is_news_of_whom_the_sentence_before_named() -> None:
    text = ("The bakery on Mill Lane opened in 1962 and has changed hands twice.\n\n"
            "Its new owner, Grace Okafor, said the queue on the first morning ran past the post office.\n\n"
            "A man who has bought bread there since the sixties, Walter Pym, said he had come every Saturday for years.\n\n"
            "“They kept the rye. That is all I wanted,” the retired welder said.")
    assert speakers_of(text)["They kept the"] == "Walter Pym"


def test_an_age_no_one_was_given_is_news_of_whom_the_sentence_before_named() -> None:
    text = ("The ferry was cancelled for the third day running.\n\n"
            "Joan Marsh, who runs the harbour cafe, said trade had halved since Monday.\n\n"
            "A fisherman who moors beside the pier, Olek Brandt, said his catch was rotting in the hold.\n\n"
            "“Nobody tells us anything. We find out from the noticeboard,” the 58-year-old said.")
    assert speakers_of(text)["Nobody tells us"] == "Olek Brandt"


def test_a_description_before_a_name_and_its_converse_in_the_family() -> None:
    text = ("At dawn Nell Varga is already kneading dough in the back of the shop, arguing with her father about salt.\n\n"
            "“He thinks I use too little,” Varga says.\n\n"
            "Her father, Istvan Varga, 79, opened the shop in 1971. Her brother, Peter Varga, keeps the accounts.\n\n"
            "Varga says she will not sell the shop while her father is alive.\n\n"
            "Her father, watching from the doorway, has heard this before. “She says that every year,” the older man says.\n\n"
            "“And every year I mean it,” his daughter says.")
    speakers = speakers_of(text)
    assert speakers["She says that"] == "Istvan Varga"
    assert speakers["And every year"] == "Nell Varga"


def test_a_group_made_a_source_is_named_back_by_its_plural() -> None:
    text = ("Junior nurses at Fairview Hospital say a new rota will leave wards short on weekends.\n\n"
            "The hospital's board approved the rota on Tuesday. Chief executive Mark Doyle said it would cut overtime.\n\n"
            "But in a petition signed by 140 staff, the nurses said the board had not asked a single ward.")
    assert speakers_of(text)["the board had"] == "Junior nurses at Fairview Hospital"


def test_an_officer_of_a_force_is_not_the_force() -> None:
    text = ("Chief Inspector Rob Hale of Marshfield Constabulary said officers had searched four homes.\n\n"
            "Two men were arrested and remain in custody, the force said.")
    assert speakers_of(text)["Two men were"] == "Marshfield Constabulary"


def test_the_insurer_named_long_before_and_a_party_member_no_organisation() -> None:
    text = ("Brightwater Mutual said on Monday that a fault had exposed the addresses of 40,000 customers.\n\n"
            "The breach was found on May 2, and the intruders had access to a billing system for nine days before "
            "they were locked out, the Denver-based insurer said.\n\n"
            "Analyst Ruth Ibe said the shares had fallen 4 percent. She said investors were worried about fines.\n\n"
            "State Rep. Carl Moss said he would hold a hearing. He said customers deserved an answer.\n\n"
            "\"Nine days is too long,\" the Aurora Republican said.\n\n"
            "The company said it would write to every customer.")
    speakers = speakers_of(text)
    assert speakers["The breach was"] == "Brightwater Mutual"
    assert speakers["it would write"] == "Brightwater Mutual"


def test_words_inside_british_single_marks_name_no_one() -> None:
    text = ("Harbour boss Tom Fenn accused the council of dragging its feet.\n\n"
            "‘I’ve had no letter, no call, nothing,’ Fenn fumed. ‘If they want the harbour, they can say so.’\n\n"
            "Caught in the row is Fenn’s neighbour, Ada Quist, who has run the chandlery for thirty years.")
    salience = People(text).salience
    assert salience.inside_quote(text.index("I’ve had"))
    assert "I’ve" not in salience.entities


def test_a_possessive_in_a_role_is_not_the_role() -> None:
    text = ("Ann Cole, a former sheriff's deputy, is challenging Sheriff Dan Reyes in November.\n\n"
            "Reyes said the department had hired 30 deputies this year.\n\n"
            "\"We have done what we promised,\" the sheriff said.")
    assert speakers_of(text)["We have done"] != "Ann Cole"


def test_an_appositive_may_give_the_role_before_the_name() -> None:
    text = ("The reef survey was published on Friday.\n\n"
            "The survey’s lead author, marine biologist Dr Hana Ito, told reporters: “It was worse than we feared.”")
    assert speakers_of(text)["It was worse"] == "Hana Ito"


def test_a_question_before_a_quote_names_no_one_answering() -> None:
    text = ("The union leader, Niamh Daly, said members would strike on Friday.\n\n"
            "The company’s director, Paul Dunn, said the offer was fair. “We ask the union to put it to a vote,” Mr Dunn said.\n\n"
            "Would she call Mr Dunn herself? “I have called him four times since May,” the Cork woman said.")
    assert speakers_of(text)["I have called"] != "Paul Dunn"


def test_a_lede_describing_someone_names_them_next() -> None:
    text = ("Falcons coach stays defiant after seventh loss\n\n"
            "OTTAWA — The head coach of the Capital Falcons told reporters on Sunday that his job was safe despite a "
            "seventh straight loss.\n\n"
            "Derek Hume, who has run the bench since 2019, said the players still believed in the system.\n\n"
            "Forward Lena Park said the dressing room was quiet. Defenceman Ola Berg said the team had stopped scoring.\n\n"
            "The coach said he would not change the lineup for Tuesday's game against Hamilton.")
    assert speakers_of(text)["he would not"] == "Derek Hume"


def test_someone_described_then_named_in_the_next_sentence() -> None:
    text = ("The council voted 7-2 to close the library branch on Elm Street.\n\n"
            "“Where are our kids supposed to go after school?” a resident in the front row shouted as the vote was taken. "
            "The resident, retired bus driver Nora Quill, later said she had used the branch for forty years.")
    assert speakers_of(text)["Where are our"] == "Nora Quill"


def test_a_relative_named_in_apposition_speaks_in_reported_speech() -> None:
    text = ("Among the first patients was Theo Marsh, 9. His mother, Dana Marsh, said he had stopped falling at school.\n\n"
            "Theo's father, Walt, says the drug changed the family's life.")
    speakers = speakers_of(text)
    assert speakers["he had stopped"] == "Dana Marsh"
    assert speakers["the drug changed"] == "Walt"


def test_a_shared_family_name_is_the_one_of_the_gender_the_clause_goes_on_with() -> None:
    text = ("Among the first patients was Theo Marsh, now 9, of Salem. His mother, Dana Marsh, said he had stopped "
            "falling at school.\n\n“He rides a bike now,” she said.\n\n"
            "Marsh said she and her husband, Ray, had driven Theo to Boston every other week.")
    assert speakers_of(text)["she and her"] == "Dana Marsh"


def test_a_named_speaker_with_two_asides_said_in_a_statement_read_to_the_court() -> None:
    text = ("The landlord denied the charges.\n\nOne tenant, Efua Boateng, who lived on the first floor with her "
            "children, said in a statement read to the court that she had complained about damp five times.")
    assert speakers_of(text)["she had complained"] == "Efua Boateng"


def test_a_union_spelled_out_once_is_named_in_full_when_its_letters_speak() -> None:
    text = ("Pickets were placed by members of the Lecturers and Tutors Union of Ireland (LTUI), which represents "
            "900 staff.\n\nThe LTUI said the plan covered less than a third of the staff affected.")
    assert speakers_of(text)["the plan covered"] == "Lecturers and Tutors Union of Ireland"


def test_a_second_verb_after_a_portfolio_joined_by_and_keeps_the_minister() -> None:
    text = ("Minister for Further and Higher Education Niamh Corless said she was “concerned” and urged both sides "
            "to “get back into a room.”")
    assert speakers_of(text)["get back into"] == "Niamh Corless"
