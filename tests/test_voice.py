"""A written statement is its author's own words: which paragraphs, and whose."""

import pytest

from verify.extract.voice import author_of, statement_voice, transcript_turns

STATEMENT = ("Statement by Benedikt Varga, counsel for Aldo Brenn, outside the district court on 4 May:\n\n"
             "My client accepts that he took money he should never have taken.\n\n"
             "The court has punished a man who has already lost everything.")


def test_voice_opening_line_names_the_author_of_the_paragraphs_after_it():
    voice = statement_voice("Statement on behalf of Aldo Brenn", STATEMENT)
    assert [(STATEMENT[a:b][:10], who) for a, b, who in voice] == [("My client ", "Benedikt Varga"), ("The court ", "Benedikt Varga")]


def test_voice_title_names_the_author_of_the_whole_text():
    text = "Hospitals are under strain this winter.\n\nI urge everyone over 65 to get vaccinated."
    voice = statement_voice("Statement by Health Minister Rosa Lindqvist on winter pressures", text)
    assert [who for _, _, who in voice] == ["Health Minister Rosa Lindqvist"] * 2


@pytest.mark.parametrize("title, text", [
    ("Statement on behalf of Aldo Brenn", "My client accepts that he took money."),  # on whose behalf is not who wrote it
    ("Council meeting", "MAYOR LENA VOSS: Good evening.\n\nCOUNCILLOR JON REED: Thank you."),  # a transcript: many voices
    ("Statement by Varga on the verdict", "The verdict was fair.\n\nMARR: Agreed."),  # labels after a statement line
    ("News", "Statement by the council was expected on Monday, officials said."),  # a sentence, no author named
])
def test_voice_none_where_no_single_author_is_named(title, text):
    assert statement_voice(title, text) == []


def test_voice_quoted_paragraph_is_left_to_the_quote_reader():
    text = "Statement from Mayor Lena Voss:\n\n\"Nobody was hurt,\" the fire chief told me.\n\nWe will rebuild the pier."
    assert [text[a:b][:6] for a, b, _ in statement_voice("", text)] == ["We wil"]
    assert author_of("Statement by Mayor Lena Voss of Tarrow") == "Mayor Lena Voss of Tarrow"


def test_voice_transcript_turn_runs_to_its_paragraph_end_with_its_label():
    text = ("MAYOR LENA VOSS: Good evening.\n\nTOMAS REED, DIRECTOR OF FINANCE: If I may. " + "The reserve is thin. " * 30
            + "We have no more rabbits to pull out of the hat.\n\nREPORTER: Is that a yes?")
    turns = transcript_turns(text)
    assert [who for _, _, who in turns] == ["Mayor Lena Voss", "Tomas Reed, Director Of Finance", "Reporter"]
    a, b, _ = turns[1]
    assert text[a:b].startswith("If I may.") and text[a:b].endswith("out of the hat.")


@pytest.mark.parametrize("line", ["UPDATE: The council said it will reopen the bridge.", "EDITOR'S NOTE: This story has been corrected.",
                                  "CORRECTION: An earlier version misspelled a name."])
def test_voice_page_furniture_in_capitals_is_no_speaker(line):
    assert transcript_turns(f"{line}\n\nMAYOR LENA VOSS: Good evening.") == [(len(line) + 19, len(line) + 32, "Mayor Lena Voss")]


def test_voice_transcript_turn_runs_over_wrapped_lines_and_stops_at_the_next_label():
    """Press offices wrap transcripts at a fixed width: a turn is the label's paragraph, not its first line."""
    text = ("HARBOUR MASTER GIDEON PRYCE: As of six this morning we had 38 vessels at\nanchor. The anchorage was never"
            " designed to hold this\nmany ships.\n\nRUPERT ALDANE, CHIEF EXECUTIVE: Thank you.\nREPORTER: And the fruit?")
    turns = transcript_turns(text)
    assert [who for _, _, who in turns] == ["Harbour Master Gideon Pryce", "Rupert Aldane, Chief Executive", "Reporter"]
    assert [text[a:b] for a, b, _ in turns][0].endswith("hold this\nmany ships.")
    assert [text[a:b] for a, b, _ in turns][1] == "Thank you."


def test_voice_transcript_turn_runs_over_its_paragraphs_to_the_next_label():
    """A speaker who says more than one paragraph keeps the floor until the next label."""
    text = ("VARRICK: Thank you. Our night staff found the computers locked.\n\nI want to be clear. We will not pay "
            "these criminals a single euro.\n\nWRENFIELD: Thank you.\n\nTranscript ends.")
    turns = transcript_turns(text)
    assert [(text[a:b], who) for a, b, who in turns] == [
        ("Thank you. Our night staff found the computers locked.\n\nI want to be clear. We will not pay these criminals "
         "a single euro.", "Varrick"), ("Thank you.", "Wrenfield")]
