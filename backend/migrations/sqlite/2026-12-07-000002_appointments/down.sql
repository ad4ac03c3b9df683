DROP TABLE appointments;
DROP TABLE slot_counters;
DROP TABLE desk_closures;
DROP TABLE desks;
