"""Who lives where: entity ids, ports and files of a state directory.

Plain Python (no Django), shared by the command line and the Django settings.
The Trust Anchor and the SPID provider share one Django process on port P;
the CIE provider needs another process (the package reads its provider
profile once, at import time) on port P+1, with its own database.
"""
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

ROLES = ("spid", "cie")
CONFIG_FILE = "federation.json"

SP_PUBLIC_PROFILE = "https://www.spid.gov.it/openid-federation/agreement/sp-public"
OP_PUBLIC_PROFILE = "https://www.spid.gov.it/openid-federation/agreement/op-public"


@dataclass(frozen=True)
class Layout:
    state_dir: Path
    port: int

    @property
    def trust_anchor(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def role_port(self, role: str) -> int:
        return self.port if role == "spid" else self.port + 1

    def provider(self, role: str) -> str:
        return f"http://127.0.0.1:{self.role_port(role)}/oidc/op"

    def database(self, role: str) -> Path:
        return self.state_dir / f"{role}.sqlite3"

    def log(self, role: str) -> Path:
        return self.state_dir / f"{role}.log"

    @property
    def admin_password_file(self) -> Path:
        return self.state_dir / "admin-password.txt"

    @property
    def staff_token_file(self) -> Path:
        return self.state_dir / "staff-token.txt"


def write_config(state_dir: Path, port: int) -> dict:
    """Creates or updates DIR/federation.json; the secrets stay as they were."""
    state_dir.mkdir(parents=True, exist_ok=True)
    path = state_dir / CONFIG_FILE
    conf = json.loads(path.read_text()) if path.exists() else {}
    conf.setdefault("secret_key", secrets.token_urlsafe(48))
    # The pairwise `sub` is a hash over this salt: a stable one keeps it stable.
    conf.setdefault("provider_salt", secrets.token_urlsafe(16))
    conf["port"] = port
    path.write_text(json.dumps(conf, indent=2) + "\n")
    return conf


def read_config(state_dir: Path) -> dict:
    path = state_dir / CONFIG_FILE
    if not path.exists():
        raise SystemExit(f"{path} is missing: run `setup --state-dir {state_dir} --port P` first")
    return json.loads(path.read_text())


def layout_from_env() -> "Layout":
    """The layout of the Django process started by the command line."""
    state_dir = Path(os.environ["FEDERATION_STATE_DIR"])
    return Layout(state_dir, int(read_config(state_dir)["port"]))
