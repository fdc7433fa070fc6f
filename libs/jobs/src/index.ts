export * from './queues';
export * from './planner';
export * from './scheduler';
export * from './redis';
export * from './create-queues';
export * from './outbox';
export * from './data-exports';
export * from './live-events';
