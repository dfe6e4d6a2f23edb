"""The fixed vocabularies of the programme.

Jurisdictions are a closed list on purpose: the agreement covers the eleven
cities of the Greater Bay Area, so a new city is a decision made once in code
(with its translations), not a free-text value coordinators could misspell.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Jurisdiction(models.TextChoices):
    HKSAR = "hksar", _("Hong Kong SAR")
    MACAO = "macao", _("Macao SAR")
    SHENZHEN = "shenzhen", _("Shenzhen")
    GUANGZHOU = "guangzhou", _("Guangzhou")
    ZHUHAI = "zhuhai", _("Zhuhai")
    FOSHAN = "foshan", _("Foshan")
    HUIZHOU = "huizhou", _("Huizhou")
    DONGGUAN = "dongguan", _("Dongguan")
    ZHONGSHAN = "zhongshan", _("Zhongshan")
    JIANGMEN = "jiangmen", _("Jiangmen")
    ZHAOQING = "zhaoqing", _("Zhaoqing")
    GUANGDONG = "guangdong", _("Guangdong Province")


class DepartmentKind(models.TextChoices):
    BUREAU = "bureau", _("Bureau")
    DEPARTMENT = "department", _("Department")
    DISTRICT_GOVERNMENT = "district_government", _("District government")
    DISTRICT_OFFICE = "district_office", _("District office")
    STATUTORY_BODY = "statutory_body", _("Statutory body")


class Stream(models.TextChoices):
    ADMINISTRATIVE_OFFICER = "ao", _("Administrative Officer")
    EXECUTIVE_OFFICER = "eo", _("Executive Officer")
    ENGINEER = "engineer", _("Engineer")
    TOWN_PLANNER = "town_planner", _("Town Planner")
    ENVIRONMENTAL_PROTECTION_OFFICER = "epo", _("Environmental Protection Officer")
    SYSTEMS_MANAGER = "systems_manager", _("Systems Manager")
    OTHER = "other", _("Other")


class Seniority(models.TextChoices):
    MIDDLE = "middle", _("Middle")
    SENIOR = "senior", _("Senior")


class LengthUnit(models.TextChoices):
    WEEKS = "weeks", _("weeks")
    MONTHS = "months", _("months")


class CohortStatus(models.TextChoices):
    PLANNING = "planning", _("Planning")
    NOMINATIONS = "nominations", _("Nominations")
    IN_PLACEMENT = "in_placement", _("In placement")
    COMPLETED = "completed", _("Completed")


class PlacementStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    CONFIRMED = "confirmed", _("Confirmed")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class EventKind(models.TextChoices):
    LAUNCH = "launch", _("Launch ceremony")
    ORIENTATION = "orientation", _("Orientation")
    MID_TERM_REVIEW = "mid_term_review", _("Mid-term review")
    VISIT = "visit", _("Study visit")
    CLOSING = "closing", _("Closing ceremony")
    OTHER = "other", _("Other")
