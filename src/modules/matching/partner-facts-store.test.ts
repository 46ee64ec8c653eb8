import { describe, expect, it, vi } from "vitest";
import { manualDataVersions } from "../../db/data-version.fixture.js";
import { PartnerFactsStore, type PartnerFactsSource } from "./partner-facts.js";

function source() {
  let urns = [1];
  const findPartnerFacts = vi.fn(async () =>
    urns.map((urn) => ({
      urn,
      needBand: null,
      highAge: 11,
      figures: {},
      progress8Lower: null,
      progress8Upper: null,
      offersTopics: false,
    })),
  );
  return {
    source: { findPartnerFacts } as unknown as PartnerFactsSource,
    findPartnerFacts,
    setUrns: (next: number[]) => (urns = next),
  };
}

const settle = async () => {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe("PartnerFactsStore", () => {
  it("when a write changes no area the facts come from, then they are not read again", async () => {
    const v = manualDataVersions();
    const s = source();
    const store = new PartnerFactsStore(s.source, v.versions);
    await store.current();
    v.write("engagements", "funding");
    await store.current();
    await settle();
    await store.catchUp();
    expect(s.findPartnerFacts).toHaveBeenCalledTimes(1);
  });

  it("when another process changes offers, then the facts are read again in the background and the old ones serve meanwhile", async () => {
    const v = manualDataVersions();
    const s = source();
    const store = new PartnerFactsStore(s.source, v.versions);
    const first = await store.current();
    s.setUrns([1, 2]);
    v.write("offers");
    expect(await store.current()).toBe(first);
    await settle();
    const after = await store.current();
    expect(after).not.toBe(first);
    expect(s.findPartnerFacts).toHaveBeenCalledTimes(2);
  });

  it("when a request must see a write (catchUp), then it waits for the new facts", async () => {
    const v = manualDataVersions();
    const s = source();
    const store = new PartnerFactsStore(s.source, v.versions);
    const first = await store.current();
    v.write("gaps");
    await store.catchUp();
    expect(s.findPartnerFacts).toHaveBeenCalledTimes(2);
    expect(await store.current()).not.toBe(first);
  });

  it("when the database is emptied and reloaded (a new epoch), then the facts are read again", async () => {
    const v = manualDataVersions({ epoch: "a", version: 5 });
    const s = source();
    const store = new PartnerFactsStore(s.source, v.versions);
    await store.current();
    v.replace({ epoch: "b", version: 1 });
    await store.catchUp();
    expect(s.findPartnerFacts).toHaveBeenCalledTimes(2);
  });
});
