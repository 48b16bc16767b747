-- Accounts of the billing platform.
CREATE TABLE accounts (
    id            BIGSERIAL PRIMARY KEY,
    external_ref  VARCHAR(64)  NOT NULL,
    email         VARCHAR(320) NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX accounts_external_ref_key ON accounts (external_ref);

CREATE TABLE account_addresses (
    id          BIGSERIAL PRIMARY KEY,
    account_id  BIGINT       NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    country     CHAR(2)      NOT NULL,
    line1       VARCHAR(200) NOT NULL
);
