"""The one Streamlit helper module: engine, language, banner, headers and tables.

Pages stay thin by calling these; everything else in ``dashboard`` is free of Streamlit so it can
be tested and reused without a running app.
"""

from __future__ import annotations

import ast
import functools
import importlib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from dashboard import audit, auth, database, downloads, formatting, i18n
from dashboard.charts.common import for_presentation
from dashboard.export import images, tables
from dashboard.queries.common import (
    data_version,
    has_real_data,
    has_synthetic_data,
    practice_directory,
    region_directory,
)
from dashboard.safe_text import escape_markdown
from dashboard.scope import REGION_ROLES, ROLES, AccessDenied, Scope
from dashboard.settings import get_settings

LANG_KEY = "lang"


# ---- database ------------------------------------------------------------------------------


@st.cache_resource(show_spinner=False)
def _engine_for(url: str) -> Engine:
    return database.get_engine(url)


def get_engine() -> Engine:
    # Keyed on the URL so a changed DATABASE_URL (tests, a second deployment) gets its own
    # engine instead of a cached one pointing elsewhere.
    return _engine_for(get_settings().database_url)


@st.cache_data(show_spinner=False, max_entries=512)
def _cached_call(
    function_path: str, url: str, version: tuple[int, int], args: tuple, kwargs: tuple
) -> pd.DataFrame | Any:
    module_name, _, name = function_path.rpartition(".")
    function = getattr(importlib.import_module(module_name), name)
    return function(_engine_for(url), *args, **dict(kwargs))


