"""Properties of the whole pipeline over generated text (hypothesis, bounded for CI).

For any text: every span lies inside the text, tokens and sentences are in order and do not
overlap, sentences partition the tokens, every id refers to something that exists
(span_problems in conftest); the JSON form round-trips exactly; and extraction is
deterministic, including across pipelines whose caches saw different texts before.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from warta.doc import Document

pytestmark = pytest.mark.timeout(300)

# Pieces that reach every stage: names and titles (entities, coref, actors), saying verbs and
# quotation marks (quotes), event verbs, dates and places (events, time, places), abbreviations,
# numbers and money (tokenizer), odd whitespace, and arbitrary Unicode.
WORDS = (
    "Presiden", "Joko", "Widodo", "Menteri", "Luar", "Negeri", "Retno", "Marsudi", "mengatakan", "kata",
    "ujarnya", "menurut", "bahwa", "pemerintah", "Indonesia", "Malaysia", "Jakarta", "Beijing", "TNI", "Polri",
    "PBB", "bertemu", "mengecam", "menyerang", "menolak", "akan", "tidak", "membantu", "kerja", "sama", "di",
    "ke", "dari", "pada", "Senin", "kemarin", "pekan", "lalu", "1", "Januari", "2024", "10/9/2019", "Rp",
    "5.000", "US$", "3,5", "juta", "pukul", "10.00", "WIB", "Dr.", "Jl.", "dll.", "M.", "H.", "ia", "dia",
    "mereka", "kami", "-nya", "Kemlu", "Dubes", "AS", "Amerika", "Serikat", "JAKARTA", "(ANTARA)", "Baca",
    "juga:", "Sumber:", "Pewarta:", "https://contoh.id/a", "warta@contoh.id",
)
MARKS = tuple('.,!?;:…()-—"“”‘’\'«»[]/')
SPACES = (" ", " ", " ", "\n", "\n\n", "\t", "\u00a0", "\r\n", "\u200b")
PIECE = st.one_of(
    st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(MARKS), st.sampled_from(SPACES),
    st.text(max_size=4),
)
TEXTS = st.lists(PIECE, max_size=90).map("".join)

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ARTICLE = ("Jakarta (ANTARA) - Presiden Joko Widodo bertemu Perdana Menteri Malaysia di Istana Merdeka, "
           "Jakarta, pada Senin (10/9/2019).\n\n\"Kami sepakat memperkuat kerja sama,\" kata Presiden.\n\n"
           "Menteri Luar Negeri Retno Marsudi mengatakan bahwa Indonesia akan membantu Malaysia.\n\n"
           "Pewarta: Budi")


@pytest.fixture(scope="module")
def fresh_pipeline():
    """A second pipeline with its own Resources: caches that have seen other texts than the
    session pipeline's."""
    from warta.pipeline import Pipeline
    from warta.resources import Resources

    return Pipeline(resources=Resources())


def _process(pipeline, text: str) -> Document:
    return pipeline.process(Document(id="sifat", text=text, published="2024-03-04"))


@SETTINGS
@given(text=TEXTS)
@example(text="")
@example(text=ARTICLE)
@example(text="“" * 3 + "Kami siap" + "”" * 5 + " kata dia")
def test_properties_spans_valid_for_any_text(pipeline, span_problems, text):
    doc = _process(pipeline, text)
    assert span_problems(doc) == []


@SETTINGS
@given(text=TEXTS)
@example(text=ARTICLE)
def test_properties_json_round_trip_is_exact(pipeline, text):
    doc = _process(pipeline, text)
    again = Document.from_json(doc.to_json())
    assert again == doc
    assert again.to_json(indent=2) == doc.to_json(indent=2)


@SETTINGS
@given(text=TEXTS)
@example(text=ARTICLE)
def test_properties_extraction_is_deterministic(pipeline, fresh_pipeline, text):
    first = _process(pipeline, text).to_json()
    assert _process(pipeline, text).to_json() == first
    assert _process(fresh_pipeline, text).to_json() == first
