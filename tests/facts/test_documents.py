from datetime import date
from pathlib import Path

import pytest

from bot.facts.documents import MAX_BYTES, DocumentError, parse_document, read_document

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_4501267d33e9c1d5.txt"


def parse(text: str, **kwargs):
    return parse_document(text.encode("utf-8"), "doc.txt", **kwargs)


def test_plain_text_becomes_the_body():
    doc = parse("North Korea sent troops.\n")
    assert doc.key == "doc.txt"
    assert doc.text == "North Korea sent troops."
    assert (doc.title, doc.publisher, doc.url, doc.published) == (None, None, None, None)
    assert doc.warnings == ()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty document"),
        (b"   \n\t\n  ", "empty document: only whitespace"),
        ("\u200b\u00a0\n\ufeff".encode(), "empty document: only whitespace"),
        (b"---\ntitle: T\n---\n\n  \n", "empty document: only front matter, no text"),
    ],
)
def test_empty_documents_are_refused(data, reason):
    with pytest.raises(DocumentError) as caught:
        parse_document(data, "x")
    assert str(caught.value) == reason


def test_binary_with_nul_bytes_is_refused():
    with pytest.raises(DocumentError, match=r"^not a text document: it contains binary data$"):
        parse_document(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "x.png")


def test_binary_without_nul_but_many_control_characters_is_refused():
    data = bytes([0x01, 0x02, 0x03, 0x41]) * 50
    with pytest.raises(DocumentError, match="binary data"):
        parse_document(data, "x")


def test_a_few_stray_control_characters_are_dropped_not_refused():
    text = "North Korea sent\x07 troops." + " More text follows here." * 10
    doc = parse(text)
    assert "\x07" not in doc.text
    assert doc.text.startswith("North Korea sent troops.")


def test_utf16_is_refused_with_advice():
    with pytest.raises(DocumentError, match="UTF-16"):
        parse_document("Hello".encode("utf-16"), "x")


def test_invalid_utf8_names_the_byte_and_offset():
    with pytest.raises(DocumentError) as caught:
        parse_document(b"Hello world!\xff more", "x")
    assert str(caught.value) == "not valid UTF-8 (byte 0xff at offset 12)"


def test_bom_is_stripped():
    doc = parse_document(b"\xef\xbb\xbfTroops arrived.", "x")
    assert doc.text == "Troops arrived."


def test_bom_before_front_matter_still_finds_the_front_matter():
    doc = parse_document(b"\xef\xbb\xbf---\ntitle: T\n---\nBody.", "x")
    assert doc.title == "T"
    assert doc.text == "Body."


def test_crlf_and_cr_become_lf():
    doc = parse_document(b"One.\r\nTwo.\rThree.\r\n", "x")
    assert doc.text == "One.\nTwo.\nThree."


def test_zero_width_characters_are_removed_and_no_break_spaces_become_spaces():
    doc = parse(
        "10\u200b,000 troops\u2060 in\u00a0Kursk\u202fregion\u2007now \u200c\u200d\ufeffok."
    )
    assert doc.text == "10,000 troops in Kursk region now ok."


def test_text_is_nfc_normalised():
    doc = parse("Zelenskyy in Kyi\u0308v")  # i + combining diaeresis
    assert doc.text == "Zelenskyy in Kyïv"


def test_front_matter_fields_are_read_and_body_starts_after_it():
    doc = parse(
        "---\n"
        "title: 'Troops in Kursk'\n"
        'publisher: "Yonhap"\n'
        "url: https://example.org/a\n"
        "published: 2025-02-13\n"
        "---\n"
        "\n\n"
        "North Korea sent troops.\n\n   \n"
    )
    assert doc.title == "Troops in Kursk"
    assert doc.publisher == "Yonhap"
    assert doc.url == "https://example.org/a"
    assert doc.published == date(2025, 2, 13)
    assert doc.text == "North Korea sent troops."
    assert doc.warnings == ()


def test_unknown_keys_are_kept_sorted_in_meta_and_ignored():
    doc = parse("---\nzeta: 1\nlicense: CC BY-SA 4.0\ntitle: T\n---\nBody.")
    assert doc.meta == (("license", "CC BY-SA 4.0"), ("zeta", "1"))
    assert doc.title == "T"
    assert doc.warnings == ()


def test_published_with_trailing_commentary_takes_the_leading_date():
    doc = parse("---\npublished: 2024-10-16 (the page's date; not the revision)\n---\nBody.")
    assert doc.published == date(2024, 10, 16)
    assert len(doc.warnings) == 1
    assert "2024-10-16" in doc.warnings[0]


