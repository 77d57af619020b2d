"""The gold scorer on hand-made gold/system pairs with known answers (no pipeline involved)."""

from __future__ import annotations

import re

import pytest

from warta.doc import Document, Entity, Event, Mention, Quote, Sentence
from warta.evaluate_match import actor_level, actors_agree, locate, score_document

TEXT = (
    "Menteri Luar Negeri Korea Selatan Park Jin bertemu Sekretaris Jenderal PBB di New York pada Selasa. "
    "Korsel dan NATO akan memperluas kerja sama pertahanan di kawasan Indo-Pasifik. "
    "\u201cKami siap membantu  Ukraina dengan bantuan kemanusiaan,\u201d ujar Park. "
    "Park mengatakan bahwa Seoul mengecam uji rudal Korea Utara pekan lalu. "
    "Pyongyang menolak mengomentari kecaman itu."
)


def make_doc(text: str = TEXT) -> Document:
    """A Document with sentences split at '. ' (enough for these hand-written texts)."""
    doc = Document(id="uji", text=text, published="2024-03-06")
    start = 0
    for match in re.finditer(r"(?<=\.)\s+|$", text):
        if match.start() > start:
            doc.sentences.append(Sentence(start, match.start(), 0, 0, 0))
        start = match.end()
    return doc


def add_entity(doc: Document, name: str, etype: str, surfaces: list[str], actor: str | None) -> Entity:
    entity = Entity(id=f"e{len(doc.entities)}", name=name, type=etype, actor=actor)
    for surface in surfaces:
        start = doc.text.index(surface)
        mention = Mention(
            id=f"m{len(doc.mentions)}", start=start, end=start + len(surface), type=etype, entity=entity.id
        )
        doc.mentions.append(mention)
        entity.mentions.append(mention.id)
    doc.entities.append(entity)
    return entity


def add_quote(doc: Document, fragment: str, direct: bool, speaker: Entity | None) -> Quote:
    start = doc.text.index(fragment)
    quote = Quote(
        id=f"q{len(doc.quotes)}",
        start=start,
        end=start + len(fragment),
        direct=direct,
        speaker=speaker.id if speaker else None,
    )
    doc.quotes.append(quote)
    return quote


def add_event(
    doc: Document,
    code: str,
    where: str,
    source: str | None,
    target: str | None,
    modality: str = "asserted",
    date: str | None = None,
) -> Event:
    position = doc.text.index(where)
    sentence = next(i for i, s in enumerate(doc.sentences) if s.start <= position < s.end)
    event = Event(
        id=f"v{len(doc.events)}",
        code=code,
        sentence=sentence,
        source=source,
        target=target,
        modality=modality,
        date=date,
    )
    doc.events.append(event)
    return event


def gold_entity(name: str, etype: str, mentions: list[str], actor: str | None) -> dict:
    return {"name": name, "type": etype, "mentions": mentions, "actor": actor}


def gold_event(
    sentence: str,
    code: str,
    source: str | None,
    target: str | None,
    alt: list[str] | None = None,
    symmetric: bool = False,
    optional: bool = False,
    modality: str = "asserted",
    date: str | None = None,
) -> dict:
    return {
        "sentence": sentence,
        "code": code,
        "alt_codes": alt or [],
        "source": source,
        "target": target,
        "symmetric": symmetric,
        "modality": modality,
        "date": date,
        "place": None,
        "optional": optional,
    }


def gold(entities=(), quotes=(), events=()) -> dict:
    return {
        "id": "uji",
        "text": TEXT,
        "entities": list(entities),
        "quotes": list(quotes),
        "events": list(events),
    }


KOREA = gold_entity("Korea Selatan", "GPE", ["Korea Selatan", "Korsel"], "KOR")
NATO = gold_entity("NATO", "ORG", ["NATO"], "IGOWSTNAT")
PARK = gold_entity("Park Jin", "PER", ["Park Jin", "Park"], "KORGOV")


