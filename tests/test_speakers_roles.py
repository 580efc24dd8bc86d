"""Roles by another name (issue 16): "Lund's lawyer, Nora Fitch" is "the defence attorney", "District Attorney
Celia Marsh" is "the prosecutor", a director of rugby is "the boss"."""

from __future__ import annotations

from conftest import speakers_of


def test_the_defence_attorney_is_the_lawyer_not_the_district_attorney() -> None:
    text = ("District Attorney Ruth Kell said the evidence was clear. Dole's lawyer, Ivan Petrov, argued the "
            "witness had lied.\n\nThe jury deliberated for nine hours. The defense attorney said he would appeal the "
            "verdict. The prosecutor said justice had been done.")
    speakers = speakers_of(text)
    assert speakers["he would appeal"] == "Ivan Petrov"
    assert speakers["justice had been"] == "Ruth Kell"


def test_the_clubs_boss_is_its_director_of_rugby_not_the_other_clubs_coach() -> None:
    text = ("Kilrush head coach Pat Geary praised his pack. Ardmoyle’s director of rugby, Colm Tierney, said he had "
            "no complaints.\n\nOisin Daly scored twice. The Ardmoyle boss said Daly was “a serious player”.")
    speakers = speakers_of(text)
    assert speakers["a serious player"] == "Colm Tierney"
