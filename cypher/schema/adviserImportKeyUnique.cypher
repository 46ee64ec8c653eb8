// adviserImportKeyUnique: an adviser imported from a council's file, by "<kind>|<council>|<reference>"
// Two imports of the same reference at once collide here instead of making the adviser twice.
CREATE CONSTRAINT adviser_import_key_unique IF NOT EXISTS FOR (a:Adviser) REQUIRE a.importKey IS UNIQUE
