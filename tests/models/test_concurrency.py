"""Coordinators saving at the same time for a host's last place: exactly one gets it.

placement_save validates inside a transaction that first locks the host offer
(PostgreSQL: SELECT … FOR UPDATE on its row; SQLite: BEGIN IMMEDIATE takes the
database's write lock), so whoever comes second counts the first one's
placement. Each coordinator here is a thread with its own database connection,
closed when the thread ends.

SQLite: pytest-django's test database lives in memory with a shared cache,
where SQLite locks tables instead of the file and reports a conflict at once
instead of waiting — not how the app runs. So the SQLite tests copy the test
database to a file and point each thread's default connection at the copy, with
the project's own OPTIONS (IMMEDIATE, WAL, busy timeout).
"""

import sqlite3
import threading
import time
from contextlib import closing
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections, transaction
from django.db.backends.sqlite3.base import DatabaseWrapper as SQLiteDatabaseWrapper
from django.test.utils import CaptureQueriesContext

from placements.models import HostOffer, Placement, PlacementStatus, StatusChange
from placements.services import placement_move, placement_save
from tests.factories import ParticipantFactory, PlacementFactory

LAST_PLACE_TAKEN = {"host_department": ["Futian District Government offered 1 place in this cohort and it is taken."]}


@pytest.fixture
def one_place(cohort, host):
    """Futian offers a single place, still free."""
    HostOffer.objects.filter(cohort=cohort, department=host).update(places=1)


class Coordinator(threading.Thread):
    """One coordinator saving one placement, on a database connection of their own.

    `hold_until`: keep the transaction open after saving until that event is
    set, like a save still in progress. `outcome` is "saved" or what was raised.
    """

    def __init__(self, placement: Placement, *, connect=None, start_together=None, hold_until=None):
        super().__init__(daemon=True)
        self.placement = placement
        self.connect = connect
        self.start_together = start_together
        self.hold_until = hold_until
        self.holding = threading.Event()
        self.outcome: object = None

    def run(self) -> None:
        try:
            if self.connect:
                self.connect()
            if self.start_together:
                self.start_together.wait(timeout=10)
            with transaction.atomic():
                placement_save(placement=self.placement)
                if self.hold_until:
                    self.holding.set()
                    self.hold_until.wait(timeout=10)
            self.outcome = "saved"
        except Exception as error:
            self.outcome = error
        finally:
            connections.close_all()


def run_all(coordinators: list[Coordinator]) -> list[object]:
    for coordinator in coordinators:
        coordinator.start()
    for coordinator in coordinators:
        coordinator.join(timeout=30)
    assert not any(coordinator.is_alive() for coordinator in coordinators)
    return [coordinator.outcome for coordinator in coordinators]


def refused_for_capacity(outcome: object) -> bool:
    return isinstance(outcome, ValidationError) and outcome.message_dict == LAST_PLACE_TAKEN


