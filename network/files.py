"""Which stored files of the peer network a person may read: each part of the network adds its check to
READERS (a function of `user` and the stored `name`), and a file is open when one of them says so."""


def _library_file(*, user, name: str) -> bool:
    import rules

    from .models import Resource

    return (
        name.startswith("network/library/")
        and rules.has_perm("network.view_resource", user)
        and Resource.objects.filter(file=name).exists()
    )


READERS = [_library_file]


def can_read(*, user, name: str) -> bool:
    if not user.is_authenticated or not name.startswith("network/"):
        return False
    return any(reader(user=user, name=name) for reader in READERS)
