ALTER TABLE refresh_tokens DROP COLUMN login_method;
