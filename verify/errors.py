"""Every error `verify` raises on purpose, with a stable code and an exit code.

    VerifyError                     base; never raised itself
     ├── UsageError        (2)      a bad option or configuration value
     ├── InputError        (2)      an article that cannot be read: empty, binary, wrong
     │    └── FetchError   (2)      encoding, too large; a URL that cannot be fetched
     ├── ModelError        (2)      an embedding model that cannot be found or loaded
     │    └── ModelArtifactError (3) the shipped entailment model is missing, corrupt or mismatched
     ├── CorpusError       (3)      a reference corpus that cannot be read or is empty
     └── IndexStoreError   (3)      an index that cannot be used:
          ├── IndexMissingError     nothing built at that path
          ├── IndexCorruptError     files unreadable or inconsistent
          └── IndexMismatchError    built with another model or format version

Exit code 1 is not an error: it means the check ran and found claims at or above
`--fail-on`. Other libraries' exceptions are converted where they enter
(`raise IndexCorruptError(...) from exc`), so the CLI prints one line per failure.
"""

from __future__ import annotations


class VerifyError(Exception):
    """Base of every deliberate `verify` error."""

    code = "verify_error"
    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def one_line(self) -> str:
        """The message on a single line, as the CLI prints it."""
        return " ".join(self.message.split())


class UsageError(VerifyError):
    code = "usage"
    exit_code = 2


class InputError(VerifyError):
    code = "input"
    exit_code = 2


class FetchError(InputError):
    code = "fetch"


class ModelError(VerifyError):
    code = "model"
    exit_code = 2


class ModelArtifactError(ModelError):
    """A model file that should be installed is missing, corrupt or built on other weights."""

    code = "model_artifact"
    exit_code = 3


class CorpusError(VerifyError):
    code = "corpus"
    exit_code = 3


class IndexStoreError(VerifyError):
    code = "index"
    exit_code = 3


class IndexMissingError(IndexStoreError):
    code = "index_missing"


class IndexCorruptError(IndexStoreError):
    code = "index_corrupt"


class IndexMismatchError(IndexStoreError):
    code = "index_mismatch"


EXIT_OK = 0
EXIT_FOUND = 1
