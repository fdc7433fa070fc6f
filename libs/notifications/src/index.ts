export * from './quiet-hours';
export * from './dedupe-keys';
export * from './weekly-summary';
export * from './render';
export { formatLocalTime, formatLocalDate } from './time';
export * from './account-emails';
export * from './invitation-email';
export * from './community-emails';
export * from './summaries';
