/**
 * A map of local authorities with schools as points, drawn as SVG from the app's own shapes
 * (d3-geo; no tiles, nothing from another origin). Local authorities carry `data-la-code`, schools
 * `data-urn`, leaders `data-leader-id`; a click on a school opens its page. The map is a picture
 * for sighted readers: every page that draws one lists the same schools and areas in a table.
 *
 * Up to POINTS_AS_ELEMENTS schools (any one region) are SVG circles. More (all of England's
 * 22,000) are painted on a canvas and placed in the SVG as one image, which draws in a fraction
 * of the time; a click then opens the nearest school within a few pixels.
 */
import { geoCircle, geoPath, geoTransverseMercator, type GeoPermissibleObjects } from "d3-geo";
import type { Feature, FeatureCollection, Point } from "geojson";
import { useMemo, useRef, type MouseEvent } from "react";
import { useNavigate } from "react-router-dom";
import type { LaShape } from "./shapes";

export interface MapPoint {
  urn: number;
  name: string;
  latitude: number;
  longitude: number;
  /** The class that colours it, e.g. "need-1" or "partner". */
  kind: string;
  /** Its tooltip. */
  title: string;
  /** A short label drawn beside it, e.g. its rank in a table. */
  label?: string;
}

export interface MapMarker {
  id: string;
  latitude: number;
  longitude: number;
  kind: "hub" | "leader" | "home";
  title: string;
}

export interface MapCircle {
  latitude: number;
  longitude: number;
  radiusKm: number;
  title: string;
}

/** The drawing's size in its own units: a full map, or a small one beside a table. */
const SIZES = {
  large: { width: 800, height: 640, margin: 12, radius: 2.6 },
  small: { width: 480, height: 320, margin: 24, radius: 8 },
} as const;
/** More points than this are painted as one image rather than one element each. */
export const POINTS_AS_ELEMENTS = 5_000;
/** The painted image's pixels per unit of the drawing, for sharp points on dense screens. */
const PAINT_SCALE = 2;
/** How near (in drawing units) a click must be to a painted school to open it. */
const CLICK_RADIUS = 4;

/** Kilometres in one degree of a great circle. */
const KM_PER_DEGREE = 111.195;

function pointFeature(longitude: number, latitude: number): Feature<Point> {
  return {
    type: "Feature",
    properties: {},
    geometry: { type: "Point", coordinates: [longitude, latitude] },
  };
}

