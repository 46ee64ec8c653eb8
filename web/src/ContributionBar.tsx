/**
 * A stacked bar of the parts that make up a figure (a similarity distance, a partner score):
 * each part's width is its share of `scale`, its colour fixed by its key, its name in a tooltip
 * and in the bar's accessible label. Drawn with SVG attributes, not inline styles, which the
 * Content-Security-Policy forbids.
 */
const PALETTE = [
  "#1d70b8",
  "#f47738",
  "#00703c",
  "#912b88",
  "#d4351c",
  "#28a197",
  "#6f72af",
  "#b58840",
];

export interface Part {
  key: string;
  label: string;
  value: number;
}

export function colourOf(key: string, keys: readonly string[]): string {
  const index = keys.indexOf(key);
  return PALETTE[(index < 0 ? 0 : index) % PALETTE.length]!;
}

export function ContributionBar({
  parts,
  scale,
  keys,
  describe,
}: {
  parts: readonly Part[];
  scale: number;
  keys: readonly string[];
  describe: (part: Part) => string;
}) {
  const width = 240;
  let x = 0;
  const shown = parts.filter((part) => part.value > 0);
  return (
    <svg
      className="bar"
      width={width}
      height={14}
      viewBox={`0 0 ${width} 14`}
      role="img"
      aria-label={shown.map(describe).join("; ")}
    >
      <rect x={0} y={0} width={width} height={14} fill="#f3f2f1" />
      {shown.map((part) => {
        const w = scale > 0 ? (part.value / scale) * width : 0;
        const rect = (
          <rect key={part.key} x={x} y={0} width={w} height={14} fill={colourOf(part.key, keys)}>
            <title>{describe(part)}</title>
          </rect>
        );
        x += w;
        return rect;
      })}
    </svg>
  );
}

export function Legend({
  keys,
  label,
}: {
  keys: readonly { key: string; label: string }[];
  label: string;
}) {
  return (
    <ul className="legend" aria-label={label}>
      {keys.map(({ key, label: name }) => (
        <li key={key}>
          <svg width={12} height={12} aria-hidden="true">
            <rect
              width={12}
              height={12}
              fill={colourOf(
                key,
                keys.map((k) => k.key),
              )}
            />
          </svg>{" "}
          {name}
        </li>
      ))}
    </ul>
  );
}
