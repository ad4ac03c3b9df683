DELETE FROM group_permissions WHERE permission = 'certificates.revoke';
DROP TABLE certificate_verifications;
DROP TABLE certificates;
DROP FUNCTION certificates_guard();
DROP TABLE signing_keys;
