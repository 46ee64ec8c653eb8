// schoolLocationIndex: distance queries
CREATE POINT INDEX school_location IF NOT EXISTS FOR (s:School) ON (s.location)
