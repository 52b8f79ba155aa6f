"""Data assembly per page: queries + statistics + privacy, without Streamlit.

One module per page, each with a pure function ``<page>(engine, filters)`` that returns
everything the page shows (DataFrames and texts), so tests and ``benchmarks/pages.py`` can run
and time "data plus statistics" without a browser.
"""
