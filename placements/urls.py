from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import path

from . import report_views, views

# Account pages use Django's views with our templates. Named like Django's
# own ("login", "password_reset_confirm", …) because those views reverse them.
accounts = [
    path("accounts/login/", views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/password/change/",
        auth_views.PasswordChangeView.as_view(template_name="accounts/password_change_form.html"),
        name="password_change",
    ),
    path(
        "accounts/password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(template_name="accounts/password_change_done.html"),
        name="password_change_done",
    ),
    path(
        "accounts/password/reset/",
        auth_views.PasswordResetView.as_view(
            template_name="accounts/password_reset_form.html",
            email_template_name="accounts/password_reset_email.txt",
            subject_template_name="accounts/password_reset_subject.txt",
            # E-mails are rendered without a request, so without context processors.
            extra_email_context={"PROGRAMME_NAME": settings.PROGRAMME_NAME},
        ),
        name="password_reset",
    ),
    path(
        "accounts/password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "accounts/password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(template_name="accounts/password_reset_confirm.html"),
        name="password_reset_confirm",
    ),
    path(
        "accounts/password/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html"),
        name="password_reset_complete",
    ),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("i18n/setlang/", views.set_language, name="set_language"),
    *accounts,
    path("my/", views.my_assignment, name="my"),
    path("my/calendar.ics", views.my_calendar, name="my_calendar"),
    path("my/placements/<int:pk>/report/", views.placement_report, name="placement_report"),
    path("documents/<int:pk>/", views.document_download, name="document_download"),
    path("agreements/<int:pk>/document/", views.agreement_document, name="agreement_document"),
    path("reports/", report_views.overview, name="reports"),
    path("reports/placements.<str:fmt>", report_views.overview_export, name="reports-export"),
    path("reports/cohorts/<int:pk>/", report_views.cohort_report, name="cohort-report"),
    path("reports/cohorts/<int:pk>/placements.<str:fmt>", report_views.cohort_export, name="cohort-report-export"),
]
