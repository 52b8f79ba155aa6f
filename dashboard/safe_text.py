"""Text is text: values from data, users or links, made safe to put into Markdown.

Streamlit renders ``st.markdown``, captions, alerts, toasts, titles, metric and widget labels
and help texts as GitHub-flavoured Markdown. A practice name, a PDCA title, a meeting-pack
name, an SROI description or a link parameter that reaches one of those unescaped can become
a live link (``[Opnieuw aanmelden](https://evil.example/login)``, an autolink ``<...>``, a bare
``https://``, ``www.`` or e-mail address that GFM turns into a link), an image fetched from
another host (``![](...)``), HTML, emphasis, a heading or list, or KaTeX (``$...$``).

:func:`escape_markdown` backslash-escapes what can start any of those (CommonMark 2.4: an
escaped ASCII punctuation character is always literal), and nothing else, so ordinary names
("Regio Noord-Oost", "Dr. Jansen & Partners", "VERW_ZH") keep their text as typed:

* always ``\\ ` * ~ [ ] < $``: links, images, autolinks, HTML, code, emphasis, KaTeX;
* ``_`` at a word boundary (inside a word it never makes emphasis), ``&`` before an entity;
* the ``:`` of ``://``, the ``.`` of ``www.``, the ``@`` of an e-mail address: GFM's bare
  links;
* a block marker at the start (``#``, ``>``, ``-``, ``+``, ``=``, ``|``, ``1.``); line breaks
  become spaces, so a value cannot open a block anywhere else.

The escaping is for Markdown only. Plain-text places (table cells, select-box options, chart
titles, file contents, the PDF) show values as they are.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

_ALWAYS = re.compile(r"([\\`*~\[\]<$])")
_UNDERSCORE = re.compile(r"(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_SCHEME = re.compile(r"(?<=[A-Za-z]):(?=//)")
_WWW = re.compile(r"(?<![0-9A-Za-z])(www)\.", re.IGNORECASE)
_EMAIL = re.compile(r"(?<=[0-9A-Za-z._%+-])@(?=[0-9A-Za-z-]+\.)")
_BLOCK = re.compile(r"^(\s*)([#>+=|-]|\d+(?=[.)]))")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x0b\x0c\x85]+")


def escape_markdown(value: Any) -> str:
    """``value`` as Markdown source that renders as the text ``str(value)``, inline."""
    text = _LINE_BREAKS.sub(" ", str(value))
    text = _ALWAYS.sub(r"\\\1", text)
    text = _UNDERSCORE.sub(r"\\_", text)
    text = _ENTITY.sub(r"\\&", text)
    text = _SCHEME.sub(r"\\:", text)
    text = _WWW.sub(r"\1\\.", text)
    text = _EMAIL.sub(r"\\@", text)
    match = _BLOCK.match(text)
    if match:
        marker = match.group(2)
        if marker.isdigit():  # "1." or "1)": escape the dot or bracket after the number
            end = match.end()
            text = text[:end] + "\\" + text[end:]
        else:
            text = text[:match.start(2)] + "\\" + text[match.start(2):]
    return text


def escape_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """The values of a translation's placeholders, texts escaped and numbers left alone (a
    number's format spec, such as ``{n:,}``, needs the number)."""
    return {key: escape_markdown(value) if isinstance(value, str) else value
            for key, value in values.items()}
