"""Demo and scale data of accounts and roles: one demo account per role, and many people."""

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from cities.demo import FIRST_COHORT, SCALE_CITY_PREFIX
from cities.models import City

from .models import CityMembership, CityRole, Invitation, InvitationStatus, User
from .services import email_verified_set

DEMO_PASSWORD = "ccrs-demo-2026"  # noqa: S105 - demo accounts only; seed_demo refuses to run in production

# (e-mail, full name, flags, [(city slug, role)]): the first of each role is the README's demo login.
DEMO_PEOPLE = [
    ("staff@ccrs.demo", "Amelia Tan", {"is_staff": True, "is_superuser": True}, []),
    ("lead.cantho@ccrs.demo", "Nguyễn Thị Lan", {"language": "vi"}, [("can-tho", CityRole.LEAD)]),
    ("officer.bangkok@ccrs.demo", "Somchai Wongsakul", {}, [("bangkok", CityRole.OFFICER)]),
    ("viewer.semarang@ccrs.demo", "Siti Rahayu", {}, [("semarang", CityRole.VIEWER)]),
    ("stakeholder@ccrs.demo", "Phạm Văn Hùng", {"is_stakeholder": True}, []),
    ("network@ccrs.demo", "Maria Santos", {"is_network_member": True}, []),
    ("lead.bangkok@ccrs.demo", "Pimchanok Srisuk", {"language": "th"}, [("bangkok", CityRole.LEAD)]),
    ("lead.melaka@ccrs.demo", "Nurul Aisyah binti Ahmad", {"language": "ms"}, [("melaka", CityRole.LEAD)]),
    ("officer.melaka@ccrs.demo", "Tan Wei Ming", {}, [("melaka", CityRole.OFFICER)]),
    ("lead.semarang@ccrs.demo", "Hendrawan Prasetyo", {"language": "id"}, [("semarang", CityRole.LEAD)]),
    ("lead.jakarta@ccrs.demo", "Ratna Kusumawati", {"language": "id"}, [("jakarta", CityRole.LEAD)]),
    ("officer.jakarta@ccrs.demo", "Budi Santoso", {}, [("jakarta", CityRole.OFFICER)]),
    ("officer.cantho@ccrs.demo", "Lê Minh Tuấn", {}, [("can-tho", CityRole.OFFICER)]),
    ("lead.danang@ccrs.demo", "Trần Thị Thu Hà", {"language": "vi"}, [("da-nang", CityRole.LEAD)]),
    ("officer.danang@ccrs.demo", "Võ Quốc Bảo", {}, [("da-nang", CityRole.OFFICER)]),
]

DEMO_LOGINS = [
    ("program staff", "staff@ccrs.demo"),
    ("city lead (Can Tho)", "lead.cantho@ccrs.demo"),
    ("city officer (Bangkok)", "officer.bangkok@ccrs.demo"),
    ("city viewer (Semarang)", "viewer.semarang@ccrs.demo"),
    ("stakeholder", "stakeholder@ccrs.demo"),
    ("network member", "network@ccrs.demo"),
]


@transaction.atomic
def seed_demo(*, log) -> None:
    cities = {city.slug: city for city in City.objects.filter(cohort__name=FIRST_COHORT["name"])}
    password = make_password(DEMO_PASSWORD)
    for email, full_name, flags, memberships in DEMO_PEOPLE:
        user, _created = User.objects.update_or_create(
            email=email, defaults={"full_name": full_name, "password": password, "is_active": True, **flags}
        )
        email_verified_set(user=user, email=email)
        for slug, role in memberships:
            CityMembership.objects.update_or_create(user=user, city=cities[slug], defaults={"role": role})
    staff = User.objects.get(email="staff@ccrs.demo")
    Invitation.objects.get_or_create(
        email="kim.nguyen@cantho.example.vn",
        city=cities["can-tho"],
        status=InvitationStatus.PENDING,
        defaults={"role": CityRole.VIEWER, "invited_by": staff, "sent_at": timezone.now()},
    )
    log(f"{len(DEMO_PEOPLE)} demo people, password {DEMO_PASSWORD}")


@transaction.atomic
def seed_scale(*, factor: int, log) -> None:
    """Five team members per scale city, 2,000 stakeholders and 100 network members per unit of factor."""
    cities = list(City.objects.filter(slug__startswith=SCALE_CITY_PREFIX).order_by("slug"))
    unusable = make_password(None)
    people = []
    for city in cities:
        for n in range(5):
            people.append(
                User(email=f"team{n}.{city.slug}@scale.ccrs", full_name=f"Team {n} {city.name}", password=unusable)
            )
    people += [
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
    by_email = dict(User.objects.filter(email__endswith="@scale.ccrs").values_list("email", "pk"))
    roles = [CityRole.LEAD, CityRole.OFFICER, CityRole.OFFICER, CityRole.VIEWER, CityRole.VIEWER]
    CityMembership.objects.bulk_create(
        [
            CityMembership(user_id=by_email[f"team{n}.{city.slug}@scale.ccrs"], city=city, role=roles[n])
            for city in cities
            for n in range(5)
        ],
        ignore_conflicts=True,
        batch_size=1000,
    )
    Invitation.objects.bulk_create(
        [
            Invitation(email=f"invitee{n}.{city.slug}@scale.ccrs", city=city, role=CityRole.OFFICER)
            for city in cities
            for n in range(3)
        ],
        ignore_conflicts=True,
        batch_size=1000,
    )
    log(f"{len(by_email)} scale people")
