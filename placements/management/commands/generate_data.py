"""Fill the database with a large, realistic programme for load and performance tests.

Every generated row keeps every rule the models enforce, so full_clean() would
pass on each of them; the rules are met by construction rather than checked
row by row, which is what lets 100 000 placements go in with bulk_create (and
their first history records with them) and no per-row query:

- each agreement is in force over its own stretch of 2010–2026, and every
  cohort lies inside the stretch of its agreement;
- each cohort runs one way: Hong Kong officers to a Mainland city of the
  Greater Bay Area (or Guangdong Province), or Mainland officers to Hong Kong;
  its officers come from home-side departments and go to host-side ones;
- each placement lasts the agreement's standard length, give or take no
  more than its tolerance, inside its cohort's dates, in a field the
  agreement covers;
- each officer has exactly one placement, so no officer is placed twice at once;
- each host department offers at least as many places as it receives officers.

The same --seed gives the same records; only the statuses depend on the day
the command runs (a cohort that has ended is completed, and so on).
"""

import datetime as dt
import math
import random
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history
from tqdm import tqdm

from placements import freshness
from placements import synthetic as words
from placements.models import (
    Agreement,
    Cohort,
    CohortStatus,
    Department,
    DepartmentKind,
    Event,
    EventKind,
    Field,
    HostOffer,
    Jurisdiction,
    LengthUnit,
    Participant,
    Placement,
    PlacementReport,
    PlacementStatus,
    Seniority,
)

# Cohorts start between these days; the last ones run into the next year.
FIRST_DAY = dt.date(2010, 1, 1)
LAST_DAY = dt.date(2026, 12, 24)
# The longest a generated cohort lasts (3 months, a 2-week staggered start,
# slack) plus a week for moving its start to a Monday.
COHORT_SPAN = dt.timedelta(days=140)
# The day the 2023 agreement changed placements from four weeks to three months.
THREE_MONTHS_SINCE = dt.date(2023, 9, 1)
WITHDRAWN_SHARE = 0.02
MAX_COHORT_SIZE = 5000
MAINLAND_TO_HONG_KONG_SHARE = 0.2
# Bulk inserts skip save(), so they write the records' first history line themselves.
GENERATED = "generate_data"

# Where Hong Kong officers go, and how often (Shenzhen leads, as in the real programme).
HOST_WEIGHTS = {
    Jurisdiction.SHENZHEN: 30,
    Jurisdiction.GUANGZHOU: 15,
    Jurisdiction.GUANGDONG: 12,
    Jurisdiction.ZHUHAI: 8,
    Jurisdiction.FOSHAN: 8,
    Jurisdiction.DONGGUAN: 8,
    Jurisdiction.HUIZHOU: 5,
    Jurisdiction.ZHONGSHAN: 5,
    Jurisdiction.JIANGMEN: 4,
    Jurisdiction.ZHAOQING: 4,
}
PLACE_NAMES = {jurisdiction: (en, zh) for jurisdiction, en, zh, _, _ in words.MAINLAND_CITIES} | {
    Jurisdiction.GUANGDONG: ("Guangdong", "廣東"),
    Jurisdiction.HKSAR: ("Hong Kong", "香港"),
}


@dataclass
class Pool:
    """The departments of one jurisdiction, and those of them working in each field."""

    all: list[Department] = field(default_factory=list)
    by_field: dict[str, list[Department]] = field(default_factory=lambda: defaultdict(list))

    def add(self, department: Department, field_name: str) -> None:
        self.all.append(department)
        self.by_field[field_name].append(department)


@dataclass
class CohortPlan:
    """A cohort and what is decided about it before its placements are built."""

    cohort: Cohort
    stagger: int  # later officers start up to this many days after the first, in steps of a week
    slack: int  # placements end up to this many days either side of the standard length
    hosts: list[Department] = field(default_factory=list)  # the departments offering places
    rows: list[tuple[Field, Department]] = field(default_factory=list)  # each placement's field and host


