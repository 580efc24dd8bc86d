"""Roles by another name: news introduces "Lund's lawyer, Nora Fitch" and later writes "the defence attorney", or
"District Attorney Celia Marsh" and then "the prosecutor". A description resolves to the one person whose role is
one of the names for the same office."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from verify.extract.people import People

# a description's office -> what the role given with the name may call it
DEFENCE = r"lawyer|counsel|barrister|solicitor|defen[cs]e attorney|attorney for"
OFFICES: dict[str, str] = {
    "defence lawyer": DEFENCE, "defense lawyer": DEFENCE, "defence attorney": DEFENCE, "defense attorney": DEFENCE,
    "defence counsel": DEFENCE, "defense counsel": DEFENCE, "defence barrister": DEFENCE,
    "lawyer": DEFENCE + r"|attorney", "attorney": DEFENCE + r"|attorney",
    "prosecutor": r"prosecutor|district attorney|crown attorney|crown counsel|state's attorney|prosecuting",
    "chief executive": r"chief executive|\bceo\b|managing director", "ceo": r"chief executive|\bceo\b|managing director",
    "boss": r"manager|coach|chief executive|\bceo\b|director of (?:rugby|football)",
    "manager": r"manager|director of (?:rugby|football)", "coach": r"coach|manager",
    "chairman": r"chair", "chairwoman": r"chair", "chair": r"chair",
}
# a lawyer of the other side is not "the defence lawyer"
NOT_DEFENCE = re.compile(r"district|crown|prosecut|state's|city attorney|attorney general")


def holder_by_office(description: str, people: "People") -> str | None:
    """ "the defence attorney" -> the one person introduced as a lawyer (not a district attorney); "the Ardmoyle
    boss" -> the one manager or coach; None when no office matches or several people hold it."""
    words = description.lower().split()[1:]
    office = next((" ".join(words[i:]) for i in range(len(words)) if " ".join(words[i:]) in OFFICES), None)
    if office is None:
        return None
    named = re.compile(r"(?:" + OFFICES[office] + r")")
    found = [p for p in people.people if p.role and named.search(p.role.lower())
             and not (office.startswith("defen") and NOT_DEFENCE.search(p.role.lower()))]
    proper = [w.lower() for w in description.split()[1:] if w[:1].isupper()]  # "the Ardmoyle boss": Ardmoyle's
    if len(found) > 1 and proper:
        found = [p for p in found if all(w in p.role.lower() for w in proper)]
    return found[0].name if len(found) == 1 else None
