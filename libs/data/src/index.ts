export * from './entities';
export * from './data-source-options';
export * from './migrate';
export * from './notification-store';
export * from './private-text-cipher';
export * from './data-export';
export * from './testing/test-database';
