"""Forms of the discussions and of a member's notification preference; the services decide the rest."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import FlagReason, Frequency, ModerationAction
from ..services.discussions import BODY_MAX, TITLE_MAX

BODY_HELP = _(
    "Markdown: **bold**, *italic*, lists, > quotes and [links](https://…). Mention a member as @their e-mail address."
)


class TopicForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX)
    body = forms.CharField(
        label=_("Your post"), max_length=BODY_MAX, widget=forms.Textarea(attrs={"rows": 8}), help_text=BODY_HELP
    )


class PostForm(forms.Form):
    body = forms.CharField(
        label=_("Your reply"), max_length=BODY_MAX, widget=forms.Textarea(attrs={"rows": 5}), help_text=BODY_HELP
    )
    parent = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1, max_value=2**63 - 1)


class FlagForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why should a moderator look at this post?"), choices=FlagReason.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(label=_("Anything the moderator should know (optional)"), max_length=500, required=False)


class DecisionForm(forms.Form):
    action = forms.ChoiceField(label=_("Decision"), choices=ModerationAction.choices)
    note = forms.CharField(label=_("Note (sent to the author with a warning)"), required=False, max_length=2000)


class TopicModerationForm(forms.Form):
    locked = forms.BooleanField(label=_("Locked"), required=False)
    hidden = forms.BooleanField(label=_("Hidden"), required=False)


class PreferenceForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("E-mails about the network's activity"), choices=Frequency.choices, widget=forms.RadioSelect
    )
