from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditKind(models.TextChoices):
    LOGIN = "login", _("login")
    LOGIN_FAILED = "login_failed", _("failed login")
    LOCKOUT = "lockout", _("lockout")
    LOGOUT = "logout", _("logout")
    PERMISSION_DENIED = "permission_denied", _("permission denied")
    EXPORT = "export", _("export of personal data")
    DOWNLOAD = "download", _("download of personal data")


class AuditEvent(models.Model):
    """Who did what that matters for security, when and from where.

    Written once by placements.audit.record (which also prints it as a JSON
    line on stdout) and never changed: the admin shows these rows read-only,
    and no code path updates one. `username` is kept as typed even when no
    such user exists (a failed login), and stays when the user is deleted.
    """

    kind = models.CharField(_("event"), max_length=20, choices=AuditKind.choices)
    at = models.DateTimeField(_("time (UTC)"), default=timezone.now)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    username = models.CharField(_("username"), max_length=150, blank=True)
    ip_address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    method = models.CharField(_("method"), max_length=10, blank=True)
    path = models.CharField(_("path"), max_length=500, blank=True)
    detail = models.CharField(_("detail"), max_length=500, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit log")
        indexes = [
            # The admin's list: newest first, narrowed by kind.
            models.Index(fields=["kind", "-at"], name="auditevent_kind_at"),
            # "Everything this person did" and "everything from this address".
            models.Index(fields=["username", "-at"], name="auditevent_username_at"),
            models.Index(fields=["ip_address", "-at"], name="auditevent_address_at"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.kind} {self.username or '-'}"
