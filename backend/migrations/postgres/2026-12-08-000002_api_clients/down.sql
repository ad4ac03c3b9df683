DELETE FROM group_permissions WHERE permission = 'clients.manage';
DROP TABLE api_clients;
