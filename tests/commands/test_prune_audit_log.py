import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from placements import audit
from placements.models import AuditEvent, AuditKind


def test_prune_deletes_only_events_older_than_the_retention(db):
    old = audit.record(None, AuditKind.LOGIN_FAILED, username="old")
    recent = audit.record(None, AuditKind.LOGIN_FAILED, username="recent")
    AuditEvent.objects.filter(pk=old.pk).update(at=timezone.now() - dt.timedelta(days=366))
    AuditEvent.objects.filter(pk=recent.pk).update(at=timezone.now() - dt.timedelta(days=364))

    out = StringIO()
    call_command("prune_audit_log", "--days", "365", stdout=out)

    assert list(AuditEvent.objects.values_list("username", flat=True)) == ["recent"]
    assert out.getvalue().startswith("Deleted 1 audit events")


def test_prune_refuses_a_retention_shorter_than_30_days(db):
    with pytest.raises(CommandError, match="at least 30"):
        call_command("prune_audit_log", "--days", "7")
