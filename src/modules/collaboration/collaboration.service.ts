import { authorize } from "../../auth/policy.js";
import type { Principal } from "../../auth/principal.js";
import type { CollaborationLoaders } from "./collaboration.loaders.js";
import type { CollaborationModelRecord, CollaborationRoadmap } from "./collaboration.model.js";
import { Catalogue, roadmap } from "./collaboration.rules.js";

/** Catalogue ids are short kebab-case words; anything else names no model and is not looked up. */
const MODEL_ID = /^[a-z][a-z-]{0,63}$/;

export class CollaborationService {
  constructor(
    /** Shared with the request's proposals, which read the same catalogue and standings. */
    readonly loaders: CollaborationLoaders,
    private readonly principal: Principal,
  ) {}

  async catalogue(): Promise<Catalogue> {
    return new Catalogue(await this.loaders.catalogue.load("all"));
  }

  async models(): Promise<CollaborationModelRecord[]> {
    authorize(this.principal, "readCollaborationModels");
    return (await this.catalogue()).models.slice();
  }

  async model(id: string): Promise<CollaborationModelRecord | null> {
    authorize(this.principal, "readCollaborationModels");
    if (!MODEL_ID.test(id)) return null;
    return (await this.catalogue()).get(id);
  }

  /** The roadmap for one school; null when the URN names no open school. */
  async options(urn: number): Promise<CollaborationRoadmap | null> {
    authorize(this.principal, "readCollaborationOptions", { urns: [urn] });
    const [standing, catalogue] = await Promise.all([
      this.loaders.standingByUrn.load(urn),
      this.catalogue(),
    ]);
    return standing === null ? null : roadmap(standing, catalogue);
  }
}
