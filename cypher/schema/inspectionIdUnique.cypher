// inspectionIdUnique: one Inspection node per inspection (Ofsted's number, or source:urn:date)
CREATE CONSTRAINT inspection_id_unique IF NOT EXISTS
FOR (i:Inspection) REQUIRE i.id IS UNIQUE
