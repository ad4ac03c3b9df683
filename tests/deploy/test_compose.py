"""Structure of docker-compose.yml, backend/Dockerfile and .dockerignore.

No Docker engine is needed: these tests read the files and check what
`docker compose up --build` relies on (services, health checks, ports,
settings, volumes, the build stages and their order).

    python3 -m pip install -r tests/requirements.txt
    python3 -m pytest tests/deploy
"""

from __future__ import annotations

import re
import shlex
import tomllib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
COMPOSE_FILE = REPO / "docker-compose.yml"
DOCKERFILE = REPO / "backend" / "Dockerfile"
DOCKERIGNORE = REPO / ".dockerignore"
SETTINGS = REPO / "backend" / "src" / "settings.rs"
# settings.rs describes the layers; the PORTALE_* names themselves are the
# `env = "..."` of the clap options in cli/mod.rs, which feed it.
SETTINGS_SOURCES = (SETTINGS, REPO / "backend" / "src" / "cli" / "mod.rs")
WORKSPACE_MANIFEST = REPO / "Cargo.toml"

SERVICES = ("db", "mail", "backend")
BACKEND_ENV = {
    "PORTALE_DATABASE_URL": "postgres://portale:portale@db:5432/portale",
    "PORTALE_SMTP_URL": "smtp://mail:1025",
    "PORTALE_PUBLIC_BASE_URL": "http://localhost:8080",
    "PORTALE_DATA_DIR": "/data",
    "PORTALE_DEMO": "true",
}
STAGE_IMAGES = ("node:20-bookworm-slim", "rust:1.95-bookworm", "debian:bookworm-slim")
SERVE_COMMAND = ["serve", "--bind", "0.0.0.0:8080", "--data-dir", "/data"]


