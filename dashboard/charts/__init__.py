"""Altair chart builders: a tidy DataFrame in, a chart out.

They only draw: every number a chart shows is a column computed before (in
``dashboard.pagedata``), and every text (titles, axis labels) is passed in already translated.
"""