# ---- actor codes --------------------------------------------------------------------------
def test_evaluate_actor_country_and_organisation_level():
    assert actors_agree("KORGOV", "KORMIL")
    assert actors_agree("KOR", "KORGOV")
    assert actors_agree(" korgov ", "KOR")
    assert not actors_agree("IGOWSTNAT", "IGOUNO")
    assert not actors_agree("IGOUNOIAE", "IGOUNO")  # the IAEA is not the UN: whole code
    assert not actors_agree("IMGMUSALQ", "IMGMUSISI")
    assert not actors_agree("KOR", "PRK")
    assert actors_agree(None, None) and actors_agree("", None)
    assert not actors_agree(None, "KOR") and not actors_agree("KOR", None)
    assert actor_level("PSEREB") == "PSE" and actor_level("IGOUNO") == "IGOUNO"


# ---- entities -----------------------------------------------------------------------------
def test_evaluate_entities_match_via_abbreviation():
    doc = make_doc()
    add_entity(doc, "Korsel", "GPE", ["Korsel"], "KOR")  # system only saw the abbreviation
    score = score_document(doc, gold([KOREA, NATO]))
    counts = score.entities.counts
    assert (counts.tp, counts.sys, counts.gold) == (1, 1, 2)
    assert counts.p == 1.0 and counts.r == 0.5
    assert score.entities.missed == [NATO]


def test_evaluate_entities_casefold_and_whitespace():
    doc = make_doc()
    add_entity(doc, "korea   SELATAN", "GPE", [], "KOR")
    assert score_document(doc, gold([KOREA])).entities.counts.tp == 1


def test_evaluate_entities_type_must_agree():
    doc = make_doc()
    add_entity(doc, "NATO", "GPE", ["NATO"], "IGOWSTNAT")
    score = score_document(doc, gold([NATO]))
    assert score.entities.counts.tp == 0 and score.entities.counts.sys == 1


def test_evaluate_entities_one_to_one_split_entity_is_false_positive():
    doc = make_doc()
    add_entity(doc, "Korea Selatan", "GPE", ["Korea Selatan"], "KOR")
    add_entity(doc, "Korsel", "GPE", ["Korsel"], "KOR")
    score = score_document(doc, gold([KOREA]))
    assert (score.entities.counts.tp, score.entities.counts.sys) == (1, 2)
    # the entity whose name equals a gold mention and shares more forms is the one matched
    assert score.entities.matched[0][0].name == "Korea Selatan"
    assert [e.name for e in score.entities.spurious] == ["Korsel"]


def test_evaluate_entities_same_name_duplicates_count_once():
    doc = make_doc()
    add_entity(doc, "NATO", "ORG", ["NATO"], "IGOWSTNAT")
    add_entity(doc, "NATO", "ORG", [], "IGOWSTNAT")
    counts = score_document(doc, gold([NATO])).entities.counts
    assert (counts.tp, counts.sys, counts.gold) == (1, 1, 1)


def test_evaluate_entities_actor_accuracy():
    doc = make_doc()
    add_entity(doc, "Park Jin", "PER", ["Park Jin"], "KORMIL")  # KORMIL vs gold KORGOV: same country
    add_entity(doc, "NATO", "ORG", ["NATO"], "IGOUNO")  # wrong organisation
    add_entity(doc, "Korsel", "GPE", ["Korsel"], None)  # null vs KOR
    score = score_document(doc, gold([KOREA, NATO, PARK]))
    assert score.entities.counts.tp == 3
    assert (score.accuracy["actor"].correct, score.accuracy["actor"].total) == (1, 3)


# ---- quotes -------------------------------------------------------------------------------
def _quote_doc():
    doc = make_doc()
    park = add_entity(doc, "Park Jin", "PER", ["Park Jin", "Park"], "KORGOV")
    korea = add_entity(doc, "Korea Selatan", "GPE", ["Korea Selatan"], "KOR")
    return doc, park, korea


