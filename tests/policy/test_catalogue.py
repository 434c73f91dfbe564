"""Catalogue: migration + idempotent seed, the feed importer, and the interest vocabulary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from assistant.catalogue.importer import import_feed, main
from assistant.catalogue.interests import sectors_for_text
from assistant.catalogue.models import Course, CourseFunction
from assistant.database import upgrade
from assistant.policy.paths import load_paths
from assistant.storage.db import make_engine, make_session_factory


@pytest.fixture()
def db_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'koers.db'}"
    upgrade(url)
    return url


def _count(url: str, model: type) -> int:
    engine = make_engine(url)
    try:
        with make_session_factory(engine)() as session:
            return int(session.execute(select(func.count()).select_from(model)).scalar_one())
    finally:
        engine.dispose()


def test_seed_on_upgrade_is_idempotent(db_url: str) -> None:
    courses, links = _count(db_url, Course), _count(db_url, CourseFunction)
    assert courses >= len(load_paths().courses) and links > 0
    upgrade(db_url)
    assert (_count(db_url, Course), _count(db_url, CourseFunction)) == (courses, links)
    engine = make_engine(db_url)
    with make_session_factory(engine)() as session:
        hzw = session.execute(select(Course).where(Course.id == "helpende_zorg_welzijn")).scalar_one()
        assert (hzw.level, hzw.nlqf, hzw.provider, hzw.cost) == ("mbo2", 2, None, None)
        assert "Leeroverzicht.nl" in hzw.where_to_find
        sectors = set(
            session.execute(
                select(CourseFunction.sector).where(CourseFunction.course_id == "helpende_zorg_welzijn")
            ).scalars()
        )
        # Groepshulp in the kinderopvang starts with a praktijkverklaring or mbo-certificaat, not the
        # Helpende Zorg en Welzijn diploma (kinderopvang-werkt.nl, Ontwikkelpad kinderopvang FAQ).
        assert sectors == {"zorg_welzijn"}
        groepshulp = set(
            session.execute(
                select(CourseFunction.sector).where(CourseFunction.course_id == "groepshulp_kinderopvang")
            ).scalars()
        )
        assert groepshulp == {"kinderopvang"}
    engine.dispose()


GOOD_CSV = (
    "id,name,kind,level,nlqf,forms,duration,sectors,provider,url,region_code\n"
    "roc-x-vig,Verzorgende-IG,mbo-kwalificatie,mbo3,3,bbl,2 jaar,zorg_welzijn,ROC X,https://example.org/v,AM12\n"
    "roc-x-hov,Medewerker hovenier,mbo-kwalificatie,mbo2,2,bbl;bol,2 jaar,groen,,,\n"
)


def test_import_csv_loads_and_updates(db_url: str, tmp_path: Path) -> None:
    feed = tmp_path / "aanbod.csv"
    feed.write_text(GOOD_CSV, encoding="utf-8")
    before = _count(db_url, Course)
    report = import_feed(feed, db_url)
    assert report.ok and report.loaded == 2
    assert _count(db_url, Course) == before + 2
    assert import_feed(feed, db_url).ok  # again: updated, not duplicated
    assert _count(db_url, Course) == before + 2


def test_invalid_csv_loads_nothing_and_reports_lines(db_url: str, tmp_path: Path) -> None:
    feed = tmp_path / "aanbod.csv"
    feed.write_text(
        GOOD_CSV + "bad,,x,mbo9,12,online,,ruimtevaart,,ftp://x,Utrecht\n"
        "roc-x-vig,Dubbel,x,mbo2,2,bbl,1 jaar,zorg_welzijn,,,\n",
        encoding="utf-8",
    )
    before = _count(db_url, Course)
    report = import_feed(feed, db_url)
    assert not report.ok and report.loaded == 0
    lines = dict(report.rejected)
    assert set(lines) == {4, 5}
    text = " ".join(lines[4])
    for fld in ("name", "level", "nlqf", "forms", "duration", "sectors", "url", "region_code"):
        assert f"{fld}:" in text
    assert "regel 2" in " ".join(lines[5])
    assert _count(db_url, Course) == before
    assert "regel 4" in report.summary()


def test_import_json_and_jsonl(db_url: str, tmp_path: Path) -> None:
    row = {
        "id": "cursus-digi",
        "name": "Digitale vaardigheden",
        "level": "cursus",
        "forms": ["cursus"],
        "duration": "10 weken",
        "sectors": ["anders"],
    }
    (tmp_path / "a.json").write_text(json.dumps({"courses": [row]}), encoding="utf-8")
    assert import_feed(tmp_path / "a.json", db_url).loaded == 1
    (tmp_path / "b.jsonl").write_text(
        json.dumps(row) + "\n" + json.dumps({**row, "id": "X!"}) + "\n", encoding="utf-8"
    )
    report = import_feed(tmp_path / "b.jsonl", db_url)
    assert [line for line, _ in report.rejected] == [2]
    (tmp_path / "c.json").write_text("[{", encoding="utf-8")
    assert not import_feed(tmp_path / "c.json", db_url).ok


def test_feed_may_not_overwrite_project_courses(db_url: str, tmp_path: Path) -> None:
    feed = tmp_path / "aanbod.csv"
    feed.write_text(
        "id,name,level,forms,duration,sectors\nverzorgende_ig,X,mbo3,bbl,1 jaar,zorg_welzijn\n",
        encoding="utf-8",
    )
    report = import_feed(feed, db_url)
    assert not report.ok and "Koers" in report.rejected[0][1][0]


def test_importer_cli_exit_codes(db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = tmp_path / "aanbod.csv"
    feed.write_text(GOOD_CSV, encoding="utf-8")
    assert main([str(feed), "--database-url", db_url, "--dry-run"]) == 0
    feed.write_text("id,name\nx,y\n", encoding="utf-8")
    assert main([str(feed), "--database-url", db_url]) == 2
    assert "regel 2" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("ik werk graag met mensen", "zorg_welzijn"),
        ("iets met mijn handen", "techniek_bouw_energie"),
        ("met kinderen", "kinderopvang"),
        ("buiten werken", "groen"),
        ("computers", "ict"),
        ("in de zorg", "zorg_welzijn"),
        ("bouw", "techniek_bouw_energie"),
        ("Ik wil iets in de kinderopfang", "kinderopvang"),
        ("iets met kinderne", "kinderopvang"),
        ("Ik wil graag hovenier worden", "groen"),
        ("ik zou graag in de ICT werken", "ict"),
        ("Zorg voor ouderen", "zorg_welzijn"),
    ],
)
def test_interests(text: str, first: str) -> None:
    out = sectors_for_text(text)
    assert out[0] == first
    assert len(out) == len(set(out))


def test_interests_unknown_and_sector_enum() -> None:
    from assistant.intake.profile import profile_schema

    assert sectors_for_text("geen idee eigenlijk") == []
    assert sectors_for_text("") == []
    allowed = set(profile_schema()["$defs"]["sector_value"]["enum"])
    assert set(sectors_for_text("mensen handen kinderen buiten computers winkel koken")) <= allowed


# One source of courses: the catalogue data (projectdata) is the truth; the database and the
# advice are derived from it.
def _db_courses(url: str) -> dict[str, Course]:
    engine = make_engine(url)
    try:
        with make_session_factory(engine)() as session:
            rows = session.execute(select(Course).where(Course.origin == "koers")).scalars().all()
            return {c.id: c for c in rows}
    finally:
        engine.dispose()


def test_database_is_the_catalogue_data(db_url: str) -> None:
    from assistant.catalogue.projectdata import project_courses

    db = _db_courses(db_url)
    records = project_courses()
    assert set(db) == {r.id for r in records}
    for r in records:
        row = db[r.id]
        assert (row.name, row.level, row.nlqf, list(row.forms), row.duration) == (
            r.name, r.level, r.nlqf, list(r.forms), r.duration), r.id


def test_every_course_in_the_advice_is_a_catalogue_row(db_url: str) -> None:
    from datetime import date
    from itertools import product

    from assistant.advice import build_advice
    from assistant.catalogue.records import SECTORS

    db = _db_courses(db_url)
    seen: set[str] = set()
    for sector, edu, work in product(SECTORS, ["geen", "mbo2", "mbo3", "mbo4", "hbo_master", "buitenlands"],
                                     ["werknemer_vast", "werkzoekend_ww", "zzp"]):
        profile = {"sector_interests": [sector], "education_level": edu, "work_status": work, "age": 40,
                   "literacy_need": edu == "geen"}
        for course in build_advice(profile, date(2026, 12, 2))["courses"]:
            row = db[course["id"]]
            assert (row.name, row.level, list(row.forms), row.duration) == (
                course["name"], course["level"], course["form"], course["duration"])
            seen.add(course["id"])
    assert "onderwijsassistent" in seen  # the catalogue's own courses are shown now


def test_routes_hold_ids_only_and_every_id_is_in_the_catalogue() -> None:
    import yaml

    from assistant.advice import ROUTES_FILE
    from assistant.catalogue.projectdata import project_course

    routes = yaml.safe_load(ROUTES_FILE.read_text(encoding="utf-8"))
    ids = [e if isinstance(e, str) else e["course"] for opts in routes["sectors"].values() for e in opts]
    ids += list(routes["higher"]) + list(routes["situations"].values())
    for entry in [e for opts in routes["sectors"].values() for e in opts if not isinstance(e, str)]:
        assert set(entry) <= {"course", "needs_nlqf"}, entry  # no course facts in the routes
    for course_id in ids:
        assert project_course(course_id).name


def test_checked_names_cite_a_public_source() -> None:
    from assistant.catalogue.projectdata import project_courses, verification

    checked = [r.id for r in project_courses() if verification(r.id).checked]
    assert checked  # some names were verified
    for course_id in checked:
        assert "http" in (verification(course_id).source or ""), course_id


def test_catalogue_data_refuses_a_checked_name_without_source(monkeypatch: pytest.MonkeyPatch,
                                                             tmp_path: Path) -> None:
    from assistant.catalogue import projectdata

    bad = tmp_path / "courses.yaml"
    bad.write_text("courses:\n  - {id: x_y, name: X, level: mbo2, nlqf: 2, forms: [bbl], duration: 1 jaar,\n"
                   "     sectors: [anders], checked: true}\n", encoding="utf-8")
    monkeypatch.setattr(projectdata, "COURSES_FILE", bad)
    projectdata._load.cache_clear()
    try:
        with pytest.raises(projectdata.CatalogueDataError, match="source"):
            projectdata.project_courses()
    finally:
        projectdata._load.cache_clear()
