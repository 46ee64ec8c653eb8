// schoolNameIndex: supports ordered listing and name lookups
CREATE INDEX school_name IF NOT EXISTS FOR (s:School) ON (s.name)
