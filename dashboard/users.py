"""Manage accounts: ``python -m dashboard.users add|change|disable|enable|reset-password|list``.

Examples::

    python -m dashboard.users add a.jansen --role huisarts --practice P0123
    python -m dashboard.users add c.devries --role coordinator --region NKU --region HVO
    python -m dashboard.users add beheer --role beheerder
    python -m dashboard.users reset-password a.jansen
    python -m dashboard.users disable a.jansen
    python -m dashboard.users list

The password is asked twice on the terminal (never as an argument, which would end up in the
shell history); ``--password-stdin`` reads it from standard input for scripts, and
``--oidc-only`` makes an account without password that signs in through the identity provider.
Every change is written to the audit log with the operating-system user as the actor.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from dashboard import auth, database
from dashboard.scope import ROLES, Scope


def _actor() -> Scope:
    """Who runs the command line: a beheerder (whoever can run it can reach the database
    anyway), named after the operating-system user in the audit log."""
    try:
        name = f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        name = "cli"
    return Scope("beheerder", all_regions=True, username=name)


def _read_password(args: argparse.Namespace) -> str | None:
    if getattr(args, "oidc_only", False):
        return None
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Wachtwoord / password: ")
    second = getpass.getpass("Nog eens / again: ")
    if first != second:
        raise auth.AccountError("auth.password_mismatch")
    return first


def _cmd_add(engine, args) -> str:
    account = auth.add_user(
        engine, args.username, args.role, _read_password(args), by=_actor(),
        practice=args.practice, regions=args.region, display_name=args.name or "",
    )
    where = account.practice or ", ".join(account.regions) or "alle regio's"
    return f"added {account.username} ({account.role}; {where})"


def _cmd_change(engine, args) -> str:
    auth.set_binding(engine, args.username, args.role, practice=args.practice,
                     regions=args.region, by=_actor())
    return f"changed {args.username} to {args.role}"


def _cmd_disable(engine, args) -> str:
    auth.set_active(engine, args.username, False, by=_actor())
    return f"disabled {args.username}"


def _cmd_enable(engine, args) -> str:
    auth.set_active(engine, args.username, True, by=_actor())
    return f"enabled {args.username}"


def _cmd_reset(engine, args) -> str:
    auth.set_password(engine, args.username, _read_password(args), by=_actor())
    return f"new password set for {args.username}"


def _cmd_list(engine, _args) -> str:
    users = auth.list_users(engine)
    if users.empty:
        return "no accounts yet; add one with: python -m dashboard.users add NAME --role ROLE"
    shown = users.drop(columns=["created_at"]).fillna("")
    return shown.to_string(index=False)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m dashboard.users", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)

    def binding(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("username")
        sub.add_argument("--role", required=True, choices=ROLES)
        sub.add_argument("--practice", help="practice code (huisarts)")
        sub.add_argument("--region", action="append", default=[],
                         help="region code; repeat for more (cardioloog, coordinator, "
                              "verzekeraar)")

    add = commands.add_parser("add", help="create an account")
    binding(add)
    add.add_argument("--name", help="display name")
    add.add_argument("--password-stdin", action="store_true")
    add.add_argument("--oidc-only", action="store_true", help="no password; sign in via OIDC")
    add.set_defaults(run=_cmd_add)

    change = commands.add_parser("change", help="change role, practice or regions")
    binding(change)
    change.set_defaults(run=_cmd_change)

    for name, run, text in (("disable", _cmd_disable, "block sign-in"),
                            ("enable", _cmd_enable, "allow sign-in again")):
        sub = commands.add_parser(name, help=text)
        sub.add_argument("username")
        sub.set_defaults(run=run)

    reset = commands.add_parser("reset-password", help="set a new password")
    reset.add_argument("username")
    reset.add_argument("--password-stdin", action="store_true")
    reset.set_defaults(run=_cmd_reset)

    listing = commands.add_parser("list", help="show every account")
    listing.set_defaults(run=_cmd_list)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    engine = database.get_engine()
    try:
        print(args.run(engine, args))
    except auth.AccountError as error:
        print(f"error: {error.message('en')}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
