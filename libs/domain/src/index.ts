export * from './errors';
export * from './roles';
export * from './cohort-status';
export * from './enrollment';
export * from './coaching';
export * from './schedule';
export * from './progress';
export * from './notifications';
