// partnerTopics: the topics sought (the asker's seeks, then the focus's topics) and, of those, what each candidate within reach offers (MatchingRepository.partnerTopics)
// params: $urn: int, $urns: list<int>, $focusTopics: list<string>   returns: one row: seeks (the asker's recorded seeks), sought (seeks then focus topics, each once), offered (maps {urn, topics}, only candidates offering a sought topic)
OPTIONAL MATCH (me:School {urn: $urn})
WITH coalesce(me.seeks, []) AS seeks
WITH seeks, seeks + [topic IN $focusTopics WHERE NOT topic IN seeks] AS sought
UNWIND CASE WHEN size(sought) = 0 THEN [null] ELSE $urns END AS candidate
OPTIONAL MATCH (c:School {urn: candidate})
WITH seeks, sought, c, [topic IN coalesce(c.offers, []) WHERE topic IN sought] AS topics
RETURN seeks, sought,
  collect(CASE WHEN size(topics) = 0 THEN null ELSE {urn: c.urn, topics: topics} END) AS offered
