// setSchoolOffer: what a school can offer and what it seeks (OfferRepository.update)
// params: $urn: int, $offers: list<string>, $seeks: list<string>   returns: the school
MATCH (s:School {urn: $urn})
SET s.offers = $offers, s.seeks = $seeks, s.offerUpdatedAt = datetime()
RETURN s {.*} AS school
