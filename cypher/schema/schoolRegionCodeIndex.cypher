// schoolRegionCodeIndex: schools of one region
CREATE INDEX school_region_code IF NOT EXISTS FOR (s:School) ON (s.regionCode)
