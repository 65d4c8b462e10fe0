"""The dependency direction of DESIGN.md: ccrs imports no app, and an app imports only the apps before it."""

import ast
from pathlib import Path

from django.conf import settings

from ccrs import registry


def called(call: ast.Call) -> str | None:
    return getattr(call.func, "id", None) or getattr(call.func, "attr", None)


def imported(path: Path) -> set[str]:
    """The top-level packages a module imports anywhere (inside functions too, and through import_module)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names |= {alias.name.partition(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.partition(".")[0])
        elif isinstance(node, ast.Call) and called(node) == "import_module" and node.args:
            first = node.args[0]
            if isinstance(first, ast.JoinedStr) and first.values:
                first = first.values[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                names.add(first.value.partition(".")[0])
    return names


def sources(package: str) -> list[Path]:
    return [p for p in (Path(settings.BASE_DIR) / package).rglob("*.py") if "migrations" not in p.parts]


def project_sources() -> list[Path]:
    """Every module of the project package and of the apps, migrations left out."""
    return [path for config in registry.project_apps() for path in sources(config.name)]


def test_the_project_package_imports_no_app():
    """ccrs/ finds each app's part through ccrs.registry; nothing in it names an app in an import."""
    apps = {config.name for config in registry.project_apps()} - {registry.PROJECT}
    assert apps >= {"cities", "sectors", "cocreation", "pilots", "network"}
    offenders = {str(path): imported(path) & apps for path in sources(registry.PROJECT) if imported(path) & apps}
    assert not offenders


def test_apps_import_only_the_apps_before_them_in_the_data_flow():
    """pilots may import cocreation, never the reverse; nothing imports network (only ccrs/urls.py includes it)."""
    order = [config.name for config in registry.project_apps() if config.name != registry.PROJECT]
    offenders = {}
    for index, app in enumerate(order):
        later = set(order[index + 1 :])
        for path in sources(app):
            if wrong := imported(path) & later:
                offenders[str(path)] = wrong
    assert not offenders


def test_personal_links_are_signed_in_one_module():
    """Every kind of personal link goes through ccrs/links.py: no other module signs or reads a token."""
    offenders = [
        str(path)
        for path in project_sources()
        if path.name != "links.py" or path.parent.name != registry.PROJECT
        if "signing" in imported_names(path)
    ]
    assert not offenders


def test_no_view_checks_a_permission_itself():
    """Views check objects through ccrs.decorators (object_required, require), never by calling has_perm."""
    offenders = [
        str(path)
        for path in project_sources()
        if "views" in (path.stem, path.parent.name) and "has_perm(" in path.read_text()
    ]
    assert not offenders


def imported_names(path: Path) -> set[str]:
    """Every name a module imports (`from django.core import signing` gives "signing")."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.ImportFrom):
            names |= {alias.name for alias in node.names} | {node.module or ""}
        elif isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
    return {name.rpartition(".")[2] for name in names} | names
