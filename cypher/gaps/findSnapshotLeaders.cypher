// findSnapshotLeaders: every system leader with its place and capacity, for the in-memory support snapshot (GapRepository.loadSnapshot)
// params: none   returns: one leader map per system leader, in no order
// FormerSystemLeader nodes (retired designations) are not SystemLeader and are never supply.
// Open engagements are counted from findSnapshotEngagements rather than per leader here.
MATCH (l:SystemLeader)
RETURN l {
  .id, .name, .designation, .phase, .specialisms, .capacity, .baseUrn, .location, .regionCode,
  .laCode, .synthetic, .hubCode
} AS leader
