"""One step of a row's state machine, for every service that has one: the row locked for the transaction and
refused, with the step's own message, unless it is in a state the step starts from; then moved on and saved."""

from django.core.exceptions import ValidationError


def locked(row, allowed=None, refusal: str = "", *, field: str = "status"):
    """`row` read again and locked until the transaction ends; ValidationError(refusal) unless its `field` is one
    of `allowed` (not checked when None)."""
    row = type(row)._default_manager.select_for_update().get(pk=row.pk)
    if allowed is not None and getattr(row, field) not in allowed:
        raise ValidationError(refusal)
    return row


def moved(row, state, *, fields=(), field: str = "status"):
    """The row with its `field` set to `state`, saved with the other `fields` set before."""
    setattr(row, field, state)
    row.save(update_fields=[field, *fields, "updated_at"])
    return row
