"""The Dask engine's result codec gives back exactly the processed Document."""

from __future__ import annotations

import pickle
from pathlib import Path

from warta.batch_codec import pack, unpack
from warta.doc import Document, Token

EXAMPLES = Path(__file__).resolve().parents[1] / "warta" / "examples"


def test_batch_codec_round_trips_processed_documents(pipeline):
    paths = sorted(EXAMPLES.glob("*.txt"))
    assert paths
    for path in paths:
        doc = pipeline.process(Document(id=path.stem, text=path.read_text(encoding="utf-8")))
        assert doc.tokens and doc.sentences and doc.mentions
        packed = pack(doc)
        assert packed[0].tokens == [] and len(packed[1]["tokens"]) == len(doc.tokens)
        again = unpack(pickle.loads(pickle.dumps(packed)))
        assert again == doc
        assert type(again.tokens[0]) is Token and again.to_json() == doc.to_json()


def test_batch_codec_leaves_the_original_and_odd_lists_alone():
    class Marked(Token):
        pass

    doc = Document(id="x", text="Presiden tiba di Jakarta.", tokens=[Token(0, 8), Marked(9, 13)])
    packed = pack(doc)
    assert doc.tokens[1].__class__ is Marked  # the original is not touched
    assert "tokens" not in packed[1]  # a subclass travels by pickle, as itself
    assert unpack(packed).tokens == doc.tokens
