import { describe, expect, it, vi } from "vitest";
import { defineModule, lazyServices, resolversOf, type RequestScope } from "./module.js";

class FirstResolver {}
class SecondResolver {}

const scope = {} as Omit<RequestScope, "services">;

describe("modules", () => {
  it("builds a service the first time a request reads it, once, and lets it use another", () => {
    const geography = vi.fn(() => ({ name: "geography" }));
    const schools = vi.fn(({ services }: RequestScope) => ({ areas: services.geography }));
    const services = lazyServices(
      [
        defineModule({ resolvers: [FirstResolver], services: { geography } as never }),
        defineModule({ resolvers: [SecondResolver], services: { schools } as never }),
      ],
      scope,
    ) as unknown as Record<string, unknown>;

    expect(geography).not.toHaveBeenCalled();
    expect(services["schools"]).toEqual({ areas: { name: "geography" } });
    expect(services["schools"]).toBe(services["schools"]);
    expect(schools).toHaveBeenCalledTimes(1);
    expect(geography).toHaveBeenCalledTimes(1);
  });

  it("refuses two modules offering a service of the same name", () => {
    const offer = { twice: () => 1 } as never;
    expect(() =>
      lazyServices(
        [
          defineModule({ resolvers: [FirstResolver], services: offer }),
          defineModule({ resolvers: [SecondResolver], services: offer }),
        ],
        scope,
      ),
    ).toThrow('Two modules offer a service named "twice".');
  });

  it("serves every module's resolvers, and refuses to serve none", () => {
    expect(
      resolversOf([
        defineModule({ resolvers: [FirstResolver] }),
        defineModule({ resolvers: [SecondResolver] }),
      ]),
    ).toEqual([FirstResolver, SecondResolver]);
    expect(() => resolversOf([])).toThrow("No module to serve.");
  });
});
