import { defineModule } from "../module.js";
import { RecognitionRepository } from "./recognition.repository.js";
import { recognitionResolvers } from "./recognition.resolver.js";
import { RecognitionService } from "./recognition.service.js";

declare module "../module.js" {
  interface Services {
    recognition: RecognitionService;
  }
}

export const recognitionModule = defineModule({
  resolvers: [...recognitionResolvers],
  services: {
    recognition: ({ db, principal }) =>
      new RecognitionService(new RecognitionRepository(db), principal),
  },
});
