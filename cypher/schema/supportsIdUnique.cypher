// supportsIdUnique: each support engagement (SUPPORTS relationship) by its id
CREATE CONSTRAINT supports_id_unique IF NOT EXISTS FOR ()-[s:SUPPORTS]-() REQUIRE s.id IS UNIQUE
