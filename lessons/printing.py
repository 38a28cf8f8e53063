"""HTML to PDF for everything the toolkit prints: lesson printables now, the class's
report to local politicians later. One small module, so both print the same way.

WeasyPrint lays out the HTML and CSS (A4 pages, `@page` rules, page breaks) itself; it
needs Debian's pango (`libpango-1.0-0`, `libpangoft2-1.0-0`), which `make test` installs.
"""

from __future__ import annotations

from pathlib import Path

from worlds.language import _


class PrintingError(RuntimeError):
    """The PDF could not be made; the message says what to install or fix."""


def html_to_pdf(html: str, base_url: str | Path | None = None) -> bytes:
    """The PDF of one self-contained HTML page; `base_url` resolves relative links."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as error:  # OSError: pango is missing
        raise PrintingError(
            _(
                "cannot make PDFs (%(error)s); install WeasyPrint (pip install weasyprint) and "
                "pango (sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0)",
                error=str(error),
            )
        ) from None
    return HTML(string=html, base_url=str(base_url) if base_url else None).write_pdf()
