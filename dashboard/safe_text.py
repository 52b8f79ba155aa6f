"""Text is text: values from data, users or links, made safe to put into Markdown.

Streamlit renders ``st.markdown``, captions, alerts, toasts, titles, metric and widget labels
and help texts as GitHub-flavoured Markdown. A practice name, a PDCA title, a meeting-pack
name, an SROI description or a link parameter that reaches one of those unescaped can become
a live link (``[Opnieuw aanmelden](https://evil.example/login)``, a bare URL or e-mail address
that GFM turns into a link), an image fetched from another host (``![](...)``), emphasis, a
heading, a list, a Streamlit colour or icon directive (``:red[...]``, ``:material/...:``) or
KaTeX (``$...$``). :func:`escape_markdown` backslash-escapes every ASCII punctuation character
(CommonMark 2.4: any of them may be escaped, and an escaped one is always literal), so none of
that can start; line breaks become spaces, so a value cannot open a block of its own. HTML
needs nothing more: ``<`` and ``&`` are escaped like the rest, so a tag or an entity shows as
typed.

The escaping is for Markdown only. Plain-text places (table cells, select-box options, chart
titles, file contents, the PDF) show values as they are; escaped text there would show the
backslashes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

# Every ASCII punctuation character (CommonMark's "backslash escapes").
_PUNCTUATION = re.compile(r"""([!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])""")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x0b\x0c\x85]+")


def escape_markdown(value: Any) -> str:
    """``value`` as Markdown source that renders exactly as the text ``str(value)``, inline."""
    text = _LINE_BREAKS.sub(" ", str(value))
    return _PUNCTUATION.sub(r"\\\1", text)


def escape_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """The values of a translation's placeholders, texts escaped and numbers left alone (a
    number's format spec, such as ``{n:,}``, needs the number)."""
    return {key: escape_markdown(value) if isinstance(value, str) else value
            for key, value in values.items()}
