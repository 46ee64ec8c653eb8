// partnershipTypeIndex
CREATE INDEX partnership_type IF NOT EXISTS FOR (p:Partnership) ON (p.type)
