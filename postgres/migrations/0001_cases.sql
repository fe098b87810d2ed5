CREATE TABLE cases (
	id       BIGSERIAL PRIMARY KEY,
	name     TEXT NOT NULL,
	title    TEXT NOT NULL DEFAULT '',
	company  TEXT NOT NULL DEFAULT '',
	role     TEXT NOT NULL DEFAULT '',
	created  TIMESTAMPTZ NOT NULL,
	updated  TIMESTAMPTZ NOT NULL
);

CREATE TABLE entries (
	id       BIGSERIAL PRIMARY KEY,
	case_id  BIGINT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
	kind     TEXT NOT NULL,
	text     TEXT NOT NULL,
	at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX entries_case ON entries(case_id, at, id);

CREATE TABLE plans (
	id       BIGSERIAL PRIMARY KEY,
	case_id  BIGINT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
	text     TEXT NOT NULL,
	created  TIMESTAMPTZ NOT NULL
);
CREATE INDEX plans_case ON plans(case_id, id);
