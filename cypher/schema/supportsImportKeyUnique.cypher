// supportsImportKeyUnique: a support engagement imported from a council's file, by "<kind>|<council>|<reference>"
CREATE CONSTRAINT supports_import_key_unique IF NOT EXISTS FOR ()-[r:SUPPORTS]-() REQUIRE r.importKey IS UNIQUE
