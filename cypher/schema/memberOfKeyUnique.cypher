// memberOfKeyUnique: at most one membership made in the service per (school, partnership)
// Memberships made in the service carry key "<partnershipId>|<urn>"; two concurrent acceptances
// that both tried to create one would collide here rather than leave a duplicate. GIAS
// memberships carry no key and are unaffected.
CREATE CONSTRAINT member_of_key_unique IF NOT EXISTS FOR ()-[m:MEMBER_OF]-() REQUIRE m.key IS UNIQUE
