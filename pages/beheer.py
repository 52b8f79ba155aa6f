"""Beheer: accounts (add, disable, enable, new password) and the audit log, for beheerders."""

from __future__ import annotations

import streamlit as st

from dashboard import audit, auth, ui
from dashboard.pagedata import beheer
from dashboard.safe_text import escape_markdown as md
from dashboard.scope import REGION_ROLES, ROLES, AccessDenied

ui.page_header("beheer.title", "beheer.intro")
scope = ui.scope()
engine = ui.get_engine()
client = ui.client_id()

try:
    accounts = beheer.users(engine, scope)
    log = beheer.audit_log(engine, scope)
    regions, practices = beheer.binding_choices(engine, scope)
except AccessDenied as error:
    ui.denied(error)

ROLE_LABELS = {role: ui.t(f"role.{role}") for role in ROLES}
EVENT_LABELS = {event: ui.t(f"audit.event.{event}") for event in audit.EVENTS}

flash = st.session_state.pop("beheer_flash", None)
if flash:
    st.success(flash, icon=":material/check_circle:")

users_tab, log_tab = st.tabs([ui.t("beheer.tab.users"), ui.t("beheer.tab.audit")])

with users_tab:
    shown = accounts.assign(role_label=accounts["role"].map(ROLE_LABELS))
    ui.show_table(
        shown,
        file_name="gebruikers",
        columns={
            "username": "beheer.col.username",
            "display_name": "beheer.col.display_name",
            "role_label": "beheer.col.role",
            "practice": "beheer.col.practice",
            "regions": "beheer.col.regions",
            "active": "beheer.col.active",
            "updated_at": "beheer.col.updated_at",
        },
        formats={"updated_at": "datetime", "active": "yesno", "practice": "text"},
        about=ui.t("beheer.users_about"),
        key="beheer_users",
    )
    if scope.demo:
        st.info(ui.t("beheer.demo_read_only"), icon=":material/theater_comedy:")
    else:
        def report(action, message: str) -> None:
            try:
                action()
            except auth.AccountError as error:
                st.error(error.message(ui.lang()), icon=":material/error:")
            except AccessDenied as error:
                st.error(ui.t(error.reason, **error.values), icon=":material/lock:")
            else:
                st.session_state["beheer_flash"] = message
                st.rerun()

        region_names = dict(zip(regions["region"], regions["name"], strict=True))
        practice_names = {
            code: f"{name or pseudonym} ({code})"
            for code, name, pseudonym in zip(practices["practice"], practices["name"],
                                             practices["pseudonym"], strict=True)
        }
        with st.expander(ui.t("beheer.add.title"), icon=":material/person_add:"):
            role = st.selectbox(ui.t("beheer.col.role"), list(ROLES),
                                format_func=ROLE_LABELS.__getitem__, key="beheer_add_role")
            with st.form("beheer_add", clear_on_submit=True):
                username = st.text_input(ui.t("beheer.col.username"), key="beheer_add_username",
                                         max_chars=254, help=ui.t("beheer.username_help"))
                display_name = st.text_input(ui.t("beheer.col.display_name"),
                                             key="beheer_add_name", max_chars=200)
                practice, chosen = None, []
                if role == "huisarts":
                    practice = st.selectbox(ui.t("beheer.col.practice"), list(practice_names),
                                            format_func=practice_names.__getitem__,
                                            key="beheer_add_practice")
                elif role in REGION_ROLES:
                    chosen = st.multiselect(ui.t("beheer.col.regions"), list(region_names),
                                            format_func=region_names.__getitem__,
                                            key="beheer_add_regions")
                password = st.text_input(ui.t("beheer.password"), type="password",
                                         key="beheer_add_password",
                                         help=ui.t("beheer.password_help",
                                                   length=auth.MIN_PASSWORD_LENGTH))
                if st.form_submit_button(ui.t("beheer.add.submit"), icon=":material/add:"):
                    report(lambda: beheer.add_user(
                        engine, scope, username, role, password or None, practice=practice,
                        regions=chosen, display_name=display_name, client=client,
                    ), ui.t("beheer.add.done", name=md(username.strip().lower())))

        names = list(accounts["username"])
        if names:
            with st.expander(ui.t("beheer.change.title"), icon=":material/manage_accounts:"):
                with st.form("beheer_change", clear_on_submit=True):
                    target = st.selectbox(ui.t("beheer.col.username"), names,
                                          key="beheer_change_user")
                    new_password = st.text_input(
                        ui.t("beheer.new_password"), type="password",
                        key="beheer_change_password",
                        help=ui.t("beheer.password_help", length=auth.MIN_PASSWORD_LENGTH))
                    cells = st.columns(3)
                    disable = cells[0].form_submit_button(ui.t("beheer.disable"),
                                                          icon=":material/block:")
                    enable = cells[1].form_submit_button(ui.t("beheer.enable"),
                                                         icon=":material/check:")
                    reset = cells[2].form_submit_button(ui.t("beheer.reset"),
                                                        icon=":material/key:")
                    if disable or enable:
                        report(lambda: beheer.set_active(engine, scope, target, bool(enable),
                                                         client=client),
                               ui.t("beheer.enabled" if enable else "beheer.disabled",
                                    name=md(target)))
                    if reset:
                        report(lambda: beheer.set_password(engine, scope, target, new_password,
                                                           client=client),
                               ui.t("beheer.reset_done", name=md(target)))
    st.caption(ui.t("beheer.cli_hint"))

with log_tab:
    events = st.multiselect(ui.t("beheer.filter_events"), list(audit.EVENTS),
                            format_func=EVENT_LABELS.__getitem__, key="beheer_events")
    entries = log[log["event"].isin(events)] if events else log
    entries = entries.assign(
        event_label=entries["event"].map(EVENT_LABELS),
        role_label=entries["role"].map(lambda r: ROLE_LABELS.get(r, r)),
    )
    ui.show_table(
        entries,
        file_name="auditlog",
        columns={
            "at": "beheer.col.at",
            "event_label": "beheer.col.event",
            "username": "beheer.col.username",
            "role_label": "beheer.col.role",
            "client": "beheer.col.client",
            "detail": "beheer.col.detail",
        },
        formats={"at": "datetime", "username": "text", "role_label": "text", "client": "text"},
        about=ui.t("beheer.audit_about"),
        key="beheer_audit",
    )
