// partnerTopics: what the asker seeks and, of those topics, what each candidate within reach offers (MatchingRepository.partnerTopics)
// Candidates are read only when the asker seeks something; otherwise the factor is 0 for all.
// params: $urn: int, $urns: list<int>   returns: one row: seeks (list of strings), offered (maps {urn, topics}, only candidates offering a sought topic)
OPTIONAL MATCH (me:School {urn: $urn})
WITH coalesce(me.seeks, []) AS seeks
UNWIND CASE WHEN size(seeks) = 0 THEN [null] ELSE $urns END AS candidate
OPTIONAL MATCH (c:School {urn: candidate})
WITH seeks, c, [topic IN coalesce(c.offers, []) WHERE topic IN seeks] AS topics
RETURN seeks,
  collect(CASE WHEN size(topics) = 0 THEN null ELSE {urn: c.urn, topics: topics} END) AS offered
