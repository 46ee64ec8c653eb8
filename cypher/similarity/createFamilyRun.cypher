// createFamilyRun: a new FamilyRun, numbered after the highest version so far and not yet current (SimilarityRepository.saveRun)
// params: $run: map{featuresVersion: int, seed: int, targetSize: int, preset: string, features: list<string>, parameters: string, schools: int, families: int, meanDistanceToCentroid: float, silhouette: float?, silhouetteSampleSize: int}   returns: one row: version
OPTIONAL MATCH (previous:FamilyRun)
WITH coalesce(max(previous.version), 0) + 1 AS version
CREATE (run:FamilyRun {version: version, createdAt: datetime(), current: false})
SET run += $run
RETURN run.version AS version
