"""Reading a name phrase word by word, shared by the quotes and places stages."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable


def name_phrase_end(words: Iterable[re.Match[str]], stops: Callable[[str], bool]) -> int | None:
    """End offset of the name phrase the words start, or None when the first word already stops it.

    The phrase ends at a word for which ``stops`` is true; after a comma it goes on only with a
    capitalised word, so an apposition stays inside ("ibu kota Lithuania, Vilnius") while a clause
    after the comma does not ("Mohammad Suhail Shaheen, seperti ...")."""
    end = None
    after_comma = False
    for word in words:
        token = word.group()
        if stops(token):
            break
        if token == ",":
            after_comma = True
            continue
        if after_comma and not token[:1].isupper():
            break
        after_comma = False
        end = word.end()
    return end
