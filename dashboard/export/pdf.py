"""Lay out a :class:`dashboard.export.report.Report` as an A4 PDF with fpdf2.

Charts are embedded as PNG (vl-convert, twice the CSS pixel size, so they print sharply).
Text is set in DejaVu Sans, which has every letter Dutch needs (é, ë, ï), the euro sign and
the en dash; Debian ships it as ``fonts-dejavu-core``. Without it the PDF falls back to
Helvetica, with the few characters Helvetica lacks spelled out ("EUR", "-").
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace

from dashboard import formatting, i18n
from dashboard.export import images
from dashboard.export.report import Figure, Report, Section, Table

FONT_DIRS = (
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu",
    "/usr/share/fonts/TTF",
    "/usr/local/share/fonts",
    "/Library/Fonts",
    str(Path.home() / "Library/Fonts"),
)
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}
FAMILY = "DejaVu"
MAX_FIGURE_HEIGHT = 150.0  # mm; a tall chart is scaled down to leave room for its reading
GREY = (90, 90, 90)
ACCENT = (31, 78, 121)
WARNING = (176, 32, 32)
_LATIN1 = str.maketrans({"€": "EUR ", "–": "-", "—": "-", "‘": "'", "’": "'", "“": '"',
                         "”": '"', "≤": "<=", "≥": ">=", "×": "x", "→": "->", "…": "..."})


@dataclass(frozen=True)
class Fonts:
    family: str
    unicode: bool


def find_font_dir() -> Path | None:
    """The first folder holding the DejaVu Sans files (``HARTNETWERK_PDF_FONT_DIR`` first)."""
    candidates = [os.environ.get("HARTNETWERK_PDF_FONT_DIR", ""), *FONT_DIRS]
    for folder in filter(None, candidates):
        path = Path(folder)
        if all((path / name).is_file() for name in FONT_FILES.values()):
            return path
    return None


class _Pdf(FPDF):
    def __init__(self, report: Report):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.report = report
        self.set_margins(18, 20, 18)
        self.set_auto_page_break(auto=True, margin=20)
        folder = find_font_dir()
        if folder is not None:
            for style, name in FONT_FILES.items():
                self.add_font(FAMILY, style, str(folder / name))
            self.fonts_used = Fonts(FAMILY, True)
        else:
            self.fonts_used = Fonts("helvetica", False)

    # ---- text helpers --------------------------------------------------------------------------

    def clean(self, text: str) -> str:
        if self.fonts_used.unicode:
            return text
        return text.translate(_LATIN1).encode("latin-1", "replace").decode("latin-1")

    def font(self, size: float, style: str = "", colour: tuple[int, int, int] = (0, 0, 0)):
        self.set_font(self.fonts_used.family, style, size)
        self.set_text_color(*colour)

    def paragraph(self, text: str, size: float = 10, style: str = "", colour=(0, 0, 0),
                  after: float = 2.5) -> None:
        if not text:
            return
        self.font(size, style, colour)
        self.multi_cell(0, size * 0.5, self.clean(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(after)

    def text_height(self, text: str, size: float) -> float:
        if not text:
            return 0.0
        self.font(size)
        lines = self.multi_cell(0, size * 0.5, self.clean(text), dry_run=True,
                                output="LINES")
        return len(lines) * size * 0.5 + 2.5

    # ---- page furniture ------------------------------------------------------------------------

    def header(self) -> None:
        if self.page_no() == 1 or not self.report.synthetic:
            return
        self.set_y(8)
        self.font(8, "B", WARNING)
        self.cell(0, 5, self.clean(self.report.text("report.synthetic_short")), align="R")
        self.set_y(self.t_margin)

    def footer(self) -> None:
        report = self.report
        self.set_y(-14)
        self.font(8, "", GREY)
        date_text = formatting.format_date(report.data_date, report.options.lang)
        left = report.text("report.footer", region=report.region_name,
                           period=report.period_label, date=date_text)
        self.cell(0, 5, self.clean(left), align="L")
        self.set_x(self.l_margin)
        self.cell(0, 5, self.clean(report.text("report.page", page=self.page_no(),
                                               pages="{nb}")), align="R")


def _title_page(pdf: _Pdf) -> None:
    report = pdf.report
    lang = report.options.lang
    pdf.add_page()
    pdf.ln(30)
    pdf.paragraph(report.text("app.title"), 12, "", GREY)
    pdf.paragraph(report.text("report.title_heading"), 26, "B", ACCENT, after=4)
    pdf.paragraph(report.region_name, 18, "B")
    pdf.ln(6)
    facts = [
        (report.text("report.title.period"), report.period_label),
        (report.text("report.title.data_date"),
         formatting.format_date(report.data_date, lang)),
        (report.text("report.title.created"), formatting.format_datetime(report.created, lang)),
    ]
    for label, value in facts:
        pdf.font(11, "B")
        pdf.cell(45, 7, pdf.clean(label))
        pdf.font(11)
        pdf.cell(0, 7, pdf.clean(value), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if report.synthetic:
        pdf.ln(8)
        pdf.set_draw_color(*WARNING)
        pdf.font(11, "B", WARNING)
        pdf.multi_cell(0, 7, pdf.clean(report.text("report.synthetic_label")), border=1,
                       padding=3, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(10)
    pdf.paragraph(report.text("report.contents"), 13, "B", ACCENT)
    for number, section in enumerate(report.sections, start=1):
        pdf.paragraph(f"{number}. {section.title}", 11, after=0.5)
    pdf.ln(6)
    pdf.paragraph(report.text("report.title.about"), 9, "I", GREY)


def _table(pdf: _Pdf, table: Table) -> None:
    pdf.paragraph(table.title, 11, "B", after=1.5)
    frame = table.frame
    pdf.font(8)
    with pdf.table(
        col_widths=table.widths or None,
        first_row_as_headings=True, line_height=4.2, text_align="LEFT",
        headings_style=FontFace(emphasis="BOLD", fill_color=(232, 238, 244)),
        borders_layout="SINGLE_TOP_LINE", padding=1,
    ) as grid:
        row = grid.row()
        for column in frame.columns:
            row.cell(pdf.clean(str(column)))
        for values in frame.itertuples(index=False):
            row = grid.row()
            for value in values:
                row.cell(pdf.clean("" if value is None else str(value)))
    pdf.ln(4)


def _figure(pdf: _Pdf, figure: Figure) -> None:
    # The chart's title and subtitle are set as text above the image, so they can be searched
    # and copied into the minutes; the image itself goes without.
    spec = images.export_spec(figure.chart)
    title = spec.pop("title", None)
    subtitle = title.get("subtitle", "") if isinstance(title, dict) else ""
    if isinstance(subtitle, list):
        subtitle = " ".join(subtitle)
    png = images.png_bytes(spec)
    width_px, height_px = images.png_size(png)
    width = pdf.epw
    height = width * height_px / width_px
    if height > MAX_FIGURE_HEIGHT:
        width, height = width * MAX_FIGURE_HEIGHT / height, MAX_FIGURE_HEIGHT
    needed = (pdf.text_height(figure.title, 11) + pdf.text_height(subtitle, 9) + height
              + pdf.text_height(figure.reading, 10))
    if pdf.get_y() + needed > pdf.page_break_trigger:
        pdf.add_page()
    pdf.paragraph(figure.title, 11, "B", after=0.5)
    pdf.paragraph(subtitle, 9, "", GREY, after=1.5)
    x = pdf.l_margin + (pdf.epw - width) / 2
    pdf.image(io.BytesIO(png), x=x, w=width, h=height, alt_text=pdf.clean(figure.title))
    pdf.ln(2)
    if figure.reading:
        pdf.paragraph(figure.reading, 10)
    if figure.method:
        pdf.paragraph(figure.method, 8, "I", GREY, after=5)


def _section(pdf: _Pdf, number: int, section: Section) -> None:
    pdf.add_page()
    pdf.start_section(pdf.clean(section.title))
    pdf.paragraph(f"{number}. {section.title}", 16, "B", ACCENT, after=3)
    # Notes and messages first, then tables, then charts: a message explains what follows.
    for text in section.paragraphs[:1]:
        pdf.paragraph(text, 10)
    for table in section.tables:
        _table(pdf, table)
    for text in section.paragraphs[1:]:
        pdf.paragraph(text, 10)
    for figure in section.figures:
        _figure(pdf, figure)
    for text in section.closing:
        pdf.paragraph(text, 10)


def render(report: Report) -> bytes:
    """The report as PDF bytes: a title page, one part per section, page numbers in the footer."""
    return render_document(report)[0]


def render_document(report: Report) -> tuple[bytes, int]:
    """(PDF bytes, number of pages) of :func:`render`."""
    pdf = _Pdf(report)
    lang = report.options.lang
    pdf.set_title(pdf.clean(report.title))
    pdf.set_author(pdf.clean(i18n.translate("app.title", lang)))
    pdf.set_creator("hartnetwerk-dashboard")
    pdf.set_lang(lang)
    pdf.set_creation_date(report.created.astimezone())
    pdf.alias_nb_pages()
    _title_page(pdf)
    for number, section in enumerate(report.sections, start=1):
        _section(pdf, number, section)
    return bytes(pdf.output()), pdf.page_no()
