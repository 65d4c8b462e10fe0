"""Cache generations: a counter per name in the shared cache. A cached result carries its name's generation in
its key, and whatever changes the result's inputs bumps the generation (at once, and again when its
transaction commits), so a page is computed once per change instead of on every view, and never served stale.

The `program` generation follows every write to the program's tables (the project package's and the apps'),
seen where the SQL is executed: a `save()`, a `QuerySet.update()`, a `bulk_create()` and a raw statement alike,
so no service can forget it. The tables that change on their own rhythm without changing what the program's
figures show (reports being built, mails sent, sessions) are left out.
"""

from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache as memoise

from django.core.cache import cache
from django.db import connections, transaction
from django.db.backends.signals import connection_created

PROGRAM = "program"
CASE_STUDIES = "case-studies"
SAFETY_TIMEOUT = 600  # seconds: a cached result lives at most this long, whatever happens to the generation
WRITES = ("INSERT", "UPDATE", "DELETE")
# Tables written without changing the program's figures: reports and their progress, mail bookkeeping.
IGNORED_TABLES = ("ccrs_report", "network_notificationsent", "network_digestsent", "network_notificationpreference")
# Statements that change no figure: a sign-in's last_login (else every sign-in drew every page again). The history
# tables (django-simple-history's "<app>_historical<model>") are left out too: the change they record bumps
# the generation through its own table.
IGNORED_STATEMENTS = ('UPDATE "ccrs_user" SET "last_login" = %s WHERE',)


# The generations read during one request (GenerationsMiddleware): a page of ten cached panels reads each
# generation from the shared cache once, not ten times, and draws every panel from the same generation.
_seen: ContextVar[dict | None] = ContextVar("ccrs_generations_seen", default=None)


def _key(name: str) -> str:
    return f"generation:{name}"


@contextmanager
def one_reading():
    """Within the block, each generation is read from the shared cache once (and again after a bump)."""
    token = _seen.set({})
    try:
        yield
    finally:
        _seen.reset(token)


def current(name: str) -> int:
    """The generation that every cached result of `name` carries in its key."""
    seen = _seen.get()
    if seen is not None and name in seen:
        return seen[name]
    found = cache.get_or_set(_key(name), 1, timeout=None)
    if seen is not None:
        seen[name] = found
    return found


def bump(name: str) -> None:
    """A new generation of `name`: every result cached under the old one is no longer read."""
    seen = _seen.get()
    if seen is not None:
        seen.pop(name, None)
    try:
        cache.incr(_key(name))
    except ValueError:  # not in the cache (cleared, or never read): start above the first generation
        cache.set(_key(name), 2, timeout=None)


def cached(name: str, key: str, compute: Callable[[], object], *, timeout: int = SAFETY_TIMEOUT):
    """`compute()`'s result, kept under `key` for the current generation of `name`."""
    full_key = f"{name}:{current(name)}:{key}"
    found = cache.get(full_key)
    if found is None:
        found = compute()
        cache.set(full_key, found, timeout=timeout)
    return found


@memoise
def _program_prefixes() -> tuple[str, ...]:
    from . import registry

    return tuple(f'"{config.label}_' for config in registry.project_apps()) + tuple(
        f"{config.label}_" for config in registry.project_apps()
    )


def _bump_program() -> None:
    bump(PROGRAM)


def _writes_program_table(sql: str) -> bool:
    head = sql.lstrip()[:7].upper()
    if not head.startswith(WRITES) or sql.lstrip().startswith(IGNORED_STATEMENTS):
        return False
    # the table follows the first keyword: INSERT INTO t, UPDATE t, DELETE FROM t
    words = sql.lstrip().split(None, 3)
    table = words[2] if words[0].upper() in ("INSERT", "DELETE") and len(words) > 2 else words[1]
    name = table.strip('"')
    return table.startswith(_program_prefixes()) and name not in IGNORED_TABLES and "_historical" not in name


def _watch(alias: str):
    def watcher(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if _writes_program_table(sql):
            # Now, for what this transaction reads next, and again on commit: a page drawn by another
            # transaction in between (from the rows before this one's commit) is never read again.
            _bump_program()
            connection = connections[alias]
            if connection.in_atomic_block and not any(e[1] is _bump_program for e in connection.run_on_commit):
                transaction.on_commit(_bump_program, using=alias)
        return result

    return watcher


def _on_connection(sender, connection, **kwargs):
    if not any(getattr(wrapper, "_program_watcher", False) for wrapper in connection.execute_wrappers):
        watcher = _watch(connection.alias)
        watcher._program_watcher = True
        connection.execute_wrappers.append(watcher)


def watch_program_writes() -> None:
    """Bump the program generation after every committed write to a program table (from the app's ready())."""
    connection_created.connect(_on_connection, dispatch_uid="ccrs.generations.program")
