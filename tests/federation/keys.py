"""RSA keys for the entities, made at set-up time and kept only in the state directory."""
from cryptojwt.jwk.jwk import key_from_jwk_dict
from cryptojwt.jwk.rsa import new_rsa_key


def new_private_jwk(use: str = "sig") -> dict:
    """A fresh RSA 2048 private JWK whose kid is its RFC 7638 thumbprint."""
    key = new_rsa_key(key_size=2048, use=use)
    jwk = key.serialize(private=True)
    jwk["kid"] = key.thumbprint("SHA-256").decode()
    return jwk


def public_jwk(private_jwk: dict) -> dict:
    """The public half, keeping kid, use and alg (relying parties pick keys by them)."""
    jwk = key_from_jwk_dict(private_jwk).serialize(private=False)
    for claim in ("kid", "use", "alg"):
        if claim in private_jwk:
            jwk[claim] = private_jwk[claim]
    return jwk
