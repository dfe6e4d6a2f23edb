from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacementsConfig(AppConfig):
    name = "placements"
    verbose_name = _("Exchange programme")

    def ready(self) -> None:
        # The audit log hears every login form, ours and the admin's, through
        # these signals; see placements/audit.py.
        from django.contrib.auth import signals

        from . import audit, freshness, middleware

        signals.user_logged_in.connect(audit.on_logged_in, dispatch_uid="audit-login")
        signals.user_logged_out.connect(audit.on_logged_out, dispatch_uid="audit-logout")
        signals.user_login_failed.connect(audit.on_login_failed, dispatch_uid="audit-login-failed")
        # The session timeout's two clocks start at login (placements/middleware.py).
        signals.user_logged_in.connect(middleware.start_session_clocks, dispatch_uid="session-clocks")

        # A document's file goes when the document goes, or gets a new file.
        from django.db.models.signals import post_delete, post_save, pre_save

        from .models import Document
        from .models.documents import note_replaced_file, remove_deleted_file, remove_replaced_file

        post_delete.connect(remove_deleted_file, sender=Document, dispatch_uid="document-file-delete")
        pre_save.connect(note_replaced_file, sender=Document, dispatch_uid="document-file-replaced")
        post_save.connect(remove_replaced_file, sender=Document, dispatch_uid="document-file-replace")

        # Writes the cached pages could show replace the data stamp (placements/freshness.py).
        freshness.connect()
        # With a shared cache, writes to users, groups and permissions replace
        # the stamp of the users kept there (exchange/auth.py).
        from exchange import auth

        auth.connect()

        # Importing axes.signals connects axes' own receivers: only after ours
        # (settings.INSTALLED_APPS puts this app first for the same reason).
        from axes.signals import user_locked_out

        user_locked_out.connect(audit.on_locked_out, dispatch_uid="audit-lockout")
