// localAuthorityCodeUnique: the 3-digit DfE LA code identifies an LA
CREATE CONSTRAINT local_authority_code_unique IF NOT EXISTS FOR (la:LocalAuthority) REQUIRE la.code IS UNIQUE
