"""Shared types of the generated code: file uploads and `Response`."""

import datetime
from collections.abc import Mapping, MutableMapping
from typing import IO, BinaryIO, Generic, TypeVar

from attrs import define

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """An answer of the API, whatever its status, as the `*_detailed` functions return it.

    `status_code` is a plain int (not `HTTPStatus`) so that any status the server sends fits.
    `parsed` holds the operation's model for a 2xx answer and the `Problem` for a declared error
    status whose body is one; otherwise None.
    """

    status_code: int
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None
    elapsed: datetime.timedelta | None = None

    @property
    def request_id(self) -> str | None:
        """The `x-request-id` header of the answer, when present."""
        for name, value in self.headers.items():
            if name.lower() == "x-request-id":
                return value
        return None

    @property
    def is_success(self) -> bool:
        """Whether the status is 2xx."""
        return 200 <= self.status_code < 300


__all__ = ["File", "FileTypes", "RequestFiles", "Response"]
