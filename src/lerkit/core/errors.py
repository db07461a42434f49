"""Errors that reach a person, each with the exit code the command line uses."""

from __future__ import annotations

EXIT_OK = 0
EXIT_CHECK_FAILED = 1
EXIT_BAD_INPUT = 2


class LerError(Exception):
    """An error with a one-line message meant for the person at the terminal."""

    exit_code: int = EXIT_BAD_INPUT

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class BadInputError(LerError):
    """Input that cannot be used: a malformed file, an unknown option value."""


class NotFoundError(LerError):
    """An id or name that does not exist."""


class StorageError(LerError):
    """The database cannot be opened or written."""


class FileFormatError(BadInputError):
    """A data file that does not parse or validate; names the file and line."""

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason


class PassphraseError(LerError):
    """A wrong or missing passphrase."""


class CheckFailedError(LerError):
    """A verification or comparison that ran and failed."""

    exit_code = EXIT_CHECK_FAILED
