DROP TABLE streets;
DROP TABLE protocol_counters;
DROP TABLE practice_attachments;
DROP TABLE practice_events;
DROP TABLE practices;
