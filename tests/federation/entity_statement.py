"""Fetches and checks a relying party's entity configuration before `register-rp`.

The checks are those the reference provider applies later, in the middle of an
authorization request, where a failure only shows as `unauthorized_client`:
here they fail at once, with the reason.
"""
import base64
import json
import time
import urllib.request

from cryptojwt.jwk.jwk import key_from_jwk_dict
from cryptojwt.jws.jws import JWS

WELL_KNOWN = ".well-known/openid-federation"
CONTENT_TYPE = "application/entity-statement+jwt"


class Invalid(Exception):
    pass


def _b64json(segment: str) -> dict:
    return json.loads(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)))


def configuration_url(entity_id: str) -> str:
    # The package appends the well-known path after a slash, whatever the id ends with.
    return f"{entity_id if entity_id.endswith('/') else entity_id + '/'}{WELL_KNOWN}"


def fetch_and_verify(entity_id: str, trust_anchor: str) -> dict:
    """Returns the verified payload of `entity_id`'s entity configuration."""
    url = configuration_url(entity_id)
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:
            content_type = answer.headers.get_content_type()
            jwt = answer.read().decode().strip()
    except OSError as e:
        raise Invalid(f"cannot fetch {url}: {e}") from e
    if content_type != CONTENT_TYPE:
        raise Invalid(f"{url} answered Content-Type {content_type}, not {CONTENT_TYPE}")
    try:
        header, payload = (_b64json(s) for s in jwt.split(".")[:2])
    except ValueError as e:
        raise Invalid(f"{url} did not answer a JWS: {e}") from e

    # The package rejects an entity statement without these two header claims.
    if header.get("typ") != "entity-statement+jwt":
        raise Invalid(f"header typ is {header.get('typ')!r}, must be 'entity-statement+jwt'")
    keys = {k.get("kid"): k for k in payload.get("jwks", {}).get("keys", [])}
    if not header.get("kid") or header["kid"] not in keys:
        raise Invalid(f"header kid {header.get('kid')!r} is not among the jwks kids {list(keys)}")
    try:
        JWS(alg=header["alg"]).verify_compact(jwt, [key_from_jwk_dict(keys[header["kid"]])])
    except Exception as e:
        raise Invalid(f"self-signature does not verify: {e}") from e

    if payload.get("iss") != entity_id or payload.get("sub") != entity_id:
        raise Invalid(
            f"iss/sub are {payload.get('iss')!r}/{payload.get('sub')!r}, must both be {entity_id!r}"
            " (the provider looks the client up by this exact string)"
        )
    if trust_anchor not in payload.get("authority_hints", []):
        raise Invalid(f"authority_hints {payload.get('authority_hints')} lack {trust_anchor}")
    if payload.get("exp", 0) <= time.time():
        raise Invalid("the entity configuration has expired (exp)")
    rp = payload.get("metadata", {}).get("openid_relying_party")
    if not rp:
        raise Invalid("metadata.openid_relying_party is missing")
    # The provider checks client assertions only against an inline `jwks`
    # (jwks_uri alone fails), and reads `use` of its keys (KeyError without it).
    if not rp.get("jwks", {}).get("keys"):
        raise Invalid("metadata.openid_relying_party.jwks (inline keys) is missing")
    for jwk in rp["jwks"]["keys"]:
        if jwk.get("use") not in ("sig", "enc"):
            raise Invalid(f"openid_relying_party jwks key {jwk.get('kid')} lacks use sig/enc")
    # The Trust Anchor's policy takes `scope` as a list of values: a
    # space-separated string fails the trust chain ("openid not subset of ...").
    if "scope" in rp and not isinstance(rp["scope"], list):
        raise Invalid("openid_relying_party.scope must be a JSON array, e.g. [\"openid\"]")
    return payload
