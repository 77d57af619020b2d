"""Fetching an article or a feed over HTTP(S), with a size limit and a one-line error."""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass

from .. import __version__
from ..errors import InputError
from .encoding import MAX_INPUT_BYTES, too_large_message

TIMEOUT_SECONDS = 20


@dataclass
class Fetched:
    data: bytes
    content_type: str  # "text/html", "application/rss+xml", ... (lower case, no parameters)
    charset: str | None
    url: str  # after redirects


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def fetch(url: str) -> Fetched:
    request = urllib.request.Request(url, headers={"User-Agent": f"warta/{__version__}"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            data = response.read(MAX_INPUT_BYTES + 1)
            content_type = response.headers.get_content_type() or ""
            charset = response.headers.get_content_charset()
            final_url = response.geturl()
    except urllib.error.HTTPError as err:
        raise InputError(f"cannot fetch: HTTP {err.code} {err.reason}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise InputError(f"cannot fetch: {reason}") from None
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(too_large_message(len(data)))
    return Fetched(data, content_type.lower(), charset, final_url)
