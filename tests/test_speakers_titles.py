"""Speaker names with a title or label before them, an appositive after them, or inside a relative clause."""

from __future__ import annotations

from verify.extract.people import People
from verify.extract.titles import abbreviates
from conftest import speakers_of


def test_a_label_the_article_uses_as_a_common_noun_is_no_first_name() -> None:
    text = ("The landlord has raised rents for 412 tenants in the Larchmont towers.\n\n"
            "Tenant Odile Marchbanks, 71, said the increase would take half her pension.\n\n"
            "“I have lived here since 1989,” she said.")
    assert "Odile Marchbanks" in [p.name for p in People(text).people]
    speakers = speakers_of(text)
    assert speakers["I have lived"] == "Odile Marchbanks"


def test_a_label_is_no_first_name_when_the_article_names_the_person_without_it() -> None:
    text = ("Volunteer Tomasz Wielgosz handed out sandbags on Friday night.\n\n"
            "“We filled four thousand of them,” said Tomasz Wielgosz, who has lived by the river for 30 years.")
    assert [p.name for p in People(text).people] == ["Tomasz Wielgosz"]
    assert speakers_of(text)["We filled four"] == "Tomasz Wielgosz"


def test_a_first_name_that_is_also_a_word_stays_when_the_word_is_a_verb() -> None:
    text = ("The price of bread rose. Grace Ellen Mbatha, a baker in Soweto, said she had no choice.\n\n"
            "“Flour costs twice what it did,” Mbatha said.")
    assert "Grace Ellen Mbatha" in [p.name for p in People(text).people]


def test_titles_of_office_and_unpunctuated_police_ranks_are_no_part_of_the_name() -> None:
    text = ("Sheriff Lorna Pettibone said deputies had closed the highway.\n\n"
            "Provost Emeka Obiora told the senate the budget was short.\n\n"
            "Det Sgt Ffion Pryderi, who led the search, said the boy was found in a barn.\n\n"
            "“He was cold but he was talking,” the detective sergeant said.")
    names = [p.name for p in People(text).people]
    assert {"Lorna Pettibone", "Emeka Obiora", "Ffion Pryderi"} <= set(names)
    assert speakers_of(text)["He was cold"] == "Ffion Pryderi"


def test_a_rank_abbreviated_by_contraction_names_its_title() -> None:
    assert abbreviates("sgt", "sergeant") and abbreviates("supt", "superintendent") and abbreviates("sen", "senator")
    assert not abbreviates("chef", "chief")


def test_an_appositive_before_a_later_cue_is_no_part_of_the_speaker() -> None:
    text = ("Board chair Ingrid Halvorsen opened the meeting.\n\n"
            "Halvorsen, a retired pharmacist, later told reporters the vote had been delayed to avoid “a much harder "
            "fight in the spring.”")
    assert speakers_of(text)["a much harder"] == "Ingrid Halvorsen"


def test_an_organisations_name_stays_whole_before_a_relative_clause() -> None:
    text = ("The Northern Dockworkers' Union, which represents most of the port's 900 staff, called for an inquiry and "
            "claimed the operator had ignored repeated warnings about the cranes.")
    assert (speakers_of(text)["the operator had"] or "").removeprefix("The ") == "Northern Dockworkers' Union"


def test_a_relative_named_inside_a_whose_clause_is_not_the_speaker() -> None:
    text = ("Not all staff were pleased. Anton Rusnak, a porter at the north wing whose sister, Olena Rusnak, runs the "
            "night ward, said porters had been “left out” of the talks.\n\n"
            "“We carry everything in this building,” Rusnak said.")
    speakers = speakers_of(text)
    assert speakers["left out"] == "Anton Rusnak"
    assert speakers["We carry everything"] == "Anton Rusnak"


