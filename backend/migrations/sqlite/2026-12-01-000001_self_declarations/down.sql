DROP TABLE self_declarations;
