// grantAwardedOnIndex: funding reports and grant lists select grants by award date
CREATE INDEX grant_awarded_on IF NOT EXISTS FOR (g:Grant) ON (g.awardedOn)
