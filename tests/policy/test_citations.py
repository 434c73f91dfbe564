"""Every seed citation in the data points at an existing, non-empty line of a seed letter."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import assistant.policy
from assistant.policy.paths import load_paths
from assistant.policy.schemes import CITATION_RE, load_schemes

PACKAGED = Path(assistant.policy.__file__).parent / "seeds"
SHARED = Path(__file__).parents[2].parent / "shared" / "seeds"


def _seed_lines() -> dict[str, list[str]]:
    files = sorted(PACKAGED.glob("*.txt"))
    assert len(files) == 5
    return {f.name[:3]: f.read_text(encoding="utf-8").splitlines() for f in files}


def _all_citations() -> list[str]:
    out: list[str] = []
    for s in load_schemes():
        out += list(s.sources) + list(s.window_sources)
        for note in s.notes:
            # Notes cite as "NNN:Lnn" and continue a file's list as "Lnn".
            for m in re.finditer(r"(\d{3}):L(\d+)((?:, L\d+)*)", note):
                out.append(f"{m.group(1)}:L{m.group(2)}")
                out += [f"{m.group(1)}:{x.strip()}" for x in m.group(3).split(",") if x.strip()]
    data = load_paths()
    out += list(data.sources) + [src for sec in data.sectors for src in sec.sources]
    return out


@pytest.mark.skipif(not SHARED.exists(), reason="shared seeds not present (CI)")
def test_packaged_seed_copy_equals_shared() -> None:
    shared = {f.name: f.read_bytes() for f in SHARED.glob("*.txt")}
    packaged = {f.name: f.read_bytes() for f in PACKAGED.glob("*.txt")}
    assert shared == packaged


def test_every_citation_points_at_a_seed_line() -> None:
    seeds = _seed_lines()
    citations = _all_citations()
    assert len(citations) > 50
    for cite in citations:
        m = CITATION_RE.match(cite)
        if not m:
            # A public source outside the seeds must name where it comes from.
            assert "rijksoverheid.nl" in cite or "http" in cite, cite
            continue
        lines = seeds[m.group(1)]
        start = int(m.group(2))
        end = int(m.group(3) or start)
        assert 1 <= start <= end <= len(lines), cite
        if start == end:
            assert lines[start - 1].strip(), f"{cite} is an empty line"
        else:
            assert any(lines[i - 1].strip() for i in range(start, end + 1)), cite


def test_every_scheme_cites_a_seed() -> None:
    for s in load_schemes():
        assert any(CITATION_RE.match(c) for c in s.sources), s.id
        assert s.window_sources, s.id
