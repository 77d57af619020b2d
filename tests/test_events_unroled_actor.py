"""A group coded with a bare country (role unknown) acting against a state organ of the same
country is a real event; a bare country acting on its own government is not."""

from __future__ import annotations

ACTORS = {"Gerakan Pemuda Nusantara": "IDN", "KPK": "IDNJUD", "Indonesia": "IDN", "Presiden Indonesia": "IDNGOV"}


def test_events_unroled_group_accuses_state_organ(event_doc):
    doc = event_doc("Ketua Gerakan Pemuda Nusantara menuding KPK tebang pilih dalam menetapkan tersangka.", ACTORS,
                    entity_type="ORG")
    assert [(e.code[:2], e.source, e.target) for e in doc.events] == [("11", "IDN", "IDNJUD")]


def test_events_country_on_its_own_government_is_no_event(event_doc):
    doc = event_doc("Indonesia mengecam Presiden Indonesia atas keputusan itu.", ACTORS)
    assert doc.events == []
