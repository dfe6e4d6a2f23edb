"""What coordinators need for history, the lifecycle, e-mails and the import.

History is read-only for them: they may view the history models, never add,
change or delete their rows. Status changes are written by the lifecycle
service only, so they may view those too and nothing more. They switch
e-mails to officers on and off (view and change, no add or delete: the kinds
are fixed, one row each, created here) and import nomination files.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

COORDINATORS = "Coordinators"

HISTORY = ["agreement", "agreement_fields", "cohort", "department", "hostoffer", "participant", "placement"]
CODENAMES = (
    [f"view_historical{model}" for model in HISTORY]
    + ["view_statuschange"]
    + ["view_notificationsetting", "change_notificationsetting"]
    + ["view_nominationimport", "add_nominationimport"]
)
KINDS = ["confirmed", "changed", "withdrawn"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("placements")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=COORDINATORS)
    permissions = Permission.objects.filter(content_type__app_label="placements", codename__in=CODENAMES)
    if permissions.count() != len(CODENAMES):
        raise RuntimeError(f"missing permissions for {COORDINATORS}")
    group.permissions.add(*permissions)

    NotificationSetting = apps.get_model("placements", "NotificationSetting")
    for kind in KINDS:
        NotificationSetting.objects.get_or_create(kind=kind)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=COORDINATORS).first()
    if group:
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="placements", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [("placements", "0004_history_versions_lifecycle")]

    operations = [migrations.RunPython(grant, revoke)]
