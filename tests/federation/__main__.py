"""OpenID Federation harness: Trust Anchor + SPID and CIE providers of the
reference implementation (spid-cie-oidc). From the repository root:

    .venv-federation/bin/python -m tests.federation setup --state-dir DIR --port P
    .venv-federation/bin/python -m tests.federation add-user --state-dir DIR --username U ...
    .venv-federation/bin/python -m tests.federation register-rp --state-dir DIR --entity-id URL
    .venv-federation/bin/python -m tests.federation serve --state-dir DIR --port P

See tests/federation/README.md.
"""
import argparse
import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

from tests.federation.layout import ROLES, Layout, read_config, write_config

REPO_ROOT = Path(__file__).resolve().parents[2]


def django_env(layout: Layout, role: str) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="tests.federation.settings",
        FEDERATION_STATE_DIR=str(layout.state_dir),
        FEDERATION_ROLE=role,
        PYTHONPATH=os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")])),
    )
    return env


def run_step(layout: Layout, role: str, action: str, **arguments) -> dict:
    """Runs one step of tests/federation/provision.py in the role's own Django."""
    done = subprocess.run(
        [sys.executable, "-m", "tests.federation.provision", action],
        input=json.dumps(arguments),
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env=django_env(layout, role),
    )
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"{action} failed for the {role} provider")
    return json.loads(done.stdout)


def secret_file(path: Path) -> str:
    """A secret made once per state directory and kept there."""
    if not path.exists():
        path.write_text(secrets.token_urlsafe(18) + "\n")
        path.chmod(0o600)
    return path.read_text().strip()


def existing_layout(state_dir: str) -> Layout:
    state = Path(state_dir).resolve()
    return Layout(state, int(read_config(state)["port"]))


def cmd_setup(args):
    state = Path(args.state_dir).resolve()
    write_config(state, args.port)
    layout = Layout(state, args.port)
    password = secret_file(layout.admin_password_file)
    token = secret_file(layout.staff_token_file)
    # CIE first: the Trust Anchor (spid database) registers its federation keys.
    cie = run_step(layout, "cie", "provision", admin_password=password, staff_token=token)
    spid = run_step(
        layout, "spid", "provision", admin_password=password, staff_token=token,
        other_providers=[{"role": "cie", "jwks": cie["provider_jwks"]}],
    )
    run_step(layout, "cie", "set_trust_marks", trust_marks=[spid["trust_marks"]["cie"]])
    print(f"trust anchor   {layout.trust_anchor}")
    for role in ROLES:
        print(f"{role + ' provider':15}{layout.provider(role)}")
    print(f"admin password {password}  (also in {layout.admin_password_file})")
    print(f"staff token    {token}  (also in {layout.staff_token_file})")


def cmd_add_user(args):
    layout = existing_layout(args.state_dir)
    user = dict(
        username=args.username, password=args.password, fiscal_number=args.fiscal_number,
        given_name=args.given_name, family_name=args.family_name, email=args.email,
    )
    results = {role: run_step(layout, role, "add_user", **user) for role in ROLES}
    print(json.dumps({"username": args.username, **results["spid"]}, indent=2))


def cmd_register_rp(args):
    from tests.federation.entity_statement import Invalid, fetch_and_verify

    layout = existing_layout(args.state_dir)
    try:
        ec = fetch_and_verify(args.entity_id, layout.trust_anchor)
    except Invalid as e:
        raise SystemExit(f"register-rp: {args.entity_id}: {e}")
    metadata = ec["metadata"]
    rp = metadata["openid_relying_party"]
    name = args.name or rp.get("client_name") or rp.get("organization_name") or args.entity_id
    contacts = metadata.get("federation_entity", {}).get("contacts") or rp.get("contacts") or []
    contact = args.contact or (contacts[0] if contacts else "rp@example.org")
    # The subordinate statement carries the federation keys (the top-level
    # jwks of the entity configuration), not the openid_relying_party ones.
    result = run_step(
        layout, "spid", "register_rp", sub=ec["sub"], name=name, jwks=ec["jwks"]["keys"], contact=contact
    )
    run_step(layout, "cie", "forget", sub=ec["sub"])
    print(json.dumps({"registered": ec["sub"], "trust_mark": result["trust_mark"]}, indent=2))


def cmd_serve(args):
    from tests.federation.serve import serve

    layout = existing_layout(args.state_dir)
    if args.port != layout.port:
        raise SystemExit(f"{layout.state_dir} was set up for port {layout.port}: run setup --port {args.port}")
    sys.exit(serve(layout, {role: django_env(layout, role) for role in ROLES}, REPO_ROOT))


def main():
    parser = argparse.ArgumentParser(prog="python -m tests.federation", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)

    p = commands.add_parser("setup", help="create or update the databases, keys and entities")
    p.add_argument("--state-dir", required=True)
    p.add_argument("--port", type=int, required=True)
    p.set_defaults(func=cmd_setup)

    p = commands.add_parser("add-user", help="create or update a user of both providers")
    p.add_argument("--state-dir", required=True)
    p.add_argument("--username", required=True)
    p.add_argument("--password", required=True)
    p.add_argument("--fiscal-number", required=True, help="codice fiscale, without TINIT-")
    p.add_argument("--given-name", required=True)
    p.add_argument("--family-name", required=True)
    p.add_argument("--email")
    p.set_defaults(func=cmd_add_user)

    p = commands.add_parser("register-rp", help="register a relying party below the Trust Anchor")
    p.add_argument("--state-dir", required=True)
    p.add_argument("--entity-id", required=True)
    p.add_argument("--name")
    p.add_argument("--contact", help="default: the first contact of its metadata")
    p.set_defaults(func=cmd_register_rp)

    p = commands.add_parser("serve", help="run the two servers in the foreground")
    p.add_argument("--state-dir", required=True)
    p.add_argument("--port", type=int, required=True)
    p.set_defaults(func=cmd_serve)

    args = parser.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
