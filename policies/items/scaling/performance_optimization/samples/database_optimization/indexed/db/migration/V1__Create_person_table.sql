-- Flyway versioned migration: create the person and address tables.
CREATE TABLE person (
    id INT PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    email VARCHAR(255) UNIQUE
);

CREATE TABLE address (
    id INT PRIMARY KEY,
    person_id INT NOT NULL REFERENCES person (id),
    city VARCHAR(100),
    CONSTRAINT address_city_not_blank CHECK (city <> '')
);

CREATE INDEX idx_address_person ON address (person_id);
