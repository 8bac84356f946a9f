/** Leader (团长) status: pending review → active, or rejected; an active leader can be suspended. */
export const LeaderStatus = {
  PENDING: 'pending',
  ACTIVE: 'active',
  REJECTED: 'rejected',
  SUSPENDED: 'suspended',
} as const;
export type LeaderStatus = (typeof LeaderStatus)[keyof typeof LeaderStatus];
