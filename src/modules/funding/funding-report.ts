/**
 * A funding report from the grants in a window and the area's schools. Each grant's shares were
 * cut by allocation.ts when it was awarded and stored; they are only added up here, never recut
 * from today's members, and only the shares landing on schools in the area count. Pence add up
 * exactly; per-pupil figures are pence over the pupils of every open school in the row (money
 * and pupils are counted over the same schools).
 */
import {
  FUNDS,
  type AreaSchoolsRow,
  type FundedSchool,
  type Fund,
  type ReportArea,
  type ReportGrant,
} from "./funding.model.js";

export interface MoneyRow {
  awardedPence: number;
  matchedPence: number;
  /** awarded + matched. */
  pence: number;
}

export interface AreaRow extends MoneyRow {
  localAuthorityCode: number;
  name: string | null;
  pupils: number;
  perPupilPence: number | null;
  schoolsFunded: number;
}

export interface BandRow extends MoneyRow {
  band: number | null;
  schools: number;
  pupils: number;
  perPupilPence: number | null;
  schoolsFunded: number;
}

export interface FundRow extends MoneyRow {
  fund: Fund;
  grants: number;
}

export interface ShareOfTotal {
  pence: number;
  /** pence / the report's totalPence, 0..1; 0 when nothing was funded. */
  share: number;
}

export interface FundingReportFigures extends MoneyRow {
  /** The same as pence: awarded + matched landing in the area. */
  totalPence: number;
  grants: number;
  schools: number;
  pupils: number;
  perPupilPence: number | null;
  schoolsFunded: number;
  /**
   * England only: money of grants stored without any share (every grant recorded through the
   * API has its shares; this keeps one that lacks them visible instead of dropping it).
   */
  unallocatedPence: number;
  byArea: AreaRow[];
  byNeedBand: BandRow[];
  byFund: FundRow[];
  rural: ShareOfTotal;
  coastal: ShareOfTotal;
}

const BANDS: readonly (number | null)[] = [1, 2, 3, 4, null];

function bandOf(band: number | null): number | null {
  return band === 1 || band === 2 || band === 3 || band === 4 ? band : null;
}

function emptyMoney(): MoneyRow {
  return { awardedPence: 0, matchedPence: 0, pence: 0 };
}

function add(row: MoneyRow, awarded: number, matched: number): void {
  row.awardedPence += awarded;
  row.matchedPence += matched;
  row.pence += awarded + matched;
}

function perPupil(pence: number, pupils: number): number | null {
  return pupils > 0 ? pence / pupils : null;
}

export function inArea(school: FundedSchool, area: ReportArea): boolean {
  return (
    (area.laCode === null || school.laCode === area.laCode) &&
    (area.regionCode === null || school.regionCode === area.regionCode)
  );
}

export function buildFundingReport(
  area: ReportArea,
  grants: readonly ReportGrant[],
  areaSchools: readonly AreaSchoolsRow[],
): FundingReportFigures {
  const total = emptyMoney();
  const england = area.laCode === null && area.regionCode === null;
  let unallocatedPence = 0;
  let grantCount = 0;
  const byLa = new Map<number, { money: MoneyRow; funded: Set<number> }>();
  const byBand = new Map<number | null, { money: MoneyRow; funded: Set<number> }>(
    BANDS.map((band) => [band, { money: emptyMoney(), funded: new Set<number>() }]),
  );
  const byFund = new Map<Fund, FundRow>();
  const funded = new Set<number>();
  const rural = emptyMoney();
  const coastal = emptyMoney();

  for (const grant of grants) {
    if (grant.shares.length === 0) {
      if (england) {
        unallocatedPence += grant.amountPence + grant.matchedPence;
        grantCount += 1;
      }
      continue;
    }
    const shares = grant.shares.filter((share) => inArea(share.school, area));
    if (shares.length === 0) continue;
    grantCount += 1;
    const fundRow = byFund.get(grant.fund) ?? { fund: grant.fund, grants: 0, ...emptyMoney() };
    fundRow.grants += 1;
    byFund.set(grant.fund, fundRow);
    for (const { school, awardedPence: a, matchedPence: m } of shares) {
      add(total, a, m);
      add(fundRow, a, m);
      if (school.rural === true) add(rural, a, m);
      if (school.coastal === true) add(coastal, a, m);
      const band = byBand.get(bandOf(school.needBand))!;
      add(band.money, a, m);
      if (school.laCode !== null) {
        const la = byLa.get(school.laCode) ?? { money: emptyMoney(), funded: new Set<number>() };
        add(la.money, a, m);
        byLa.set(school.laCode, la);
        if (a + m > 0) la.funded.add(school.urn);
      }
      if (a + m > 0) {
        band.funded.add(school.urn);
        funded.add(school.urn);
      }
    }
  }

  const laInfo = new Map<number, { name: string | null; pupils: number }>();
  const bandInfo = new Map<number | null, { schools: number; pupils: number }>(
    BANDS.map((band) => [band, { schools: 0, pupils: 0 }]),
  );
  for (const row of areaSchools) {
    const la = laInfo.get(row.laCode) ?? { name: row.laName, pupils: 0 };
    la.pupils += row.pupils;
    laInfo.set(row.laCode, la);
    const band = bandInfo.get(bandOf(row.band))!;
    band.schools += row.schools;
    band.pupils += row.pupils;
  }
  const pupils = [...laInfo.values()].reduce((sum, la) => sum + la.pupils, 0);
  const schoolCount = [...bandInfo.values()].reduce((sum, band) => sum + band.schools, 0);

  const areaCodes = new Set([...laInfo.keys(), ...byLa.keys()]);
  const byArea: AreaRow[] = [...areaCodes]
    .map((laCode) => {
      const money = byLa.get(laCode)?.money ?? emptyMoney();
      const laPupils = laInfo.get(laCode)?.pupils ?? 0;
      return {
        localAuthorityCode: laCode,
        name: laInfo.get(laCode)?.name ?? null,
        ...money,
        pupils: laPupils,
        perPupilPence: perPupil(money.pence, laPupils),
        schoolsFunded: byLa.get(laCode)?.funded.size ?? 0,
      };
    })
    .sort((a, b) => b.pence - a.pence || a.localAuthorityCode - b.localAuthorityCode);

  const byNeedBand: BandRow[] = BANDS.map((band) => {
    const money = byBand.get(band)!;
    const info = bandInfo.get(band)!;
    return {
      band,
      ...money.money,
      schools: info.schools,
      pupils: info.pupils,
      perPupilPence: perPupil(money.money.pence, info.pupils),
      schoolsFunded: money.funded.size,
    };
  });

  const shareOf = (pence: number): number => (total.pence === 0 ? 0 : pence / total.pence);
  return {
    ...total,
    totalPence: total.pence,
    grants: grantCount,
    schools: schoolCount,
    pupils,
    perPupilPence: perPupil(total.pence, pupils),
    schoolsFunded: funded.size,
    unallocatedPence,
    byArea,
    byNeedBand,
    byFund: FUNDS.flatMap((fund) => {
      const row = byFund.get(fund);
      return row ? [row] : [];
    }),
    rural: { pence: rural.pence, share: shareOf(rural.pence) },
    coastal: { pence: coastal.pence, share: shareOf(coastal.pence) },
  };
}
