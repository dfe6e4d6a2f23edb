"""Accounts, sessions and the request lists for the load test (bench/load.sh).

    DATABASE_URL=postgres://... python bench/load_prepare.py bench/results/load

Links OFFICERS officers of the generated data to user accounts (bench-officer-N,
no usable password), and makes one official and one coordinator; opens one
session for each, as logging in would (with the timeout clocks started), and
writes one request list per page for bench/load.lua: `<name>.lua`, each a
list of {path, cookie} pairs. Officers, cohorts and coordinators' searches
rotate, so no page is only ever the same cached one.
"""

import argparse
import os
import sys
import time
from importlib import import_module
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "exchange.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.db.models import Count  # noqa: E402

from placements.middleware import SEEN, STARTED  # noqa: E402
from placements.models import SETTLED_STATUSES, Cohort, Participant  # noqa: E402

User = get_user_model()


def session_cookie(user) -> str:
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session[STARTED] = session[SEEN] = int(time.time())
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def account(username: str, *, group: str, staff: bool = False):
    user, _ = User.objects.get_or_create(username=username, defaults={"is_staff": staff})
    user.set_unusable_password()
    user.is_staff = staff
    user.save()
    user.groups.add(Group.objects.get(name=group))
    return user


def officers(count: int) -> list:
    """`count` officers with a settled placement, each given a login."""
    chosen = list(
        Participant.objects.filter(placements__status__in=SETTLED_STATUSES)
        .order_by("pk")
        .distinct()
        .values_list("pk", flat=True)[:: max(1, 100_000 // (count * 4))][:count]
    )
    users = []
    for index, pk in enumerate(chosen):
        participant = Participant.objects.get(pk=pk)
        if participant.user_id is None:
            participant.user = User.objects.create(username=f"bench-officer-{index}")
            participant.user.set_unusable_password()
            participant.user.save()
            participant.save(update_fields=["user"])
        users.append(participant.user)
    return users


def write(folder: Path, name: str, pairs: list[tuple[str, str]]) -> None:
    lines = ",\n".join(f'  {{"{path}", "{cookie}"}}' for path, cookie in pairs)
    (folder / f"{name}.lua").write_text(f"return {{\n{lines}\n}}\n")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--officers", type=int, default=200)
    parser.add_argument("--cohorts", type=int, default=20)
    options = parser.parse_args()
    options.folder.mkdir(parents=True, exist_ok=True)

    officer_cookies = [session_cookie(user) for user in officers(options.officers)]
    official = session_cookie(account("bench-official", group="Officials"))
    coordinator = session_cookie(account("bench-coordinator", group="Coordinators", staff=True))

    # Cohort reports of typical size: the cohorts around the median number of placements.
    sizes = list(Cohort.objects.annotate(n=Count("placements")).filter(n__gt=0).order_by("n").values_list("pk", "n"))
    middle = len(sizes) // 2
    cohorts = sizes[max(0, middle - options.cohorts // 2) : middle + options.cohorts // 2]

    write(options.folder, "my", [("/my/", cookie) for cookie in officer_cookies])
    write(options.folder, "report", [(f"/reports/cohorts/{pk}/", official) for pk, _n in cohorts])
    admin_paths = [
        "/admin/placements/placement/",
        "/admin/placements/placement/?status__exact=in_progress",
        "/admin/placements/placement/?q=Chan",
        "/admin/placements/participant/",
    ]
    write(options.folder, "admin", [(path, coordinator) for path in admin_paths])
    write(options.folder, "bare", [("/bench/bare", "")])
    print(
        f"{len(officer_cookies)} officers, cohorts of {cohorts[0][1]}–{cohorts[-1][1]} placements "
        f"({len(cohorts)}), 1 official, 1 coordinator; request lists in {options.folder}"
    )


if __name__ == "__main__":
    main()
