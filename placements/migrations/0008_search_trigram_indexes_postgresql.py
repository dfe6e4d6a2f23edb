"""On PostgreSQL, trigram indexes behind the coordinators' searches.

The admin searches with icontains, which PostgreSQL runs as
UPPER(column::text) LIKE UPPER('%term%'): no b-tree helps, so every search
read every officer and every placement (about a second on 100 000). A GIN
trigram index on exactly that expression answers it from the index. SQLite
has no such index; the migration does nothing there.
"""

from django.db import migrations

INDEXES = {
    "participant_name_en_trgm": ("placements_participant", "name_en"),
    "participant_name_zh_trgm": ("placements_participant", "name_zh"),
    "placement_role_en_trgm": ("placements_placement", "role_en"),
    "placement_role_zh_trgm": ("placements_placement", "role_zh"),
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, (table, column) in INDEXES.items():
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" USING gin ((UPPER("{column}"::text)) gin_trgm_ops)'
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [("placements", "0007_historical_placement_report_moved")]

    operations = [migrations.RunPython(create, drop)]
