"""One loader for every language resource: loaded on first use, cached, validated.

Stages never open files themselves; they ask ``res.get(name)``. A ``Resources`` object is
created once per process (or per Dask worker) and passed to every stage, so nothing lives in
module-level state. ``WARTA_DATA_DIR`` points the loader at another data folder.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .errors import ResourceError

PACKAGE_DATA = Path(__file__).parent / "lang" / "id"

Loader = Callable[["Resources"], Any]


def _default_loaders() -> dict[str, Loader]:
    # Imported lazily so that loading warta does not load every stage's data code.
    from .lang import loaders

    return dict(loaders.LOADERS)


class Resources:
    """A cache of loaded resources keyed by name."""

    def __init__(self, data_dir: str | os.PathLike[str] | None = None, loaders: dict[str, Loader] | None = None):
        env_dir = os.environ.get("WARTA_DATA_DIR")
        self.data_dir = Path(data_dir or env_dir or PACKAGE_DATA)
        self._loaders = loaders if loaders is not None else _default_loaders()
        self._cache: dict[str, Any] = {}
        self._lock = threading.Lock()

    def path(self, relative: str) -> Path:
        """Path of a data file, falling back to the packaged copy when the override lacks it."""
        candidate = self.data_dir / relative
        if candidate.exists():
            return candidate
        packaged = PACKAGE_DATA / relative
        if packaged.exists():
            return packaged
        raise ResourceError(f"data file not found: {relative} (looked in {self.data_dir})")

    def get(self, name: str) -> Any:
        if name in self._cache:
            return self._cache[name]
        with self._lock:
            if name not in self._cache:
                loader = self._loaders.get(name)
                if loader is None:
                    raise ResourceError(f"unknown resource {name!r}; known: {', '.join(sorted(self._loaders))}")
                self._cache[name] = loader(self)
        return self._cache[name]

    def names(self) -> list[str]:
        return sorted(self._loaders)

    def loaded(self) -> list[str]:
        return sorted(self._cache)
