// countNodesByLabel: nodes per label, for the import summary
// params: none   returns: {label, count} per label
MATCH (n)
UNWIND labels(n) AS label
RETURN label, count(*) AS count
ORDER BY label
