"""Money in the platform: a Decimal amount with an ISO 4217 currency code (from pycountry)."""

from datetime import date
from decimal import Decimal

import pycountry
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

CURRENCY_CODES = frozenset(currency.alpha_3 for currency in pycountry.currencies)
# The cohort's currencies first, then every other ISO 4217 code.
PREFERRED_CURRENCIES = ["USD", "THB", "MYR", "IDR", "VND", "PHP", "EUR"]
CURRENCY_CHOICES = [
    (code, f"{code} · {pycountry.currencies.get(alpha_3=code).name}")
    for code in PREFERRED_CURRENCIES + sorted(CURRENCY_CODES - set(PREFERRED_CURRENCIES))
]


def validate_currency(value: str) -> None:
    if value not in CURRENCY_CODES:
        raise ValidationError(
            _("“%(value)s” is not an ISO 4217 currency code. Use a code such as USD, VND, THB, IDR or MYR."),
            params={"value": value},
        )


class CurrencyField(models.CharField):
    """A three-letter ISO 4217 currency code."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 3)
        kwargs.setdefault("choices", CURRENCY_CHOICES)
        kwargs.setdefault("validators", [validate_currency])
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        for key in ("max_length", "choices", "validators"):
            kwargs.pop(key, None)
        return name, path, args, kwargs


class AmountField(models.DecimalField):
    """A non-negative amount of money: 18 digits, 2 decimals (enough for VND and IDR budgets)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_digits", 18)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("validators", [MinValueValidator(Decimal("0"))])
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        for key in ("max_digits", "decimal_places", "validators"):
            kwargs.pop(key, None)
        return name, path, args, kwargs


class MissingRate(ValueError):
    """No exchange rate of this currency on or before this date (the pilots app keeps the dated rates)."""

    def __init__(self, currency: str, on: date):
        super().__init__(f"no exchange rate for {currency} on or before {on.isoformat()}")
        self.currency = currency
        self.on = on
