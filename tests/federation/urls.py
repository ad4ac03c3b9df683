"""URLs of one harness process.

spid role (port P):  the Trust Anchor at /, the SPID provider at /oidc/op/
cie role  (port P+1): the CIE provider at /oidc/op/
"""
from django.conf import settings
from django.contrib import admin
from django.urls import path
from spid_cie_oidc.entity.urls import urlpatterns as entity_urls
from spid_cie_oidc.entity.views import entity_configuration, resolve_entity_statement
from spid_cie_oidc.provider.urls import urlpatterns as provider_urls

urlpatterns = [path("admin/", admin.site.urls)]
# /.well-known/openid-federation, /resolve: each entity configuration is found
# by the URL it is asked at, so the provider gets the same views under oidc/op/.
urlpatterns += entity_urls
if settings.ROLE == "spid":
    # The Trust Anchor's federation API: /fetch, /list, /trust_mark_status, ...
    from spid_cie_oidc.authority.urls import urlpatterns as authority_urls

    urlpatterns += authority_urls
urlpatterns += provider_urls
urlpatterns += [
    path("oidc/op/.well-known/openid-federation", entity_configuration, name="op_entity_configuration"),
    path("oidc/op/resolve", resolve_entity_statement, name="op_entity_resolve"),
]
