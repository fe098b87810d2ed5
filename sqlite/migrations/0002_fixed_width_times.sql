-- Times were stored as RFC 3339 with trailing zeros trimmed, so within one
-- second "10:00:00.5Z" sorted before "10:00:00Z". Rewrite every time with
-- nine fractional digits, which sorts as text in time order.
UPDATE entries SET at = CASE WHEN length(at) = 20 THEN substr(at, 1, 19) || '.000000000Z'
	ELSE substr(at, 1, 20) || substr(substr(at, 21, length(at) - 21) || '000000000', 1, 9) || 'Z' END
	WHERE length(at) <> 30;
UPDATE plans SET created = CASE WHEN length(created) = 20 THEN substr(created, 1, 19) || '.000000000Z'
	ELSE substr(created, 1, 20) || substr(substr(created, 21, length(created) - 21) || '000000000', 1, 9) || 'Z' END
	WHERE length(created) <> 30;
UPDATE cases SET created = CASE WHEN length(created) = 20 THEN substr(created, 1, 19) || '.000000000Z'
	ELSE substr(created, 1, 20) || substr(substr(created, 21, length(created) - 21) || '000000000', 1, 9) || 'Z' END
	WHERE length(created) <> 30;
UPDATE cases SET updated = CASE WHEN length(updated) = 20 THEN substr(updated, 1, 19) || '.000000000Z'
	ELSE substr(updated, 1, 20) || substr(substr(updated, 21, length(updated) - 21) || '000000000', 1, 9) || 'Z' END
	WHERE length(updated) <> 30;
