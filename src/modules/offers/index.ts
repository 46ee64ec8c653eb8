import { defineModule } from "../module.js";
import { OfferRepository } from "./offer.repository.js";
import { SchoolOfferResolver } from "./offer.resolver.js";
import { OfferService } from "./offer.service.js";

declare module "../module.js" {
  interface Services {
    offers: OfferService;
  }
}

export const offersModule = defineModule({
  resolvers: [SchoolOfferResolver],
  services: {
    offers: ({ db, principal, requestId, shared }) =>
      new OfferService(new OfferRepository(db), principal, requestId, () =>
        shared.partnerFacts.invalidate(),
      ),
  },
});
