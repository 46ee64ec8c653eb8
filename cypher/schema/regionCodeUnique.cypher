// regionCodeUnique: ONS region code (E12...)
CREATE CONSTRAINT region_code_unique IF NOT EXISTS FOR (r:Region) REQUIRE r.code IS UNIQUE
