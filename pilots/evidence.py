"""Evidence files: the type is read from the first bytes of the content, never from the name."""

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024

# (content type, kind, test on the first 16 bytes)
SIGNATURES = [
    ("image/jpeg", "photo", lambda head: head.startswith(b"\xff\xd8\xff")),
    ("image/png", "photo", lambda head: head.startswith(b"\x89PNG\r\n\x1a\n")),
    ("image/webp", "photo", lambda head: head[:4] == b"RIFF" and head[8:12] == b"WEBP"),
    ("image/heic", "photo", lambda head: head[4:8] == b"ftyp" and head[8:12] in {b"heic", b"heix", b"mif1"}),
    ("application/pdf", "document", lambda head: head.startswith(b"%PDF-")),
]


def sniff(head: bytes) -> tuple[str, str] | None:
    """(content type, kind) of a file from its first bytes, or None for a type that is not accepted."""
    for content_type, kind, test in SIGNATURES:
        if test(head):
            return content_type, kind
    return None
