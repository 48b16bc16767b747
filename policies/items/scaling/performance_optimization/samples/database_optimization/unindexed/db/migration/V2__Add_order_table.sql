CREATE TABLE orders (
    id BIGSERIAL PRIMARY KEY,
    person_id INT NOT NULL,
    note TEXT DEFAULT 'it''s; not a statement end',
    CONSTRAINT fk_orders_person FOREIGN KEY (person_id) REFERENCES person (id)
);
