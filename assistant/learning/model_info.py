"""What the live model file is: name, size, time, a content fingerprint and Rasa's own metadata.

``koers improve`` copies a promoted candidate over ``models/koers.tar.gz``, so the file name alone
does not say which model is live; Rasa's ``model_id`` (in the archive's ``metadata.json``) and a
hash of the file do. Reading the archive costs a second or so, hence a cache keyed on the file's
size and modification time.
"""

from __future__ import annotations

import hashlib
import json
import tarfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from assistant.nlu.training import model_path

METADATA_FILE = "metadata.json"  # Rasa's name inside the archive (local_model_storage)


@dataclass(frozen=True)
class ModelInfo:
    path: Path
    size: int
    modified: datetime
    sha256: str
    model_id: str | None
    trained_at: str | None
    rasa_version: str | None

    @property
    def fingerprint(self) -> str:
        return self.sha256[:12]


_cache: dict[tuple[str, int, int], ModelInfo] = {}


def _metadata(path: Path) -> dict[str, object]:
    try:
        with tarfile.open(path, "r:gz") as tar:
            for member in tar:
                if member.isfile() and Path(member.name).name == METADATA_FILE \
                        and len(Path(member.name).parts) <= 2:
                    handle = tar.extractfile(member)
                    if handle is not None:
                        data = json.loads(handle.read().decode("utf-8"))
                        return data if isinstance(data, dict) else {}
    except (OSError, tarfile.TarError, ValueError):
        pass
    return {}


def model_info(path: Path) -> ModelInfo | None:
    """Facts about one model archive, or None when there is none."""
    try:
        stat = path.stat()
    except OSError:
        return None
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    if key in _cache:
        return _cache[key]
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    meta = _metadata(path)
    info = ModelInfo(path=path, size=stat.st_size,
                     modified=datetime.fromtimestamp(stat.st_mtime, tz=timezone.utc),
                     sha256=digest.hexdigest(),
                     model_id=str(meta["model_id"]) if meta.get("model_id") else None,
                     trained_at=str(meta["trained_at"]) if meta.get("trained_at") else None,
                     rasa_version=str(meta["rasa_open_source_version"])
                     if meta.get("rasa_open_source_version") else None)
    _cache[key] = info
    return info


def live_model(home: Path) -> ModelInfo | None:
    return model_info(model_path(home))


def previous_models(home: Path, limit: int = 5) -> list[Path]:
    """Backups ``koers improve`` made of earlier live models, newest first."""
    folder = model_path(home).parent / "previous"
    if not folder.is_dir():
        return []
    return sorted(folder.glob("*.tar.gz"), key=lambda p: p.stat().st_mtime, reverse=True)[:limit]
