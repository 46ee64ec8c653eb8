// schoolLaCodeIndex: schools of one local authority
CREATE INDEX school_la_code IF NOT EXISTS FOR (s:School) ON (s.laCode)
