CREATE TABLE cases (
	id       INTEGER PRIMARY KEY AUTOINCREMENT,
	name     TEXT NOT NULL,
	title    TEXT NOT NULL DEFAULT '',
	company  TEXT NOT NULL DEFAULT '',
	role     TEXT NOT NULL DEFAULT '',
	created  TEXT NOT NULL,
	updated  TEXT NOT NULL
);

CREATE TABLE entries (
	id       INTEGER PRIMARY KEY AUTOINCREMENT,
	case_id  INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
	kind     TEXT NOT NULL,
	text     TEXT NOT NULL,
	at       TEXT NOT NULL
);
CREATE INDEX entries_case ON entries(case_id, at, id);

CREATE TABLE plans (
	id       INTEGER PRIMARY KEY AUTOINCREMENT,
	case_id  INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
	text     TEXT NOT NULL,
	created  TEXT NOT NULL
);
CREATE INDEX plans_case ON plans(case_id, id);
