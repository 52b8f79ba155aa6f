"""Exports for the minutes of network meetings, without Streamlit.

* :mod:`dashboard.export.images`: a chart's Vega-Lite spec as PNG or SVG (vl-convert, no browser).
* :mod:`dashboard.export.tables`: a table as CSV or XLSX in the reader's language, with
  spreadsheet formula injection neutralised.
* :mod:`dashboard.export.report`: the region report as PDF (fpdf2).

``python -m dashboard.export --help`` runs the same operations from the command line.
"""
