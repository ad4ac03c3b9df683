-- How the session began: 'password' or 'smartcard'. A refresh keeps it, so that a
-- smart-card session is not held back by the first-login password change, while a
-- password session still is. Sessions from before this column were password logins.
ALTER TABLE refresh_tokens ADD COLUMN login_method TEXT NOT NULL DEFAULT 'password';
