DELETE FROM group_permissions WHERE permission = 'certificates.revoke';
DROP TABLE certificate_verifications;
DROP TRIGGER certificates_are_kept;
DROP TRIGGER certificates_are_immutable;
DROP TABLE certificates;
DROP TABLE signing_keys;
