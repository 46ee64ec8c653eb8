// findAllDatasets: every dataset the graph was loaded from (DatasetRepository.findAll)
// params: none   returns: one dataset map per row, ordered by id
MATCH (d:Dataset)
RETURN d {.*} AS dataset
ORDER BY d.id
