"""Coordinators attach documents for officers and read their reports.

A report is the officer's own record: coordinators may read it, not change
or delete it.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ["view_document", "add_document", "change_document", "delete_document", "view_placementreport"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("placements")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="placements", codename__in=CODENAMES)
    if permissions.count() != len(CODENAMES):
        raise RuntimeError("missing document or report permissions")
    Group.objects.get(name="Coordinators").permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="placements", codename__in=CODENAMES)
    Group.objects.get(name="Coordinators").permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [("placements", "0004_documents_reports_preferences")]

    operations = [migrations.RunPython(grant, revoke)]
