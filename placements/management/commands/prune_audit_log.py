"""Delete audit events older than the retention period (docs/deployment.md)."""

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from placements.models import AuditEvent


class Command(BaseCommand):
    help = "Delete audit log rows older than --days days (default 365). Run monthly from cron."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--days", type=int, default=365, help="keep this many days (at least 30)")

    def handle(self, *args: Any, **options: Any) -> None:
        days = options["days"]
        if days < 30:
            raise CommandError("--days must be at least 30: the audit log is there to look back.")
        cutoff = timezone.now() - dt.timedelta(days=days)
        deleted, _ = AuditEvent.objects.filter(at__lt=cutoff).delete()
        self.stdout.write(f"Deleted {deleted} audit events from before {cutoff:%Y-%m-%d %H:%M} UTC.")
