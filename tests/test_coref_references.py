"""Coref adds pronoun, title and description mentions that point back to entities."""

from __future__ import annotations

from warta.stages import coref

TEXT = (
    "Menteri Luar Negeri Jepang Yoko Kamikawa tiba di Jakarta pada Selasa. "
    "Ia disambut Menlu RI Retno Marsudi di Gedung Pancasila.\n\n"
    "“Kami ingin memperkuat kerja sama maritim,” ujarnya kepada wartawan.\n\n"
    "Kementerian Pertahanan Jepang juga mengirim delegasi. Juru bicara kementerian tersebut, "
    "Taro Yamada, mengatakan pihaknya siap berlatih bersama TNI.\n\n"
    "Sekretaris Jenderal ASEAN Kao Kim Hourn hadir pula. Sekjen ASEAN itu memuji kedua negara."
)
NAMES = [("Yoko Kamikawa", "PER"), ("Retno Marsudi", "PER"), ("Taro Yamada", "PER"), ("Kao Kim Hourn", "PER"),
         ("Jepang", "GPE"), ("Jakarta", "GPE"), ("RI", "GPE"), ("Kementerian Pertahanan Jepang", "ORG"),
         ("TNI", "ORG"), ("ASEAN", "ORG"), ("Gedung Pancasila", "LOC")]


def _refs(doc):
    return {(m.kind, doc.span(m.start, m.end)): doc.entity(m.entity).name for m in doc.mentions if m.kind != "name"}


def test_coref_pronoun(resources, mention_doc):
    doc = coref.run(mention_doc(TEXT, NAMES), resources)
    refs = _refs(doc)
    assert refs[("pronoun", "Ia")] == "Yoko Kamikawa"
    assert refs[("pronoun", "nya")] == "Yoko Kamikawa"  # "ujarnya" after the quote


def test_coref_pronoun_side_is_the_organisation(resources, mention_doc):
    refs = _refs(coref.run(mention_doc(TEXT, NAMES), resources))
    assert refs[("description", "kementerian tersebut")] == "Kementerian Pertahanan Jepang"
    assert refs[("pronoun", "pihaknya")] == "Kementerian Pertahanan Jepang"


def test_coref_title_mention(resources, mention_doc):
    refs = _refs(coref.run(mention_doc(TEXT, NAMES), resources))
    assert refs[("title", "Sekjen ASEAN itu")] == "Kao Kim Hourn"


def test_coref_pronoun_prefers_the_subject(resources, mention_doc):
    text = ("Menlu Prancis Catherine Colonna menelepon Menlu Iran Hossein Amirabdollahian pada Rabu. "
            "Ia meminta Teheran menahan diri.")
    doc = coref.run(mention_doc(text, [("Catherine Colonna", "PER"), ("Hossein Amirabdollahian", "PER"),
                                       ("Prancis", "GPE"), ("Iran", "GPE"), ("Teheran", "GPE")]), resources)
    assert _refs(doc)[("pronoun", "Ia")] == "Catherine Colonna"


def test_coref_mentions_get_fresh_ids(resources, mention_doc):
    doc = coref.run(mention_doc(TEXT, NAMES), resources)
    ids = [m.id for m in doc.mentions]
    assert len(ids) == len(set(ids))
    assert all(m.entity for m in doc.mentions)
    assert [e.id for e in doc.entities] == [f"e{i}" for i in range(1, len(doc.entities) + 1)]