def test_published_timestamp_is_accepted_quietly():
    doc = parse("---\npublished: 2024-10-16T08:30:00Z\n---\nBody.")
    assert doc.published == date(2024, 10, 16)
    assert doc.warnings == ()


@pytest.mark.parametrize("value", ["next week", "2024-02-30", "16/10/2024"])
def test_malformed_published_is_a_warning(value):
    doc = parse(f"---\npublished: {value}\n---\nBody.")
    assert doc.published is None
    assert len(doc.warnings) == 1
    assert "published" in doc.warnings[0]
    assert doc.text == "Body."


@pytest.mark.parametrize("value", ["ftp://example.org/x", "example.org", "javascript:alert(1)"])
def test_non_web_url_is_a_warning(value):
    doc = parse(f"---\nurl: {value}\n---\nBody.")
    assert doc.url is None
    assert doc.warnings and "url" in doc.warnings[0]


def test_unclosed_front_matter_is_a_warning_and_the_whole_text_is_body():
    text = "---\ntitle: T\nNorth Korea sent troops."
    doc = parse(text)
    assert doc.title is None
    assert doc.text == text
    assert doc.warnings and "not closed" in doc.warnings[0]


def test_broken_front_matter_lines_are_warnings():
    doc = parse("---\ntitle: T\nthis line has no colon\n---\nBody.")
    assert doc.title == "T"
    assert doc.text == "Body."
    assert len(doc.warnings) == 1
    assert "line 3" in doc.warnings[0]


def test_overrides_replace_front_matter_values():
    doc = parse(
        "---\ntitle: Old\npublished: 2024-01-01\n---\nBody.",
        overrides={"title": "New", "published": "2025-02-13", "url": "https://example.org/n"},
    )
    assert doc.title == "New"
    assert doc.published == date(2025, 2, 13)
    assert doc.url == "https://example.org/n"


def test_malformed_override_published_is_an_error():
    with pytest.raises(DocumentError, match="YYYY-MM-DD"):
        parse("Body.", overrides={"published": "next week"})


def test_malformed_override_url_and_unknown_override_are_errors():
    with pytest.raises(DocumentError, match="http"):
        parse("Body.", overrides={"url": "example.org"})
    with pytest.raises(DocumentError, match="unknown document field"):
        parse("Body.", overrides={"author": "X"})


def test_too_large_is_refused_before_decoding():
    # Invalid UTF-8 and NUL bytes throughout: only a size check that comes first names the size.
    data = b"\xff\x00" * (5 * 1024 * 1024)
    with pytest.raises(DocumentError) as caught:
        parse_document(data, "big")
    assert str(caught.value) == "too large: 10.0 MB, the limit is 2.0 MB"


def test_max_bytes_is_respected_exactly():
    assert parse_document(b"a" * 100, "x", max_bytes=100).text == "a" * 100
    with pytest.raises(DocumentError, match="too large: 101 bytes"):
        parse_document(b"a" * 101, "x", max_bytes=100)


def test_read_document_reads_a_file_and_keys_it_by_name(tmp_path):
    path = tmp_path / "story.md"
    path.write_bytes(b"---\ntitle: T\n---\r\nBody text.\r\n")
    doc = read_document(path)
    assert doc.key == "story.md"
    assert doc.text == "Body text."
    assert read_document(path, key="other").key == "other"


def test_read_document_refuses_a_10_mb_file_by_its_size(tmp_path):
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:  # sparse: zero bytes, which would read as binary
        handle.truncate(10 * 1024 * 1024)
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    assert str(caught.value) == "too large: 10.0 MB, the limit is 2.0 MB"


def test_read_document_on_a_vanished_file_is_a_document_error(tmp_path):
    path = tmp_path / "gone.txt"
    path.write_text("Body.")
    path.unlink()
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    assert str(caught.value) == f"file not found: {path}"
    assert not isinstance(caught.value, OSError)


def test_read_document_on_a_directory_is_a_document_error(tmp_path):
    with pytest.raises(DocumentError, match="not a regular file"):
        read_document(tmp_path)


def test_the_seed_reads_cleanly():
    doc = read_document(SEED)
    assert doc.text.startswith("North Korea has sent additional troops")
    assert doc.published is None
    assert doc.warnings == ()
    assert len(SEED.read_bytes()) < MAX_BYTES


def test_error_messages_are_one_line():
    for data in (b"", b"\x00", b"\xff", b"a" * 3):
        try:
            parse_document(data, "x", max_bytes=2)
        except DocumentError as error:
            assert "\n" not in str(error)
        else:
            pytest.fail("expected a DocumentError")
