// grantImportKeyUnique: a grant imported from a council's file, by "<kind>|<council>|<reference>"
CREATE CONSTRAINT grant_import_key_unique IF NOT EXISTS FOR (g:Grant) REQUIRE g.importKey IS UNIQUE