def test_evaluate_quote_containment_ignores_quote_marks_and_spaces():
    doc, park, _ = _quote_doc()
    add_quote(doc, "\u201cKami siap membantu  Ukraina dengan bantuan kemanusiaan,\u201d", True, park)
    g = gold(
        [PARK], quotes=[{"speaker": "Park Jin", "direct": True, "contains": '"Kami siap membantu Ukraina'}]
    )
    score = score_document(doc, g)
    assert (
        score.quotes_direct.counts.tp,
        score.quotes_direct.counts.sys,
        score.quotes_direct.counts.gold,
    ) == (1, 1, 1)
    assert score.quotes_indirect.counts.gold == 0


def test_evaluate_quote_needs_containing_span():
    doc, park, _ = _quote_doc()
    add_quote(doc, "Kami siap membantu", True, park)  # too short: does not contain the gold words
    g = gold(
        [PARK], quotes=[{"speaker": "Park Jin", "direct": True, "contains": "Kami siap membantu Ukraina"}]
    )
    counts = score_document(doc, g).quotes_direct.counts
    assert (counts.tp, counts.sys, counts.gold) == (0, 1, 1)


def test_evaluate_quote_needs_same_speaker():
    doc, _, korea = _quote_doc()
    add_quote(doc, "Seoul mengecam uji rudal Korea Utara", False, korea)
    g = gold(
        [PARK, KOREA],
        quotes=[{"speaker": "Park Jin", "direct": False, "contains": "Seoul mengecam uji rudal"}],
    )
    assert score_document(doc, g).quotes_indirect.counts.tp == 0


def test_evaluate_quote_direct_and_indirect_scored_apart():
    doc, park, _ = _quote_doc()
    add_quote(doc, "Seoul mengecam uji rudal Korea Utara", True, park)  # right words, wrong kind
    g = gold(
        [PARK], quotes=[{"speaker": "Park Jin", "direct": False, "contains": "Seoul mengecam uji rudal"}]
    )
    score = score_document(doc, g)
    assert score.quotes_indirect.counts.tp == 0 and score.quotes_indirect.counts.gold == 1
    assert score.quotes_direct.counts.sys == 1 and score.quotes_direct.counts.gold == 0


def test_evaluate_quote_one_to_one():
    doc, park, _ = _quote_doc()
    add_quote(doc, "Seoul mengecam uji rudal Korea Utara pekan lalu", False, park)
    add_quote(doc, "Seoul mengecam uji rudal Korea Utara", False, park)
    g = gold([PARK], quotes=[{"speaker": "Park Jin", "direct": False, "contains": "mengecam uji rudal"}])
    part = score_document(doc, g).quotes_indirect
    assert (part.counts.tp, part.counts.sys) == (1, 2)
    assert (
        doc.span(part.matched[0][0].start, part.matched[0][0].end) == "Seoul mengecam uji rudal Korea Utara"
    )


# ---- events -------------------------------------------------------------------------------
SEOUL_CONDEMNS = "Seoul mengecam uji rudal Korea Utara"
COOPERATION = "Korsel dan NATO akan memperluas kerja sama"


def test_evaluate_events_root_through_alt_codes():
    doc = make_doc()
    add_event(doc, "043", "bertemu Sekretaris", "KORGOV", "IGOUNO")
    g = gold(
        events=[
            gold_event("Park Jin bertemu Sekretaris Jenderal PBB", "036", "KORGOV", "IGOUNO", alt=["040"])
        ]
    )
    score = score_document(doc, g)
    assert score.events.counts.tp == 1
    # 043 is neither the code nor an alt code: root match, full code wrong
    assert (score.accuracy["full_code"].correct, score.accuracy["full_code"].total) == (0, 1)


