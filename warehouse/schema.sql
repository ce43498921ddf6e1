-- coopfacts warehouse: the tables analysts query (see warehouse/README.md).
-- Idempotent: run at the start of every load.

CREATE TABLE IF NOT EXISTS documents (
    doc_id              VARCHAR PRIMARY KEY,   -- sha256 of the raw bytes: one version of a file
    source_path         VARCHAR NOT NULL,      -- relative to the raw folder
    format              VARCHAR NOT NULL,      -- txt, md, html, pdf
    title               VARCHAR,
    partner_iso3        VARCHAR,
    partner_name        VARCHAR,
    published_on        DATE,
    published_precision VARCHAR,               -- day, month, year
    text                VARCHAR NOT NULL,      -- normalized text every offset points into
    n_chars             INTEGER NOT NULL,
    n_pages             INTEGER,
    run_id              VARCHAR NOT NULL,
    loaded_at           TIMESTAMP NOT NULL,
    removed_at          TIMESTAMP              -- set when the file disappears from raw/
);

CREATE TABLE IF NOT EXISTS countries (
    iso3   VARCHAR PRIMARY KEY,
    name   VARCHAR NOT NULL,
    region VARCHAR                             -- UN M49 region
);

CREATE TABLE IF NOT EXISTS organizations (
    org_id       VARCHAR PRIMARY KEY,
    name         VARCHAR NOT NULL,
    acronym      VARCHAR,
    kind         VARCHAR NOT NULL,
    country_iso3 VARCHAR                     -- for government bodies: the country they belong to
);
ALTER TABLE organizations ADD COLUMN IF NOT EXISTS country_iso3 VARCHAR;

CREATE TABLE IF NOT EXISTS country_mentions (
    fact_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, iso3 VARCHAR NOT NULL,
    char_start INTEGER NOT NULL, char_end INTEGER NOT NULL, evidence VARCHAR NOT NULL, rule VARCHAR
);

CREATE TABLE IF NOT EXISTS org_mentions (
    fact_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, org_id VARCHAR NOT NULL,
    name VARCHAR, acronym VARCHAR, kind VARCHAR,   -- as resolved within the document
    char_start INTEGER NOT NULL, char_end INTEGER NOT NULL, evidence VARCHAR NOT NULL, rule VARCHAR
);

CREATE TABLE IF NOT EXISTS persons (
    fact_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, name VARCHAR NOT NULL, role VARCHAR,
    org_id VARCHAR,
    char_start INTEGER NOT NULL, char_end INTEGER NOT NULL, evidence VARCHAR NOT NULL, rule VARCHAR
);

CREATE TABLE IF NOT EXISTS money (
    fact_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, amount DOUBLE NOT NULL,
    currency VARCHAR NOT NULL, amount_usd DOUBLE, qualifier VARCHAR,
    year_from INTEGER, year_to INTEGER, funder_org_id VARCHAR, project_id VARCHAR,
    char_start INTEGER NOT NULL, char_end INTEGER NOT NULL, evidence VARCHAR NOT NULL, rule VARCHAR
);

CREATE TABLE IF NOT EXISTS agreements (
    fact_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, kind VARCHAR NOT NULL,
    signed_year INTEGER, signed_month INTEGER, signed_day INTEGER,
    parties VARCHAR[],                          -- org_id list, the ILO included when it signs
    topic VARCHAR,
    char_start INTEGER NOT NULL, char_end INTEGER NOT NULL, evidence VARCHAR NOT NULL, rule VARCHAR
);

CREATE TABLE IF NOT EXISTS projects (
    project_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, title VARCHAR NOT NULL,
    start_year INTEGER, end_year INTEGER, funder_org_id VARCHAR, budget_usd DOUBLE,
    countries VARCHAR[], regions VARCHAR[],
    char_start INTEGER NOT NULL, char_end INTEGER NOT NULL, evidence VARCHAR NOT NULL, rule VARCHAR
);

CREATE TABLE IF NOT EXISTS events (
    fact_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, name VARCHAR NOT NULL,
    start_date DATE, end_date DATE, date_precision VARCHAR, location VARCHAR,
    char_start INTEGER NOT NULL, char_end INTEGER NOT NULL, evidence VARCHAR NOT NULL, rule VARCHAR
);

CREATE TABLE IF NOT EXISTS quantities (
    fact_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, value DOUBLE NOT NULL, unit VARCHAR NOT NULL,
    qualifier VARCHAR, as_of DATE, project_id VARCHAR,
    char_start INTEGER NOT NULL, char_end INTEGER NOT NULL, evidence VARCHAR NOT NULL, rule VARCHAR
);

CREATE TABLE IF NOT EXISTS contacts (
    fact_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, kind VARCHAR NOT NULL, value VARCHAR NOT NULL,
    char_start INTEGER NOT NULL, char_end INTEGER NOT NULL, evidence VARCHAR NOT NULL, rule VARCHAR
);

CREATE SCHEMA IF NOT EXISTS quality;

CREATE TABLE IF NOT EXISTS quality.runs (
    run_id VARCHAR PRIMARY KEY, flow_run_id VARCHAR, started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP, status VARCHAR NOT NULL,            -- completed, failed
    docs_seen INTEGER, docs_loaded INTEGER, docs_unchanged INTEGER, docs_quarantined INTEGER,
    docs_removed INTEGER, facts_loaded INTEGER, raw_dir VARCHAR, error VARCHAR
);

CREATE TABLE IF NOT EXISTS quality.checks (
    run_id VARCHAR NOT NULL, table_name VARCHAR NOT NULL, check_name VARCHAR NOT NULL,
    severity VARCHAR NOT NULL, passed BOOLEAN NOT NULL, failing_rows INTEGER NOT NULL,
    observed DOUBLE, threshold DOUBLE, description VARCHAR
);

CREATE TABLE IF NOT EXISTS quality.failures (
    run_id VARCHAR NOT NULL, doc_id VARCHAR, table_name VARCHAR NOT NULL, check_name VARCHAR NOT NULL,
    column_name VARCHAR, failure_case VARCHAR, "row" JSON, snippet VARCHAR
);

CREATE TABLE IF NOT EXISTS quality.quarantine (
    run_id VARCHAR NOT NULL, source_path VARCHAR, table_name VARCHAR, reason VARCHAR NOT NULL,
    detail VARCHAR
);

CREATE TABLE IF NOT EXISTS quality.table_counts (
    run_id VARCHAR NOT NULL, table_name VARCHAR NOT NULL, n_rows BIGINT NOT NULL
);
