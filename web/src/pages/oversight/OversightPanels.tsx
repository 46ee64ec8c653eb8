/**
 * The oversight panels below the support gaps table, each for the page's region and supply (and
 * its level and rural/coastal choice where the service takes them). Each is collapsed until
 * opened and asks the service only then, so the dashboard's first load stays fast. A panel's own
 * choices start again when the region changes.
 */
import type { ComponentType } from "react";
import type { AreaLevel, GapKind, SupplyMode } from "../../__generated__/graphql";
import { AdviserCoverage } from "./AdviserCoverage";
import { ConvertorAcademies } from "./ConvertorAcademies";
import { Funding } from "./Funding";
import { GapSensitivity } from "./GapSensitivity";
import { IsolatedSchools } from "./IsolatedSchools";
import { Panel, type PanelScope } from "./panel";
import { PartnershipCoverage } from "./PartnershipCoverage";
import { Recognition } from "./Recognition";
import { WhatWorks } from "./WhatWorks";

/** A panel: its element id, its heading and what it shows once opened. */
interface PanelEntry {
  id: string;
  title: string;
  Body: ComponentType<{ scope: PanelScope }>;
}

/** The panels, in the order they stand. */
const PANELS: readonly PanelEntry[] = [
  { id: "isolated", title: "Isolated schools", Body: IsolatedSchools },
  { id: "coverage", title: "Partnership coverage by type", Body: PartnershipCoverage },
  { id: "convertors", title: "Convertor academies supporting others", Body: ConvertorAcademies },
  { id: "funding", title: "Funding", Body: Funding },
  { id: "advisers", title: "Adviser coverage", Body: AdviserCoverage },
  { id: "recognition", title: "Recognition", Body: Recognition },
  { id: "what-works", title: "What works", Body: WhatWorks },
  { id: "sensitivity", title: "Sensitivity of the ranking", Body: GapSensitivity },
];

export function OversightPanels({
  region,
  regionName,
  level,
  kind,
  supply,
}: {
  region: string;
  regionName: string;
  level: AreaLevel;
  kind: GapKind;
  supply: SupplyMode;
}) {
  const scope: PanelScope = {
    region,
    areaName: region ? regionName || region : "England",
    level,
    kind,
    supply,
  };
  return (
    <section className="panels" aria-labelledby="panels-heading">
      <h2 id="panels-heading">More on {scope.areaName}</h2>
      <p className="hint">
        Open a panel to load it; each follows the region and supply chosen above.
      </p>
      {PANELS.map(({ id, title, Body }) => (
        <Panel key={id} id={id} title={title}>
          <Body key={region} scope={scope} />
        </Panel>
      ))}
    </section>
  );
}
