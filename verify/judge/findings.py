"""What one passage says of one claim, whichever judge read it, and how far meaning may change it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from verify.models import Stance, WordChange


class Opening(str, Enum):
    """What the entailment model may do with a typed finding (each may veto a typed support, except CLOSED)."""

    CLOSED = "closed"  # figures, verbatim words, speakers, typed conflicts: the typed judges have the last word
    CONTRADICT = "contradict"  # it may find a contradiction, never a support (a repeated claim, an unaccounted name)
    SUPPORT = "support"  # it may find a support, never a contradiction (a sentence whose figures are claims of their own)
    OPEN = "open"  # either: the evidence accounts for the claim's names, numbers, dates and negations

    @property
    def may_support(self) -> bool:
        return self in (Opening.SUPPORT, Opening.OPEN)

    @property
    def may_contradict(self) -> bool:
        return self in (Opening.CONTRADICT, Opening.OPEN)


@dataclass(frozen=True)
class Finding:
    stance: Stance
    note: str = ""
    diff: tuple[WordChange, ...] = ()
    sentence: tuple[int, int] | None = None  # offsets into the passage of the deciding sentence, if not the span
    opening: Opening = Opening.CLOSED
    support_note: str = ""  # what a support by the model says ("reported in other words: reworded")
    by_model: bool = False  # the entailment model, not a typed judge, decided the stance
