"""File contents for upload tests: the first bytes of each kind, and real files made by the libraries that read them."""

import io

from openpyxl import Workbook
from PIL import Image
from pypdf import PdfWriter

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def pdf_bytes() -> bytes:
    """A one-page PDF that pypdf can read."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def image_bytes(kind: str) -> bytes:
    """A 4×4 image saved by Pillow as `kind` ("PNG", "JPEG")."""
    out = io.BytesIO()
    Image.new("RGB", (4, 4), "teal").save(out, format=kind)
    return out.getvalue()


def xlsx_bytes() -> bytes:
    book = Workbook()
    book.active.append(["Tonnes", 40])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def exe_bytes() -> bytes:
    """The start of a Windows executable: the DOS header ("MZ"), its stub and the PE signature."""
    header = bytearray(b"MZ" + b"\x90\x00" + b"\x00" * 56)
    header[0x3C:0x40] = (64).to_bytes(4, "little")
    return bytes(header) + b"PE\x00\x00" + b"\x4c\x01" + b"\x00" * 200
