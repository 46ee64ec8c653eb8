// partnershipProposalIdUnique
CREATE CONSTRAINT partnership_proposal_id_unique IF NOT EXISTS FOR (p:PartnershipProposal) REQUIRE p.id IS UNIQUE
