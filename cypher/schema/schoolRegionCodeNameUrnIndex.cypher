// schoolRegionCodeNameUrnIndex: a region's schools in (name, urn) order, so a page of them reads only its own rows
CREATE INDEX school_region_code_name_urn IF NOT EXISTS FOR (s:School) ON (s.regionCode, s.name, s.urn)
