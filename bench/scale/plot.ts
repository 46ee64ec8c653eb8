/**
 * docs/scale.svg from the scale benchmark's figures: p95 of each query against the scale (left),
 * and the batch steps' times against the scale on log axes (right). Plain SVG, no library.
 */
import { writeFileSync } from "node:fs";
import type { ScaleFigures } from "./figures.js";

const WIDTH = 900;
const HEIGHT = 380;
const PANEL = { width: 360, height: 260, top: 50 };
const LEFT_X = 70;
const RIGHT_X = 520;
const COLOURS = ["#1b6ca8", "#d1495b", "#2a9d8f", "#6a4c93", "#888888"];

interface Series {
  name: string;
  points: [number, number][];
}

const escape = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function niceMax(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((m) => m * power).find((m) => m >= value) ?? 10 * power;
}

function panel(
  x0: number,
  title: string,
  unit: string,
  series: Series[],
  scales: number[],
  logY: boolean,
): string {
  const { width, height, top } = PANEL;
  const values = series.flatMap((s) => s.points.map(([, y]) => y)).filter((y) => y > 0);
  if (values.length === 0) return "";
  const xMin = Math.log(Math.min(...scales));
  const xMax = Math.log(Math.max(...scales));
  const xAt = (scale: number) =>
    x0 + (xMax === xMin ? width / 2 : ((Math.log(scale) - xMin) / (xMax - xMin)) * width);
  let yAt: (value: number) => number;
  let ticks: number[];
  if (logY) {
    const low = 10 ** Math.floor(Math.log10(Math.min(...values)));
    const high = 10 ** Math.ceil(Math.log10(Math.max(...values)));
    ticks = [];
    for (let t = low; t <= high * 1.001; t *= 10) ticks.push(t);
    yAt = (v) =>
      top + height - ((Math.log10(v) - Math.log10(low)) / Math.log10(high / low)) * height;
  } else {
    const high = niceMax(Math.max(...values));
    ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * high);
    yAt = (v) => top + height - (v / high) * height;
  }
  const parts: string[] = [
    `<text x="${x0 + width / 2}" y="${top - 22}" text-anchor="middle" font-weight="bold">${escape(title)}</text>`,
    `<rect x="${x0}" y="${top}" width="${width}" height="${height}" fill="none" stroke="#ccc"/>`,
  ];
  for (const tick of ticks) {
    const y = yAt(tick);
    parts.push(
      `<line x1="${x0}" x2="${x0 + width}" y1="${y}" y2="${y}" stroke="#eee"/>`,
      `<text x="${x0 - 6}" y="${y + 4}" text-anchor="end">${tick >= 1000 ? `${tick / 1000}k` : tick}</text>`,
    );
  }
  parts.push(
    `<text x="${x0 - 50}" y="${top + height / 2}" transform="rotate(-90 ${x0 - 50} ${top + height / 2})" text-anchor="middle">${escape(unit)}</text>`,
  );
  for (const scale of scales) {
    parts.push(
      `<text x="${xAt(scale)}" y="${top + height + 18}" text-anchor="middle">${scale}×</text>`,
    );
  }
  parts.push(
    `<text x="${x0 + width / 2}" y="${top + height + 36}" text-anchor="middle">scale (× England, log)</text>`,
  );
  series.forEach((s, i) => {
    const colour = COLOURS[i % COLOURS.length];
    const points = s.points.filter(([, y]) => y > 0 || !logY);
    if (points.length === 0) return;
    parts.push(
      `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${points
        .map(([x, y]) => `${xAt(x).toFixed(1)},${yAt(y).toFixed(1)}`)
        .join(" ")}"/>`,
      ...points.map(
        ([x, y]) =>
          `<circle cx="${xAt(x).toFixed(1)}" cy="${yAt(y).toFixed(1)}" r="3" fill="${colour}"/>`,
      ),
      `<rect x="${x0 + 8}" y="${top + 8 + i * 16}" width="10" height="10" fill="${colour}"/>`,
      `<text x="${x0 + 24}" y="${top + 17 + i * 16}">${escape(s.name)}</text>`,
    );
  });
  return parts.join("\n");
}

export function plotSvg(figures: readonly ScaleFigures[]): string {
  const scales = figures.map((f) => f.scale);
  const query = (name: keyof ScaleFigures["queries"], label: string): Series => ({
    name: label,
    points: figures.flatMap((f) => {
      const p95 = f.queries[name]?.p95;
      return p95 === undefined ? [] : [[f.scale, p95] as [number, number]];
    }),
  });
  const step = (label: string, pick: (f: ScaleFigures) => number | null | undefined): Series => ({
    name: label,
    points: figures.flatMap((f) => {
      const value = pick(f);
      return value === null || value === undefined
        ? []
        : [[f.scale, value / 1000] as [number, number]];
    }),
  });
  const left = panel(
    LEFT_X,
    "p95 latency, 8 clients",
    "ms",
    [
      query("similarSchools", "similarSchools"),
      query("partnerSuggestions", "partnerSuggestions"),
      query("supportGaps", "supportGaps"),
      query("mix", "the three in turn"),
      query("floor", "{ __typename }"),
    ],
    scales,
    false,
  );
  const right = panel(
    RIGHT_X,
    "batch steps",
    "seconds (log)",
    [
      step("import", (f) => f.importMs),
      step("family computation", (f) => f.families?.totalMs),
      step("need bands", (f) => f.needBandsMs),
      step("index read + build", (f) => (f.index ? f.index.readMs + f.index.buildMs : null)),
    ],
    scales,
    true,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="11">`,
    `<title>The service at 1×, 2×, 5× and 10× England: query p95 and batch step times (npm run bench:scale)</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    left,
    right,
    "</svg>",
    "",
  ].join("\n");
}

export function writePlot(figures: readonly ScaleFigures[], file: string): void {
  writeFileSync(file, plotSvg(figures));
}
