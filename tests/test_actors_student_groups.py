"""Student movements are coded EDU from their name."""

from __future__ import annotations

from warta.stages import actors, coref


def _codes(resources, mention_doc, text, names):
    doc = actors.run(coref.run(mention_doc(text, names, "2024-03-01"), resources), resources)
    return {e.name: e.actor for e in doc.entities}


def test_actors_student_groups_are_edu(resources, mention_doc):
    text = ("Ratusan anggota Gerakan Mahasiswa Nusantara dan Himpunan Mahasiswa Pancasila berunjuk rasa di "
            "depan gedung DPR di Jakarta.")
    codes = _codes(resources, mention_doc, text, [("Gerakan Mahasiswa Nusantara", "ORG"),
                                                  ("Himpunan Mahasiswa Pancasila", "ORG"), ("DPR", "ORG"),
                                                  ("Jakarta", "GPE")])
    assert codes["Gerakan Mahasiswa Nusantara"] == "IDNEDU"
    assert codes["Himpunan Mahasiswa Pancasila"] == "IDNEDU"
    assert codes["DPR"] == "IDNLEG"
