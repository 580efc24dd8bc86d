"""Pronoun cues where another person of the same gender is near: who "he added" and "she said" mean."""

from __future__ import annotations

from verify.extract.people import People
from conftest import speakers_of


def test_a_club_boss_before_a_name_is_a_role() -> None:
    text = "Harbour City boss Wendell Okoro last night accused the board of selling the club's future."
    people = People(text)
    assert [p.name for p in people.people] == ["Wendell Okoro"]
    assert "boss" in people.people[0].role


def test_he_added_goes_on_with_the_last_speaker_past_a_name_in_a_relative_clause() -> None:
    text = ("Linfield boss Gary Mulhern said his side had been robbed.\n\n"
            "Striker Declan Fahy, 23, missed the match with a knee injury.\n\n"
            "“We were the better team for eighty minutes,” Mulhern fumed.\n\n"
            "The 49-year-old, who bought Fahy from Larne for £40,000, said the referee had lost control.\n\n"
            "“Nobody in that dressing room deserved that,” he added.")
    assert speakers_of(text)["Nobody in that"] == "Gary Mulhern"


def test_words_inside_british_single_quote_marks_are_nobody_for_the_text_around_them() -> None:
    text = ("Carrick boss Owen Tallis watched from the stand as his side lost 3-0 to Glentoran.\n\n"
            "Watching beside him was his father, Brendan Tallis, who played 300 games for the club.\n\n"
            "‘I’ve seen worse, but not often,’ the former defender said. ‘I’ve told him to keep his head.’\n\n"
            "He said his son had not slept since the cup exit.")
    speakers = speakers_of(text)
    assert speakers["I’ve seen worse,"] == "Brendan Tallis"
    assert "I’ve" not in speakers.values()


def test_a_name_with_letters_of_latin_extended_a_is_a_name() -> None:
    text = ("Jolanta Wałęsa-Kowalczyk, the team's physio, said the scan was clear.\n\n"
            "Team doctor Tomáš Dvořák said the player would be back within a week.")
    names = [p.name for p in People(text).people]
    assert "Jolanta Wałęsa-Kowalczyk" in names and "Tomáš Dvořák" in names


def test_she_after_a_sentence_opening_with_her_role_is_the_one_with_that_role() -> None:
    text = ("Chief Inspector Rhiannon Vaughan of Dyfed Police said 14 people had been arrested.\n\n"
            "The farm is owned by Delyth Morgan. In a statement, Ms Morgan said she had rented the barns to a man "
            "she never met.\n\n"
            "The chief inspector said further arrests were likely.\n\n"
            "“This was organised. It was planned over months. It was deliberate,” she said.")
    assert speakers_of(text)["This was organised."] == "Rhiannon Vaughan"


def test_they_after_a_described_body_is_that_body_not_a_place_named_in_passing() -> None:
    text = ("The Harlow Vale Health Trust said the ward would close.\n\nThe trust said it had tried for a year to "
            "hire nurses from Eastgate Hospital. They added that agency staff could no longer be relied on.")
    assert speakers_of(text)["agency staff could"] == "Harlow Vale Health Trust"


def test_an_organisation_referred_to_with_which_is_the_it_that_follows() -> None:
    text = ("The council will shut two pools. Aquaforce, which represents pool staff, said 30 jobs would go.\n\n"
            "It said members would vote on strike action next week.")
    assert speakers_of(text)["members would vote"] == "Aquaforce"


def test_it_after_a_body_that_spoke_after_an_opening_phrase_is_that_body() -> None:
    text = ("Marrow Vale District Council voted to shut four libraries.\n\nLibrary assistant Ruth Amis said staff "
            "were upset.\n\n"
            "In a statement after the vote, the council said the closures would save £2 million. It said talks with "
            "swimming clubs were “going well”.")
    assert speakers_of(text)["going well"] == "Marrow Vale District Council"


def test_she_after_a_sentence_opening_with_a_setting_is_that_sentences_subject() -> None:
    text = ("Fire chief Dana Kerr said crews had held the line.\n\nGrower Ines Varga says the order came at harvest "
            "and she expects to lose a third of her crop.\n\n“You can't pick grapes from a motel,” she says with a laugh. "
            "Varga says she has applied for aid but does not expect an answer.\n\n"
            "Back at the command post, Kerr urges residents returning home to walk their property.\n\n"
            "“If in doubt, call us,” she says.")
    speakers = speakers_of(text)
    assert speakers["If in doubt,"] == "Dana Kerr"
    assert speakers["You can't pick"] == "Ines Varga"  # "Grower" is her occupation, not her first name


def test_a_relation_introducing_a_person_shows_her_gender() -> None:
    text = ("Cal Denny, 44, said the fryer began smoking in June.\n\n"
            "His wife, Rona Denny, said they had stopped using it at once.\n\n"
            "“I got an email that said sorry. That was it,” he said.")
    assert speakers_of(text)["I got an"] == "Cal Denny"


def test_he_and_she_never_mean_a_health_authority_a_club_or_a_publisher() -> None:
    text = ("Dr Colin Reyes, chief executive of Western Uplands Health, said the merger was needed.\n\n"
            "“I understand that worry,” he said.\n\n"
            "Coach Kirsty Dunlop said Kelvinside Thistle had earned promotion. “We want to win the league,” she said.\n\n"
            "Her memoir is published by Tŷ Seren Books. Tŷ Seren said a Welsh edition would follow. "
            "“I never planned to write a book,” Judge Rhian Powell said. “It was my granddaughter's idea,” she said.")
    speakers = speakers_of(text)
    assert speakers["I understand that"] == "Colin Reyes"
    assert speakers["We want to"] == "Kirsty Dunlop"
    assert speakers["a Welsh edition"] == "Tŷ Seren Books"
    assert speakers["It was my"] == "Rhian Powell"
