"""The one upload check (ccrs.uploads): a file is what its content says, within a size, under a random name."""

import io
import re
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from ccrs import uploads
from tests.files import exe_bytes, image_bytes, pdf_bytes, xlsx_bytes

OFFICE = ("pdf", "png", "jpg", "docx", "xlsx", "pptx")
HEX_NAME = re.compile(r"^[0-9a-f]{32}(\.[a-z]+)?$")


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


@pytest.mark.parametrize(
    ("make", "extension", "mime"),
    [
        (pdf_bytes, "pdf", "application/pdf"),
        (lambda: image_bytes("PNG"), "png", "image/png"),
        (lambda: image_bytes("JPEG"), "jpg", "image/jpeg"),
        (xlsx_bytes, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ],
)
def test_a_real_file_is_known_by_its_content_whatever_its_name(make, extension, mime):
    kind = uploads.check(upload("named-wrongly.txt", make()), accept=OFFICE, max_bytes=10_000_000)
    assert (kind.extension, kind.mime) == (extension, mime)


def test_a_renamed_executable_is_refused_with_a_clear_message():
    with pytest.raises(ValidationError) as caught:
        uploads.check(upload("invoice.pdf", exe_bytes()), accept=OFFICE, max_bytes=10_000_000)
    assert caught.value.code == "not_accepted"
    assert caught.value.messages == [
        "“invoice.pdf” is not a type we accept. Attach one of: PDF, PNG, JPEG, DOCX, XLSX, PPTX."
    ]


def test_a_kind_that_is_not_accepted_is_refused_though_it_is_known():
    """A real PNG where only PDFs are accepted."""
    with pytest.raises(ValidationError) as caught:
        uploads.check(upload("scan.pdf", image_bytes("PNG")), accept={"pdf"}, max_bytes=10_000_000)
    assert caught.value.messages == ["“scan.pdf” is not a type we accept. Attach one of: PDF."]


def test_text_and_empty_files_are_refused():
    for content in (b"Hello, this is not a PDF", b"<html><script>alert(1)</script>", b""):
        with pytest.raises(ValidationError):
            uploads.check(upload("letter.pdf", content), accept=OFFICE, max_bytes=10_000_000)


def test_a_file_over_the_limit_is_refused_before_its_content_is_read():
    big = upload("plan.pdf", pdf_bytes() + b"%" + b"x" * 2 * 1048576)
    with pytest.raises(ValidationError) as caught:
        uploads.check(big, accept=OFFICE, max_bytes=1048576)
    assert caught.value.code == "too_large"
    assert caught.value.messages == [f"“plan.pdf” is {big.size / 1048576:.1f} MB; files can be at most 1 MB."]


def test_the_caller_words_the_message_and_names_the_file():
    with pytest.raises(ValidationError) as caught:
        uploads.check(
            upload("a.bin", exe_bytes()),
            accept=("pdf",),
            max_bytes=1024,
            name="Business registration",
            not_accepted="%(question)s — %(name)s must be %(types)s, at most %(limit)s MB",
            params={"question": "Q1"},
        )
    assert caught.value.messages == ["Q1 — Business registration must be PDF, at most 0 MB"]


def test_the_upload_can_be_read_again_after_the_check():
    pdf = upload("plan.pdf", pdf_bytes())
    pdf.read(10)
    uploads.check(pdf, accept=OFFICE, max_bytes=10_000_000)
    assert pdf.read(5) == b"%PDF-"


def test_bytes_are_sniffed_too():
    assert uploads.sniff(image_bytes("PNG"), accept=OFFICE).extension == "png"
    assert uploads.sniff(exe_bytes(), accept=OFFICE) is None


def test_a_docx_is_told_from_any_other_zip():
    def archive(first: str) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as zipped:
            zipped.writestr(first, "<Types/>")
            zipped.writestr("_rels/.rels", "<Relationships/>")
            zipped.writestr("word/document.xml", "<w:document/>")
        return out.getvalue()

    assert uploads.sniff(archive("[Content_Types].xml"), accept=OFFICE).extension == "docx"
    assert uploads.sniff(archive("payload/readme.txt"), accept=OFFICE) is None


def stored_name(model, field: str, uploaded) -> str:
    instance = model(**{field: uploaded})
    return model._meta.get_field(field).generate_filename(instance, uploaded.name)


def test_an_upload_is_stored_under_a_random_name_with_the_extension_of_its_content():
    from cocreation.models import ProposalDocument

    first = stored_name(ProposalDocument, "file", upload("nib.pdf", pdf_bytes()))
    second = stored_name(ProposalDocument, "file", upload("nib.pdf", pdf_bytes()))
    folder, name = first.rsplit("/", 1)
    assert folder == "cocreation/proposals" and HEX_NAME.match(name) and name.endswith(".pdf")
    assert "nib" not in first and first != second
    photo = stored_name(ProposalDocument, "file", upload("photo.pdf", image_bytes("PNG")))
    assert photo.endswith(".png")


def test_a_file_of_unknown_kind_is_stored_without_an_extension():
    """Only staff in the admin can store such a file; its name still says nothing of the upload's name."""
    from pilots.models import Milestone

    name = stored_name(Milestone, "evidence", upload("notes.exe", b"plain text"))
    assert name.startswith("pilots/evidence/") and HEX_NAME.match(name.rsplit("/", 1)[1])
    assert "." not in name.rsplit("/", 1)[1]


def test_the_folder_can_name_the_model():
    from cities.models import Application

    assert stored_name(Application, "letter", upload("Thư.pdf", pdf_bytes())).startswith("private/application/")