def test_evaluate_events_other_root_does_not_match():
    doc = make_doc()
    add_event(doc, "057", "bertemu Sekretaris", "KORGOV", "IGOUNO")
    g = gold(
        events=[
            gold_event("Park Jin bertemu Sekretaris Jenderal PBB", "036", "KORGOV", "IGOUNO", alt=["040"])
        ]
    )
    counts = score_document(doc, g).events.counts
    assert (counts.tp, counts.sys, counts.gold) == (0, 1, 1)


def test_evaluate_events_full_code_accepts_alt_code():
    doc = make_doc()
    add_event(doc, "040", "bertemu Sekretaris", "KORGOV", "IGOUNO")
    g = gold(
        events=[
            gold_event("Park Jin bertemu Sekretaris Jenderal PBB", "036", "KORGOV", "IGOUNO", alt=["040"])
        ]
    )
    score = score_document(doc, g)
    assert score.accuracy["full_code"].value == 1.0 and score.accuracy["exact_code"].value == 0.0


def test_evaluate_events_symmetric_either_direction():
    doc = make_doc()
    add_event(doc, "030", "Korsel dan NATO", "IGOWSTNAT", "KORGOV")
    symmetric = gold_event(COOPERATION, "030", "KOR", "IGOWSTNAT", symmetric=True)
    assert score_document(doc, gold(events=[symmetric])).events.counts.tp == 1
    one_way = gold_event(COOPERATION, "030", "KOR", "IGOWSTNAT", symmetric=False)
    assert score_document(doc, gold(events=[one_way])).events.counts.tp == 0


def test_evaluate_events_null_target_only_matches_null():
    g = gold(events=[gold_event("Pyongyang menolak mengomentari", "120", "PRK", None)])
    doc = make_doc()
    add_event(doc, "120", "Pyongyang menolak", "PRKGOV", "KOR")
    assert score_document(doc, g).events.counts.tp == 0
    doc = make_doc()
    add_event(doc, "120", "Pyongyang menolak", "PRKGOV", None)
    assert score_document(doc, g).events.counts.tp == 1


def test_evaluate_events_dyad_at_country_level():
    doc = make_doc()
    add_event(doc, "111", SEOUL_CONDEMNS, "KORMIL", "PRKGOV")
    g = gold(events=[gold_event(SEOUL_CONDEMNS, "111", "KORGOV", "PRK")])
    assert score_document(doc, g).events.counts.tp == 1
    doc = make_doc()
    add_event(doc, "111", SEOUL_CONDEMNS, "IGOUNO", "PRK")
    assert score_document(doc, g).events.counts.tp == 0


def test_evaluate_events_must_come_from_the_gold_sentence():
    doc = make_doc()
    add_event(doc, "111", "Pyongyang menolak", "KORGOV", "PRK")  # right dyad and code, other sentence
    g = gold(events=[gold_event(SEOUL_CONDEMNS, "111", "KORGOV", "PRK")])
    counts = score_document(doc, g).events.counts
    assert (counts.tp, counts.sys) == (0, 1)


def test_evaluate_events_gold_sentence_found_despite_spacing():
    assert locate(TEXT, "Kami siap membantu Ukraina") != []  # text has two spaces and a curly quote before
    assert locate(TEXT, "tidak ada di teks") == []
    doc = make_doc()
    add_event(doc, "033", "Kami siap membantu", "KORGOV", "UKR")
    g = gold(events=[gold_event("Kami siap membantu Ukraina", "033", "KORGOV", "UKR")])
    assert score_document(doc, g).events.counts.tp == 1


def test_evaluate_events_optional_removed_with_their_match():
    doc = make_doc()
    add_event(doc, "111", SEOUL_CONDEMNS, "KORGOV", "PRK")
    add_event(doc, "190", "Pyongyang menolak", "PRK", "KOR")  # matches nothing: a false positive
    g = gold(events=[gold_event(SEOUL_CONDEMNS, "111", "KORGOV", "PRK", optional=True)])
    score = score_document(doc, g)
    counts = score.events.counts
    assert (counts.tp, counts.sys, counts.gold) == (0, 1, 0)
    assert [e.code for e in score.events.ignored] == ["111"]
    assert [e.code for e in score.events.spurious] == ["190"]


