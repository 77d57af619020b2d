"""The pipeline checks stage requirements when it is built and isolates failing documents."""

from __future__ import annotations

import pytest

from warta.doc import Document
from warta.errors import InputError, PipelineError
from warta.pipeline import Failure, Pipeline, Stage
from warta.resources import Resources


def _stage(name, requires=(), provides=(), run=None):
    def passthrough(doc, res):
        return doc

    return Stage(name, frozenset(requires), frozenset(provides), run or passthrough)


def test_pipeline_rejects_missing_requirement():
    with pytest.raises(PipelineError, match="requires tokens"):
        Pipeline([_stage("events", requires={"tokens"})], resources=Resources(loaders={}))


def test_pipeline_accepts_requirement_from_earlier_stage():
    pipe = Pipeline([_stage("a", provides={"tokens"}), _stage("b", requires={"tokens"})], resources=Resources(loaders={}))
    assert pipe.names == ["a", "b"]


def test_pipeline_unknown_stage_name():
    with pytest.raises(PipelineError, match="unknown stage"):
        Pipeline(["no-such-stage"], resources=Resources(loaders={}))


def test_pipeline_records_stages_and_skips_done_ones():
    calls = []

    def run(doc, res):
        calls.append(doc.id)
        return doc

    pipe = Pipeline([_stage("mark", run=run)], resources=Resources(loaders={}))
    doc = pipe.process(Document(id="x", text="Teks."))
    assert doc.stages == ["mark"]
    pipe.process(doc)
    assert calls == ["x"]


def test_pipeline_process_many_isolates_failures():
    def run(doc, res):
        if "rusak" in doc.text:
            raise InputError("isi tidak terbaca")
        if "bug" in doc.text:
            raise RuntimeError("boom")
        return doc

    pipe = Pipeline([_stage("check", run=run)], resources=Resources(loaders={}))
    docs = [Document(id="1", text="baik"), Document(id="2", text="rusak"), Document(id="3", text="bug"),
            Document(id="4", text="baik lagi")]
    out = list(pipe.process_many(docs))
    assert [type(o).__name__ for o in out] == ["Document", "Failure", "Failure", "Document"]
    assert out[1].kind == "input" and "tidak terbaca" in out[1].error
    assert out[2].kind == "internal" and "RuntimeError" in out[2].error


def test_pipeline_default_stages_build(pipeline):
    assert pipeline.names[:2] == ["layout", "tokens"]


def test_resources_load_once_and_report_unknown():
    count = []

    def loader(res):
        count.append(1)
        return {"ok": True}

    res = Resources(loaders={"thing": loader})
    assert res.get("thing") is res.get("thing")
    assert len(count) == 1
    from warta.errors import ResourceError

    with pytest.raises(ResourceError, match="unknown resource"):
        res.get("other")
    assert isinstance(Failure("a", None, "e", "input"), Failure)
