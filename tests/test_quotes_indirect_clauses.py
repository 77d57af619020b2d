"""Indirect quotes whose content holds its own "bahwa" clause, and speakers followed by a
relative clause that names another actor."""

from __future__ import annotations

import pytest

from warta.stages import quotes


@pytest.fixture(scope="module")
def res():
    from warta.resources import Resources

    return Resources()


def _indirect(doc, res):
    return [q for q in quotes.run(doc, res).quotes if not q.direct]


def test_quotes_indirect_inner_bahwa_stays_in_content(hand_doc, res):
    text = "Hasan Rahimi mengatakan para pemimpin ulama Iran sepakat bahwa semua pejabat menolak perundingan."
    doc = hand_doc([text], [("Hasan Rahimi", "PER", "Hasan Rahimi"), ("Iran", "GPE", "Iran")])
    [q] = _indirect(doc, res)
    assert doc.span(q.start, q.end).startswith("para pemimpin ulama Iran sepakat")
    assert doc.entity(q.speaker).name == "Hasan Rahimi"


def test_quotes_indirect_bahwa_after_addressee_still_marks_content(hand_doc, res):
    text = "Hasan Rahimi mengatakan kepada menteri bahwa Iran siap melanjutkan pembicaraan."
    doc = hand_doc([text], [("Hasan Rahimi", "PER", "Hasan Rahimi"), ("Iran", "GPE", "Iran")])
    [q] = _indirect(doc, res)
    assert doc.span(q.start, q.end) == "Iran siap melanjutkan pembicaraan"


def test_quotes_indirect_relative_clause_is_not_the_speaker(hand_doc, res):
    text = ("Sebelumnya, pemberontak Houthi di Yaman, yang didukung Iran, mengatakan mereka yang melancarkan "
            "serangan itu.")
    doc = hand_doc([text], [("Houthi", "ORG", "Houthi"), ("Yaman", "GPE", "Yaman"), ("Iran", "GPE", "Iran")])
    [q] = _indirect(doc, res)
    assert doc.entity(q.speaker).name == "Houthi"
