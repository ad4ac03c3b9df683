"""Metadata of the Trust Anchor and of the providers, rebuilt on every `setup`.

The algorithm lists say what the package really does (it signs with RS256 and
encrypts the userinfo with RSA-OAEP + A256CBC-HS512), so that a relying party
reading them picks what works.
"""
from tests.federation.layout import Layout

SIGNING_ALGS = ["RS256", "RS384", "RS512", "ES256", "ES384", "ES512"]
ACR_VALUES = [
    "https://www.spid.gov.it/SpidL1",
    "https://www.spid.gov.it/SpidL2",
    "https://www.spid.gov.it/SpidL3",
]
SPID_CLAIMS = [
    "https://attributes.eid.gov.it/spid_code",
    "given_name",
    "family_name",
    "place_of_birth",
    "birthdate",
    "gender",
    "https://attributes.eid.gov.it/company_name",
    "https://attributes.eid.gov.it/registered_office",
    "https://attributes.eid.gov.it/fiscal_number",
    "https://attributes.eid.gov.it/company_fiscal_number",
    "https://attributes.eid.gov.it/vat_number",
    "document_details",
    "phone_number",
    "email",
    "https://attributes.eid.gov.it/e_delivery_service",
    "https://attributes.eid.gov.it/eid_exp_date",
    "address",
]
# The CIE metadata schema accepts only these names (no bare "fiscal_number").
CIE_CLAIMS = [
    "given_name",
    "family_name",
    "email",
    "email_verified",
    "gender",
    "birthdate",
    "phone_number",
    "phone_number_verified",
    "place_of_birth",
    "address",
    "https://attributes.eid.gov.it/fiscal_number",
]


def trust_anchor(layout: Layout) -> dict:
    ta = layout.trust_anchor
    return {
        "federation_entity": {
            "organization_name": "Trust Anchor di test",
            "homepage_uri": ta,
            "contacts": ["ta@example.org"],
            "federation_fetch_endpoint": f"{ta}/fetch",
            "federation_list_endpoint": f"{ta}/list",
            "federation_resolve_endpoint": f"{ta}/resolve",
            "federation_trust_mark_status_endpoint": f"{ta}/trust_mark_status",
        }
    }


def provider(layout: Layout, role: str, core_public_jwks: list) -> dict:
    op = layout.provider(role)
    name = f"{role.upper()} OpenID Provider di test"
    openid_provider = {
        "issuer": op,
        "organization_name": name,
        "op_name": name,
        "authorization_endpoint": f"{op}/authorization",
        "token_endpoint": f"{op}/token",
        "userinfo_endpoint": f"{op}/userinfo",
        "introspection_endpoint": f"{op}/introspection",
        "revocation_endpoint": f"{op}/revocation",
        "jwks": {"keys": core_public_jwks},
        "jwks_uri": f"{op}/openid_provider/jwks.json",
        "signed_jwks_uri": f"{op}/openid_provider/jwks.jose",
        "response_types_supported": ["code"],
        "response_modes_supported": ["query", "form_post"],
        "grant_types_supported": ["authorization_code", "refresh_token"],
        "scopes_supported": ["openid", "offline_access"] + (["profile", "email"] if role == "cie" else []),
        "acr_values_supported": ACR_VALUES,
        "claims_supported": CIE_CLAIMS if role == "cie" else SPID_CLAIMS,
        "claims_parameter_supported": True,
        "code_challenge_methods_supported": ["S256"],
        "subject_types_supported": ["pairwise"],
        "request_parameter_supported": True,
        "request_uri_parameter_supported": False,
        "authorization_response_iss_parameter_supported": True,
        "client_registration_types_supported": ["automatic"],
        "request_authentication_methods_supported": {"ar": ["request_object"]},
        "token_endpoint_auth_methods_supported": ["private_key_jwt"],
        "token_endpoint_auth_signing_alg_values_supported": SIGNING_ALGS,
        "request_object_signing_alg_values_supported": SIGNING_ALGS,
        "request_object_encryption_alg_values_supported": ["RSA-OAEP", "RSA-OAEP-256"],
        "request_object_encryption_enc_values_supported": ["A256CBC-HS512", "A128CBC-HS256"],
        "id_token_signing_alg_values_supported": ["RS256"],
        # Required by the schema; this provider never encrypts ID tokens.
        "id_token_encryption_alg_values_supported": ["RSA-OAEP"],
        "id_token_encryption_enc_values_supported": ["A256CBC-HS512"],
        "userinfo_signing_alg_values_supported": ["RS256"],
        "userinfo_encryption_alg_values_supported": ["RSA-OAEP"],
        "userinfo_encryption_enc_values_supported": ["A256CBC-HS512"],
    }
    return {
        "federation_entity": {
            "organization_name": name,
            "homepage_uri": op,
            "policy_uri": f"{op}/policy",
            "logo_uri": f"http://127.0.0.1:{layout.role_port(role)}/static/svg/"
            + ("logo-cie.svg" if role == "cie" else "spid-logo-c-lb.svg"),
            "contacts": [f"{role}-op@example.org"],
            "federation_resolve_endpoint": f"{op}/resolve",
        },
        "openid_provider": openid_provider,
    }
