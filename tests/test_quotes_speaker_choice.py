"""Speaker choice: a credit phrase and its date between subject and verb, a name that is the
object of an earlier verb, and a person pronoun after a sentence about a group."""

from __future__ import annotations

import pytest

from warta.doc import Mention
from warta.stages import quotes


@pytest.fixture(scope="module")
def res():
    from warta.resources import Resources

    return Resources()


def _speakers(doc, res):
    return [(q.direct, doc.entity(q.speaker).name) for q in quotes.run(doc, res).quotes]


def test_quotes_speaker_across_a_credit_and_its_date(hand_doc, res):
    text = ("Kementerian Pertahanan Singapura, seperti dikutip Reuters, Selasa (10/9/2019), mengatakan "
            "jet-jet tempur ASEAN mengawal dua pesawat asing di atas Laut China Selatan.")
    doc = hand_doc([text], [("Kementerian Pertahanan Singapura", "ORG", "Kementerian Pertahanan Singapura"),
                            ("Reuters", "ORG", "Reuters"), ("ASEAN", "ORG", "ASEAN")])
    [q] = quotes.run(doc, res).quotes
    assert doc.entity(q.speaker).name == "Kementerian Pertahanan Singapura"
    assert doc.span(q.start, q.end).startswith("jet-jet tempur ASEAN mengawal")


def test_quotes_speaker_is_not_the_object_of_an_earlier_verb(hand_doc, res):
    text = "Mahathir menepis kekhawatiran Singapura, mengatakan bahwa Malaysia tidak melanggar perjanjian."
    doc = hand_doc([text], [("Mahathir", "PER", "Mahathir Mohamad"), ("Singapura", "GPE", "Singapura"),
                            ("Malaysia", "GPE", "Malaysia")])
    assert _speakers(doc, res) == [(False, "Mahathir Mohamad")]


def test_quotes_speaker_person_pronoun_follows_coref_not_the_group(hand_doc, res):
    paras = ["Serangan Abu Sayyaf di Jolo membuat Duterte membatalkan perundingan.",
             "Dia mengatakan kelompok itu tidak serius ingin berdamai."]
    doc = hand_doc(paras, [("Abu Sayyaf", "ORG", "Abu Sayyaf"), ("Jolo", "GPE", "Jolo"),
                           ("Duterte", "PER", "Rodrigo Duterte")])
    duterte = next(e for e in doc.entities if e.name == "Rodrigo Duterte")
    start = doc.text.index("Dia mengatakan")
    pronoun = Mention(f"m{len(doc.mentions) + 1}", start, start + 3, "PER", kind="pronoun", entity=duterte.id)
    doc.mentions.append(pronoun)
    doc.mentions.sort(key=lambda m: m.start)
    duterte.mentions.append(pronoun.id)
    assert _speakers(doc, res) == [(False, "Rodrigo Duterte")]