def wait_until(condition, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


# -- PostgreSQL: a row lock on the host offer ---------------------------------------


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_on_postgresql_five_coordinators_racing_for_the_last_place_one_gets_it_the_others_a_message(
    new_placement, one_place
):
    start_together = threading.Barrier(5)
    outcomes = run_all([Coordinator(new_placement(), start_together=start_together) for _ in range(5)])
    assert outcomes.count("saved") == 1, outcomes
    assert all(refused_for_capacity(outcome) for outcome in outcomes if outcome != "saved"), outcomes
    assert Placement.objects.count() == 1


def sessions_waiting_for_a_lock() -> int:
    # Only this test's sessions use the test database.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0]


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_on_postgresql_a_save_waits_for_an_unfinished_save_then_sees_its_placement(new_placement, one_place):
    release = threading.Event()
    first = Coordinator(new_placement(), hold_until=release)
    second = Coordinator(new_placement())
    try:
        first.start()
        assert first.holding.wait(timeout=10), first.outcome
        second.start()
        # The second save is stuck on the first one's lock on the offer row…
        assert wait_until(lambda: sessions_waiting_for_a_lock() == 1), "the second save never waited for a lock"
        assert second.is_alive()
    finally:
        release.set()
    # …and, once the first commits, counts its placement.
    first.join(timeout=10)
    second.join(timeout=10)
    assert first.outcome == "saved"
    assert refused_for_capacity(second.outcome), second.outcome
    assert Placement.objects.count() == 1


# -- SQLite: the database's write lock, taken when the transaction begins --------


@pytest.mark.sqlite
@pytest.mark.django_db(transaction=True)
def test_on_sqlite_every_transaction_takes_the_write_lock_when_it_begins():
    assert connection.settings_dict["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    with CaptureQueriesContext(connection) as queries, transaction.atomic():
        Placement.objects.count()
    assert queries[0]["sql"] == "BEGIN IMMEDIATE"


class SQLiteFile:
    """The test database copied to a file, shared by threads as the app shares its file."""

    def __init__(self, path: Path):
        self.path = path

    def copy_test_database(self) -> None:
        connection.ensure_connection()
        with closing(sqlite3.connect(self.path)) as copy:
            connection.connection.backup(copy)
            copy.execute("PRAGMA journal_mode=WAL")

    def connect_this_thread(self) -> None:
        settings_dict = {**connection.settings_dict, "NAME": str(self.path)}
        connections["default"] = SQLiteDatabaseWrapper(settings_dict, alias="default")

    def count_placements(self) -> int:
        with closing(sqlite3.connect(self.path)) as db:
            return db.execute("SELECT count(*) FROM placements_placement").fetchone()[0]


@pytest.fixture
def sqlite_file(tmp_path):
    return SQLiteFile(tmp_path / "exchange.sqlite3")


@pytest.mark.sqlite
@pytest.mark.django_db(transaction=True)
def test_on_sqlite_five_coordinators_racing_for_the_last_place_one_gets_it_the_others_a_message(
    new_placement, one_place, sqlite_file
):
    placements = [new_placement() for _ in range(5)]
    sqlite_file.copy_test_database()
    start_together = threading.Barrier(5)
    outcomes = run_all(
        [Coordinator(p, connect=sqlite_file.connect_this_thread, start_together=start_together) for p in placements]
    )
    assert outcomes.count("saved") == 1, outcomes
    assert all(refused_for_capacity(outcome) for outcome in outcomes if outcome != "saved"), outcomes
    assert sqlite_file.count_placements() == 1


@pytest.mark.sqlite
@pytest.mark.django_db(transaction=True)
def test_on_sqlite_a_save_waits_for_an_unfinished_save_then_sees_its_placement(new_placement, one_place, sqlite_file):
    placements = [new_placement(), new_placement()]
    sqlite_file.copy_test_database()
    release = threading.Event()
    first = Coordinator(placements[0], connect=sqlite_file.connect_this_thread, hold_until=release)
    second = Coordinator(placements[1], connect=sqlite_file.connect_this_thread)
    try:
        first.start()
        assert first.holding.wait(timeout=10), first.outcome
        second.start()
        # SQLite cannot say who is waiting: half a second still running is the sign.
        second.join(timeout=0.5)
        assert second.is_alive(), f"the second save did not wait for the first: {second.outcome!r}"
    finally:
        release.set()
    first.join(timeout=10)
    second.join(timeout=10)
    assert first.outcome == "saved"
    # With DEFERRED transactions the second would have counted no one and then
    # failed to write ("database is locked"); IMMEDIATE makes it wait, then count.
    assert refused_for_capacity(second.outcome), second.outcome
    assert sqlite_file.count_placements() == 1


# -- confirming: N coordinators, N proposals, one last place -----------------------------


class Confirmer(threading.Thread):
    """One coordinator confirming one placement, on a connection of their own."""

    def __init__(self, placement_id: int, *, start_together, connect=None):
        super().__init__(daemon=True)
        self.placement_id = placement_id
        self.start_together = start_together
        self.connect = connect
        self.outcome: object = None

    def run(self) -> None:
        try:
            if self.connect:
                self.connect()
            self.start_together.wait(timeout=10)
            placement_move(placement=Placement(pk=self.placement_id), move="confirm", by=None)
            self.outcome = "confirmed"
        except Exception as error:
            self.outcome = error
        finally:
            connections.close_all()


def proposals_for_one_place(cohort, host, count: int) -> list[int]:
    """`count` proposals at a host that has since cut its offer to one place."""
    HostOffer.objects.filter(cohort=cohort, department=host).update(places=count)
    ids = [PlacementFactory(cohort=cohort, host_department=host).pk for _ in range(count)]
    HostOffer.objects.filter(cohort=cohort, department=host).update(places=1)
    return ids


def race(threads: list[threading.Thread]) -> list[object]:
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not any(thread.is_alive() for thread in threads)
    return [thread.outcome for thread in threads]


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_on_postgresql_n_parallel_confirmations_for_the_last_place_admit_exactly_one(cohort, host):
    n = 6
    ids = proposals_for_one_place(cohort, host, n)
    barrier = threading.Barrier(n)
    outcomes = race([Confirmer(pk, start_together=barrier) for pk in ids])

    assert outcomes.count("confirmed") == 1, outcomes
    assert all(refused_for_capacity(o) for o in outcomes if o != "confirmed"), outcomes
    assert Placement.objects.filter(status=PlacementStatus.CONFIRMED).count() == 1
    assert StatusChange.objects.count() == 1


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_on_postgresql_one_placement_confirmed_by_n_coordinators_at_once_is_confirmed_once(cohort, host):
    placement = PlacementFactory(cohort=cohort, host_department=host)
    n = 5
    barrier = threading.Barrier(n)
    outcomes = race([Confirmer(placement.pk, start_together=barrier) for _ in range(n)])

    assert outcomes.count("confirmed") == 1, outcomes
    assert all(
        isinstance(o, ValidationError)
        and o.messages == ["Only a proposed placement can be confirmed; this one is marked “Confirmed”."]
        for o in outcomes
        if o != "confirmed"
    ), outcomes
    assert StatusChange.objects.count() == 1


@pytest.mark.sqlite
@pytest.mark.django_db(transaction=True)
def test_on_sqlite_n_parallel_confirmations_for_the_last_place_admit_exactly_one(cohort, host, sqlite_file):
    n = 5
    ids = proposals_for_one_place(cohort, host, n)
    sqlite_file.copy_test_database()
    barrier = threading.Barrier(n)
    outcomes = race([Confirmer(pk, start_together=barrier, connect=sqlite_file.connect_this_thread) for pk in ids])

    assert outcomes.count("confirmed") == 1, outcomes
    assert all(refused_for_capacity(o) for o in outcomes if o != "confirmed"), outcomes
    with closing(sqlite3.connect(sqlite_file.path)) as db:
        assert db.execute("SELECT count(*) FROM placements_placement WHERE status = 'confirmed'").fetchone()[0] == 1


# -- one officer placed twice at the same moment ----------------------------------------


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_on_postgresql_two_coordinators_placing_one_officer_at_once_get_a_message_not_a_server_error(
    cohort, host, new_placement
):
    from tests.factories import CohortFactory, HostOfferFactory, ShenzhenDepartmentFactory

    officer = ParticipantFactory()
    # Two cohorts at the same time, at two hosts: neither save waits on the other's host offer.
    other_cohort = CohortFactory(agreement=cohort.agreement, start_date=cohort.start_date, end_date=cohort.end_date)
    other_host = ShenzhenDepartmentFactory()
    HostOfferFactory(cohort=other_cohort, department=other_host, places=2)
    release = threading.Event()
    first = Coordinator(new_placement(participant=officer), hold_until=release)
    second = Coordinator(new_placement(participant=officer, cohort=other_cohort, host_department=other_host))
    try:
        first.start()
        assert first.holding.wait(timeout=10), first.outcome
        second.start()
        second.join(timeout=0.5)
        assert second.is_alive()  # waiting for the first to finish
    finally:
        release.set()
    first.join(timeout=10)
    second.join(timeout=10)
    assert first.outcome == "saved"
    assert isinstance(second.outcome, ValidationError), second.outcome
    assert second.outcome.message_dict["participant"][0].startswith("This officer is already placed with")
    assert Placement.objects.count() == 1


@pytest.mark.postgresql
def test_on_postgresql_the_exclusion_constraint_becomes_a_message(cohort, host, new_placement, monkeypatch):
    # As if two saves had both passed validation: the database has the last word.
    officer = ParticipantFactory()
    placement_save(placement=new_placement(participant=officer))
    from tests.factories import CohortFactory, HostOfferFactory

    other_cohort = CohortFactory(agreement=cohort.agreement, start_date=cohort.start_date, end_date=cohort.end_date)
    HostOfferFactory(cohort=other_cohort, department=host, places=2)
    monkeypatch.setattr(Placement, "_check_no_overlap", lambda self, add: None)
    with pytest.raises(ValidationError) as excinfo:
        placement_save(placement=new_placement(participant=officer, cohort=other_cohort))
    assert excinfo.value.message_dict == {
        "participant": [
            "Another coordinator has just placed this officer at the same time; nothing was saved. "
            "Reload to see their placement."
        ]
    }
