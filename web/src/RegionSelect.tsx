/** The control labelled "Region": England's nine regions, with `emptyLabel` for none chosen. */
import { Select } from "./controls";
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
    <Select
      id="region"
      label="Region"
      value={shown}
      options={[["", emptyLabel], ...regions.map(({ code, name }) => [code, name] as const)]}
      onChange={choose}
    />
  );
}
