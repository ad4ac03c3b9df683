DROP TABLE accounts;
DROP TABLE civil_status_periods;
DROP TABLE family_memberships;
DROP TABLE persons;
DROP TABLE family_addresses;
DROP TABLE families;
