"""Factories that build valid records by default: a placement from them
passes every rule, so a test changes only what it is about."""

import datetime as dt

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone

from placements.models import (
    Agreement,
    Cohort,
    Department,
    DepartmentKind,
    Document,
    Event,
    EventKind,
    Field,
    HostOffer,
    Jurisdiction,
    Participant,
    Placement,
    PlacementReport,
    PlacementStatus,
    Seniority,
    Stream,
)
from placements.models.base import add_months


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.gov.hk")
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*[Group.objects.get(name=name) for name in extracted])
        if create:
            self.save()


class FieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Field
        django_get_or_create = ["name_en"]

    name_en = factory.Sequence(lambda n: f"Field {n}")
    name_zh = factory.Sequence(lambda n: f"領域{n}")


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agreement

    title_en = "Project Agreement on Civil Servants' Exchange and Cooperation"
    title_zh = "公務員交流合作項目協議"
    short_title = factory.Sequence(lambda n: f"GBA–HK {n}")
    parties_en = "Guangdong Provincial Government\nHKSAR Government"
    signed_on = dt.date(2023, 9, 1)
    in_force_from = dt.date(2023, 9, 1)
    in_force_until = None
    standard_length = 3
    standard_length_unit = "months"
    length_tolerance_days = 14


class HongKongDepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department

    name_en = factory.Sequence(lambda n: f"Hong Kong Department {n}")
    name_zh = factory.Sequence(lambda n: f"香港部門{n}")
    kind = DepartmentKind.DEPARTMENT
    jurisdiction = Jurisdiction.HKSAR


class ShenzhenDepartmentFactory(HongKongDepartmentFactory):
    name_en = factory.Sequence(lambda n: f"Shenzhen Bureau {n}")
    name_zh = factory.Sequence(lambda n: f"深圳局{n}")
    jurisdiction = Jurisdiction.SHENZHEN
    district = "Futian"


class CohortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cohort

    agreement = factory.SubFactory(AgreementFactory)
    name_en = factory.Sequence(lambda n: f"Shenzhen–Hong Kong, batch {n}")
    name_zh = factory.Sequence(lambda n: f"深港第{n}批")
    home_jurisdiction = Jurisdiction.HKSAR
    host_jurisdiction = Jurisdiction.SHENZHEN
    start_date = dt.date(2023, 12, 11)
    end_date = dt.date(2024, 3, 31)


class HostOfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HostOffer
        django_get_or_create = ["cohort", "department"]

    cohort = factory.SubFactory(CohortFactory)
    department = factory.SubFactory(ShenzhenDepartmentFactory)
    places = 2


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    name_en = factory.Sequence(lambda n: f"Officer {n}")
    name_zh = factory.Sequence(lambda n: f"官員{n}")
    grade = "Senior Engineer"
    stream = Stream.ENGINEER
    seniority = Seniority.SENIOR
    home_department = factory.SubFactory(HongKongDepartmentFactory)
    post_title = "Senior Engineer (Strategy)"
    work_email = factory.Sequence(lambda n: f"officer{n}@example.gov.hk")


class PlacementFactory(factory.django.DjangoModelFactory):
    """A valid proposed placement; its host offer is created alongside."""

    class Meta:
        model = Placement

    participant = factory.SubFactory(ParticipantFactory)
    cohort = factory.SubFactory(CohortFactory)
    host_department = factory.SubFactory(ShenzhenDepartmentFactory)
    field = factory.SubFactory(FieldFactory)
    role_en = "Exchange officer"
    start_date = dt.date(2023, 12, 15)
    end_date = dt.date(2024, 3, 14)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # The offer must exist before the placement counts against it.
        HostOffer.objects.get_or_create(
            cohort=kwargs["cohort"], department=kwargs["host_department"], defaults={"places": 2}
        )
        return super()._create(model_class, *args, **kwargs)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    cohort = factory.SubFactory(CohortFactory)
    kind = EventKind.ORIENTATION
    title_en = factory.Sequence(lambda n: f"Orientation {n}")
    title_zh = factory.Sequence(lambda n: f"簡介會{n}")
    starts_at = factory.LazyFunction(lambda: dt.datetime(2023, 12, 19, 9, 30, tzinfo=dt.UTC))


class OfficerFactory(ParticipantFactory):
    """A participant who can log in."""

    user = factory.SubFactory(UserFactory)


def placement_under_way(*, day: dt.date | None = None, days_in: int = 30, **kwargs) -> Placement:
    """A confirmed three-month placement that, on `day` (today by default), has
    run `days_in` days; its cohort and agreement are built around it."""
    day = day or timezone.localdate()
    start = day - dt.timedelta(days=days_in - 1)
    end = add_months(start, 3) - dt.timedelta(days=1)
    if "cohort" not in kwargs:
        kwargs["cohort"] = CohortFactory(
            start_date=start - dt.timedelta(days=7),
            end_date=end + dt.timedelta(days=14),
            agreement__signed_on=start - dt.timedelta(days=400),
            agreement__in_force_from=start - dt.timedelta(days=400),
        )
    kwargs.setdefault("status", PlacementStatus.CONFIRMED)
    return PlacementFactory(start_date=start, end_date=end, **kwargs)


class DocumentFactory(factory.django.DjangoModelFactory):
    """A document for one placement; pass placement=None, cohort=... for a cohort's."""

    class Meta:
        model = Document

    placement = factory.SubFactory(PlacementFactory)
    cohort = None
    title = factory.Sequence(lambda n: f"Briefing note {n}")
    file = factory.LazyAttribute(lambda d: ContentFile(f"%PDF-1.4 {d.title}\n".encode(), name="briefing.pdf"))


class PlacementReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlacementReport

    placement = factory.SubFactory(PlacementFactory)
    learned = "How a district government runs its one-stop service centres."
    apply_at_home = "A shared case file between district offices."
    contacts = "Futian District Government, Service Centre Division."
    submitted_at = factory.LazyFunction(timezone.now)
