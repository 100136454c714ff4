/** What kind of organisation a lab or employer is: the axis analysts read flows along. */
export enum Sector {
  PublicResearch = 'public_research',
  University = 'university',
  BigTech = 'big_tech',
  PrivateLab = 'private_lab',
  Startup = 'startup',
  Company = 'company',
  Government = 'government',
  Nonprofit = 'nonprofit',
}

export enum RoleCategory {
  Leadership = 'leadership',
  Researcher = 'researcher',
  Engineer = 'engineer',
  Advisor = 'advisor',
  Student = 'student',
  Other = 'other',
}

/** How much of a date is known: "2023" is stored as 2023-01-01 with precision `year`. */
export enum DatePrecision {
  Day = 'day',
  Month = 'month',
  Year = 'year',
}

export enum MoveStatus {
  Rumoured = 'rumoured',
  Announced = 'announced',
  Confirmed = 'confirmed',
  Cancelled = 'cancelled',
}

/** Who a headcount counts. */
export enum Population {
  Researchers = 'researchers',
  Staff = 'staff',
  PhdStudents = 'phd_students',
  /** Everyone on a lab's team page: researchers, leaders, engineers, students and others, not advisors. */
  Members = 'members',
}

export const SECTORS = Object.values(Sector);
export const ROLE_CATEGORIES = Object.values(RoleCategory);
export const DATE_PRECISIONS = Object.values(DatePrecision);
export const MOVE_STATUSES = Object.values(MoveStatus);
export const POPULATIONS = Object.values(Population);
