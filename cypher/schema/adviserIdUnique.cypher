// adviserIdUnique: each school improvement adviser by its id
CREATE CONSTRAINT adviser_id_unique IF NOT EXISTS FOR (a:Adviser) REQUIRE a.id IS UNIQUE
