"""Errors users see. Each class has a stable ``code`` that scripts (and the JSONL contract) rely on.

A message says what was wrong with the input and what to do about it.
"""

from __future__ import annotations


class WarwatchError(Exception):
    code = "error"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)

    @property
    def message(self) -> str:
        return str(self)


class InputError(WarwatchError):
    """The input itself is unusable (empty, binary, undecodable, too large, malformed)."""

    code = "bad_input"


class EmptyInput(InputError):
    code = "empty_input"


class BinaryInput(InputError):
    code = "binary_input"


class EncodingError(InputError):
    code = "bad_encoding"


class TooLarge(InputError):
    code = "too_large"


class Unreadable(InputError):
    """The file or folder could not be read (missing, permissions, a device)."""

    code = "unreadable"


class MalformedRecord(InputError):
    code = "malformed_record"


class CaptureError(WarwatchError):
    """Fetching failed: network, HTTP status, policy (robots, private address), size or time caps."""

    code = "capture_failed"


class RefusedAddress(CaptureError):
    code = "refused_address"


class StoreError(WarwatchError):
    code = "store_failed"


class ConfigError(WarwatchError):
    code = "bad_config"


class ProcessingError(WarwatchError):
    """A stage failed on an input that looked valid: a bug to report, recorded and isolated."""

    code = "processing_failed"
