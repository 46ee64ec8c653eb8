// dataVersionIdUnique: the one DataVersion node, so concurrent writes that MERGE it share it
CREATE CONSTRAINT data_version_id_unique IF NOT EXISTS FOR (v:DataVersion) REQUIRE v.id IS UNIQUE
