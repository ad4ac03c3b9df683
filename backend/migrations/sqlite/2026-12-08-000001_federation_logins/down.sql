DROP TABLE federation_logins;