# --------------------------------------------------------------------------
# docker-compose.yml
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def compose() -> dict:
    data = yaml.safe_load(COMPOSE_FILE.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{COMPOSE_FILE} is not a YAML mapping"
    assert isinstance(data.get("services"), dict), "no `services:` mapping"
    return data


def service(compose: dict, name: str) -> dict:
    assert name in compose["services"], f"service `{name}` missing from {COMPOSE_FILE.name}"
    svc = compose["services"][name]
    assert isinstance(svc, dict), f"service `{name}` is not a mapping"
    return svc


def environment(svc: dict) -> dict[str, object]:
    env = svc.get("environment") or {}
    if isinstance(env, list):
        pairs = (item.split("=", 1) if "=" in item else (item, None) for item in env)
        return {key: value for key, value in pairs}
    assert isinstance(env, dict), "environment must be a list or a mapping"
    return env


def published_ports(svc: dict) -> set[tuple[str, str]]:
    """(host port, container port) pairs, from the short or the long syntax."""
    pairs = set()
    for entry in svc.get("ports") or []:
        if isinstance(entry, dict):
            pairs.add((str(entry.get("published", "")), str(entry.get("target", ""))))
            continue
        spec = str(entry).split("/", 1)[0]  # drop "/tcp"
        parts = spec.split(":")
        assert len(parts) in (2, 3), f"port {entry!r}: expected HOST:CONTAINER"
        pairs.add((parts[-2], parts[-1]))
    return pairs


def mounts(svc: dict) -> list[tuple[str, str]]:
    """(source, target) of each volume entry, short or long syntax."""
    result = []
    for entry in svc.get("volumes") or []:
        if isinstance(entry, dict):
            result.append((str(entry.get("source", "")), str(entry.get("target", ""))))
            continue
        parts = str(entry).split(":")
        if len(parts) == 1:  # anonymous volume
            result.append(("", parts[0]))
        else:
            result.append((parts[0], parts[1]))
    return result


def is_named_volume(source: str) -> bool:
    return bool(source) and not source.startswith(("/", ".", "~", "$"))


def healthcheck_command(svc: dict) -> str:
    check = svc.get("healthcheck")
    assert isinstance(check, dict), "no healthcheck"
    assert not check.get("disable"), "healthcheck disabled"
    test = check.get("test")
    if isinstance(test, list):
        assert test and test[0] in ("CMD", "CMD-SHELL"), f"healthcheck test {test!r}"
        return " ".join(str(part) for part in test[1:])
    assert isinstance(test, str) and test.strip(), "healthcheck has no test"
    return test


def test_services_exist(compose: dict) -> None:
    missing = set(SERVICES) - set(compose["services"])
    assert not missing, f"missing services: {sorted(missing)}"


def test_db_service(compose: dict) -> None:
    db = service(compose, "db")
    assert db.get("image") == "postgres:15"
    env = environment(db)
    for key in ("POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_DB"):
        assert env.get(key) == "portale", f"{key} should be `portale`"
    assert re.search(r"\bpg_isready\b.*-U\s+portale\b", healthcheck_command(db))
    assert ("pgdata", "/var/lib/postgresql/data") in mounts(db)


def test_mail_service(compose: dict) -> None:
    mail = service(compose, "mail")
    image = str(mail.get("image", ""))
    assert image == "axllent/mailpit" or image.startswith("axllent/mailpit:"), image
    ports = published_ports(mail)
    assert ("8025", "8025") in ports, "Mailpit UI must be published on 8025"
    assert ("1025", "1025") in ports, "Mailpit SMTP must be published on 1025"


def test_backend_builds_from_dockerfile(compose: dict) -> None:
    build = service(compose, "backend").get("build")
    assert isinstance(build, dict), "backend must have a `build:` mapping"
    context = (COMPOSE_FILE.parent / str(build.get("context", ""))).resolve()
    assert context == REPO, f"build context {build.get('context')!r} is not the repository root"
    assert build.get("dockerfile") == "backend/Dockerfile"
    assert (context / build["dockerfile"]).is_file(), "the Dockerfile does not exist"


def test_backend_ports(compose: dict) -> None:
    assert ("8080", "8080") in published_ports(service(compose, "backend"))


def test_backend_environment(compose: dict) -> None:
    env = environment(service(compose, "backend"))
    for key, expected in BACKEND_ENV.items():
        assert key in env, f"backend environment lacks {key}"
        # Compose wants strings: an unquoted `true` is a YAML boolean.
        assert isinstance(env[key], str), f"{key} must be a quoted string, got {env[key]!r}"
        assert env[key] == expected, f"{key}={env[key]!r}, expected {expected!r}"


def test_backend_waits_for_healthy_dependencies(compose: dict) -> None:
    depends_on = service(compose, "backend").get("depends_on")
    assert isinstance(depends_on, dict), "depends_on must be a mapping with conditions"
    for dependency in ("db", "mail"):
        assert dependency in depends_on, f"backend must depend on {dependency}"
        condition = (depends_on[dependency] or {}).get("condition")
        assert condition == "service_healthy", f"{dependency}: condition is {condition!r}"


def test_every_service_has_a_healthcheck(compose: dict) -> None:
    for name, svc in compose["services"].items():
        try:
            healthcheck_command(svc)
        except AssertionError as error:
            pytest.fail(f"service `{name}`: {error}")


def test_backend_healthcheck_uses_healthz(compose: dict) -> None:
    command = healthcheck_command(service(compose, "backend"))
    assert "curl" in command and "http://127.0.0.1:8080/healthz" in command, command


def test_backend_restart_policy(compose: dict) -> None:
    assert service(compose, "backend").get("restart") == "unless-stopped"


def test_volumes_declared_and_used(compose: dict) -> None:
    declared = set((compose.get("volumes") or {}).keys())
    assert {"pgdata", "portaledata"} <= declared, f"declared volumes: {sorted(declared)}"
    used = {
        source
        for svc in compose["services"].values()
        for source, _ in mounts(svc)
        if is_named_volume(source)
    }
    assert used <= declared, f"volumes used but not declared: {sorted(used - declared)}"
    assert declared <= used, f"volumes declared but not used: {sorted(declared - used)}"
    backend = service(compose, "backend")
    assert ("portaledata", "/data") in mounts(backend)
    assert environment(backend).get("PORTALE_DATA_DIR") == "/data"


def test_compose_settings_exist_in_backend(compose: dict) -> None:
    names = sorted(
        {
            key
            for svc in compose["services"].values()
            for key in environment(svc)
            if key.startswith("PORTALE_")
        }
    )
    assert names, "no PORTALE_* settings in the compose file"
    if not SETTINGS.is_file():
        pytest.skip(
            f"{SETTINGS.relative_to(REPO)} does not exist yet: cannot check that "
            f"the backend reads {', '.join(names)}"
        )
    sources = [path for path in SETTINGS_SOURCES if path.is_file()]
    text = "\n".join(path.read_text(encoding="utf-8") for path in sources)
    unknown = [name for name in names if f'"{name}"' not in text]
    where = " and ".join(str(path.relative_to(REPO)) for path in sources)
    assert not unknown, (
        f"docker-compose.yml sets {unknown}, which {where} never name: "
        "a renamed setting would be silently ignored"
    )


# --------------------------------------------------------------------------
# backend/Dockerfile
# --------------------------------------------------------------------------


@dataclass
class Instruction:
    keyword: str
    args: str
    line: int
    workdir: str  # effective WORKDIR when the instruction runs

    def flags_and_words(self) -> tuple[dict[str, str], list[str]]:
        """`--flag=value` options and the remaining words (shell form)."""
        flags: dict[str, str] = {}
        words = []
        for word in shlex.split(self.args):
            if word.startswith("--") and not words:
                key, _, value = word[2:].partition("=")
                flags[key] = value
            else:
                words.append(word)
        return flags, words

    def exec_form(self) -> list[str] | None:
        text = self.args.strip()
        if not text.startswith("["):
            return None
        return yaml.safe_load(text)  # a JSON array is valid YAML


@dataclass
class Stage:
    index: int
    image: str
    name: str | None
    instructions: list[Instruction] = field(default_factory=list)

    def all(self, keyword: str) -> list[Instruction]:
        return [i for i in self.instructions if i.keyword == keyword]

    def run_text(self) -> str:
        return "\n".join(i.args for i in self.all("RUN"))


def logical_lines(text: str) -> list[tuple[int, str]]:
    """Joins continued lines and drops comments, as Docker does."""
    lines: list[tuple[int, str]] = []
    current: list[str] = []
    start = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if not current:
            start = number
        if raw.rstrip().endswith("\\"):
            current.append(raw.rstrip()[:-1])
            continue
        current.append(raw)
        lines.append((start, " ".join(part.strip() for part in current)))
        current = []
    assert not current, "the Dockerfile ends inside a continued line"
    return lines


def parse_dockerfile(text: str) -> list[Stage]:
    stages: list[Stage] = []
    workdir = "/"
    for number, line in logical_lines(text):
        keyword, _, args = line.partition(" ")
        keyword = keyword.upper()
        args = args.strip()
        if keyword == "FROM":
            words = [w for w in args.split() if not w.startswith("--")]
            name = words[2] if len(words) == 3 and words[1].upper() == "AS" else None
            stages.append(Stage(len(stages), words[0], name))
            workdir = "/"
            continue
        assert stages, f"line {number}: {keyword} before the first FROM"
        if keyword == "WORKDIR":
            workdir = str(PurePosixPath(workdir) / args)
        stages[-1].instructions.append(Instruction(keyword, args, number, workdir))
    return stages


@pytest.fixture(scope="module")
def stages() -> list[Stage]:
    return parse_dockerfile(DOCKERFILE.read_text(encoding="utf-8"))


def resolve(instruction: Instruction, path: str) -> PurePosixPath:
    return PurePosixPath(instruction.workdir) / path


def copies(stage: Stage) -> list[tuple[Instruction, dict[str, str], list[str], str]]:
    """(instruction, flags, sources, destination) of each COPY."""
    result = []
    for copy in stage.all("COPY"):
        exec_form = copy.exec_form()
        if exec_form is not None:
            flags, words = {}, exec_form
        else:
            flags, words = copy.flags_and_words()
        assert len(words) >= 2, f"line {copy.line}: COPY needs a source and a destination"
        result.append((copy, flags, words[:-1], words[-1]))
    return result


def stage_ref(stage: Stage) -> set[str]:
    return {str(stage.index)} | ({stage.name} if stage.name else set())


def test_dockerfile_has_three_stages(stages: list[Stage]) -> None:
    assert tuple(stage.image for stage in stages) == STAGE_IMAGES


def test_rust_image_matches_workspace_rust_version(stages: list[Stage]) -> None:
    manifest = tomllib.loads(WORKSPACE_MANIFEST.read_text(encoding="utf-8"))
    rust_version = manifest["workspace"]["package"]["rust-version"]
    assert stages[1].image == f"rust:{rust_version}-bookworm", (
        f"the build image {stages[1].image} differs from the workspace's "
        f"rust-version {rust_version}"
    )


def test_frontend_stage_builds_the_spa(stages: list[Stage]) -> None:
    frontend = stages[0]
    runs = frontend.all("RUN")
    for command in ("npm ci", "npm run build"):
        matching = [r for r in runs if command in r.args]
        assert matching, f"stage 1 does not run `{command}`"
        run = matching[0]
        assert run.workdir.endswith("/frontend") or "cd frontend" in run.args, (
            f"`{command}` does not run in frontend/"
        )
    copied = [src for _, _, sources, _ in copies(frontend) for src in sources]
    assert any(src.rstrip("/") in ("frontend", "frontend/.") for src in copied), (
        "stage 1 does not copy the frontend sources"
    )


def test_backend_stage_copies_dist_before_building(stages: list[Stage]) -> None:
    frontend, backend = stages[0], stages[1]
    build_runs = [r for r in backend.all("RUN") if "cargo build" in r.args]
    assert len(build_runs) == 1, "stage 2 must run `cargo build` once"
    build = build_runs[0]
    assert "--release" in build.args and re.search(r"-p\s+portale\b", build.args), build.args

    copied: dict[str, tuple[Instruction, PurePosixPath]] = {}
    dist: tuple[Instruction, PurePosixPath] | None = None
    for copy, flags, sources, dest in copies(backend):
        target = resolve(copy, dest)
        if flags.get("from") in stage_ref(frontend):
            assert all(src.rstrip("/").endswith("frontend/dist") for src in sources)
            dist = (copy, target)
            continue
        for src in sources:
            # A directory's contents land in the destination; a file lands in
            # it when the destination ends with "/".
            name = src.rstrip("/")
            is_dir = name == "backend"
            place = target / name if dest.endswith("/") and not is_dir else target
            copied[name] = (copy, place)
    for needed in ("Cargo.toml", "Cargo.lock", "backend"):
        assert needed in copied, f"stage 2 does not copy {needed}"
        assert copied[needed][0].line < build.line, f"{needed} is copied after cargo build"
    assert dist is not None, "stage 2 does not copy frontend/dist from stage 1"
    assert dist[0].line < build.line, "frontend/dist must be copied before cargo build"

    # rust-embed reads ../frontend/dist relative to backend/.
    backend_dir = copied["backend"][1]
    assert dist[1] == backend_dir.parent / "frontend" / "dist", (
        f"frontend/dist lands in {dist[1]}, the backend in {backend_dir}"
    )
    assert build.workdir == str(backend_dir.parent), "cargo build must run at the workspace root"


def test_backend_stage_has_build_dependencies(stages: list[Stage]) -> None:
    runs = stages[1].run_text()
    for package in ("libssl-dev", "pkg-config"):
        assert re.search(rf"apt-get install[^\n]*\b{re.escape(package)}\b", runs), package


def test_runtime_stage(stages: list[Stage]) -> None:
    runtime, builder = stages[2], stages[1]
    runs = runtime.run_text()
    for package in ("ca-certificates", "libssl3", "curl"):
        assert re.search(rf"apt-get install[^\n]*\b{re.escape(package)}\b", runs), package

    binaries = [
        dest
        for _, flags, _, dest in copies(runtime)
        if flags.get("from") in stage_ref(builder)
    ]
    assert any(PurePosixPath(d).name == "portale" for d in binaries), (
        "the runtime stage does not copy the portale binary from the build stage"
    )

    users = runtime.all("USER")
    assert users, "the runtime stage has no USER: it would run as root"
    user = users[-1].args.split(":")[0]
    assert user not in ("root", "0"), f"USER {user} is root"
    assert re.search(rf"\b(useradd|adduser)\b[^\n]*\b{re.escape(user)}\b", runs) or user.isdigit(), (
        f"user {user} is never created"
    )

    exposed = {port for e in runtime.all("EXPOSE") for port in e.args.split()}
    assert exposed & {"8080", "8080/tcp"}, f"EXPOSE {sorted(exposed)}"

    volumes = " ".join(v.args for v in runtime.all("VOLUME"))
    assert "/data" in volumes, "no VOLUME /data"

    checks = runtime.all("HEALTHCHECK")
    assert len(checks) == 1, "the runtime stage needs one HEALTHCHECK"
    assert "curl" in checks[0].args and "http://127.0.0.1:8080/healthz" in checks[0].args

    entrypoints = runtime.all("ENTRYPOINT")
    assert entrypoints and entrypoints[-1].exec_form() == ["portale"], "ENTRYPOINT must be portale"
    commands = runtime.all("CMD")
    assert commands and commands[-1].exec_form() == SERVE_COMMAND, "CMD must start the server"


# --------------------------------------------------------------------------
# .dockerignore
# --------------------------------------------------------------------------


def ignore_patterns() -> list[tuple[bool, re.Pattern[str]]]:
    """(negated, regex) per pattern, with Docker's matching rules."""
    patterns = []
    for raw in DOCKERIGNORE.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        negated = line.startswith("!")
        pattern = str(PurePosixPath(line.lstrip("!").strip().lstrip("/")))
        regex = ""
        i = 0
        while i < len(pattern):
            if pattern.startswith("**/", i):
                regex += "(?:.*/)?"
                i += 3
            elif pattern.startswith("**", i):
                regex += ".*"
                i += 2
            elif pattern[i] == "*":
                regex += "[^/]*"
                i += 1
            elif pattern[i] == "?":
                regex += "[^/]"
                i += 1
            else:
                regex += re.escape(pattern[i])
                i += 1
        patterns.append((negated, re.compile(regex)))
    return patterns


def ignored(path: str, patterns: list[tuple[bool, re.Pattern[str]]]) -> bool:
    parts = path.split("/")
    prefixes = ["/".join(parts[: n + 1]) for n in range(len(parts))]
    result = False
    for negated, regex in patterns:
        if any(regex.fullmatch(prefix) for prefix in prefixes):
            result = not negated
    return result


@pytest.mark.parametrize(
    "path",
    [
        ".git/HEAD",
        "target/release/portale",
        "backend/target/debug/portale",
        "frontend/node_modules/vite/package.json",
        "frontend/dist/index.html",
        "data/portale.sqlite3",
    ],
)
def test_dockerignore_excludes(path: str) -> None:
    assert ignored(path, ignore_patterns()), f"{path} would be sent to the build"


@pytest.mark.parametrize(
    "path",
    [
        "Cargo.toml",
        "Cargo.lock",
        "backend/Cargo.toml",
        "backend/src/main.rs",
        "backend/src/reference/places.rs",
        "backend/data/places.csv",
        "backend/migrations/postgres/up.sql",
        "backend/tests/api/main.rs",
        "frontend/package.json",
        "frontend/package-lock.json",
        "frontend/src/main.ts",
        "frontend/index.html",
    ],
)
def test_dockerignore_keeps_build_inputs(path: str) -> None:
    assert not ignored(path, ignore_patterns()), f"{path} is needed by the build but ignored"
