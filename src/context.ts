import type { Database } from "./db/driver.js";
import type { Logger } from "./logger.js";
import { createDatasetLoaders } from "./modules/datasets/dataset.loaders.js";
import { DatasetRepository } from "./modules/datasets/dataset.repository.js";
import { DatasetService } from "./modules/datasets/dataset.service.js";
import { createGeographyLoaders } from "./modules/geography/geography.loaders.js";
import { GeographyRepository } from "./modules/geography/geography.repository.js";
import { GeographyService } from "./modules/geography/geography.service.js";
import { createPartnershipLoaders } from "./modules/partnerships/partnership.loaders.js";
import { PartnershipRepository } from "./modules/partnerships/partnership.repository.js";
import { PartnershipService } from "./modules/partnerships/partnership.service.js";
import { createSchoolLoaders } from "./modules/schools/school.loaders.js";
import { SchoolRepository } from "./modules/schools/school.repository.js";
import { SchoolService } from "./modules/schools/school.service.js";

/** Stateless data access, created once per process. */
export interface Repositories {
  schools: SchoolRepository;
  geography: GeographyRepository;
  partnerships: PartnershipRepository;
  datasets: DatasetRepository;
}

export interface Services {
  schools: SchoolService;
  geography: GeographyService;
  partnerships: PartnershipService;
  datasets: DatasetService;
}

export interface GraphQLContext {
  requestId: string;
  /** Carries the request id on every line. */
  logger: Logger;
  services: Services;
}

export function createRepositories(db: Database): Repositories {
  return {
    schools: new SchoolRepository(db),
    geography: new GeographyRepository(db),
    partnerships: new PartnershipRepository(db),
    datasets: new DatasetRepository(db),
  };
}

/**
 * The context for one GraphQL request. Services and their DataLoaders are built afresh for
 * every request: a loader caches what it has read, and that cache must neither outlive the
 * request nor be seen by another client.
 */
export function createContext(
  repositories: Repositories,
  request: { requestId: string; logger: Logger },
): GraphQLContext {
  return {
    requestId: request.requestId,
    logger: request.logger,
    services: {
      schools: new SchoolService(repositories.schools, createSchoolLoaders(repositories.schools)),
      geography: new GeographyService(
        repositories.geography,
        createGeographyLoaders(repositories.geography),
      ),
      partnerships: new PartnershipService(createPartnershipLoaders(repositories.partnerships)),
      datasets: new DatasetService(
        repositories.datasets,
        createDatasetLoaders(repositories.datasets),
      ),
    },
  };
}
