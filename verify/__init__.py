"""verify: cross-check the claims of a news article against a trusted reference corpus.

Public API: `check_article`, `build_index`, `Checker`, the report models and the errors.
"""

__version__ = "0.1.0"

from verify.config import Settings  # noqa: E402
from verify.errors import (  # noqa: E402
    CorpusError, IndexCorruptError, IndexMismatchError, IndexMissingError, IndexStoreError, InputError,
    ModelError, UsageError, VerifyError,
)
from verify.models import Article, Document, Evidence, Report, ReportClaim, Verdict  # noqa: E402
from verify.pipeline import Checker, build_index, check_article  # noqa: E402

__all__ = [
    "Article", "Checker", "CorpusError", "Document", "Evidence", "IndexCorruptError", "IndexMismatchError",
    "IndexMissingError", "IndexStoreError", "InputError", "ModelError", "Report", "ReportClaim", "Settings",
    "UsageError", "Verdict", "VerifyError", "build_index", "check_article",
]
