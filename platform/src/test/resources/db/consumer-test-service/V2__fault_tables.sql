-- For the error-handling tests: a unique key a handler can violate, and a row a test can hold locked.
CREATE TABLE unique_keys (
    key text PRIMARY KEY
);
CREATE TABLE gates (
    name text PRIMARY KEY
);
INSERT INTO gates (name) VALUES ('classified');
