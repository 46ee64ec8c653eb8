// grantIdUnique: each improvement grant by its id
CREATE CONSTRAINT grant_id_unique IF NOT EXISTS FOR (g:Grant) REQUIRE g.id IS UNIQUE
