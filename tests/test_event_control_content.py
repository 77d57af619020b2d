"""Telling that another actor used force or broke a pact accuses it; threats, talks in a
prepositional phrase and "kecuali" conditions (event_control.py)."""

from __future__ import annotations

ACTORS = {"Sekjen NATO": "IGOWSTNAT", "Belarus": "BLR", "Lituania": "LTU", "Houthi": "YEMREB",
          "Saudi": "SAU", "Kuwait": "KWT", "Menlu Rusia": "RUSGOV", "Jerman": "DEU", "Rusia": "RUS",
          "AS": "USA", "Eropa": "EUR", "Jepang": "JPN", "militer Israel": "ISRMIL", "Hizbullah": "LBNREB"}


def test_event_control_told_attack_is_accusation_and_reported(event_doc):
    doc = event_doc("Sekjen NATO mengatakan kepada wartawan bahwa Belarus menyerang pos perbatasan Lituania.", ACTORS)
    got = {(e.code[:2], e.source, e.target, e.modality) for e in doc.events}
    assert ("11", "IGOWSTNAT", "BLR", "asserted") in got
    assert ("19", "BLR", "LTU", "reported") in got


def test_event_control_own_side_attack_is_no_accusation(event_doc):
    doc = event_doc("Menlu Rusia mengatakan bahwa Rusia menyerang gudang senjata di Eropa.", ACTORS)
    assert not any(e.code[:2] == "11" for e in doc.events)


def test_event_control_said_violation_accuses(event_doc):
    doc = event_doc("Houthi mengatakan bahwa koalisi Saudi telah melanggar kesepakatan damai.", ACTORS)
    assert [(e.code[:2], e.source, e.target) for e in doc.events] == [("11", "YEMREB", "SAU")]


def test_event_control_threat_content_is_one_event(event_doc):
    doc = event_doc("Houthi juga mengancam Kuwait dengan mengatakan pihaknya siap menyerang bandara Kuwait.", ACTORS)
    assert [(e.code[:2], e.source, e.target) for e in doc.events] == [("13", "YEMREB", "KWT")]


def test_event_control_talks_in_a_time_phrase_belong_to_the_subject(event_doc):
    doc = event_doc("Menlu Rusia menyampaikan hal itu selama pembicaraan dengan Jerman di Moskow.", ACTORS)
    assert [(e.code[:2], e.source, e.target, e.symmetric) for e in doc.events] == [("04", "RUSGOV", "DEU", True)]


def test_event_control_kecuali_turns_refused_force_into_threat(event_doc):
    doc = event_doc("Menlu Rusia menegaskan bahwa Rusia tidak akan menempatkan rudal di Eropa kecuali AS "
                    "lebih dulu menempatkan rudalnya di sana.", ACTORS)
    assert [(e.code, e.source, e.target, e.modality) for e in doc.events] == [("138", "RUS", "USA", "asserted")]


def test_event_control_refused_force_without_condition_stays_negated(event_doc):
    doc = event_doc("Jepang tidak akan menempatkan rudal di wilayah itu.", ACTORS)
    assert all(e.code[:2] != "13" for e in doc.events)
