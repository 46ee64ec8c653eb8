/**
 * A system leader's reach on a small map: its base, how far it travels (further to rural and
 * sparse schools), and the schools it could support, numbered as in the ranking beside it.
 */
import { SmallMap } from "./SmallMap";

/** As the service's reach rule: 1.5 times as far to a rural school. */
const RURAL_REACH = 1.5;

export function LeaderMap({
  leader,
  schools,
}: {
  leader: { name: string; latitude: number; longitude: number; reachKm: number };
  schools: readonly {
    urn: number;
    name: string;
    latitude: number;
    longitude: number;
    rank: number;
    needBand: number;
  }[];
}) {
  const reach = leader.reachKm.toFixed(0);
  const rural = (leader.reachKm * RURAL_REACH).toFixed(0);
  const base = { latitude: leader.latitude, longitude: leader.longitude };
  return (
    <SmallMap
      label={`${leader.name}'s reach (${reach} km, ${rural} km to rural schools) and the ${schools.length} schools it could support, numbered as in the ranking.`}
      home={{ ...base, title: `${leader.name}'s base` }}
      points={schools.map((school) => ({
        ...school,
        kind: `need-${school.needBand}`,
        label: String(school.rank),
        title: `${school.rank}. ${school.name}, need band ${school.needBand}`,
      }))}
      circles={[
        {
          ...base,
          radiusKm: leader.reachKm * RURAL_REACH,
          title: `${rural} km: reach to a rural school`,
        },
        { ...base, radiusKm: leader.reachKm, title: `${reach} km: reach to an urban school` },
      ]}
      caption={
        <>
          The black square is the leader&apos;s base; the inner circle its {reach} km reach to an
          urban school, the outer {rural} km to a rural one (twice as far in a sparse setting).
          Numbered points are the schools in the ranking, coloured by need band.
        </>
      }
    />
  );
}
