/**
 * Every module of the service, one line each: the schema is built from their resolvers and
 * each request's services from their factories (see module.ts for how to add one).
 */
import { viewerModule } from "../auth/index.js";
import { advisersModule } from "./advisers/index.js";
import { auditModule } from "./audit/index.js";
import { clustersModule } from "./clusters/index.js";
import { collaborationModule } from "./collaboration/index.js";
import { datasetsModule } from "./datasets/index.js";
import { engagementsModule } from "./engagements/index.js";
import { evaluationModule } from "./evaluation/index.js";
import { fundingModule } from "./funding/index.js";
import { geographyModule } from "./geography/index.js";
import { importsModule } from "./imports/index.js";
import { leadersModule } from "./leaders/index.js";
import { matchingModule } from "./matching/index.js";
import type { ServiceModule } from "./module.js";
import { offersModule } from "./offers/index.js";
import { partnershipsModule } from "./partnerships/index.js";
import { proposalsModule } from "./proposals/index.js";
import { recognitionModule } from "./recognition/index.js";
import { schoolsModule } from "./schools/index.js";
import { searchModule } from "./search/index.js";
import { similarityModule } from "./similarity/index.js";
import { supportModule } from "./support/index.js";

export const MODULES: readonly ServiceModule[] = [
  schoolsModule,
  geographyModule,
  partnershipsModule,
  leadersModule,
  datasetsModule,
  viewerModule,
  collaborationModule,
  proposalsModule,
  offersModule,
  auditModule,
  similarityModule,
  matchingModule,
  supportModule,
  engagementsModule,
  recognitionModule,
  advisersModule,
  fundingModule,
  evaluationModule,
  clustersModule,
  importsModule,
  searchModule,
];
