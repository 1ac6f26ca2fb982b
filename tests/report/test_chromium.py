"""The browser helpers read a report page only once its script has drawn the releases."""

from __future__ import annotations

from .chromium import dump_dom, needs_chromium

# A page shaped like the report: embedded data, releases drawn late (as on a loaded machine,
# where the frame after the overview comes seconds later), then ``data-ready`` set.
LATE_PAGE = """<!DOCTYPE html><html><body>
<script type="application/json" id="report-data">{}</script><div id="list"></div>
<script>
setTimeout(function () {
  var a = document.createElement("article"); a.className = "release"; a.textContent = "drawn late";
  document.getElementById("list").append(a);
  document.body.dataset.ready = "1";
}, 4500);
</script></body></html>"""


@needs_chromium
def test_dump_dom_waits_for_the_releases_drawn_after_the_first_frame(tmp_path):
    page = tmp_path / "late.html"
    page.write_text(LATE_PAGE, encoding="utf-8")
    dom = dump_dom(page.as_uri() + "#q=x")  # a fragment, as filter links carry
    assert '<article class="release">drawn late</article>' in dom
