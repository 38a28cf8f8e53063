"""Where classes build: areas that never overlap or wrap around, sized to the estate, freed
when a class goes, and a clear answer when the world is full."""

from pathlib import Path

from flask import Flask
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from minecraft_scripts.generate import model_size
from teacher_portal.core.extensions import db
from teacher_portal.estates.build_jobs import start_estate_build
from teacher_portal.game import areas, jobs
from teacher_portal.game.areas import area_of, first_free, ground_of, too_close
from teacher_portal.models import GameServer, SchoolClass, WorldArea
from tests.real_components import free_port
from tests.teacher_portal.conftest import AuthActions, make_app
from tests.teacher_portal.factories import create_class, create_teacher, default_teacher
from worlds.catalog import load_estate
from worlds.geometry import Rect

REGION = Rect(0, 0, 999, 999)


def _extent(area) -> tuple[int, int]:
    ground = ground_of(area)
    return ground.width, ground.depth


def test_areas_are_packed_from_the_corner_with_a_gap_between_them() -> None:
    taken: list[Rect] = []
    for size in [(160, 120), (100, 80), (110, 84), (160, 120)]:
        place = first_free(size, taken, REGION, gap=16)
        assert place is not None
        taken.append(place)
    assert taken[0] == Rect(0, 0, 159, 119)
    assert taken[1] == Rect(0, 136, 99, 215)  # south of the first, 16 blocks apart
    assert taken[2] == Rect(116, 136, 225, 219)  # beside it: the square around spawn grows
    assert all(not too_close(a, b, 16) for i, a in enumerate(taken) for b in taken[i + 1 :])


@given(st.lists(st.tuples(st.integers(1, 300), st.integers(1, 300)), min_size=1, max_size=25))
def test_no_two_areas_ever_overlap_and_all_stay_in_the_region(sizes) -> None:
    taken: list[Rect] = []
    for size in sizes:
        place = first_free(size, taken, REGION, gap=10)
        if place is None:
            continue
        assert REGION.contains(place)
        assert (place.x2 - place.x1 + 1, place.z2 - place.z1 + 1) == size
        assert not any(too_close(place, other, 10) for other in taken)
        taken.append(place)


def test_a_freed_area_is_used_again_and_a_full_region_has_no_place() -> None:
    small = Rect(0, 0, 299, 299)
    taken: list[Rect] = []
    for _ in range(4):
        taken.append(first_free((140, 140), taken, small, gap=10))
    assert None not in taken
    assert first_free((140, 140), taken, small, gap=10) is None
    freed = taken.pop(1)
    assert first_free((140, 140), taken, small, gap=10) == freed


def _size(estate_id: str) -> tuple[int, int]:
    width, _height, depth = model_size(load_estate(estate_id))
    return width, depth


def test_two_teachers_with_six_classes_each_get_areas_of_their_own(tmp_path: Path) -> None:
    """The reported case: the old five slots wrapped, and the sixth class built over the first."""
    app = make_app(tmp_path, BUILD_REGION_X=0, BUILD_REGION_WIDTH=2000, BUILD_REGION_DEPTH=2000)
    with app.app_context():
        anna = create_teacher("anna@example.org", name="Anna")
        bo = create_teacher("bo@example.org", name="Bo")
        estates = {}
        for number in range(1, 7):
            for teacher, estate_id in ((anna, "rosenhaven"), (bo, "tranebaerparken")):
                school_class = create_class(teacher, f"{number}.{teacher.name}")
                origin = areas.build_origin(db.session.get(SchoolClass, school_class.id), estate_id)
                db.session.commit()
                estates[school_class.id] = (estate_id, origin)
        stored = {area.class_id: area for area in db.session.scalars(select(WorldArea))}
    assert len(stored) == 12
    for class_id, (estate_id, origin) in estates.items():
        area = stored[class_id]
        assert (area.x1, area.y, area.z1) == origin
        ground = ground_of(area)
        assert (ground.width, ground.depth) == _size(estate_id)  # sized to the estate
    grounds = [ground_of(area) for area in stored.values()]
    assert all(
        not a.grown(16, 16, 16, 16).overlaps(b)
        for i, a in enumerate(grounds)
        for b in grounds[i + 1 :]
    )


def test_a_class_keeps_its_area_and_moves_when_a_larger_estate_needs_more(app: Flask) -> None:
    with app.app_context():
        school_class = create_class(default_teacher())
        first = areas.build_origin(school_class, "rosenhaven")
        again = areas.build_origin(school_class, "rosenhaven")
        larger = areas.build_origin(school_class, "tranebaerparken")
        db.session.commit()
        rows = db.session.scalars(select(WorldArea).order_by(WorldArea.id)).all()
        assert _extent(area_of(school_class)) == _size("tranebaerparken")
    assert first == again
    assert larger != first
    assert [row.class_id for row in rows] == [None, school_class.id]  # the old land waits
    assert not ground_of(rows[0]).overlaps(ground_of(rows[1]))  # to be cleared, still taken


