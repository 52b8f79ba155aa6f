"""SQL aggregations for the pages.

Every function takes an ``Engine`` (plus filters) and returns a tidy ``DataFrame``. They read the
``agg_*`` tables and small dimension tables, never raw referral rows in bulk, so a page stays fast
however many years are loaded. No Streamlit here: ``dashboard.ui.cached_query`` adds caching.
"""
