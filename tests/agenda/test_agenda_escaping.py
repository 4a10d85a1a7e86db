"""Hostile titles and texts are shown as text, never run as HTML."""

from __future__ import annotations

from .conftest import SITE, build, render, write

HOSTILE = {
    "content/organisaties/gemeente-a.md": """
        ---
        titel: <script>alert('org')</script>
        soort: gemeente
        ---
    """,
    "wijken/noord/initiatieven/zonnig.md": """
        ---
        titel: <img src=x onerror=alert('ini')>
        status: actief
        sinds: 2020-01-01
        draagt_bij_aan: [zon]
        ---
    """,
    "wijken/noord/toekomstagenda/2019/zon.md": """
        ---
        titel: <script>alert('item')</script> & "zon"
        status: loopt
        thema: energietransitie
        gericht_aan:
          - organisatie: gemeente-a
            verzonden: 2019-05-06
            reactie: ontvangst
            datum: 2019-05-27
            toelichting: <b onclick="alert('uitleg')">vet</b>
            bron: https://example.org/?a="><script>alert('bron')</script>
        mijlpalen:
          - datum: 2020-01-01
            titel: <script>alert('mijlpaal')</script>
        ---
    """,
}


def test_hostile_values_are_escaped_everywhere(tmp_path):
    b = build(write(tmp_path, {**SITE, **HOSTILE}))
    pages = [
        "wijken/noord/toekomstagenda/2019/index.md",
        "wijken/noord/toekomstagenda/2019/zon.md",
        "wijken/noord/toekomstagenda/2019/groen.md",
        "organisaties/gemeente-a.md",
        "wijken/noord/initiatieven/zonnig.md",
        "verantwoording/index.md",
        "toekomstagendas/index.md",
    ]
    for src in pages:
        html = render(b, src)
        assert "<script" not in html, src
        assert "<img src=x" not in html and "<b onclick" not in html, src
    item = render(b, "wijken/noord/toekomstagenda/2019/zon.md")
    assert "&lt;script&gt;alert(&#39;item&#39;)&lt;/script&gt; &amp; &#34;zon&#34;" in item
    assert "&lt;b onclick=&#34;alert(&#39;uitleg&#39;)&#34;&gt;vet&lt;/b&gt;" in item
    assert "&lt;script&gt;alert(&#39;mijlpaal&#39;)&lt;/script&gt;" in item
    assert 'href="https://example.org/?a=&#34;&gt;&lt;script&gt;' in item
    assert "&lt;script&gt;alert(&#39;org&#39;)&lt;/script&gt;" in render(b, "verantwoording/index.md")
    assert "&lt;img src=x onerror=alert(&#39;ini&#39;)&gt;" in item