export function AreaMap({
  label,
  shapes,
  shade,
  points,
  markers = [],
  circles = [],
  fitTo = "shapes",
  size = "large",
}: {
  /** The map's accessible name, e.g. "North West: 3,184 schools by need band". */
  label: string;
  shapes: readonly LaShape[];
  /** A shape's fill class and tooltip; null leaves it unshaded. */
  shade?: (shape: LaShape) => { className: string; title: string } | null;
  points: readonly MapPoint[];
  markers?: readonly MapMarker[];
  circles?: readonly MapCircle[];
  /** What the view is fitted to: every shape given, or the points, markers and circles. */
  fitTo?: "shapes" | "points";
  size?: keyof typeof SIZES;
}) {
  const { width: WIDTH, height: HEIGHT, margin: MARGIN, radius } = SIZES[size];
  const navigate = useNavigate();
  const { path, project } = useMemo(() => {
    const extent: GeoPermissibleObjects =
      fitTo === "shapes" || (points.length === 0 && circles.length === 0)
        ? ({ type: "FeatureCollection", features: [...shapes] } as FeatureCollection)
        : ({
            type: "FeatureCollection",
            features: [
              ...points.map((p) => pointFeature(p.longitude, p.latitude)),
              ...markers.map((m) => pointFeature(m.longitude, m.latitude)),
              ...circles.map((c) => ({
                type: "Feature" as const,
                properties: {},
                geometry: geoCircle()
                  .center([c.longitude, c.latitude])
                  .radius(c.radiusKm / KM_PER_DEGREE)(),
              })),
            ],
          } as FeatureCollection);
    // Transverse Mercator on 2°W, as the British National Grid: England is not skewed.
    const projection = geoTransverseMercator()
      .rotate([2, 0])
      .fitExtent(
        [
          [MARGIN, MARGIN],
          [WIDTH - MARGIN, HEIGHT - MARGIN],
        ],
        extent,
      );
    return {
      path: geoPath(projection),
      project: (longitude: number, latitude: number) =>
        projection([longitude, latitude]) ?? [-100, -100],
    };
  }, [shapes, points, markers, circles, fitTo, WIDTH, HEIGHT, MARGIN]);

  const painted = points.length > POINTS_AS_ELEMENTS;
  const positions = useMemo(
    () => points.map((point) => project(point.longitude, point.latitude)),
    [points, project],
  );
  const image = useMemo(
    // Thousands of points: smaller, so areas stay readable.
    () => (painted ? paint(points, positions, WIDTH, HEIGHT, radius * 0.6) : null),
    [painted, points, positions, WIDTH, HEIGHT, radius],
  );
  const svg = useRef<SVGSVGElement>(null);

  const openSchool = (event: MouseEvent<SVGSVGElement>) => {
    const target = (event.target as Element).closest("[data-urn]");
    const urn = target?.getAttribute("data-urn");
    if (urn) return navigate(`/schools/${urn}`);
    const matrix = painted ? svg.current?.getScreenCTM()?.inverse() : null;
    if (!matrix) return;
    const at = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix);
    let nearest = -1;
    let best = CLICK_RADIUS ** 2;
    positions.forEach(([x, y], index) => {
      const distance = (x - at.x) ** 2 + (y - at.y) ** 2;
      if (distance <= best) [nearest, best] = [index, distance];
    });
    if (nearest >= 0) navigate(`/schools/${points[nearest]!.urn}`);
  };

  return (
    <svg
      className="area-map"
      ref={svg}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={label}
      onClick={openSchool}
    >
      <g className="las">
        {shapes.map((shape) => {
          const shading = shade?.(shape) ?? null;
          return (
            <path
              key={shape.properties.code}
              d={path(shape) ?? ""}
              className={shading?.className ?? "la"}
              data-la-code={shape.properties.code}
            >
              <title>{shading?.title ?? shape.properties.name}</title>
            </path>
          );
        })}
      </g>
      <g className="reach">
        {circles.map((circle, index) => (
          <path
            key={index}
            d={
              path(
                geoCircle()
                  .center([circle.longitude, circle.latitude])
                  .radius(circle.radiusKm / KM_PER_DEGREE)(),
              ) ?? ""
            }
          >
            <title>{circle.title}</title>
          </path>
        ))}
      </g>
      <g className="points">
        {image && <image href={image} x={0} y={0} width={WIDTH} height={HEIGHT} />}
        {!image &&
          points.map((point, index) => {
            const [x, y] = positions[index]!;
            return (
              <g key={point.urn}>
                <circle
                  cx={x.toFixed(1)}
                  cy={y.toFixed(1)}
                  r={radius}
                  className={point.kind}
                  data-urn={point.urn}
                >
                  <title>{point.title}</title>
                </circle>
                {point.label && (
                  <text
                    x={x.toFixed(1)}
                    y={(y + radius / 2).toFixed(1)}
                    className="point-label"
                    aria-hidden="true"
                  >
                    {point.label}
                  </text>
                )}
              </g>
            );
          })}
      </g>
      <g className="markers">
        {markers.map((marker) => {
          const [x, y] = project(marker.longitude, marker.latitude);
          const size = marker.kind === "leader" ? 3.5 : 6;
          return (
            <path
              key={marker.id}
              transform={`translate(${x.toFixed(1)},${y.toFixed(1)})`}
              d={
                marker.kind === "leader"
                  ? `M0,${-size}L${size},0L0,${size}L${-size},0Z`
                  : `M${-size},${-size}H${size}V${size}H${-size}Z`
              }
              className={`marker ${marker.kind}`}
              data-leader-id={marker.kind === "home" ? undefined : marker.id}
            >
              <title>{marker.title}</title>
            </path>
          );
        })}
      </g>
    </svg>
  );
}

/**
 * The points painted on a canvas, as a PNG data address for an SVG image. Colours are the CSS
 * custom properties named after each point's kind (--need-1 ...), so the stylesheet stays the one
 * place they are set.
 */
function paint(
  points: readonly MapPoint[],
  positions: readonly [number, number][],
  width: number,
  height: number,
  radius: number,
): string | null {
  const canvas = document.createElement("canvas");
  canvas.width = width * PAINT_SCALE;
  canvas.height = height * PAINT_SCALE;
  const context = canvas.getContext("2d");
  if (!context) return null;
  const style = getComputedStyle(document.documentElement);
  const colours = new Map<string, string>();
  const colourOf = (kind: string) => {
    let colour = colours.get(kind);
    if (colour === undefined) {
      colour = style.getPropertyValue(`--${kind}`).trim() || "#505a5f";
      colours.set(kind, colour);
    }
    return colour;
  };
  context.scale(PAINT_SCALE, PAINT_SCALE);
  context.lineWidth = 0.3;
  context.strokeStyle = "#0b0c0c";
  points.forEach((point, index) => {
    const [x, y] = positions[index]!;
    context.beginPath();
    context.arc(x, y, radius, 0, 2 * Math.PI);
    context.fillStyle = colourOf(point.kind);
    context.fill();
    context.stroke();
  });
  return canvas.toDataURL("image/png");
}
