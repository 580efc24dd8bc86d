"""schema.org ClaimReview JSON-LD for the claims of a report.

Verdict -> reviewRating (bestRating 5, worstRating 1):

    supported    5  "Supported by reference sources"
    disputed     3  "Disputed: reference sources disagree"
    conflicting  1  "Conflicts with reference sources"
    unverified   -  not exported: no finding to publish

A reviewer's decision, when there is one, replaces the tool's verdict.
"""

from __future__ import annotations

import json

from verify.models import Report, ReportClaim, Verdict

RATINGS = {
    Verdict.SUPPORTED: (5, "Supported by reference sources"),
    Verdict.DISPUTED: (3, "Disputed: reference sources disagree"),
    Verdict.CONFLICTING: (1, "Conflicts with reference sources"),
}
REVIEWER_ORG = "verify"


def final_verdict(claim: ReportClaim) -> Verdict:
    return claim.review.after if claim.review else claim.verdict


def claim_author(claim: ReportClaim, report: Report) -> dict[str, str]:
    if claim.speaker and not claim.speaker_inferred:  # a published review never names a guessed speaker
        return {"@type": "Person", "name": claim.speaker}
    return {"@type": "Organization", "name": report.article.source or report.article.title or "unknown"}


def claim_review(claim: ReportClaim, report: Report, organisation: str) -> dict[str, object]:
    value, label = RATINGS[final_verdict(claim)]
    article = report.article
    appearance: dict[str, object] = {"@type": "CreativeWork", "headline": article.title}
    if article.url:
        appearance["url"] = article.url
    item: dict[str, object] = {"@type": "Claim", "author": claim_author(claim, report), "appearance": appearance}
    if article.published:
        item["datePublished"] = article.published.isoformat()
    reviewed_on = (claim.review.at if claim.review else report.generated_at).date().isoformat()
    review: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": " ".join(claim.text.split()),
        "itemReviewed": item,
        "reviewRating": {"@type": "Rating", "ratingValue": value, "bestRating": 5, "worstRating": 1, "alternateName": label},
        "author": {"@type": "Organization", "name": organisation},
        "datePublished": reviewed_on,
        "reviewBody": claim.review.note or claim.explanation if claim.review else claim.explanation,
    }
    if article.url:
        review["url"] = f"{article.url}#verify-{claim.id}"
    return review


def render_claimreview(report: Report, organisation: str = REVIEWER_ORG) -> str:
    reviews = [claim_review(c, report, organisation) for c in report.claims if final_verdict(c) in RATINGS]
    return json.dumps(reviews, indent=2, ensure_ascii=False) + "\n"
