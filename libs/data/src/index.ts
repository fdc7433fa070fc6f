export * from './entities';
export * from './data-source-options';
export * from './migrate';
export * from './notification-store';
export * from './testing/test-database';
