/**
 * The oversight panels below the support gaps table, each for the page's region and supply (and
 * its level and rural/coastal choice where the service takes them). Each is collapsed until
 * opened and asks the service only then, so the dashboard's first load stays fast. A panel's own
 * choices start again when the region changes.
 */
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
      <Panel id="isolated" title="Isolated schools">
        <IsolatedSchools key={region} scope={scope} />
      </Panel>
      <Panel id="coverage" title="Partnership coverage by type">
        <PartnershipCoverage key={region} scope={scope} />
      </Panel>
      <Panel id="convertors" title="Convertor academies supporting others">
        <ConvertorAcademies key={region} scope={scope} />
      </Panel>
      <Panel id="funding" title="Funding">
        <Funding key={region} scope={scope} />
      </Panel>
      <Panel id="advisers" title="Adviser coverage">
        <AdviserCoverage key={region} scope={scope} />
      </Panel>
      <Panel id="recognition" title="Recognition">
        <Recognition key={region} scope={scope} />
      </Panel>
      <Panel id="what-works" title="What works">
        <WhatWorks key={region} scope={scope} />
      </Panel>
      <Panel id="sensitivity" title="Sensitivity of the ranking">
        <GapSensitivity key={region} scope={scope} />
      </Panel>
    </section>
  );
}
