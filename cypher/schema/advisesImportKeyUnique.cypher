// advisesImportKeyUnique: an adviser assignment imported from a council's file, by "<kind>|<council>|<reference>"
CREATE CONSTRAINT advises_import_key_unique IF NOT EXISTS FOR ()-[r:ADVISES]-() REQUIRE r.importKey IS UNIQUE
