import type { Designation, Specialism } from "../support/system-leader.model.js";

export interface RecordEngagementRequest {
  systemLeaderId: string;
  urn: number;
  focus: string;
  /** ISO date; null for today. */
  startOn: string | null;
}

export interface CloseEngagementRequest {
  engagementId: string;
  outcome: string;
  /** ISO date; null for today. */
  endOn: string | null;
}

export interface DesignationRequest {
  urn: number;
  designation: Designation;
  /** The holder's or hub's name; null takes the base school's name. */
  name: string | null;
  specialisms: Specialism[];
  capacity: number;
}

/** Most schools one leader can support at once through the API. */
export const MAX_CAPACITY = 50;

/** Whether a leader with `openEngagements` open already fills its `capacity`: no more may open. */
export function isAtCapacity(openEngagements: number, capacity: number): boolean {
  return openEngagements >= capacity;
}