class Command(BaseCommand):
    help = (
        "Generate a large, valid programme (agreements, cohorts, host offers, events, officers, placements) "
        "for load and performance tests. Not for production databases."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--agreements", type=int, default=4, help="How many agreements (1–20; default 4).")
        parser.add_argument("--cohorts", type=int, default=300, help="How many cohorts (default 300).")
        parser.add_argument("--placements", type=int, default=100_000, help="How many placements (default 100000).")
        parser.add_argument("--seed", type=int, default=2023, help="Random seed; the same seed gives the same data.")
        parser.add_argument("--batch-size", type=int, default=5000, help="Rows per INSERT (default 5000).")
        parser.add_argument(
            "--clear",
            action="store_true",
            help="First delete every placement, event, host offer, cohort, agreement and participant "
            "(departments, fields and user accounts stay).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("generate_data writes fictional records; it refuses to run with PRODUCTION=1.")
        if not 1 <= options["agreements"] <= 20:
            raise CommandError("--agreements must be between 1 and 20.")
        if options["cohorts"] < 1 or options["placements"] < 0 or options["batch_size"] < 1:
            raise CommandError("--cohorts and --batch-size must be at least 1, --placements at least 0.")
        if options["placements"] > options["cohorts"] * MAX_COHORT_SIZE:
            # Beyond that a host's places could overflow HostOffer.places (a small integer).
            raise CommandError(f"At most {MAX_COHORT_SIZE} placements per cohort: ask for more cohorts.")

        self.rng = random.Random(options["seed"])
        self.today = timezone.localdate()
        self.batch_size = options["batch_size"]
        self.progress = options["verbosity"] > 0
        started = time.monotonic()
        with transaction.atomic():
            # Bulk writes send no signals: tell the cached pages (placements/freshness.py) at commit.
            freshness.changed()
            if options["clear"]:
                self.clear()
            self.fields = self.ensure_fields()
            self.pools = self.ensure_departments()
            agreements = self.create_agreements(options["agreements"])
            plans = self.create_cohorts(options["cohorts"], agreements)
            self.plan_placements(plans, options["placements"])
            self.create_host_offers(plans)
            self.create_events(plans)
            self.create_placements(plans, options["placements"])
        if options["verbosity"] > 0:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Generated {len(agreements)} agreements, {len(plans)} cohorts, "
                    f"{options['placements']} officers and placements in {time.monotonic() - started:.1f} s."
                )
            )

    # -- reference data ------------------------------------------------------

    def clear(self) -> None:
        for model in (Placement, Event, HostOffer, Cohort, Agreement, Participant):
            model.objects.all().delete()

    def ensure_fields(self) -> dict[str, Field]:
        """The fields of exchange, in the vocabulary's order (random choices depend on it)."""
        existing = {f.name_en: f for f in Field.objects.all()}
        missing = [
            Field(name_en=en, name_zh=zh) for en, zh in words.GBA_FIELDS + words.OTHER_FIELDS if en not in existing
        ]
        Field.objects.bulk_create(missing)
        existing |= {f.name_en: f for f in missing}
        return {en: existing[en] for en, _ in words.GBA_FIELDS + words.OTHER_FIELDS}

    def ensure_departments(self) -> dict[str, Pool]:
        """The departments of every jurisdiction; those already there (the demo's) are reused."""
        district_zh = dict(words.HK_DISTRICTS)
        for _, _, _, _, districts in words.MAINLAND_CITIES:
            district_zh |= dict(districts)

        def department(jurisdiction, name_en, name_zh, kind, district="", short_name="") -> Department:
            place_en, place_zh = PLACE_NAMES[jurisdiction]
            return Department(
                jurisdiction=jurisdiction,
                name_en=name_en,
                name_zh=name_zh,
                kind=kind,
                district=district,
                short_name=short_name,
                address_en=f"{district}, {place_en}" if district else place_en,
                address_zh=f"{place_zh}{district_zh.get(district, '')}",
            )

        # Two rounds, because a child is created after its parent:
        # (department, its field) and (department, its field, its parent's natural key).
        parents: list[tuple[Department, str]] = []
        children: list[tuple[Department, str, tuple[str, str]]] = []
        hk = Jurisdiction.HKSAR
        for name_en, name_zh, short, kind, field_name in words.HK_DEPARTMENTS:
            parents.append((department(hk, name_en, name_zh, kind, short_name=short), field_name))
        for district, zh in words.HK_DISTRICTS:
            office = department(
                hk, f"{district} District Office", f"{zh}民政事務處", DepartmentKind.DISTRICT_OFFICE, district
            )
            children.append((office, words.GOV, (hk, words.HK_PARENT_OF_DISTRICT_OFFICES)))
        for jurisdiction, city, city_zh, (level_en, level_zh, level_kind), districts in words.MAINLAND_CITIES:
            for name_en, name_zh, field_name in words.MUNICIPAL_BUREAUS:
                bureau = department(
                    jurisdiction, f"{city} Municipal {name_en}", f"{city_zh}市{name_zh}", DepartmentKind.BUREAU
                )
                parents.append((bureau, field_name))
            for district, zh in districts:
                government_en = f"{district} {level_en}"
                government = department(jurisdiction, government_en, f"{city_zh}市{zh}{level_zh}", level_kind, district)
                parents.append((government, words.GOV))
                if level_kind != DepartmentKind.DISTRICT_GOVERNMENT:
                    continue  # subdistrict offices have no bureaux of their own
                for name_en, name_zh, field_name in words.DISTRICT_BUREAUS:
                    bureau = department(
                        jurisdiction,
                        f"{district} District {name_en}",
                        f"{city_zh}市{zh}區{name_zh}",
                        DepartmentKind.BUREAU,
                        district,
                    )
                    children.append((bureau, field_name, (jurisdiction, government_en)))
        for jurisdiction, name_en, name_zh, district, field_name in words.MAINLAND_AUTHORITIES:
            parents.append(
                (department(jurisdiction, name_en, name_zh, DepartmentKind.STATUTORY_BODY, district), field_name)
            )
        for name_en, name_zh, field_name in words.GUANGDONG_DEPARTMENTS:
            parents.append(
                (department(Jurisdiction.GUANGDONG, name_en, name_zh, DepartmentKind.DEPARTMENT), field_name)
            )

        existing = {(d.jurisdiction, d.name_en): d for d in Department.objects.all()}

        def save_new(rows: list[Department]) -> None:
            new = [d for d in rows if (d.jurisdiction, d.name_en) not in existing]
            bulk_create_with_history(new, Department, default_change_reason=GENERATED)
            existing.update({(d.jurisdiction, d.name_en): d for d in new})

        save_new([d for d, _ in parents])
        for child, _, parent_key in children:
            child.parent = existing[parent_key]
        save_new([d for d, _, _ in children])

        pools: dict[str, Pool] = defaultdict(Pool)
        self.field_of: dict[int, str] = {}
        for d, field_name, *_ in parents + children:
            saved = existing[(d.jurisdiction, d.name_en)]
            pools[d.jurisdiction].add(saved, field_name)
            self.field_of[saved.pk] = field_name
        return pools

    # -- the programme ---------------------------------------------------------

    def create_agreements(self, count: int) -> list[Agreement]:
        """Agreements in force one after another over 2010–2026; the last has no end date."""
        rng = self.rng
        span = (LAST_DAY - FIRST_DAY) / count
        gba_fields = [self.fields[name] for name, _ in words.GBA_FIELDS]
        other_fields = [self.fields[name] for name, _ in words.OTHER_FIELDS]
        agreements, covered = [], []
        for i in range(count):
            starts = FIRST_DAY + span * i
            ends = None if i == count - 1 else FIRST_DAY + span * (i + 1) - dt.timedelta(days=1)
            years = f"{starts.year}–{ends.year if ends else ''}"
            # Four-week placements until the 2023 agreement, three months
            # after it; the agreement in force now always takes three months.
            if starts >= THREE_MONTHS_SINCE or i == count - 1:
                agreement = Agreement(
                    title_en=f"Project Agreement on Civil Servants' Exchange and Cooperation, phase {i + 1} ({years})",
                    title_zh=f"公務員交流合作項目協議（第{i + 1}期，{years}）",
                    short_title=f"Exchange and Cooperation {starts.year}",
                    parties_en="People's Government of Guangdong Province\n"
                    "Government of the Hong Kong Special Administrative Region",
                    parties_zh="廣東省人民政府\n香港特別行政區政府",
                    standard_length=3,
                    standard_length_unit=LengthUnit.MONTHS,
                    length_tolerance_days=14,
                )
                fields = gba_fields + rng.sample(other_fields, rng.randint(0, 3))
            else:
                agreement = Agreement(
                    title_en=f"Civil Service Exchange Programme, phase {i + 1} ({years})",
                    title_zh=f"公務員交流計劃（第{i + 1}期，{years}）",
                    short_title=f"CSEP {starts.year}",
                    parties_en="Government of the Hong Kong Special Administrative Region\n"
                    "Participating Mainland provincial and municipal governments",
                    parties_zh="香港特別行政區政府\n參與計劃的內地省市政府",
                    standard_length=4,
                    standard_length_unit=LengthUnit.WEEKS,
                    length_tolerance_days=3,
                )
                # Some older agreements did not limit the fields (none listed).
                fields = [] if rng.random() < 0.5 else rng.sample(gba_fields + other_fields, rng.randint(4, 8))
            agreement.signed_on = starts - dt.timedelta(days=rng.randint(0, 90))
            agreement.in_force_from = starts
            agreement.in_force_until = ends
            agreements.append(agreement)
            covered.append(fields)
        bulk_create_with_history(agreements, Agreement, default_change_reason=GENERATED)
        Through = Agreement.fields.through
        Through.objects.bulk_create(
            [Through(agreement=a, field=f) for a, fields in zip(agreements, covered, strict=True) for f in fields]
        )
        # The fields a placement under each agreement may be in.
        self.covered = {
            a.pk: fields or list(self.fields.values()) for a, fields in zip(agreements, covered, strict=True)
        }
        return agreements

    def create_cohorts(self, count: int, agreements: list[Agreement]) -> list[CohortPlan]:
        rng = self.rng
        cities, weights = list(HOST_WEIGHTS), list(HOST_WEIGHTS.values())
        plans = []
        for _ in range(count):
            start = FIRST_DAY + dt.timedelta(days=rng.randint(0, (LAST_DAY - FIRST_DAY).days))
            agreement = next(a for a in reversed(agreements) if a.in_force_from <= start)
            if agreement.in_force_until:
                start = min(start, agreement.in_force_until - COHORT_SPAN)
            start += dt.timedelta(days=-start.weekday() % 7)  # officers start on a Monday
            city = rng.choices(cities, weights)[0]
            if rng.random() < MAINLAND_TO_HONG_KONG_SHARE:
                home, host = city, Jurisdiction.HKSAR
            else:
                home, host = Jurisdiction.HKSAR, city
            plan = CohortPlan(
                cohort=Cohort(agreement=agreement, home_jurisdiction=home, host_jurisdiction=host, start_date=start),
                stagger=rng.choice([0, 0, 7, 14]),
                slack=min(agreement.length_tolerance_days, 4),
            )
            # The cohort lasts until its latest officer's longest placement is over, and a few days more.
            latest_standard_end = agreement.standard_end(start + dt.timedelta(days=plan.stagger))
            plan.cohort.end_date = latest_standard_end + dt.timedelta(days=plan.slack + rng.randint(0, 10))
            plan.cohort.status = self.cohort_status(plan.cohort)
            plans.append(plan)

        # Number the batches of each route in each year in order of their start.
        plans.sort(key=lambda p: p.cohort.start_date)
        batches: Counter = Counter()
        for cohort in (p.cohort for p in plans):
            year = cohort.start_date.year
            batches[cohort.home_jurisdiction, cohort.host_jurisdiction, year] += 1
            batch = batches[cohort.home_jurisdiction, cohort.host_jurisdiction, year]
            if cohort.home_jurisdiction == Jurisdiction.HKSAR:
                city_en, city_zh = PLACE_NAMES[cohort.host_jurisdiction]
                cohort.name_en = f"{city_en}–Hong Kong {year}, batch {batch}"
                cohort.name_zh = f"{city_zh}與香港公務員交流{year}年第{batch}批"
            else:
                city_en, city_zh = PLACE_NAMES[cohort.home_jurisdiction]
                cohort.name_en = f"{city_en} officers in Hong Kong {year}, batch {batch}"
                cohort.name_zh = f"{city_zh}公務員赴港交流{year}年第{batch}批"
        bulk_create_with_history([p.cohort for p in plans], Cohort, default_change_reason=GENERATED)
        return plans

    def cohort_status(self, cohort: Cohort) -> str:
        if cohort.end_date < self.today:
            return CohortStatus.COMPLETED
        if cohort.start_date <= self.today:
            return CohortStatus.IN_PLACEMENT
        if cohort.start_date - self.today <= dt.timedelta(days=90):
            return CohortStatus.NOMINATIONS
        return CohortStatus.PLANNING

    def plan_placements(self, plans: list[CohortPlan], total: int) -> None:
        """Decide which departments offer places in each cohort, and each placement's field and host."""
        rng = self.rng
        # Cohorts differ in size; the shares are rounded so they add up to exactly `total`.
        weights = [rng.uniform(0.5, 1.5) for _ in plans]
        shares = [total * w / sum(weights) for w in weights]
        sizes = [math.floor(s) for s in shares]
        by_remainder = sorted(range(len(plans)), key=lambda i: shares[i] - sizes[i], reverse=True)
        for i in by_remainder[: total - sum(sizes)]:
            sizes[i] += 1

        for plan, size in zip(plans, sizes, strict=True):
            pool = self.pools[plan.cohort.host_jurisdiction]
            fields = self.covered[plan.cohort.agreement_id]
            chosen = [rng.choice(fields) for _ in range(size)]
            # Officers go to hosts working in their field, a few officers per host.
            hosts_for: dict[str, list[Department]] = {}
            for name, officers in Counter(f.name_en for f in chosen).items():
                candidates = pool.by_field.get(name) or pool.all
                hosts_for[name] = rng.sample(candidates, min(len(candidates), math.ceil(officers / rng.randint(2, 6))))
            plan.rows = [(f, rng.choice(hosts_for[f.name_en])) for f in chosen]
            # The departments offering places, each once, in a repeatable order.
            plan.hosts = list({d.pk: d for hosts in hosts_for.values() for d in hosts}.values())

    def create_host_offers(self, plans: list[CohortPlan]) -> None:
        offers = []
        for plan in plans:
            placed = Counter(host.pk for _, host in plan.rows)
            # Some hosts keep a spare place or two; some offered places stay unfilled.
            offers += [
                HostOffer(cohort=plan.cohort, department=d, places=max(1, placed[d.pk] + self.rng.randint(0, 2)))
                for d in plan.hosts
            ]
        bulk_create_with_history(offers, HostOffer, batch_size=self.batch_size, default_change_reason=GENERATED)

    def create_events(self, plans: list[CohortPlan]) -> None:
        tz = timezone.get_current_timezone()

        def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
            return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=tz)

        events = []
        for cohort in (p.cohort for p in plans):
            city_en, city_zh = PLACE_NAMES[cohort.host_jurisdiction]
            launch = cohort.start_date + dt.timedelta(days=self.rng.randint(0, 7))
            closing = cohort.end_date - dt.timedelta(days=self.rng.randint(3, 10))
            for kind, title_en, title_zh, starts_at, ends_at in [
                (
                    EventKind.ORIENTATION,
                    "Orientation",
                    "迎新簡介會",
                    at(cohort.start_date, 9, 30),
                    at(cohort.start_date, 12),
                ),
                (EventKind.LAUNCH, "Launch ceremony", "啟動儀式", at(launch, 15), at(launch, 17)),
                (EventKind.CLOSING, "Closing ceremony", "結業儀式", at(closing, 15), at(closing, 17)),
            ]:
                events.append(
                    Event(
                        cohort=cohort,
                        kind=kind,
                        title_en=f"{title_en}, {cohort.name_en}",
                        title_zh=f"{cohort.name_zh}{title_zh}",
                        starts_at=starts_at,
                        ends_at=ends_at,
                        venue_en=city_en,
                        venue_zh=city_zh,
                    )
                )
        Event.objects.bulk_create(events, batch_size=self.batch_size)

    # -- officers and placements ---------------------------------------------

    def create_placements(self, plans: list[CohortPlan], total: int) -> None:
        officers: list[Participant] = []
        placements: list[Placement] = []
        with tqdm(total=total, desc="placements", unit="row", file=sys.stderr, disable=not self.progress) as bar:

            def flush() -> None:
                # The officers first: bulk_create sets their primary keys,
                # which the placements built with them then pick up.
                bulk_create_with_history(officers, Participant, default_change_reason=GENERATED)
                bulk_create_with_history(placements, Placement, default_change_reason=GENERATED)
                # Officers of completed placements have filed their report
                # (bulk_create gave the placements their keys).
                PlacementReport.objects.bulk_create(
                    PlacementReport(
                        placement=p,
                        learned="How the host plans and delivers its services across districts.",
                        apply_at_home="Objectives met; report filed with the home department.",
                        submitted_at=timezone.make_aware(dt.datetime.combine(p.end_date, dt.time(17))),
                    )
                    for p in placements
                    if p.status == PlacementStatus.COMPLETED
                )
                bar.update(len(placements))
                officers.clear()
                placements.clear()

            serial = 0
            for plan in plans:
                for placement_field, host in plan.rows:
                    serial += 1
                    officer = self.officer(plan.cohort, placement_field, serial)
                    officers.append(officer)
                    placements.append(self.placement(plan, officer, placement_field, host, serial))
                    if len(placements) >= self.batch_size:
                        flush()
            flush()

    def officer(self, cohort: Cohort, placement_field: Field, serial: int) -> Participant:
        rng = self.rng
        from_hong_kong = cohort.home_jurisdiction == Jurisdiction.HKSAR
        surname, given, name_en, name_zh = self.person(from_hong_kong)
        streams = words.STREAMS_BY_FIELD[placement_field.name_en]
        stream = streams[0] if rng.random() < 0.6 else rng.choice(streams)
        seniority = Seniority.SENIOR if rng.random() < 0.4 else Seniority.MIDDLE
        if from_hong_kong:
            grade = rng.choice(words.HK_GRADES[stream, seniority])
            domain = "example.gov.hk"
        else:
            grade = rng.choice(words.MAINLAND_GRADES[seniority])
            domain = "example.gov.cn"
        pool = self.pools[cohort.home_jurisdiction]
        home = rng.choice(pool.by_field.get(placement_field.name_en) or pool.all)
        return Participant(
            name_en=name_en,
            name_zh=name_zh,
            grade=grade,
            stream=stream,
            seniority=seniority,
            home_department=home,
            post_title=f"{grade} ({placement_field.name_en})",
            work_email=f"{given}.{surname}.{serial}@{domain}".lower(),
        )

    def person(self, from_hong_kong: bool) -> tuple[str, str, str, str]:
        """A fictional name: (surname, given name, English form, Chinese form)."""
        rng = self.rng
        if from_hong_kong:
            surname, surname_zh = rng.choice(words.HK_SURNAMES)
            (first, first_zh), (second, second_zh) = rng.sample(words.HK_GIVEN, 2)
            given = f"{first}-{second.lower()}"  # Tai-man
            return surname, given.replace("-", ""), f"{surname} {given}", f"{surname_zh}{first_zh}{second_zh}"
        surname, surname_zh = rng.choice(words.MAINLAND_SURNAMES)
        syllables = rng.sample(words.MAINLAND_GIVEN, rng.choice([1, 2, 2, 2]))
        given = "".join(s for s, _ in syllables).capitalize()  # Jianhua
        return surname, given, f"{surname} {given}", surname_zh + "".join(zh for _, zh in syllables)

    def placement(
        self, plan: CohortPlan, officer: Participant, placement_field: Field, host: Department, serial: int
    ) -> Placement:
        rng, cohort = self.rng, plan.cohort
        start = cohort.start_date + dt.timedelta(days=rng.choice(range(0, plan.stagger + 1, 7)))
        end = cohort.agreement.standard_end(start) + dt.timedelta(days=rng.randint(-plan.slack, plan.slack))
        role_en, role_zh, objective_en, objective_zh = words.WORK_BY_FIELD[placement_field.name_en]
        if placement_field.name_en == words.GOV:
            role_en, role_zh = f"{role_en}, {host.name_en}", f"{host.name_zh}{role_zh}"
        in_hong_kong = cohort.host_jurisdiction == Jurisdiction.HKSAR
        surname, given, name_en, name_zh = self.person(from_hong_kong=in_hong_kong)
        domain = "example.gov.hk" if in_hong_kong else "example.gov.cn"
        status = self.placement_status(cohort, start, end)
        completed = status == PlacementStatus.COMPLETED
        return Placement(
            participant=officer,
            cohort=cohort,
            host_department=host,
            field=placement_field,
            role_en=role_en,
            role_zh=role_zh,
            start_date=start,
            end_date=end,
            status=status,
            supervisor_name=f"{name_en} {name_zh}",
            supervisor_title=rng.choice(words.SUPERVISOR_TITLES),
            supervisor_contact=f"{given}.{surname}.{serial}@{domain}".lower(),
            objectives=f"{objective_en}\n{objective_zh}",
            host_feedback="A committed officer; we would welcome another exchange." if completed else "",
        )

    def placement_status(self, cohort: Cohort, start: dt.date, end: dt.date) -> str:
        if cohort.status == CohortStatus.PLANNING:
            return PlacementStatus.PROPOSED
        if self.rng.random() < WITHDRAWN_SHARE:
            return PlacementStatus.WITHDRAWN
        if cohort.status == CohortStatus.NOMINATIONS:
            return self.rng.choice([PlacementStatus.PROPOSED, PlacementStatus.CONFIRMED])
        if end < self.today:
            return PlacementStatus.COMPLETED
        return PlacementStatus.IN_PROGRESS if start <= self.today else PlacementStatus.CONFIRMED
