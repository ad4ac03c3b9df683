DROP TABLE client_assertions;
ALTER TABLE api_clients DROP COLUMN public_jwks;
