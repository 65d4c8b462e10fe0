"""Private files of the pilots app, through the project's one file view."""

from datetime import date
from decimal import Decimal

from pilots import services
from pilots.models import Expenditure


def test_path_traversal_is_refused(budget_line_a, staff, client_for):
    """A name with `..` is refused before any app is asked, even one a row holds (a poisoned or imported name)."""
    spent = services.expenditure_record(
        budget_line=budget_line_a, spent_on=date(2024, 2, 1), amount=Decimal("10"), currency="USD", description="Bins"
    )
    name = "pilots/evidence/../../../ccrs/settings.py"
    Expenditure.objects.filter(pk=spent.pk).update(evidence=name)
    assert client_for(staff).get(f"/media/{name}").status_code == 404
