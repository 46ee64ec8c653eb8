// findDatasetsByIds: datasets for a batch of ids (DatasetLoader)
// params: $ids: list<string>   returns: one dataset map per id found, in no order
UNWIND $ids AS id
MATCH (d:Dataset {id: id})
RETURN d {.*} AS dataset
