"""Characters no report text may carry into an outline, a skeleton or a draft."""

from __future__ import annotations

import re

# Characters XML 1.0 cannot hold (Word refuses a file with them): C0 controls except tab and
# line ends, lone surrogates, and the non-characters U+FFFE/U+FFFF. .doc and PDF converters
# leave them in text files.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def drop_xml_illegal(text: str) -> str:
    """Return TEXT without the characters an XML document cannot hold."""
    return XML_ILLEGAL.sub("", text)
