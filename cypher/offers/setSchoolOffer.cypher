// setSchoolOffer: what a school can offer and what it seeks (OfferRepository.update)
// params: $urn: int, $offers: list<string>, $seeks: list<string>   returns: the school
// The school's own record replaces any carried from a predecessor, so offersFromUrn goes.
MATCH (s:School {urn: $urn})
SET s.offers = $offers, s.seeks = $seeks, s.offerUpdatedAt = datetime()
REMOVE s.offersFromUrn
RETURN s {.*} AS school
