"""The resource library's URLs in the permission matrix, and its objects (a resource by city A's officer)."""

from tests.permissions import DENY, LOGIN, OK, REDIRECT, Rule

MEMBERS = {"anonymous": LOGIN, "stakeholder": DENY, "member_a": OK, "member_b": OK, "staff": OK, "mentor": OK}
# Staff and the cities' leads and officers add; a mentor or partner reads only.
EDITORS = {**MEMBERS, "mentor": DENY}
# Staff and the author (member_a) change a resource; other members read it only.
AUTHOR = {**MEMBERS, "member_b": DENY, "mentor": DENY}
RESOURCE = {"pk": "{resource_a.pk}"}

MATRIX = {
    "network:resource_list": Rule(MEMBERS),
    "network:resource_new": Rule(EDITORS),
    "network:resource_detail": Rule(MEMBERS, kwargs=RESOURCE),
    "network:resource_edit": Rule(AUTHOR, kwargs=RESOURCE),
    "network:resource_delete": Rule(
        {**AUTHOR, "member_a": REDIRECT, "staff": REDIRECT}, method="post", kwargs={"pk": "{doomed_resource_a.pk}"}
    ),
}


def objects(world):
    from django.apps import apps

    from tests.network.library_helpers import make_resource, pdf_upload

    member_a = world["users"]["member_a"]
    resource = make_resource(member_a, titles={"en": "Waste bank toolkit"}, file=pdf_upload())
    doomed = make_resource(member_a, titles={"en": "An old draft"})
    world["format"].update({"resource_a": resource, "doomed_resource_a": doomed})
    world["objects"][apps.get_model("network", "Resource")] = resource
