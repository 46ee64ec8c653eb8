/**
 * A school and its suggested partners on a small map, numbered as in the table beside it, with
 * the local authority borders around them for bearings.
 */
import { SmallMap } from "./SmallMap";

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
  return (
    <SmallMap
      label={`${school.name} and its ${partners.length} suggested partners, numbered as in the table.`}
      home={{ latitude: school.latitude, longitude: school.longitude, title: school.name }}
      points={partners.map((partner) => ({
        ...partner,
        kind: "partner",
        label: String(partner.rank),
        title: `${partner.rank}. ${partner.name}, ${partner.distanceKm.toFixed(1)} km away`,
      }))}
      caption={
        <>
          The black square is {school.name}; numbered circles are the partners in the table. Lines
          are local authority borders.
        </>
      }
    />
  );
}