def test_evaluate_events_scored_gold_preferred_over_optional():
    doc = make_doc()
    add_event(doc, "111", SEOUL_CONDEMNS, "KORGOV", "PRK")
    g = gold(
        events=[
            gold_event(SEOUL_CONDEMNS, "112", "KORGOV", "PRK", optional=True, alt=["111"]),
            gold_event(SEOUL_CONDEMNS, "111", "KORGOV", "PRK"),
        ]
    )
    counts = score_document(doc, g).events.counts
    assert (counts.tp, counts.sys, counts.gold) == (1, 1, 1)


def test_evaluate_events_statements_left_out_of_precision():
    doc = make_doc()
    add_event(doc, "010", "Park mengatakan", "KORGOV", None)
    add_event(doc, "111", SEOUL_CONDEMNS, "KORGOV", "PRK")
    g = gold(events=[gold_event(SEOUL_CONDEMNS, "111", "KORGOV", "PRK")])
    counts = score_document(doc, g).events.counts
    assert (counts.tp, counts.sys, counts.gold) == (1, 1, 1)


def test_evaluate_events_one_to_one_greedy():
    doc = make_doc()
    add_event(doc, "040", "bertemu Sekretaris", "KORGOV", "IGOUNO", modality="intended")
    add_event(doc, "036", "bertemu Sekretaris", "KORGOV", "IGOUNO")
    g = gold(
        events=[
            gold_event("Park Jin bertemu Sekretaris Jenderal PBB", "036", "KORGOV", "IGOUNO", alt=["040"])
        ]
    )
    score = score_document(doc, g)
    assert (score.events.counts.tp, score.events.counts.sys) == (1, 2)
    assert score.events.matched[0][0].code == "036"  # the exact code is taken first
    assert [e.code for e in score.events.spurious] == ["040"]
    assert score.accuracy["exact_code"].value == 1.0 and score.accuracy["modality"].value == 1.0


def test_evaluate_events_modality_and_date_accuracy():
    doc = make_doc()
    add_event(doc, "111", SEOUL_CONDEMNS, "KORGOV", "PRK", modality="asserted", date="2024-02-28T00:00:00")
    add_event(doc, "030", "Korsel dan NATO", "KOR", "IGOWSTNAT", modality="intended", date=None)
    g = gold(
        events=[
            gold_event(SEOUL_CONDEMNS, "111", "KORGOV", "PRK", date="2024-02-28"),
            gold_event(COOPERATION, "030", "KOR", "IGOWSTNAT", symmetric=True, date=None),
        ]
    )
    score = score_document(doc, g)
    assert score.events.counts.tp == 2
    assert (score.accuracy["date"].correct, score.accuracy["date"].total) == (2, 2)
    # rule 9: root 03 is asserted when the intention is stated; "intended" is wrong here
    assert (score.accuracy["modality"].correct, score.accuracy["modality"].total) == (1, 2)


def test_evaluate_events_empty_system_output():
    score = score_document(make_doc(), gold(events=[gold_event(SEOUL_CONDEMNS, "111", "KORGOV", "PRK")]))
    counts = score.events.counts
    assert (counts.tp, counts.sys, counts.gold) == (0, 0, 1)
    assert counts.p == 0.0 and counts.r == 0.0 and counts.f1 == 0.0


@pytest.mark.parametrize("tp,sys,gold_n,f1", [(1, 2, 1, 2 / 3), (3, 4, 6, 0.6), (0, 0, 0, 0.0)])
def test_evaluate_counts_f1(tp, sys, gold_n, f1):
    from warta.evaluate_match import Counts

    assert Counts(tp, sys, gold_n).f1 == pytest.approx(f1)
