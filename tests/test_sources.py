"""Reading inputs: every format, and bad input reported by file and line without stopping the batch."""

import json

import pytest

from release_miner.pipeline import Document
from release_miner.sources import InputError, Skipped, SourceNotFound, check_paths, read_sources


def _read(*paths):
    items = list(read_sources([str(p) for p in paths]))
    return ([i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, InputError)])


def test_jsonl_bad_lines_are_reported_and_the_rest_read(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "a", "text": "First release.", "published": "2025-03-27"}),
        "{not json",
        json.dumps({"id": "c", "title": "no text here"}),
        "",
        json.dumps(["a", "list"]),
        json.dumps({"id": "f", "text": ""}),
    ]) + "\n", encoding="utf-8")
    docs, errors = _read(path)
    assert [d.id for d in docs] == ["a", "f"]
    assert docs[0].published == "2025-03-27" and docs[1].text == ""
    assert [(e.source, e.line) for e in errors] == [(str(path), 2), (str(path), 3), (str(path), 5)]
    assert str(errors[0]).startswith(f"{path}:2: not valid JSON")
    assert "no `text`" in errors[1].message


def test_folder_with_text_html_and_binary(tmp_path):
    (tmp_path / "b.txt").write_text("Headline of B\nBody of B.", encoding="utf-8")
    body = "".join(f"<p>Busan announced 5 billion won for programme {n}, said the city on Tuesday, adding that"
                   f" small businesses in the district would benefit from it this year.</p>" for n in range(4))
    (tmp_path / "a.html").write_bytes(
        ('<html><head><meta charset="euc-kr"><title>T</title></head><body>'
         '<nav><ul><li><a href="/">Home</a></li><li><a href="/news">Menu of news</a></li></ul></nav>'
         f'<main><h1>부산 소식</h1>{body}</main><script>alert(1)</script>'
         '<footer>Copyright Busan Metropolitan City</footer></body></html>').encode("euc-kr"))
    (tmp_path / "c.txt").write_bytes(b"\x00\x01\x02 binary")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")  # unsupported suffix: ignored
    docs, errors = _read(tmp_path)
    assert [d.id for d in docs] == ["a", "b"]
    html_doc = docs[0]
    assert html_doc.title == "부산 소식"
    assert "Busan announced 5 billion won for programme 3" in html_doc.text
    assert "alert" not in html_doc.text and "Menu" not in html_doc.text and "Copyright" not in html_doc.text
    assert docs[1].title == "Headline of B"
    assert len(errors) == 1 and errors[0].source.endswith("c.txt") and "not text" in errors[0].message


def test_html_publication_date_from_meta(tmp_path):
    page = tmp_path / "p.html"
    page.write_text('<html><head><meta property="article:published_time" content="2024-11-05T09:00:00+09:00">'
                    "</head><body><p>Text.</p></body></html>", encoding="utf-8")
    docs, _ = _read(page)
    assert docs[0].published == "2024-11-05"


def test_missing_path_is_an_error_before_any_work(tmp_path):
    with pytest.raises(SourceNotFound, match="nope.jsonl"):
        check_paths([str(tmp_path), str(tmp_path / "nope.jsonl")])


@pytest.mark.parametrize("content", [b"", b"  \n\t\n", b"<html><body>  </body></html>"])
def test_an_empty_or_blank_file_is_skipped_and_said_so(tmp_path, content):
    path = tmp_path / ("empty.html" if content.startswith(b"<") else "empty.txt")
    path.write_bytes(content)
    docs, errors = _read(path)
    assert docs == [] and len(errors) == 1 and isinstance(errors[0], Skipped)
    assert str(errors[0]).startswith(f"{path}: ") and str(errors[0]).endswith("skipped")


def test_inputs_are_counted_ahead_for_a_progress_total(tmp_path):
    from release_miner.sources import count_inputs

    (tmp_path / "a.txt").write_text("A release.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n{"text": "z"}\n', encoding="utf-8")
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    assert count_inputs([str(tmp_path)]) == 4
    assert count_inputs([str(tmp_path / "a.txt"), "-"]) is None