def test_a_family_name_after_a_relative_named_with_age_and_appositive_is_that_relative() -> None:
    text = ("Councillor Beatriz Okonjo-Ruiz won the ward by 212 votes on Tuesday. “It was close,” Okonjo-Ruiz said.\n\n"
            "Her son, Tobias Okonjo-Ruiz, 19, who drove voters to the polls, said the family had not slept.\n\n"
            "“She knocked on every door twice,” the younger Okonjo-Ruiz said.")
    assert speakers_of(text)["She knocked on"] == "Tobias Okonjo-Ruiz"


def test_a_family_name_given_with_an_age_is_the_relative_of_that_age() -> None:
    text = ("At dawn, Marta Quispe is already kneading dough beside her father.\n\n"
            "Her father, Teodoro Quispe, 79, says nothing and keeps kneading.\n\n"
            "Quispe, 44, runs the bakery her father opened in 1981. Since then, she says, she has turned down two buyers.")
    assert speakers_of(text)["Since then, she"] == "Marta Quispe"


def test_a_name_in_apposition_to_a_business_is_no_person() -> None:
    text = ("Hana Obradović runs Casa Lucia, a 40-seat Portuguese restaurant on the harbour front, with her brother.\n\n"
            "Nils Berg, a member of the harbour board, said the street had lost three shops this year.\n\n"
            "The case began when a city surveyor, Ilse Marrow, reported irregularities to the anti-fraud office. "
            "Marrow, who testified for a day, said she had been moved to another team.")
    names = [p.name for p in People(text).people]
    assert "Casa Lucia" not in names and "Nils Berg" in names and "Ilse Marrow" in names


def test_an_office_named_by_its_portfolio_is_no_part_of_the_name() -> None:
    text = ("Kullu Superintendent of Police Meera Rathore said the lorry's brakes had failed. "
            "“We are checking the load,” Rathore told reporters.\n\n"
            "The bridge was reopened by Minister of State for Transport Eoin Gallagher, who said it was “long overdue”.")
    speakers = speakers_of(text)
    assert speakers["the lorry's brakes"] == "Meera Rathore"
    assert speakers["We are checking"] == "Meera Rathore"
    assert speakers["long overdue"] == "Eoin Gallagher"


def test_occupations_and_offices_before_a_name_are_labels() -> None:
    text = ("Haulier Gregor Isbister said he had six lorries stuck on the quay. District Collector Anjali Rane said "
            "the villages had been cleared. Council Member Rosa Quill said the vote was “the right decision”.\n\n"
            "“We lose money every day,” Isbister said. “There is no need to panic,” Rane said.")
    speakers = speakers_of(text)
    assert speakers["he had six"] == "Gregor Isbister"
    assert speakers["the villages had"] == "Anjali Rane"
    assert speakers["the right decision"] == "Rosa Quill"
    assert speakers["There is no"] == "Anjali Rane"


def test_the_letters_of_an_office_are_the_person_introduced_with_them() -> None:
    text = ("Orkney’s MSP, Fraser Linklater, said the storm had shown how fragile the links were.\n\n"
            "The MSP said he had written to the transport secretary.")
    speakers = speakers_of(text)
    assert speakers["the storm had"] == "Fraser Linklater"
    assert speakers["he had written"] == "Fraser Linklater"


def test_a_speaker_of_the_house_and_a_headteacher_are_titles() -> None:
    text = ("House Speaker Judith Orme said lawmakers would return in May. Headteacher Clare Whitby said the school "
            "was disappointed.\n\n“We are a co-equal branch,” Orme said.")
    speakers = speakers_of(text)
    assert speakers["lawmakers would return"] == "Judith Orme"
    assert speakers["the school was"] == "Clare Whitby"


def test_an_irish_name_with_o_and_a_deputy_by_constituency() -> None:
    text = ("The association’s chief executive, Séamus Ó Dálaigh, said: “This is an amputation.”\n\n"
            "Labour MP Ruth Cole backed the fleet. Donegal TD Niall Gildea said the quota was unfair. "
            "“We have been sold out again,” the Donegal TD said.")
    speakers = speakers_of(text)
    assert speakers["This is an"] == "Séamus Ó Dálaigh"
    assert speakers["We have been"] == "Niall Gildea"
