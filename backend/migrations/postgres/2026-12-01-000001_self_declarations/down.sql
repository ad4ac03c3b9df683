DROP TABLE self_declarations;
DROP FUNCTION self_declarations_guard();
