// schoolLaCodeNameUrnIndex: a local authority's schools in (name, urn) order, so a page of them reads only its own rows
CREATE INDEX school_la_code_name_urn IF NOT EXISTS FOR (s:School) ON (s.laCode, s.name, s.urn)