def _class_on_port(app: Flask, port: int, kind: str = "minetest", **fields) -> SchoolClass:
    with app.app_context():
        school_class = create_class(default_teacher(), **fields)
        db.session.add(GameServer(class_id=school_class.id, kind=kind, host="127.0.0.1", port=port))
        db.session.commit()
    return school_class


def test_when_the_world_is_full_the_teacher_is_told_what_to_do(tmp_path: Path) -> None:
    app = make_app(tmp_path, BUILD_REGION_WIDTH=200, BUILD_REGION_DEPTH=200)
    with app.app_context():
        create_teacher(admin=True)
    port = free_port()  # one world for both (nothing listens: the first build fails later)
    first, second = (_class_on_port(app, port, name=name) for name in ("6.A", "6.B"))
    own = _class_on_port(app, free_port(), name="6.C")
    with app.app_context():
        jobs.wait(
            start_estate_build(db.session.get(SchoolClass, first.id), "tranebaerparken").id, 30
        )
        job = start_estate_build(db.session.get(SchoolClass, second.id), "tranebaerparken")
        assert job.state == "failed"
        assert "Der er ikke plads" in job.error
        assert "Slet en klasse" in job.error
        assert "egen spilserver" in job.error
        assert area_of(db.session.get(SchoolClass, second.id)) is None
        # the advice holds: a class on a server of its own has its world's whole region
        assert areas.build_origin(db.session.get(SchoolClass, own.id), "tranebaerparken")


def test_deleting_a_class_frees_its_area_for_the_next_class(
    app: Flask, client, auth: AuthActions
) -> None:
    """On a server the toolkit does not manage the land is freed at once (it is the school's
    own world, the portal clears nothing there)."""
    gone = _class_on_port(app, free_port(), kind="raspberryjuice", name="6.A")
    with app.app_context():
        place = areas.build_origin(db.session.get(SchoolClass, gone.id), "rosenhaven")
        db.session.commit()
    auth.login()
    client.post(f"/classes/{gone.id}/delete")
    newcomer = _class_on_port(app, free_port(), kind="raspberryjuice", name="7.A")
    with app.app_context():
        assert db.session.scalar(select(WorldArea).where(WorldArea.class_id.is_(None))) is None
        assert areas.build_origin(db.session.get(SchoolClass, newcomer.id), "rosenhaven") == place


def test_a_deleted_class_on_a_world_that_is_down_keeps_its_land_until_it_is_cleared(
    app: Flask, client, auth: AuthActions
) -> None:
    port = free_port()  # nothing listens there
    gone = _class_on_port(app, port, name="6.A")
    with app.app_context():
        place = areas.build_origin(db.session.get(SchoolClass, gone.id), "rosenhaven")
        db.session.commit()
    auth.login()
    page = client.post(f"/classes/{gone.id}/delete", follow_redirects=True).text
    assert "Spilserveren svarede ikke" in page
    newcomer = _class_on_port(app, port, name="7.A")
    with app.app_context():
        assert db.session.scalar(select(WorldArea).where(WorldArea.class_id.is_(None)))
        assert areas.build_origin(db.session.get(SchoolClass, newcomer.id), "rosenhaven") != place


def test_a_build_that_would_touch_another_class_is_refused_before_the_server_is_asked(
    app: Flask,
) -> None:
    """The last guard: e.g. areas recorded by hand, or before the portal kept them apart."""
    port = free_port()  # nothing listens: a build that reached the server would say so
    neighbour = _class_on_port(app, port, name="6.A")
    intruder = _class_on_port(app, port, name="6.B")
    with app.app_context():
        theirs = areas.build_origin(db.session.get(SchoolClass, neighbour.id), "rosenhaven")
        areas.build_origin(db.session.get(SchoolClass, intruder.id), "rosenhaven")
        moved = area_of(db.session.get(SchoolClass, intruder.id))
        width, depth = _extent(moved)
        moved.x1, moved.z1 = theirs[0] + 10, theirs[2]
        moved.x2, moved.z2 = moved.x1 + width - 1, moved.z1 + depth - 1
        db.session.commit()
        job = start_estate_build(db.session.get(SchoolClass, intruder.id), "rosenhaven")
        jobs.wait(job.id, 30)
        db.session.refresh(job)
        assert job.state == "failed"
        assert "røre en anden klasses bebyggelse" in job.error  # not "did not answer"


def test_a_build_outside_the_class_area_is_refused(app: Flask) -> None:
    school_class = _class_on_port(app, free_port(), name="6.A")
    with app.app_context():
        school_class = db.session.get(SchoolClass, school_class.id)
        x, y, z = areas.build_origin(school_class, "rosenhaven")
        size = _extent(area_of(school_class))
        assert areas.build_problem(school_class, (x, y, z), size) is None
        problem = areas.build_problem(school_class, (x + 1, y, z), size)
    assert problem is not None and "uden for klassens område" in problem
