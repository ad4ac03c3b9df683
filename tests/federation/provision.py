"""The steps that write a harness database, run inside Django.

The command line runs one process per database (the settings differ per role):
    FEDERATION_STATE_DIR=DIR FEDERATION_ROLE=spid|cie \
        python -m tests.federation.provision ACTION  < arguments.json  > result.json
"""
import io
import json
import sys

import django

from tests.federation.layout import OP_PUBLIC_PROFILE, SP_PUBLIC_PROFILE

TA_PROFILES = {
    # profile_id: (name, category)
    SP_PUBLIC_PROFILE: ("SPID Public SP", "openid_relying_party"),
    OP_PUBLIC_PROFILE: ("Identity Provider", "openid_provider"),
}


def _migrate():
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0, stdout=io.StringIO())


def _ensure_entity(entity_type: str, sub: str, authority_hints: list, build_metadata, **fields):
    """Creates or updates the entity configuration of `entity_type`, keeping its keys."""
    from spid_cie_oidc.entity.models import FederationEntityConfiguration

    from tests.federation.keys import new_private_jwk

    conf = FederationEntityConfiguration.objects.filter(entity_type=entity_type).first()
    if conf is None:
        conf = FederationEntityConfiguration(
            entity_type=entity_type, jwks_fed=[new_private_jwk("sig")], jwks_core=[new_private_jwk("sig")]
        )
    conf.sub = sub
    conf.authority_hints = authority_hints
    conf.default_signature_alg = "RS256"
    conf.is_active = True
    conf.metadata = build_metadata(conf)
    for name, value in fields.items():
        setattr(conf, name, value)
    conf.save()
    return conf


def _ensure_admin(password: str, staff_token: str):
    from django.contrib.auth import get_user_model
    from spid_cie_oidc.entity.models import StaffToken

    admin, _ = get_user_model().objects.get_or_create(username="admin")
    admin.is_staff = admin.is_superuser = admin.is_active = True
    admin.email = "admin@example.org"
    admin.set_password(password)
    admin.save()
    # With this token in the Authorization header, /resolve builds a fresh trust chain.
    StaffToken.objects.update_or_create(user=admin, defaults={"token": staff_token, "is_active": True})


def _ensure_provider(layout, role: str):
    from spid_cie_oidc.provider.settings import OIDCFED_PROVIDER_PROFILES

    from tests.federation import metadata
    from tests.federation.keys import public_jwk

    def build(conf):
        md = metadata.provider(layout, role, [public_jwk(k) for k in conf.jwks_core])
        # The model validates only in forms: check the profile's schema here.
        OIDCFED_PROVIDER_PROFILES[role]["op_metadata"](**md["openid_provider"])
        return md

    return _ensure_entity("openid_provider", layout.provider(role), [layout.trust_anchor], build)


def _ensure_descendant(layout, sub, entity_type, name, jwks, profile_id, contact) -> dict:
    """Registers `sub` below the Trust Anchor; returns the trust mark it gets."""
    from spid_cie_oidc.authority.models import (
        FederationDescendant,
        FederationDescendantContact,
        FederationEntityAssignedProfile,
        FederationEntityProfile,
    )
    from spid_cie_oidc.entity.models import FederationEntityConfiguration

    ta = FederationEntityConfiguration.objects.get(entity_type="federation_entity", sub=layout.trust_anchor)
    descendant, _ = FederationDescendant.objects.update_or_create(
        sub=sub,
        defaults=dict(name=name[:33], type=entity_type, jwks=jwks, is_active=True, status="valid"),
    )
    profile = FederationEntityProfile.objects.get(profile_id=profile_id)
    assigned, _ = FederationEntityAssignedProfile.objects.get_or_create(
        descendant=descendant, profile=profile, issuer=ta
    )
    FederationDescendantContact.objects.update_or_create(
        entity=descendant, type="email", defaults={"contact": contact}
    )
    return assigned.trust_mark


def _set_trust_marks(trust_marks: list):
    from spid_cie_oidc.entity.models import FederationEntityConfiguration

    FederationEntityConfiguration.objects.filter(entity_type="openid_provider").update(trust_marks=trust_marks)


