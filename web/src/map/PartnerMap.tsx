/**
 * A school and its suggested partners on a small map, numbered as in the table beside it, with
 * the local authority borders around them for bearings.
 */
import { AreaMap, type MapPoint } from "./AreaMap";
import { useLaShapes } from "./useLaShapes";

export interface PlacedPartner {
  urn: number;
  name: string;
  latitude: number;
  longitude: number;
  distanceKm: number;
}

export function PartnerMap({
  school,
  partners,
}: {
  school: { name: string; latitude: number; longitude: number };
  partners: readonly (PlacedPartner & { rank: number })[];
}) {
  const shapes = useLaShapes();
  if (shapes.status === "failed") return <p className="error">{shapes.message}</p>;
  if (shapes.status === "loading") return <p aria-live="polite">Drawing the map…</p>;
  const points: MapPoint[] = partners.map((partner) => ({
    urn: partner.urn,
    name: partner.name,
    latitude: partner.latitude,
    longitude: partner.longitude,
    kind: "partner",
    label: String(partner.rank),
    title: `${partner.rank}. ${partner.name}, ${partner.distanceKm.toFixed(1)} km away`,
  }));
  return (
    <figure className="map-figure small-map">
      <AreaMap
        label={`${school.name} and its ${partners.length} suggested partners, numbered as in the table.`}
        shapes={shapes.shapes}
        points={points}
        markers={[
          {
            id: "home",
            latitude: school.latitude,
            longitude: school.longitude,
            kind: "home",
            title: school.name,
          },
        ]}
        fitTo="points"
        size="small"
      />
      <figcaption className="meta">
        The black square is {school.name}; numbered circles are the partners in the table. Lines are
        local authority borders.
      </figcaption>
    </figure>
  );
}
