// findDataVersion: the graph's data version and today's date, read before each use of an in-memory snapshot (readDataVersion)
// params: none   returns: one row: version (the DataVersion node's properties, or null before any write), today
// Some answers change with the date alone (an engagement's end, a notice running out), so the
// date is part of what a snapshot is built from.
OPTIONAL MATCH (v:DataVersion {id: 'graph'})
RETURN properties(v) AS version, toString(date()) AS today