# --- actions -------------------------------------------------------------------


def provision(layout, role, admin_password, staff_token, other_providers=()):
    """Everything of one role's database; the spid role also makes the Trust Anchor
    and registers both providers below it. Returns the provider's federation jwks
    and, for the spid role, the trust marks issued to the providers."""
    from spid_cie_oidc.authority.models import FederationEntityProfile

    from tests.federation import metadata
    from tests.federation.keys import public_jwk

    _migrate()
    result = {}
    if role == "spid":
        # First: the package takes the first entity with federation_entity
        # metadata as "the" Trust Anchor, and the provider has some too.
        _ensure_entity(
            "federation_entity",
            layout.trust_anchor,
            [],
            lambda conf: metadata.trust_anchor(layout),
            constraints={"max_path_length": 1},
            trust_mark_issuers={pid: [layout.trust_anchor] for pid in TA_PROFILES},
        )
        for profile_id, (name, category) in TA_PROFILES.items():
            FederationEntityProfile.objects.update_or_create(
                profile_id=profile_id,
                defaults=dict(
                    name=name,
                    profile_category=category,
                    trust_mark_template={"id": profile_id, "ref": "https://docs.italia.it/italia/spid/"},
                ),
            )
    op = _ensure_provider(layout, role)
    _ensure_admin(admin_password, staff_token)
    result["provider_jwks"] = [public_jwk(k) for k in op.jwks_fed]

    if role == "spid":
        providers = [{"role": "spid", "jwks": result["provider_jwks"]}, *other_providers]
        result["trust_marks"] = {}
        for p in providers:
            sub = layout.provider(p["role"])
            result["trust_marks"][p["role"]] = _ensure_descendant(
                layout, sub, "openid_provider", f"{p['role'].upper()} OP", p["jwks"],
                OP_PUBLIC_PROFILE, f"{p['role']}-op@example.org",
            )
        _set_trust_marks([result["trust_marks"]["spid"]])
    return result


def set_trust_marks(layout, role, trust_marks):
    _set_trust_marks(trust_marks)
    return {}


def add_user(layout, role, username, password, fiscal_number, given_name, family_name, email=None):
    from django.contrib.auth import get_user_model

    tin = fiscal_number if fiscal_number.startswith("TINIT-") else f"TINIT-{fiscal_number}"
    # The userinfo endpoint releases a requested claim when the user's
    # `attributes` has a key of that very name: the SPID name of the fiscal
    # number is a URL, the CIE one is bare. Both providers get both.
    attributes = {
        "https://attributes.eid.gov.it/fiscal_number": tin,
        "fiscal_number": tin,
        "given_name": given_name,
        "family_name": family_name,
    }
    if email:
        attributes["email"] = email
    user, created = get_user_model().objects.get_or_create(username=username)
    user.first_name, user.last_name, user.email = given_name, family_name, email
    user.attributes = attributes
    user.is_active = True
    user.set_password(password)
    user.save()
    return {"created": created, "attributes": attributes}


def forget(layout, role, sub):
    """Drops what the provider cached about `sub` (statements, trust chain), so
    that its next request resolves the entity, and its keys, afresh."""
    from spid_cie_oidc.entity.models import FetchedEntityStatement, TrustChain

    chains = TrustChain.objects.filter(sub=sub).delete()[0]
    statements = FetchedEntityStatement.objects.filter(sub=sub).delete()[0]
    return {"deleted_trust_chains": chains, "deleted_statements": statements}


def register_rp(layout, role, sub, name, jwks, contact):
    trust_mark = _ensure_descendant(
        layout, sub, "openid_relying_party", name, jwks,
        SP_PUBLIC_PROFILE, contact,
    )
    return {"trust_mark": trust_mark, **forget(layout, role, sub)}


ACTIONS = {f.__name__: f for f in (provision, set_trust_marks, add_user, forget, register_rp)}


def main():
    action = ACTIONS[sys.argv[1]]
    arguments = json.load(sys.stdin)
    django.setup()
    from django.conf import settings

    json.dump(action(settings.LAYOUT, settings.ROLE, **arguments), sys.stdout)


if __name__ == "__main__":
    main()
