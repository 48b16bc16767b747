-- Flyway undo migration for V1.
DROP TABLE address;
DROP TABLE person;
