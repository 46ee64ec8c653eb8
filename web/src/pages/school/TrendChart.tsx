/**
 * A small line chart of one outcome over the years: the school's figures (solid, round points)
 * against its family's median (dashed, square points). Years without figures are shaded gaps
 * where the lines break. The table beside it is the accessible alternative; the chart's label
 * sums it up in a sentence.
 */
import { segments, startYear, ticks, yearRange, type YearValue } from "./trend";

const WIDTH = 520;
const HEIGHT = 210;
const MARGIN = { top: 12, right: 16, bottom: 30, left: 48 };
const SCHOOL_COLOUR = "#1d70b8";
const MEDIAN_COLOUR = "#505a5f";

export interface TrendChartProps {
  id: string;
  label: string;
  school: readonly YearValue[];
  median: readonly YearValue[];
  format: (value: number) => string;
  /** Where the axis must reach, e.g. 0 for percentages and Progress 8 (the national average). */
  from?: number;
}

function path(points: readonly { x: number; y: number }[]): string {
  return points.map((p, i) => `${i === 0 ? "M" : "L"}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join("");
}

export function TrendChart({ id, label, school, median, format, from }: TrendChartProps) {
  const years = yearRange([...school, ...median].map((p) => p.year));
  const yTicks = ticks(
    [...school, ...median].map((p) => p.value),
    4,
    from,
  );
  if (years.length === 0 || yTicks.length === 0) return null;
  const first = startYear(years[0]!) ?? 0;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const step = plotWidth / years.length;
  const x = (year: string) => MARGIN.left + ((startYear(year) ?? first) - first + 0.5) * step;
  const low = yTicks[0]!;
  const high = yTicks.at(-1)!;
  const y = (value: number) =>
    MARGIN.top + plotHeight - ((value - low) / (high - low)) * plotHeight;
  const held = new Set([...school, ...median].map((p) => p.year));
  const gaps = years.filter((year) => !held.has(year));
  const line = (points: readonly YearValue[]) =>
    segments(points).map((run) => path(run.map((p) => ({ x: x(p.year), y: y(p.value) }))));

  return (
    <svg
      className="trend-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby={`${id}-title`}
    >
      <title id={`${id}-title`}>{label}</title>
      {gaps.map((year) => (
        <g key={year}>
          <rect
            x={x(year) - step / 2}
            y={MARGIN.top}
            width={step}
            height={plotHeight}
            fill="#f3f2f1"
          />
          <text
            x={x(year)}
            y={MARGIN.top + plotHeight / 2}
            textAnchor="middle"
            fontSize="10"
            fill="#505a5f"
            transform={`rotate(-90 ${x(year)} ${MARGIN.top + plotHeight / 2})`}
          >
            no figures
          </text>
        </g>
      ))}
      {yTicks.map((tick) => (
        <g key={tick}>
          <line
            x1={MARGIN.left}
            x2={WIDTH - MARGIN.right}
            y1={y(tick)}
            y2={y(tick)}
            stroke={tick === 0 && low < 0 ? "#0b0c0c" : "#dcdcdc"}
          />
          <text x={MARGIN.left - 6} y={y(tick) + 4} textAnchor="end" fontSize="11" fill="#505a5f">
            {format(tick)}
          </text>
        </g>
      ))}
      {years.map((year) => (
        <text
          key={year}
          x={x(year)}
          y={HEIGHT - MARGIN.bottom + 16}
          textAnchor="middle"
          fontSize="10"
          fill="#505a5f"
        >
          {year.replace(/^20/, "")}
        </text>
      ))}
      {line(median).map((d, i) => (
        <path
          key={`m${i}`}
          d={d}
          fill="none"
          stroke={MEDIAN_COLOUR}
          strokeWidth="2"
          strokeDasharray="6 4"
        />
      ))}
      {median.map((p) => (
        <rect
          key={`m${p.year}`}
          x={x(p.year) - 3.5}
          y={y(p.value) - 3.5}
          width="7"
          height="7"
          fill={MEDIAN_COLOUR}
        >
          <title>{`Family median, ${p.year}: ${format(p.value)}`}</title>
        </rect>
      ))}
      {line(school).map((d, i) => (
        <path key={`s${i}`} d={d} fill="none" stroke={SCHOOL_COLOUR} strokeWidth="3" />
      ))}
      {school.map((p) => (
        <circle key={`s${p.year}`} cx={x(p.year)} cy={y(p.value)} r="4.5" fill={SCHOOL_COLOUR}>
          <title>{`This school, ${p.year}: ${format(p.value)}`}</title>
        </circle>
      ))}
    </svg>
  );
}

/** The key to the two lines, as text so it prints and reads aloud. */
export function TrendKey() {
  return (
    <ul className="legend trend-key" aria-label="Key">
      <li>
        <svg width="28" height="10" aria-hidden="true">
          <line x1="0" x2="28" y1="5" y2="5" stroke={SCHOOL_COLOUR} strokeWidth="3" />
          <circle cx="14" cy="5" r="4" fill={SCHOOL_COLOUR} />
        </svg>{" "}
        This school
      </li>
      <li>
        <svg width="28" height="10" aria-hidden="true">
          <line
            x1="0"
            x2="28"
            y1="5"
            y2="5"
            stroke={MEDIAN_COLOUR}
            strokeWidth="2"
            strokeDasharray="6 4"
          />
          <rect x="10.5" y="1.5" width="7" height="7" fill={MEDIAN_COLOUR} />
        </svg>{" "}
        Family median
      </li>
      <li>
        <svg width="16" height="10" aria-hidden="true">
          <rect width="16" height="10" fill="#f3f2f1" stroke="#b1b4b6" />
        </svg>{" "}
        No figures that year
      </li>
    </ul>
  );
}
