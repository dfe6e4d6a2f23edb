"""On PostgreSQL, the database itself refuses overlapping placements of one officer.

Model validation checks the same rule on every database; this exclusion
constraint also catches what bypasses validation (bulk_create, raw SQL, a race
between two sessions). It is not in Placement.Meta.constraints because its SQL
exists only on PostgreSQL, so this migration does nothing elsewhere and leaves
the migration state unchanged.
"""

from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import DateRangeField, RangeOperators
from django.db import migrations, models


class DateRange(models.Func):
    function = "DATERANGE"
    output_field = DateRangeField()


NO_OVERLAP = ExclusionConstraint(
    name="placement_no_overlap",
    expressions=[
        ("participant", RangeOperators.EQUAL),
        # '[]': both the first and the last day belong to the placement.
        (DateRange("start_date", "end_date", models.Value("[]")), RangeOperators.OVERLAPS),
    ],
    condition=~models.Q(status="withdrawn"),
)


class AddConstraintOnPostgreSQL(migrations.operations.base.Operation):
    reversible = True

    def __init__(self, model_name: str, constraint):
        self.model_name = model_name
        self.constraint = constraint

    def state_forwards(self, app_label, state):
        pass  # the model state does not know this constraint (see above)

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
            model = to_state.apps.get_model(app_label, self.model_name)
            schema_editor.add_constraint(model, self.constraint)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            model = from_state.apps.get_model(app_label, self.model_name)
            schema_editor.remove_constraint(model, self.constraint)

    def describe(self):
        return f"Add {self.constraint.name} to {self.model_name} on PostgreSQL only"


class Migration(migrations.Migration):
    dependencies = [("placements", "0001_initial")]

    operations = [AddConstraintOnPostgreSQL("placement", NO_OVERLAP)]
