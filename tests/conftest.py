"""The only fixtures file. Shared data (../shared) is optional: tests that need it skip cleanly."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def repo_dir() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def gold_dir(shared_dir: Path) -> Path:
    path = shared_dir / "gold" / "dev"
    if not path.is_dir():
        pytest.skip("../shared/gold/dev is not present")
    return path


@pytest.fixture(scope="session")
def resources():
    from warta.resources import Resources

    return Resources()


@pytest.fixture(scope="session")
def pipeline(resources):
    from warta.pipeline import Pipeline

    return Pipeline(resources=resources)
