"""Speakers named by a description in news writing (issue 16): the description read whole, as its speaker's own
reference when no one the article named carries it, and never a word that merely opens a sentence."""

from __future__ import annotations

from conftest import speakers_of


def test_a_question_opening_with_its_auxiliary_names_no_speaker() -> None:
    text = ("My sister keeps her hair short and I love it. Would it suit me too? — Dana, Regina "
            "I was at a wedding last spring when a neighbour wondered aloud, “Have you ever thought of growing it out?” "
            "She meant it kindly.")
    assert speakers_of(text)["Have you ever"] == "a neighbour"


def test_a_description_holding_a_title_is_read_whole() -> None:
    text = ("The week's surprise was a visit to the diner.\n\n"
            "The Kitchen Nightmares host said she was impressed and then joked to the cook, "
            "“You should open a second place. I would eat here every week.”")
    assert speakers_of(text)["You should open"] == "The Kitchen Nightmares host"


def test_a_possessed_speaker_is_kept_as_written() -> None:
    text = ("Tom Reyes, the minister of transport, oversees the agency. In a statement, his office said: "
            "“The payments simply followed the contracts signed under those agreements.”\n\n"
            "“We will keep working with the agency and its new chief executive.”")
    speakers = speakers_of(text)
    assert speakers["The payments simply"] == "his office"
    assert speakers["We will keep"] == "his office"


def test_where_the_words_were_said_is_no_part_of_the_speaker() -> None:
    text = ("The volunteers recorded a message for the shelter's founder.\n\n"
            "“She has given this town everything, and now she needs a little help back,” says one of the "
            "volunteers in the video.")
    assert speakers_of(text)["She has given"] == "one of the volunteers"


def test_a_bodys_decision_speaks_for_the_body() -> None:
    text = ("Dale Morrow appeared before the Ontario Review Board in March, seven years after the attack.\n\n"
            "The review board decision granting his release said he had shown remorse and had finished every "
            "program offered to him.")
    assert speakers_of(text)["he had shown"] == "Ontario Review Board"


def test_a_cue_after_a_noun_ending_like_a_determiner_is_a_cue() -> None:
    text = ("The street party ran past midnight.\n\nHis mother said, “We have never seen so many people here.”")
    assert speakers_of(text)["We have never"] == "His mother"


def test_an_unnamed_person_keeps_the_description_they_came_in_with() -> None:
    text = ("Marcus Hale, 41, pleaded guilty to two counts of fraud last year.\n\n"
            "In her written decision, the Manitoba judge said Hale had shown little remorse for the people he cheated.\n\n"
            "The judge said he would likely “take advantage of anyone who trusts him” if he were released early.")
    assert speakers_of(text)["take advantage of"] == "the Manitoba judge"


def test_a_description_with_capitalised_words_no_one_carries_stays_as_written() -> None:
    text = ("Harwell Borough Council voted to sell the depot. Its leader, Ann Pike, said the sale was needed.\n\n"
            "The Green group said the vote would cost the town its last bus garage.")
    assert speakers_of(text)["the vote would"] == "The Green group"


def test_an_organisation_named_with_of_is_kept_whole() -> None:
    text = ("The museum will close on Sundays. Friends of Almsbury Museum, a volunteer group, said it was "
            "“dismayed” by the decision.")
    assert speakers_of(text)["dismayed"] == "Friends of Almsbury Museum"


def test_an_appositive_name_with_an_age_names_the_speaker() -> None:
    text = ("Residents met on Monday. Its secretary, Joan Pardew, 74, said the group would write to the council.")
    assert speakers_of(text)["the group would"] == "Joan Pardew"


def test_the_start_up_is_the_company_the_article_is_about() -> None:
    text = ("Brindlewick, a Leeds-based start-up, is cutting 40 jobs, the company said on Friday.\n\n"
            "The start-up said staff leaving would be paid to the end of March.")
    speakers = speakers_of(text)
    assert speakers["Brindlewick, a Leeds-based"] == "Brindlewick"
    assert speakers["staff leaving would"] == "Brindlewick"


def test_a_nationality_before_a_role_is_the_one_person_holding_the_role() -> None:
    text = ("The hosts won by six wickets, with opener Tia Marsh sharing a stand with captain Lena Hoek.\n\n"
            "The Dutch captain said her side had been “a bit slow” early on.")
    assert speakers_of(text)["a bit slow"] == "Lena Hoek"


def test_the_union_leader_is_the_president_of_the_workers_association() -> None:
    text = ("Dale Okoro, a bus driver and president of the Lakeshore Transit Workers Association, said drivers "
            "were exhausted.\n\n“We cannot keep doing double shifts,” Okoro said. The union leader said his members "
            "would vote on the offer next week.")
    assert speakers_of(text)["his members would"] == "Dale Okoro"


def test_an_unnamed_speaker_keeps_the_pronoun_after_a_relative_clause() -> None:
    text = ("Former staff member Ana Ruiz said she was told by video call. “It took four minutes,” Ruiz said.\n\n"
            "One nurse who kept her post, and who asked not to be named, said morale was “low”. "
            "“People are tired,” she said.")
    speakers = speakers_of(text)
    assert speakers["low"] == "One nurse"
    assert speakers["People are tired"] == "One nurse"


def test_a_name_introduced_as_a_maker_is_the_company_its_short_name_and_the_company_mean() -> None:
    text = ("LEEDS - Corvane Analytics, a Leeds-based maker of payroll software, is cutting 60 jobs, the company said "
            "Monday.\n\nCorvane said the cuts would take effect in March.")
    speakers = speakers_of(text)
    assert speakers["Corvane Analytics, a"] == "Corvane Analytics"
    assert speakers["the cuts would"] == "Corvane Analytics"


def test_a_bank_and_a_rescue_team_named_in_full_are_what_the_bank_and_the_team_mean() -> None:
    text = ("Lakeland Farmers Bank said Tuesday its Elm Creek branch would close. The bank said visits had fallen by "
            "half.\n\nTeam leader Orla Daly said the walker was found at dawn. The Glenmore Mountain Rescue Team was "
            "called out at 6pm. The team said it had been called out 41 times this year.")
    speakers = speakers_of(text)
    assert speakers["visits had fallen"] == "Lakeland Farmers Bank"
    assert speakers["it had been"] == "Glenmore Mountain Rescue Team"


def test_a_described_resident_from_a_place_who_said_is_the_resident() -> None:
    text = ("Among those who spoke was Edith Vance, a retired nurse from Kanata, who said her tax bill had risen every "
            "year since 2021.")
    assert speakers_of(text)["her tax bill"] == "Edith Vance"


def test_the_company_is_never_the_police_named_since() -> None:
    text = ("Northern Ridge Pipelines asked the court to remove the camp. The RCMP said officers would not move in before "
            "the deadline. Police said they had spoken to people at the camp.\n\n"
            "The company said the project was on track.")
    speakers = speakers_of(text)
    assert speakers["they had spoken"] == "RCMP"
    assert speakers["the project was"] == "Northern Ridge Pipelines"


def test_the_university_is_the_one_named_though_its_officials_spoke() -> None:
    text = ("Mesa Verde University has received a $38 million grant for a telescope. University officials said building "
            "would start in spring.\n\nThe university said the telescope would sit on land it already leases.")
    assert speakers_of(text)["the telescope would"] == "Mesa Verde University"


def test_police_with_a_partial_quote_are_the_force_named() -> None:
    text = ("The RCMP said officers would not move in before the deadline. Police said they had spoken to people at "
            "the camp and wanted to avoid “any confrontation.”")
    assert speakers_of(text)["any confrontation."] == "RCMP"
