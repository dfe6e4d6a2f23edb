from django.urls import path

from . import report_views, views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("reports/", report_views.overview, name="reports"),
    path("reports/placements.<str:fmt>", report_views.overview_export, name="reports-export"),
    path("reports/cohorts/<int:pk>/", report_views.cohort_report, name="cohort-report"),
    path("reports/cohorts/<int:pk>/placements.<str:fmt>", report_views.cohort_export, name="cohort-report-export"),
]
