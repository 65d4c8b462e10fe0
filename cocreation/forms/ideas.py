"""Forms of ideas: a new idea, its wording, its cluster and tags, and a merge."""

from django import forms
from django.utils.translation import gettext_lazy as _


class IdeaForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    cluster = forms.CharField(label=_("Cluster"), required=False, max_length=80)
    tags = forms.CharField(label=_("Tags"), required=False, help_text=_("Separate tags with commas."))
    submission = forms.IntegerField(required=False, widget=forms.HiddenInput)


class IdeaEditForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4}))


class IdeaTagForm(forms.Form):
    cluster = forms.CharField(label=_("Cluster"), required=False, max_length=80)
    tags = forms.CharField(label=_("Tags"), required=False, help_text=_("Separate tags with commas."))


class IdeaMergeForm(forms.Form):
    into = forms.TypedChoiceField(label=_("Merge into"), coerce=int, choices=[])

    def __init__(self, *args, ideas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].choices = [("", "—")] + [(i.pk, i.title) for i in ideas]
