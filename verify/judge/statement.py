"""Statements: similarity plus coverage of the claim's numbers in the evidence."""

from __future__ import annotations

import re
from dataclasses import dataclass

from verify.models import Stance

SUPPORT_COSINE = 0.80  # measured on the sample corpus: paraphrases sit above, topical neighbours below
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


@dataclass(frozen=True)
class StatementFinding:
    stance: Stance
    note: str


def judge_statement(claim_text: str, evidence_text: str, cosine: float, overlap: float) -> StatementFinding:
    numbers = set(NUMBER.findall(claim_text))
    covered = numbers <= set(NUMBER.findall(evidence_text))
    if cosine >= SUPPORT_COSINE and covered and overlap >= 0.5:
        return StatementFinding(Stance.SUPPORTS, f"says the same (similarity {cosine:.2f})")
    return StatementFinding(Stance.RELATED, "")
