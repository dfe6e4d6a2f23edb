from django import forms
from django.utils.translation import gettext_lazy as _

from .models import PlacementReport


class PlacementReportForm(forms.ModelForm):
    """The officer's end-of-placement report; rendered by crispy-forms."""

    class Meta:
        model = PlacementReport
        fields = ["learned", "apply_at_home", "contacts"]
        labels = {
            "learned": _("What did you learn?"),
            "apply_at_home": _("What can be applied back home?"),
            "contacts": _("Which contacts did you make for future cooperation?"),
        }
        help_texts = {
            "learned": _("Practices, projects and ways of working you saw at the host."),
            "apply_at_home": _("Ideas your home department could adopt, and how."),
        }
        widgets = {
            "learned": forms.Textarea(attrs={"rows": 6}),
            "apply_at_home": forms.Textarea(attrs={"rows": 6}),
            "contacts": forms.Textarea(attrs={"rows": 4}),
        }
