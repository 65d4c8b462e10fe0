"""Demo and scale data of accounts and roles: one demo account per role, and many people.

The people come first; the cities app puts them on their city teams (`cities.demo`).
"""

import json
from pathlib import Path

from django.contrib.auth.hashers import make_password
from django.db import transaction

from .models import User
from .services import email_verified_set


def demo_data(path: str, name: str) -> dict:
    """The demo texts kept as JSON in the folder of `path` (a demo module's __file__): data, not code."""
    return json.loads((Path(path).parent / name).read_text(encoding="utf-8"))


DEMO_PASSWORD = "ccrs-demo-2026"  # noqa: S105 - demo accounts only; seed_demo refuses to run in production

# (e-mail, full name, flags): the first of each role is the README's demo login.
DEMO_PEOPLE = [
    ("staff@ccrs.demo", "Amelia Tan", {"is_staff": True, "is_superuser": True}),
    ("lead.cantho@ccrs.demo", "Nguyễn Thị Lan", {"language": "vi"}),
    ("officer.bangkok@ccrs.demo", "Somchai Wongsakul", {}),
    ("viewer.semarang@ccrs.demo", "Siti Rahayu", {}),
    ("stakeholder@ccrs.demo", "Phạm Văn Hùng", {"is_stakeholder": True}),
    ("network@ccrs.demo", "Maria Santos", {"is_network_member": True}),
    ("lead.bangkok@ccrs.demo", "Pimchanok Srisuk", {"language": "th"}),
    ("lead.melaka@ccrs.demo", "Nurul Aisyah binti Ahmad", {"language": "ms"}),
    ("officer.melaka@ccrs.demo", "Tan Wei Ming", {}),
    ("lead.semarang@ccrs.demo", "Hendrawan Prasetyo", {"language": "id"}),
    ("lead.jakarta@ccrs.demo", "Ratna Kusumawati", {"language": "id"}),
    ("officer.jakarta@ccrs.demo", "Budi Santoso", {}),
    ("officer.cantho@ccrs.demo", "Lê Minh Tuấn", {}),
    ("lead.danang@ccrs.demo", "Trần Thị Thu Hà", {"language": "vi"}),
    ("officer.danang@ccrs.demo", "Võ Quốc Bảo", {}),
]

DEMO_LOGINS = [
    ("program staff", "staff@ccrs.demo"),
    ("city lead (Can Tho)", "lead.cantho@ccrs.demo"),
    ("city officer (Bangkok)", "officer.bangkok@ccrs.demo"),
    ("city viewer (Semarang)", "viewer.semarang@ccrs.demo"),
    ("stakeholder", "stakeholder@ccrs.demo"),
    ("network member", "network@ccrs.demo"),
]


DEMO_DOMAIN = "@ccrs.demo"  # every demo account's address ends so (the cities app adds a second reviewer)


def demo_loaded() -> bool:
    """Whether the demo is in the database: its accounts exist (the whole demo loads in one transaction)."""
    return User.objects.filter(email__in=[email for email, _name, _flags in DEMO_PEOPLE]).exists()


@transaction.atomic
def seed_demo(*, log, calendar) -> None:
    password = make_password(DEMO_PASSWORD)
    for email, full_name, flags in DEMO_PEOPLE:
        user, _created = User.objects.update_or_create(
            email=email, defaults={"full_name": full_name, "password": password, "is_active": True, **flags}
        )
        email_verified_set(user=user, email=email)
    log(f"{len(DEMO_PEOPLE)} demo people, password {DEMO_PASSWORD}")


@transaction.atomic
def reset_demo(*, log) -> None:
    """Delete the demo accounts (after the apps have deleted what the accounts did in the demo)."""
    deleted, _by_model = User.objects.filter(email__endswith=DEMO_DOMAIN).delete()
    log(f"deleted the demo accounts ({deleted} rows)")


@transaction.atomic
def seed_scale(*, factor: int, log) -> None:
    """2,000 stakeholders and 100 network members per unit of factor (city teams come with the scale cities)."""
    unusable = make_password(None)
    people = [
        User(
            email=f"stakeholder{i:06d}@scale.ccrs", full_name=f"Stakeholder {i}", is_stakeholder=True, password=unusable
        )
        for i in range(2000 * factor)
    ]
    people += [
        User(email=f"network{i:05d}@scale.ccrs", full_name=f"Network {i}", is_network_member=True, password=unusable)
        for i in range(100 * factor)
    ]
    User.objects.bulk_create(people, ignore_conflicts=True, batch_size=1000)
    log(f"{len(people)} scale stakeholders and network members")
