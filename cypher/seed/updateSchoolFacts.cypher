// updateSchoolFacts: the facts several sources carry (details, pupils, FSM, Ofsted), newest winning
// params: $rows: list<{urn: int, detailsAsOf: "yyyy-mm-dd", detailsSource: string, details: map,
//         pupils: {value, year, source}?, fsmPercent: {value, year, source}?,
//         ofsted: {rating, grade, date: "yyyy-mm-dd", source}?}>
// A source at least as new as the one that last wrote a group overwrites it; an older source only
// fills what the school lacks, so the load order of sources does not matter. Details are dated by
// detailsAsOf, figures by their academic year ("2020/21" < "2022/23"), Ofsted by inspection date.
// Closed schools (Establishments no longer School) keep their facts as history.
UNWIND $rows AS row
MATCH (s:Establishment {urn: row.urn})
WITH s, row, row.details AS d, date(row.detailsAsOf) AS asOf
WITH s, row, d, asOf, s.detailsAsOf IS NULL OR s.detailsAsOf <= asOf AS newer
SET
  s.name = CASE WHEN newer THEN coalesce(d.name, s.name) ELSE coalesce(s.name, d.name) END,
  s.laestab = CASE WHEN newer THEN coalesce(d.laestab, s.laestab) ELSE coalesce(s.laestab, d.laestab) END,
  s.phase = CASE WHEN newer THEN coalesce(d.phase, s.phase) ELSE coalesce(s.phase, d.phase) END,
  s.establishmentType = CASE
    WHEN newer THEN coalesce(d.establishmentType, s.establishmentType)
    ELSE coalesce(s.establishmentType, d.establishmentType)
  END,
  s.governance = CASE
    WHEN newer THEN coalesce(d.governance, s.governance)
    ELSE coalesce(s.governance, d.governance)
  END,
  s.stateFunded = CASE
    WHEN newer THEN coalesce(d.stateFunded, s.stateFunded)
    ELSE coalesce(s.stateFunded, d.stateFunded)
  END,
  s.status = CASE WHEN newer THEN coalesce(d.status, s.status) ELSE coalesce(s.status, d.status) END,
  s.gender = CASE WHEN newer THEN coalesce(d.gender, s.gender) ELSE coalesce(s.gender, d.gender) END,
  s.religiousCharacter = CASE
    WHEN newer THEN coalesce(d.religiousCharacter, s.religiousCharacter)
    ELSE coalesce(s.religiousCharacter, d.religiousCharacter)
  END,
  s.statutoryLowAge = CASE
    WHEN newer THEN coalesce(d.statutoryLowAge, s.statutoryLowAge)
    ELSE coalesce(s.statutoryLowAge, d.statutoryLowAge)
  END,
  s.statutoryHighAge = CASE
    WHEN newer THEN coalesce(d.statutoryHighAge, s.statutoryHighAge)
    ELSE coalesce(s.statutoryHighAge, d.statutoryHighAge)
  END,
  s.postcode = CASE
    WHEN newer THEN coalesce(d.postcode, s.postcode)
    ELSE coalesce(s.postcode, d.postcode)
  END,
  s.town = CASE WHEN newer THEN coalesce(d.town, s.town) ELSE coalesce(s.town, d.town) END,
  s.detailsAsOf = CASE WHEN newer THEN asOf ELSE s.detailsAsOf END,
  s.detailsSource = CASE WHEN newer THEN row.detailsSource ELSE s.detailsSource END
SET s += CASE
  WHEN row.pupils IS NOT NULL AND (s.pupilsYear IS NULL OR s.pupilsYear <= row.pupils.year)
    THEN {pupils: row.pupils.value, pupilsYear: row.pupils.year, pupilsSource: row.pupils.source}
  ELSE {}
END
SET s += CASE
  WHEN row.fsmPercent IS NOT NULL
    AND (s.fsmPercentYear IS NULL OR s.fsmPercentYear <= row.fsmPercent.year)
    THEN {
      fsmPercent: row.fsmPercent.value,
      fsmPercentYear: row.fsmPercent.year,
      fsmPercentSource: row.fsmPercent.source
    }
  ELSE {}
END
SET s += CASE
  WHEN row.ofsted IS NOT NULL AND (s.ofstedDate IS NULL OR s.ofstedDate <= date(row.ofsted.date))
    THEN {
      ofstedRating: row.ofsted.rating,
      ofstedGrade: row.ofsted.grade,
      ofstedDate: date(row.ofsted.date),
      ofstedSource: row.ofsted.source,
      ofstedGradeBasis: row.ofsted.gradeBasis,
      ofstedOverall: row.ofsted.overall,
      ofstedQualityOfEducation: row.ofsted.qualityOfEducation,
      ofstedBehaviourAndAttitudes: row.ofsted.behaviourAndAttitudes,
      ofstedPersonalDevelopment: row.ofsted.personalDevelopment,
      ofstedLeadershipAndManagement: row.ofsted.leadershipAndManagement,
      ofstedEarlyYears: row.ofsted.earlyYears,
      ofstedSixthForm: row.ofsted.sixthForm,
      ofstedSafeguardingEffective: row.ofsted.safeguardingEffective,
      ofstedCategoryOfConcern: row.ofsted.categoryOfConcern,
      ofstedInspectionType: row.ofsted.inspectionType,
      ofstedInspectionId: row.ofsted.inspectionId,
      ofstedUrnAtInspection: row.ofsted.urnAtInspection
    }
  ELSE {}
END
