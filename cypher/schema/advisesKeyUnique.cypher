// advisesKeyUnique: a school has at most one adviser of each kind
// ADVISES carries key "<urn>|<kind>"; two concurrent assignments of the same kind to one school
// collide here rather than leave the school with two single points of contact.
CREATE CONSTRAINT advises_key_unique IF NOT EXISTS FOR ()-[r:ADVISES]-() REQUIRE r.key IS UNIQUE
