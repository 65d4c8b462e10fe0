"""Views of the co-creation app, one module per noun: city team pages, exports, and the public pages behind a
personal link. Each loads its object through a selector with `ccrs.decorators.object_required`."""

from . import calls, evaluation, ideas, processes, stakeholders, submissions, workshops

__all__ = ["calls", "evaluation", "ideas", "processes", "stakeholders", "submissions", "workshops"]
