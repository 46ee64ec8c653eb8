/**
 * A small map beside a table: numbered points fitted around a home square, with the local
 * authority borders for bearings, or a line saying why it is not drawn yet.
 */
import type { ReactNode } from "react";
import { AreaMap, type MapCircle, type MapPoint } from "./AreaMap";
import { useLaShapes } from "./useLaShapes";

export function SmallMap({
  label,
  home,
  points,
  circles,
  caption,
}: {
  /** The map's accessible name. */
  label: string;
  home: { latitude: number; longitude: number; title: string };
  points: readonly MapPoint[];
  circles?: readonly MapCircle[];
  /** What the marks mean, below the map. */
  caption: ReactNode;
}) {
  const shapes = useLaShapes();
  if (shapes.status === "failed") return <p className="error">{shapes.message}</p>;
  if (shapes.status === "loading") return <p aria-live="polite">Drawing the map…</p>;
  return (
    <figure className="map-figure small-map">
      <AreaMap
        label={label}
        shapes={shapes.shapes}
        points={points}
        markers={[{ id: "home", kind: "home", ...home }]}
        circles={circles}
        fitTo="points"
        size="small"
      />
      <figcaption className="meta">{caption}</figcaption>
    </figure>
  );
}
