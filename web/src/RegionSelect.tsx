/** The control labelled "Region": England's nine regions, with `emptyLabel` for none chosen. */
import { useShownChoice } from "./useShownChoice";

export interface RegionOption {
  code: string;
  name: string;
}

export function RegionSelect({
  regions,
  value,
  emptyLabel,
  onChange,
}: {
  regions: readonly RegionOption[];
  value: string;
  emptyLabel: string;
  onChange: (code: string) => void;
}) {
  const [shown, choose] = useShownChoice(value, onChange);
  return (
    <div>
      <label htmlFor="region">Region</label>
      <select id="region" value={shown} onChange={(e) => choose(e.target.value)}>
        <option value="">{emptyLabel}</option>
        {regions.map((region) => (
          <option key={region.code} value={region.code}>
            {region.name}
          </option>
        ))}
      </select>
    </div>
  );
}
