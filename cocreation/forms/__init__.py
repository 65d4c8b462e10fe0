"""Forms of the co-creation app, one module per noun: they parse and check input; the services decide."""

from ccrs.public_forms import HONEYPOT

from .calls import CallForm, ClarificationForm, ProposalForm
from .evaluation import ConflictForm, CriterionForm, ScoreSheetForm
from .ideas import IdeaEditForm, IdeaForm, IdeaMergeForm, IdeaTagForm
from .processes import PhaseScheduleForm, ProcessForm
from .stakeholders import (
    CONSENT_VERSION,
    InviteCsvForm,
    InviteFilterForm,
    InviteForm,
    StakeholderCsvForm,
    StakeholderForm,
)
from .submissions import ExportForm, InputForm
from .workshops import (
    CHOICE_KIND_VALUES,
    ClosingReportForm,
    MultipleFileField,
    MultipleFileInput,
    QuestionForm,
    WallClockField,
    WorkshopForm,
)

__all__ = [
    "CHOICE_KIND_VALUES",
    "CONSENT_VERSION",
    "CallForm",
    "ClarificationForm",
    "ClosingReportForm",
    "ConflictForm",
    "CriterionForm",
    "ExportForm",
    "HONEYPOT",
    "IdeaEditForm",
    "IdeaForm",
    "IdeaMergeForm",
    "IdeaTagForm",
    "InputForm",
    "InviteCsvForm",
    "InviteFilterForm",
    "InviteForm",
    "MultipleFileField",
    "MultipleFileInput",
    "PhaseScheduleForm",
    "ProcessForm",
    "ProposalForm",
    "QuestionForm",
    "ScoreSheetForm",
    "StakeholderCsvForm",
    "StakeholderForm",
    "WallClockField",
    "WorkshopForm",
]
