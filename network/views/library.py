"""Pages of the resource library: the search with its filters, a resource, adding, editing and deleting one."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ccrs.decorators import object_required, permission_required
from ccrs.forms import form_saved

from ..forms.library import ResourceFilterForm, ResourceForm
from ..selectors import library as selectors
from ..services import library as services

CHANGE = "network.change_resource"


def _language():
    return (get_language() or "en")[:2]


@permission_required("network.view_resource")
def resource_list(request):
    choices = selectors.filter_choices()
    form = ResourceFilterForm(request.GET, **choices, language=_language())
    form.is_valid()
    query = form.query()
    result = selectors.library_page(
        user=request.user, query=query, filters=form.filters(), page=request.GET.get("page") or 1
    )
    paging = request.GET.copy()
    paging.pop("page", None)
    return render(
        request,
        "network/library/resource_list.html",
        {"form": form, "query": query, "filtered": form.chosen(), "paging": paging.urlencode(), **result},
    )


@object_required(selectors.resource_get)
def resource_detail(request, resource):
    language = _language()
    return render(
        request,
        "network/library/resource_detail.html",
        {
            "resource": resource,
            "title": resource.title_in(language),
            "summary": resource.summary_in(language),
            "tags": [tag.label(language) for tag in resource.tags.all()],
        },
    )


def _form(request, resource=None):
    choices = selectors.filter_choices()
    return ResourceForm(
        request.POST or None,
        request.FILES or None,
        **choices,
        language=_language(),
        has_file=bool(resource and resource.file),
        initial=ResourceForm.initial_of(resource) if resource else None,
    )


@permission_required("network.add_resource")
def resource_new(request):
    form = _form(request)
    if saved := form_saved(
        request,
        form,
        lambda: services.resource_create(author=request.user, **form.resource_fields()),
        success=_("The resource is in the library."),
    ):
        return redirect(saved.result)
    return render(request, "network/library/resource_form.html", {"form": form}, status=400 if form.is_bound else 200)


@object_required(selectors.resource_get, perm=CHANGE)
def resource_edit(request, resource):
    form = _form(request, resource)
    if form_saved(
        request,
        form,
        lambda: services.resource_update(resource=resource, **form.resource_fields()),
        success=_("The resource was saved."),
    ):
        return redirect(resource)
    return render(
        request,
        "network/library/resource_form.html",
        {"form": form, "resource": resource, "title": resource.title_in(_language())},
        status=400 if form.is_bound else 200,
    )


@require_POST
@object_required(selectors.resource_get, perm=CHANGE)
def resource_delete(request, resource):
    services.resource_delete(resource=resource)
    messages.success(request, _("The resource was deleted from the library."))
    return redirect("network:resource_list")
