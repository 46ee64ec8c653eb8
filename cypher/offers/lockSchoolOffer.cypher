// lockSchoolOffer: takes a school's write lock, then reads its offer as it stands (OfferRepository.update)
// params: $urn: int   returns: one row when the school exists
MATCH (s:School {urn: $urn})
SET s.offerUpdatedAt = datetime()
WITH s
RETURN s.offers AS offers, s.seeks AS seeks, s.regionCode AS regionCode
