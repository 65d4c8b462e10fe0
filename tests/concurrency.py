"""Actions started at the same moment, each in its own thread on its own database connection: the race tests'
one way to make a race happen (they need a transactional database and PostgreSQL's row locks)."""

import threading

from django.db import connection


def at_once(action, arguments, *, timeout: float = 60) -> list[Exception]:
    """`action(argument)` for each of `arguments`, all released together by a barrier; the errors they raised."""
    barrier = threading.Barrier(len(arguments))
    errors = []

    def run(argument):
        try:
            barrier.wait(timeout=30)
            action(argument)
        except Exception as error:  # noqa: BLE001 - returned to the test, which asserts on them
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(argument,)) for argument in arguments]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    return errors
