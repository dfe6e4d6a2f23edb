"""The two staff groups, with exactly the permissions their work needs.

Coordinators keep the programme's records in the admin. They add and change
everything, and may delete only what is routinely entered by mistake
(placements, events, host offers); agreements, cohorts, departments, fields
and officers are withdrawn or corrected, never deleted, so their history
stays whole. Officials read reports; they change nothing.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

COORDINATORS = "Coordinators"
OFFICIALS = "Officials"

MODELS = ["agreement", "cohort", "department", "field", "participant", "placement", "event", "hostoffer"]
DELETABLE = ["placement", "event", "hostoffer"]

COORDINATOR_CODENAMES = (
    [f"{action}_{model}" for model in MODELS for action in ("view", "add", "change")]
    + [f"delete_{model}" for model in DELETABLE]
    + ["view_reports"]
)
OFFICIAL_CODENAMES = ["view_reports"]


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations ran; make sure
    # they exist now so the groups can hold them on a fresh database.
    app_config = apps.get_app_config("placements")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ((COORDINATORS, COORDINATOR_CODENAMES), (OFFICIALS, OFFICIAL_CODENAMES)):
        group, _ = Group.objects.get_or_create(name=name)
        permissions = Permission.objects.filter(content_type__app_label="placements", codename__in=codenames)
        if permissions.count() != len(codenames):
            raise RuntimeError(f"missing permissions for {name}")
        group.permissions.set(permissions)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[COORDINATORS, OFFICIALS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("placements", "0002_placement_no_overlap_postgresql"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
