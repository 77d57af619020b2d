"""An organisation named in a law's title ("UU KPK") is not an actor of the clause."""

from __future__ import annotations

ACTORS = {"KPK": "IDNJUD", "DPR": "IDNLEG"}


def _view_actors(event_doc, resources, text):
    from warta.stages.event_args import SentenceView
    from warta.stages.events import _entity_index

    doc = event_doc(text, ACTORS, entity_type="ORG")
    view = SentenceView.build(doc, 0, resources.get("modality"), _entity_index(doc),
                              sorted(doc.mentions, key=lambda m: m.start))
    return [(view.raw(r.first), view.w(r.first - 1), r.actor) for r in view.mentions if r.mention.source == "test"]


def test_events_law_title_is_no_actor(event_doc, resources):
    refs = _view_actors(event_doc, resources, "KPK meminta DPR menunda revisi UU KPK dan RUU DPR.")
    assert refs == [("KPK", "", "IDNJUD"), ("DPR", "meminta", "IDNLEG"), ("KPK", "uu", None), ("DPR", "ruu", None)]


def test_events_organisation_outside_law_title_still_acts(event_doc):
    doc = event_doc("KPK mengecam DPR atas revisi UU KPK.", ACTORS, entity_type="ORG")
    assert [(e.code[:2], e.source, e.target) for e in doc.events] == [("11", "IDNJUD", "IDNLEG")]
