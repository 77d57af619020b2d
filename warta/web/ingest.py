"""``POST /ingest``: add articles over HTTP. Registered only when the server has an ingest token."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, HTTPException, Request
from pydantic import BaseModel, Field

MAX_TEXT_CHARS = 200_000


class ArticleIn(BaseModel):
    text: str = Field(..., min_length=1, max_length=MAX_TEXT_CHARS, description="Plain article text")
    id: str | None = Field(None, max_length=200, description="Your id for the article")
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
    outlet: str | None = Field(None, max_length=200)
    published: str | None = Field(None, max_length=40, description="YYYY-MM-DD or an ISO datetime")


class IngestIn(BaseModel):
    articles: list[ArticleIn] = Field(..., min_length=1)


def add_ingest_route(app: FastAPI, db: Any, token: str, max_articles: int) -> None:
    from ..api import token_ok

    @app.post("/ingest", tags=["ingest"], summary="Process and store articles (needs the ingest token)")
    def ingest(body: IngestIn, request: Request) -> Any:
        if not token_ok(request.headers.get("authorization"), token):
            raise HTTPException(401, "a valid ingest token is required (Authorization: Bearer ...)",
                                headers={"WWW-Authenticate": "Bearer"})
        if len(body.articles) > max_articles:
            raise HTTPException(413, f"at most {max_articles} articles per request")
        return run_ingest(db, body.articles)


def run_ingest(db: Any, items: list[ArticleIn]) -> dict[str, Any]:
    """Read, process and store the articles with the server's one pipeline and writer."""
    from ..doc import Metadata
    from ..pipeline import Pipeline
    from ..read import read_text
    from ..resources import Resources
    from ..store import Store
    from ..store.ingest import ingest
    from ..store.rows import content_hash

    with db.lock:
        if db.pipeline is None:
            db.resources = Resources()
            db.pipeline = Pipeline(resources=db.resources)
            db.writer = Store(db.target)
    docs = []
    for item in items:
        meta = Metadata(title=item.title, url=item.url, outlet=item.outlet, source_path="api")
        doc_id = item.id or "api-" + content_hash(item.text)[:16]
        docs.append(read_text(item.text, doc_id, published=item.published, metadata=meta, res=db.resources))
    with db.lock:  # one writer at a time; SQLite would serialise them anyway
        summary = ingest(docs, db.writer, db.pipeline)
    return {"read": summary.read, "new": summary.new, "duplicate": summary.duplicate, "failed": summary.failed,
            "events": summary.events, "reasons": dict(summary.reasons)}
