// touchDataset: records when a source was last loaded, so running servers know their cached support figures are stale
// params: $id: string
MATCH (d:Dataset {id: $id})
SET d.loadedAt = datetime()
