"""Aanmelden: user name and password (or the identity provider, when OIDC is configured).

The checks (argon2 hash, rate limit per account and per client, audit) are in
``dashboard.auth``; this page only asks and reports.
"""

from __future__ import annotations

import streamlit as st

from dashboard import auth, ui

ui.page_header("signin.title", "signin.intro")

flash = st.session_state.pop(ui.FLASH_KEY, None)
if flash:
    st.warning(ui.t(flash), icon=":material/schedule:")

if ui.oidc_configured():
    st.button(ui.t("signin.oidc"), icon=":material/badge:", key="signin_oidc",
              on_click=st.login)
    st.caption(ui.t("signin.oidc_help"))

with st.form("signin", clear_on_submit=True, border=True):
    username = st.text_input(ui.t("signin.username"), key="signin_username",
                             autocomplete="username", max_chars=254)
    password = st.text_input(ui.t("signin.password"), type="password", key="signin_password",
                             autocomplete="current-password", max_chars=1024)
    submitted = st.form_submit_button(ui.t("signin.submit"), icon=":material/login:",
                                      type="primary")

if submitted:
    result = auth.authenticate(ui.get_engine(), username, password, ui.client_id())
    if result.ok:
        ui.start_session(result.account)
        st.rerun()
    st.error(ui.t(result.reason, minutes=result.minutes), icon=":material/lock:")

st.caption(ui.t("signin.footer"))
