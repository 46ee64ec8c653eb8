/**
 * What a school can offer other schools and what support it seeks: a fixed vocabulary, so
 * matching can pair one school's offer with another's need.
 */
export const SUPPORT_TOPICS = [
  "LEADERSHIP",
  "GOVERNANCE",
  "CURRICULUM",
  "ASSESSMENT",
  "EARLY_YEARS",
  "READING_AND_PHONICS",
  "MATHEMATICS",
  "SCIENCE",
  "SEND",
  "DISADVANTAGED_PUPILS",
  "ENGLISH_AS_AN_ADDITIONAL_LANGUAGE",
  "ATTENDANCE",
  "BEHAVIOUR",
  "SAFEGUARDING",
  "WELLBEING_AND_MENTAL_HEALTH",
  "TEACHER_DEVELOPMENT",
  "RECRUITMENT_AND_RETENTION",
  "TRANSITION",
  "POST_16",
  "FINANCE_AND_OPERATIONS",
  "DIGITAL",
] as const;
export type SupportTopic = (typeof SUPPORT_TOPICS)[number];

export interface SchoolOffer {
  urn: number;
  offers: SupportTopic[];
  seeks: SupportTopic[];
  /** When the school last changed them; null when it never has. */
  updatedAt: string | null;
}