def cached_query(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run ``function(engine, *args, **kwargs)`` from ``dashboard.queries``, cached.

    The cache key includes the load log's version, so results are reused between page views
    and reruns but never outlive a new load. A database error stops the page with a message
    instead of a traceback.
    """
    path = f"{function.__module__}.{function.__qualname__}"
    try:
        engine = get_engine()
        version = data_version(engine)
        return _cached_call(
            path, get_settings().database_url, version, args, tuple(sorted(kwargs.items()))
        )
    except SQLAlchemyError as error:
        st.error(t("app.database_error", error=type(error).__name__), icon=":material/error:")
        st.stop()


# ---- language ------------------------------------------------------------------------------


def lang() -> str:
    return st.session_state.get(LANG_KEY, i18n.DEFAULT_LANGUAGE)


def t(key: str, **values: Any) -> str:
    return i18n.translate(key, lang(), **values)


def label(kind: str, code: str) -> str:
    return i18n.label(kind, code, lang())


def language_switch() -> None:
    """Sidebar switch Nederlands / English; ``?lang=en`` in the URL picks the language."""
    _url_apply(LANG_KEY, LANG_KEY, {code: code for code in i18n.LANGUAGES}, "lang")
    st.session_state.setdefault(LANG_KEY, i18n.DEFAULT_LANGUAGE)
    chosen = st.sidebar.radio(
        i18n.translate("app.language", lang()),
        options=list(i18n.LANGUAGES),
        format_func=i18n.LANGUAGES.__getitem__,
        key=LANG_KEY,
        horizontal=True,
    )
    # Part of the shareable link; Dutch, the default, needs no parameter.
    _url_write(LANG_KEY, LANG_KEY, None if chosen == i18n.DEFAULT_LANGUAGE else chosen)


# ---- page furniture ------------------------------------------------------------------------


def synthetic_banner() -> None:
    """A banner on every page while any loaded region is synthetic sample data."""
    try:
        synthetic = has_synthetic_data(get_engine())
    except SQLAlchemyError:
        return  # the page itself reports database problems
    if synthetic:
        st.warning(t("app.synthetic_banner"), icon=":material/science:")


def page_header(title_key: str, intro_key: str | None = None) -> None:
    st.title(t(title_key))
    if intro_key:
        st.caption(t(intro_key))


def number(value: Any, decimals: int = 0) -> str:
    return formatting.format_number(value, decimals=decimals, lang=lang())


def percent(value: Any, decimals: int = 1) -> str:
    return formatting.format_percent(value, decimals=decimals, lang=lang())


def count(value: Any) -> str:
    """A count that may have been suppressed to a text such as "<10"."""
    return value if isinstance(value, str) else number(value)


def euro(value: Any, decimals: int = 2) -> str:
    return formatting.format_euro(value, decimals=decimals, lang=lang())


def day(value: Any) -> str:
    return formatting.format_date(value, lang=lang())


def month(value: Any, short: bool = False) -> str:
    return formatting.format_month(value, lang=lang(), short=short)


# ---- tables --------------------------------------------------------------------------------

_FORMATTERS: dict[str, Callable[[Any, str], str]] = {
    "integer": lambda v, lg: formatting.format_number(v, 0, lg),
    "decimal": lambda v, lg: formatting.format_number(v, 1, lg),
    "decimal2": lambda v, lg: formatting.format_number(v, 2, lg),
    "percent": lambda v, lg: formatting.format_percent(v, 1, lg),
    "euro": lambda v, lg: formatting.format_euro(v, 2, lg),
    "euro0": lambda v, lg: formatting.format_euro(v, 0, lg),
    "date": lambda v, lg: formatting.format_date(v, lg),
    "datetime": lambda v, lg: formatting.format_datetime(v, lg),
    "month": lambda v, lg: formatting.format_month(v, lg),
    "month_short": lambda v, lg: formatting.format_month(v, lg, short=True),
    "year": lambda v, lg: formatting.MISSING if formatting.is_missing(v) else str(int(v)),
    "yesno": lambda v, lg: i18n.translate("yes" if v else "no", lg),
    "text": lambda v, lg: formatting.MISSING if formatting.is_missing(v) else str(v),
    # A count that privacy.suppress_small_counts may have replaced by a text such as "<10".
    "count": lambda v, lg: v if isinstance(v, str) else formatting.format_number(v, 0, lg),
}


def _with_count_texts(frame: pd.DataFrame, formats: Mapping[str, str], per_column: dict) -> Any:
    """The table's Styler; "count" columns holding texts such as "<10" stay numeric underneath.

    A column mixing numbers and texts cannot be sent as one Arrow type (Streamlit would turn it
    all into text and sort "<10" among "1.234"), so the texts become missing values in the data
    and are put back as the displayed text of exactly those cells.
    """
    texts: dict[str, pd.Series] = {}
    shown = frame
    for column in frame.columns:
        if formats.get(column) != "count" or frame[column].dtype != object:
            continue
        is_text = frame[column].map(lambda value: isinstance(value, str))
        if is_text.any():
            texts[column] = frame[column].where(is_text)
            numbers = pd.to_numeric(frame[column].where(~is_text), errors="coerce")
            shown = shown.assign(**{column: numbers})
    styler = shown.style.format(per_column)
    for column, values in texts.items():
        for text in values.dropna().unique():
            rows = values.index[values == text]
            styler = styler.format(lambda _v, s=text: s, subset=pd.IndexSlice[rows, [column]])
    return styler


def _csv_bytes(frame: pd.DataFrame, language: str | None = None) -> bytes:
    # Dutch Excel opens semicolon-separated files with decimal commas and dd-mm-jjjj dates; the
    # BOM tells Excel the file is UTF-8 so "patiënten" survives. Formula-like texts are defused.
    # The language is passed in when this runs on a click, outside the session's script.
    return tables.csv_bytes(frame, language or lang())


XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def show_table(
    frame: pd.DataFrame,
    *,
    file_name: str,
    columns: Mapping[str, str] | None = None,
    formats: Mapping[str, str] | None = None,
    about: str | None = None,
    key: str | None = None,
    style: Callable[[Any], Any] | None = None,
    selectable: bool = False,
) -> Any:
    """Show ``frame`` formatted for the current language, with a CSV download and notes.

    ``columns`` maps column names to i18n keys for the header (and selects and orders the
    columns shown); ``formats`` maps column names to a kind from ``_FORMATTERS`` ("integer",
    "percent", "euro", "date", "month", ...; guessed from the dtype when absent; percent takes
    fractions). The table
    keeps the raw values underneath, so sorting a column sorts numbers and dates, not text.
    ``about`` is markdown for the "about this data" expander (source, definitions, caveats).
    ``style`` takes the table's pandas Styler and returns it styled (e.g. cell colours).
    ``selectable`` lets a click select one row; the selection event is returned (else None).
    """
    language = lang()
    event = None
    if columns:
        frame = frame[list(columns)].rename(columns={c: t(k) for c, k in columns.items()})
        formats = {t(columns[c]): kind for c, kind in (formats or {}).items() if c in columns}
    formats = dict(formats or {})
    kinds = {column: formats.get(column) or tables.guess_kind(frame[column]) for column in frame}
    if frame.empty:
        st.info(t("table.empty"))
    else:
        per_column = {}
        for column in frame.columns:
            formatter = _FORMATTERS[kinds[column]]
            per_column[column] = lambda v, f=formatter: f(v, language)
        styler = _with_count_texts(frame, formats, per_column)
        if style is not None:
            styler = style(styler)
        event = st.dataframe(
            styler, hide_index=True, width="stretch", key=key, placeholder=formatting.MISSING,
            on_select="rerun" if selectable else "ignore", selection_mode="single-row",
        )
    with st.container(horizontal=True):
        download_button(
            t("table.download_csv"),
            data=lambda: _csv_bytes(frame, language),
            file_name=f"{file_name}.csv",
            mime="text/csv",
            icon=":material/download:",
            key=f"download-{key or file_name}",
            rows=len(frame),
        )
        download_button(
            t("table.download_xlsx"),
            data=lambda: tables.xlsx_bytes(frame, kinds, language),
            file_name=f"{file_name}.xlsx",
            mime=XLSX_MIME,
            icon=":material/table_view:",
            key=f"download-xlsx-{key or file_name}",
            rows=len(frame),
        )
    if about:
        with st.expander(t("table.about"), icon=":material/info:"):
            st.markdown(about)
    return event if selectable else None


# ---- charts --------------------------------------------------------------------------------


def show_chart(
    chart: Any,
    data: pd.DataFrame,
    *,
    file_name: str,
    columns: Mapping[str, str] | None = None,
    formats: Mapping[str, str] | None = None,
    method: str | None = None,
    empty: str | None = None,
    key: str | None = None,
) -> None:
    """An Altair chart with its method note and, folded away, exactly the data it draws.

    ``data`` is what the chart plots: shown in an expander as a table with a CSV download
    (``columns``/``formats`` as in :func:`show_table`). With no rows the chart is replaced by
    the ``empty`` message, so nobody is left looking at blank axes.
    """
    if data.empty:
        st.info(empty or t("chart.empty"), icon=":material/info:")
        return
    altair_chart(chart, key=key)
    chart_downloads(chart, file_name=file_name, key=key)
    if method:
        st.caption(method)
    with st.expander(t("chart.data"), icon=":material/table:"):
        show_table(data, file_name=file_name, columns=columns, formats=formats,
                   key=f"{key or file_name}-data")


def chart_downloads(chart: Any, *, file_name: str, key: str | None = None) -> None:
    """PNG and SVG downloads of ``chart``, rendered from its Vega-Lite spec when clicked.

    Rendering takes a few hundred milliseconds per chart, so it happens only on a click (in
    Streamlit's download thread) and is cached per spec in :mod:`dashboard.export.images`.
    """
    with st.container(horizontal=True):
        download_button(
            t("chart.download_png"),
            data=lambda: images.png_bytes(chart),
            file_name=f"{file_name}.png",
            mime="image/png",
            icon=":material/image:",
            key=f"download-png-{key or file_name}",
            help=t("chart.download_png_help"),
        )
        download_button(
            t("chart.download_svg"),
            data=lambda: images.svg_bytes(chart),
            file_name=f"{file_name}.svg",
            mime="image/svg+xml",
            icon=":material/polyline:",
            key=f"download-svg-{key or file_name}",
            help=t("chart.download_svg_help"),
        )


# ---- navigation ----------------------------------------------------------------------------

APP_SCRIPT = Path(__file__).resolve().parent / "app.py"
PAGES_DIR = APP_SCRIPT.parent.parent / "pages"


@functools.lru_cache(maxsize=1)
def navigation_pages() -> tuple[tuple[str, str, str, str], ...]:
    """``PAGES`` of dashboard/app.py: (script, title key, icon, URL path) per page.

    Read from the source because app.py is the running Streamlit script, not a module to
    import; pages whose script is missing are left out, so a link never leads nowhere.
    """
    tree = ast.parse(APP_SCRIPT.read_text(encoding="utf-8"))
    for node in tree.body:
        targets = [node.target] if isinstance(node, ast.AnnAssign) else getattr(
            node, "targets", [])
        if any(isinstance(target, ast.Name) and target.id == "PAGES" for target in targets):
            pages = ast.literal_eval(node.value)
            return tuple(tuple(page) for page in pages if (PAGES_DIR / page[0]).is_file())
    return ()


def page_links(exclude: tuple[str, ...] = ("home.py",)) -> None:
    """One row of links to the pages in the navigation (except ``exclude``), as far as the
    current scope may open them."""
    current = st.session_state.get(SCOPE_KEY)
    pages = [page for page in navigation_pages() if page[0] not in exclude
             and isinstance(current, Scope) and current.may_open(page[3])]
    if not pages:
        return
    for cell, (script, title_key, icon, _url) in zip(
        st.columns(len(pages)), pages, strict=True
    ):
        cell.page_link(str(PAGES_DIR / script), label=t(title_key), icon=icon)


# ---- indicator definitions -----------------------------------------------------------------

INDICATOR_PAGE = "indicatoren.py"


def indicator_link(code: str) -> None:
    """An info link to the entry of catalogue indicator ``code`` on the Indicatoren page
    (``?indicator=CODE``); put it next to every chart that shows a catalogue indicator."""
    from dashboard.indicators import get

    name = get(code).text("name", lang())
    label_text = t("indicator.info_link", name=name)
    if any(page[0] == INDICATOR_PAGE for page in navigation_pages()):
        st.page_link(
            str(PAGES_DIR / INDICATOR_PAGE), label=label_text, icon=":material/info:",
            query_params={"indicator": code},
        )
    else:  # an app without the definitions page: say what the link would have said
        st.caption(label_text)


# ---- shareable links: filter state in the URL ----------------------------------------------

# Widget key -> the URL text this session last applied or wrote for it. A URL value that
# differs from it was typed, pasted or linked (a new view to open); an equal one is merely
# the echo of the session's own state.
_URL_SEEN = "_url_seen"
_URL_PAGE = "_url_page"
NONE_CODE = "geen"


def url_code(value: Any) -> str:
    """The text for ``value`` in a link: stable codes, never labels (they change with the
    language)."""
    if value is None:
        return NONE_CODE
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def url_page(page: str) -> None:
    """Called by app.py with the page being shown; a page change starts from its own URL."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    if ctx is not None:
        st.session_state[_LAST_PAGE_KEY] = ctx.page_script_hash
    if st.session_state.get(_URL_PAGE) != page:
        st.session_state[_URL_PAGE] = page
        # The app-wide switches (language, presentation) were read before the page was known.
        seen = st.session_state.get(_URL_SEEN, {})
        st.session_state[_URL_SEEN] = {k: seen[k] for k in (LANG_KEY, PRESENT_KEY) if k in seen}


def _url_apply(key: str, param: str, choices: Mapping[str, Any], label: str) -> None:
    requested = st.query_params.get(param)
    seen = st.session_state.setdefault(_URL_SEEN, {})
    if requested is None:
        return
    if requested in choices:
        if requested != seen.get(key) or key not in st.session_state:
            if choices[requested] is None:
                # A select box shows a state of None as "nothing chosen" (empty); without a
                # state it starts on its first option, which is where the pages put None.
                st.session_state.pop(key, None)
            else:
                st.session_state[key] = choices[requested]
            seen[key] = requested
    elif requested != seen.get(key):
        # The link may predate a reload, name another region's choice, or be mistyped: the
        # page opens with its usual choice. Only the parameter's name is repeated, so nothing
        # from the URL ends up rendered.
        seen[key] = requested
        st.toast(t("url.ignored", filter=label), icon=":material/link_off:")


def _url_write(key: str, param: str, text: str | None) -> None:
    st.session_state.setdefault(_URL_SEEN, {})[key] = text
    if text is None:
        if param in st.query_params:
            del st.query_params[param]
    elif st.query_params.get(param) != text:
        st.query_params[param] = text


_NO_DEFAULT = object()


def url_widget(
    widget: Callable[..., Any],
    label: str,
    options: Any = None,
    *,
    key: str,
    param: str,
    code: Callable[[Any], str] = url_code,
    omit: Any = _NO_DEFAULT,
    hide_in_presentation: bool = True,
    **kwargs: Any,
) -> Any:
    """``widget`` (st.selectbox, a column's radio, st.toggle, ...) whose value is in the URL.

    With ``options`` (selectbox, radio, segmented control) the URL holds ``code(option)``;
    without (toggle, checkbox) "1" or "0". A value from the URL is only taken if it is one of
    the options the page offers anyway, so a link can choose but never widen what is shown;
    anything else is ignored with a short notice. After the widget the current value is
    written back, so the address bar always holds a link to this view. ``omit``: a value
    left out of the URL (e.g. the fixed default of a flag), keeping links short.
    In presentation mode the control is hidden; its value still applies.
    """
    boolean = options is None
    choices = [False, True] if boolean else list(options)
    texts = {code(choice): choice for choice in choices}
    _url_apply(key, param, texts, label)
    if boolean:
        value = widget(label, key=key, **kwargs)
    else:
        value = widget(label, choices, key=key, **kwargs)
    text = None if omit is not _NO_DEFAULT and value == omit else code(value)
    _url_write(key, param, text)
    if hide_in_presentation and presenting():
        _hide(key)
    return value


# ---- presentation mode -----------------------------------------------------------------------

PRESENT_KEY = "presentatie"
PRESENT_PARAM = "presentatie"

_PRESENTATION_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"] { display: none !important; }
html { font-size: 22px; }
.stMainBlockContainer, [data-testid="stMainBlockContainer"] {
  max-width: 100% !important; padding: 0.6rem 2.5rem 1rem !important;
}
h1 { font-size: 2rem !important; padding: 0.2rem 0 !important; }
[data-testid="stAlert"] { font-size: 0.75rem; }
[data-testid="stMetricValue"] { font-size: 2.6rem !important; }
[data-testid="stCaptionContainer"] { font-size: 0.95rem !important; }
</style>
"""


def presenting() -> bool:
    return bool(st.session_state.get(PRESENT_KEY, False))


def _hide(key: str) -> None:
    # Streamlit gives a keyed element the class "st-key-<key>".
    st.html(f"<style>.st-key-{key} {{ display: none !important; }}</style>")


def _stop_presenting() -> None:
    st.session_state[PRESENT_KEY] = False


def presentation_switch() -> None:
    """Sidebar switch and ``?presentatie=1``: no sidebar or filters, large fonts and charts.

    A visible "leave" button (and Esc) replaces the hidden sidebar's switch.
    """
    url_widget(
        st.sidebar.toggle, t("present.switch"), key=PRESENT_KEY, param=PRESENT_PARAM,
        omit=False, hide_in_presentation=False, help=t("present.switch_help"),
    )
    if presenting():
        st.html(_PRESENTATION_CSS)
        st.button(
            t("present.leave"), key="present_leave", icon=":material/close_fullscreen:",
            on_click=_stop_presenting, shortcut="Esc", type="tertiary",
        )


# Streamlit's chart toolbar offers "Download as PNG" and "Copy Vega-Lite spec" (the spec holds
# the chart's data) with no option to switch them off; both bypass the audited downloads below
# the chart (chart_downloads), so they are hidden. Its labels are not translated.
_CHART_EXPORTS_CSS = """<style>
[data-testid="stElementToolbar"] button[aria-label="Download as PNG"],
[data-testid="stElementToolbar"] button[aria-label="Copy Vega-Lite spec"] {
  display: none !important;
}
</style>"""


def without_chart_exports(chart: Any) -> Any:
    """``chart`` with Vega's own action menu (save as PNG/SVG, view source, open in the Vega
    editor) switched off in its spec, whatever the renderer's default."""
    return chart.properties(usermeta={"embedOptions": {"actions": False}})


def altair_chart(chart: Any, *, presentation_size: bool = True, **kwargs: Any) -> Any:
    """``st.altair_chart`` without export menus, with projector-sized fonts and height in
    presentation mode (``presentation_size=False`` keeps small charts such as sparklines)."""
    if presentation_size and presenting():
        chart = for_presentation(chart)
    st.html(_CHART_EXPORTS_CSS)
    return st.altair_chart(without_chart_exports(chart), **kwargs)


# ---- who is looking: sign-in, demo mode and the scope (dashboard.scope) ---------------------

SESSION_KEY = "auth_session"
SCOPE_KEY = "auth_scope"
FLASH_KEY = "auth_flash"
DEMO_ROLE_KEY = "demo_role"
DEMO_PRACTICE_KEY = "demo_practice"
DEMO_REGIONS_KEY = "demo_regions"
DEMO_DEFAULT_ROLE = "coordinator"


def client_id() -> str:
    """The client's address, for the per-client sign-in limit and the audit log."""
    try:
        address = st.context.ip_address
        forwarded = st.context.headers.get("X-Forwarded-For")
    except (AttributeError, RuntimeError):
        address, forwarded = None, None
    # Outside a browser session (tests, bare mode) Streamlit hands back placeholders.
    address = address if isinstance(address, str) and address else None
    if address is None and _has_request_headers():
        # Streamlit reports no address for a loopback peer (a local browser, or a reverse
        # proxy on the same machine); say so instead of "unknown".
        address = "localhost"
    forwarded = forwarded if isinstance(forwarded, str) else None
    return auth.client_address(address, forwarded, get_settings().trusted_proxy_hops)


def _has_request_headers() -> bool:
    try:
        return bool(st.context.headers.get("Host"))
    except (AttributeError, RuntimeError):
        return False


def demo_active() -> bool:
    """Demo mode: only synthetic data is loaded (and HARTNETWERK_DEMO is not "off").

    The first real region switches it off for good: from then on everyone signs in.
    """
    if get_settings().demo_mode == "off":
        return False
    try:
        engine = get_engine()
        return has_synthetic_data(engine) and not has_real_data(engine)
    except SQLAlchemyError:
        return False


def oidc_configured() -> bool:
    """Whether ``[auth]`` is set in Streamlit's secrets, so ``st.login`` can be offered."""
    try:
        return "auth" in st.secrets
    except Exception:  # noqa: BLE001  (no secrets file at all is the usual case)
        return False


def _end_session(event: str, reason: str | None, username: str, *,
                 audited: bool = False) -> None:
    session = st.session_state.pop(SESSION_KEY, None)
    if isinstance(session, dict):
        # The guard and the download threads hold this dict: from now on they refuse.
        audited = not downloads.end_once(session, reason or "auth.signed_out") or audited
    if reason:
        st.session_state[FLASH_KEY] = reason
    _audit_end(event, reason, username, audited)
    if event == "session_expired" and oidc_configured() and getattr(st.user, "is_logged_in",
                                                                      False):
        # Streamlit's sign-in cookie would start a new session at the next rerun without any
        # action (_oidc_sign_in): an expired session removes it too.
        st.logout()


def _audit_end(event: str, reason: str | None, username: str, audited: bool) -> None:
    if audited:
        return
    try:
        audit.record(get_engine(), event, username=username, client=client_id(),
                     reason=reason or "")
    except SQLAlchemyError:
        pass


def start_session(account: auth.Account) -> None:
    moment = audit.now()
    st.session_state[SESSION_KEY] = {"username": account.username, "started": moment,
                                     "seen": moment}


def sign_out() -> None:
    session = st.session_state.get(SESSION_KEY)
    if session:
        _end_session("sign_out", None, session["username"])
    if oidc_configured() and getattr(st.user, "is_logged_in", False):
        st.logout()


def _oidc_sign_in() -> None:
    """A user signed in at the identity provider gets a session for the account whose user
    name is their e-mail address (made by a beheerder; no account, no access)."""
    if SESSION_KEY in st.session_state or not oidc_configured():
        return
    if not getattr(st.user, "is_logged_in", False):
        return
    email = str(st.user.get("email") or "")
    engine = get_engine()
    account = auth.get_account(engine, email)
    if account is None or not account.active:
        # The identity provider vouched for this address, but it has no account here:
        # logged as the unknown-name marker, like a password sign-in with such a name.
        audit.record(engine, "sign_in_failed", username=auth.UNKNOWN_NAME, client=client_id(),
                     reason="oidc_no_account")
        st.session_state[FLASH_KEY] = "auth.oidc_no_account"
        return
    audit.record(engine, "sign_in", username=account.username, role=account.role,
                 client=client_id(), method="oidc")
    start_session(account)


def _signed_in_scope() -> Scope | None:
    session = st.session_state.get(SESSION_KEY)
    if not session:
        return None
    engine = get_engine()
    problem = auth.session_problem(session["started"], session["seen"])
    if problem:
        _end_session("session_expired", problem, session["username"])
        return None
    account = auth.get_account(engine, session["username"])
    if account is None or not account.active:
        _end_session("sign_out", "auth.account_gone", session["username"])
        return None
    try:
        scope = auth.scope_for(engine, account)
    except (auth.AccountError, ValueError):
        _end_session("sign_out", "auth.account_unusable", session["username"])
        return None
    if user_acted():
        session["seen"] = audit.now()
    return scope


_LAST_PAGE_KEY = "_auth_last_page"


def user_acted() -> bool:
    """Whether this rerun was caused by the user: a widget changed or was clicked, another
    page was opened, or the browser went back or forward.

    Idle expiry counts from the last user action, not from the last rerun: Streamlit also
    reruns the script when nobody acts (a websocket that reconnects while a run was under
    way, a fragment's ``run_every`` timer, a host page's rerun message, the app's own
    ``st.rerun()``), and each of those used to count as "seen". Streamlit keeps the widget
    values the browser sent for this run next to those of the previous run and compares them
    to decide which ``on_change`` callbacks to call; the same comparison tells a user action
    from a rerun nobody asked for. Those are Streamlit internals: if they change, this answers
    False (a session then expires while in use, which is noticed, rather than never expiring)
    and tests/security/test_idle_expiry.py fails.
    """
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    if ctx is None:
        return False
    # The page the last run ended on (url_page records it after st.navigation); a run asked
    # for another one when the user followed a link or the navigation.
    if st.session_state.get(_LAST_PAGE_KEY) != ctx.page_script_hash or ctx.is_history_navigation:
        return True
    try:
        state = ctx.session_state._state
        return any(state._widget_changed(widget) for widget in list(state._new_widget_state))
    except (AttributeError, KeyError, TypeError):
        return False


def _demo_scope() -> Scope:
    """The scope chosen in the sidebar's role picker (demo mode only)."""
    regions = cached_query(region_directory)
    practices = cached_query(practice_directory)
    region_names = dict(zip(regions["region"], regions["name"], strict=True))
    roles = [role for role in ROLES if role != "huisarts" or not practices.empty]
    role_labels = {role: t(f"role.{role}") for role in roles}
    if st.session_state.get(DEMO_ROLE_KEY) not in roles:
        st.session_state[DEMO_ROLE_KEY] = DEMO_DEFAULT_ROLE
    with st.sidebar.container(border=True):
        st.markdown(f"**:material/theater_comedy: {t('demo.picker')}**")
        role = st.selectbox(t("demo.role"), roles, format_func=role_labels.__getitem__,
                            key=DEMO_ROLE_KEY, help=t("demo.role_help"))
        if role == "huisarts":
            names = dict(zip(practices["practice"],
                             practices["name"].fillna(practices["pseudonym"]), strict=True))
            options = sorted(names, key=names.__getitem__)
            if st.session_state.get(DEMO_PRACTICE_KEY) not in options:
                st.session_state[DEMO_PRACTICE_KEY] = options[0]
            practice = st.selectbox(t("demo.practice"), options,
                                    format_func=names.__getitem__, key=DEMO_PRACTICE_KEY)
            region = practices.set_index("practice").loc[practice, "region"]
            return Scope("huisarts", regions=frozenset({region}), practice=practice,
                         username="demo", demo=True)
        if role in REGION_ROLES and region_names:
            chosen = [c for c in st.session_state.get(DEMO_REGIONS_KEY, []) if c in region_names]
            st.session_state[DEMO_REGIONS_KEY] = chosen or list(region_names)
            chosen = st.multiselect(t("demo.regions"), list(region_names),
                                    format_func=region_names.__getitem__, key=DEMO_REGIONS_KEY)
            if not chosen:
                st.caption(t("demo.no_regions"))
                chosen = list(region_names)
            return Scope(role, regions=frozenset(chosen), username="demo", demo=True)
    return Scope("beheerder", all_regions=True, username="demo", demo=True)


def resolve_scope() -> Scope | None:
    """Who is looking, decided once per page view by app.py: a valid signed-in session, else
    the demo role picker while only synthetic data is loaded, else nobody (sign-in page)."""
    try:
        _oidc_sign_in()
        scope = _signed_in_scope()
        if scope is None and demo_active():
            scope = _demo_scope()
    except SQLAlchemyError as error:
        st.error(t("app.database_error", error=type(error).__name__), icon=":material/error:")
        scope = None
    st.session_state[SCOPE_KEY] = scope
    return scope


def scope() -> Scope:
    """The current user's scope; pages pass it into every query. Stops the page without one."""
    value = st.session_state.get(SCOPE_KEY)
    if not isinstance(value, Scope):
        st.info(t("auth.sign_in_first"), icon=":material/lock:")
        st.stop()
    return value


def denied(error: AccessDenied) -> None:
    """Show why the scope does not allow this view and stop the page."""
    st.warning(t(error.reason, **error.values), icon=":material/lock:")
    st.stop()


def scope_sidebar(current: Scope | None) -> None:
    """Who is signed in (or that this is the demo), with a sign-out button."""
    if current is None:
        return
    if current.demo:
        return
    with st.sidebar.container(border=True):
        st.caption(t("auth.signed_in_as", name=escape_markdown(current.username),
                     role=t(f"role.{current.role}")))
        st.button(t("auth.sign_out"), icon=":material/logout:", key="auth_sign_out",
                  on_click=sign_out)


def demo_banner(current: Scope | None) -> None:
    """On every page in demo mode: that this is a demo, and as whom the visitor looks."""
    if current is None or not current.demo:
        return
    st.info(t("demo.banner", role=t(f"role.{current.role}")), icon=":material/theater_comedy:")


class DownloadRefused(PermissionError):
    """A download asked for by a session that may no longer download (or outside the guard)."""


def download_token() -> str | None:
    """This browser's download cookie, set by the guard in ``dashboard.server``."""
    try:
        token = st.context.cookies.get(downloads.COOKIE)
    except (AttributeError, RuntimeError):
        return None
    return token if downloads.valid_token(token) else None


def download_button(label: str, data: Any, *, file_name: str, mime: str,
                    rows: int | None = None, container: Any = None, **kwargs: Any) -> None:
    """``st.download_button`` whose file is made on click, for this session only, audited.

    ``data`` is bytes or a callable that makes them. The click runs in Streamlit's download
    thread, over this session's websocket: the file is made only while the session is signed
    in and neither idle nor expired (an idle one is ended and audited there), the click counts
    as a user action, the export is audited, and the file is granted to this browser's
    download cookie for one delivery (``dashboard.downloads``). Without the guard (no cookie:
    the app was started without ``dashboard/server.py``) every download is refused.
    """
    token = download_token()
    session = st.session_state.get(SESSION_KEY)
    current = st.session_state.get(SCOPE_KEY)
    username = current.username if isinstance(current, Scope) else None
    role = current.role if isinstance(current, Scope) else None
    client = client_id()
    url = get_settings().database_url

    def make() -> bytes:
        now = audit.now()
        engine = _engine_for(url)
        problem = downloads.session_problem(session, now)
        if problem:
            if problem in ("auth.idle", "auth.expired") and downloads.end_once(session, problem):
                audit.record(engine, "session_expired", username=session["username"],
                             client=client, reason=problem)
            raise DownloadRefused(problem)
        if token is None:
            raise DownloadRefused("no download cookie")
        if session is not None:
            session["seen"] = now  # a download is a user action
        content = data() if callable(data) else data
        content = content.encode("utf-8") if isinstance(content, str) else bytes(content)
        downloads.REGISTRY.grant(token, session, content, now)
        try:
            audit.record(engine, "export", username=username, role=role, client=client,
                         file=file_name, rows=rows)
        except SQLAlchemyError:
            pass  # a failing audit write must not break the download itself
        return content

    (container or st).download_button(label, data=make, file_name=file_name, mime=mime,
                                      on_click="ignore", **kwargs)
