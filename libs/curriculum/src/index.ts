export * from './types';
export * from './templates';
export * from './program';
export * from './validate-responses';
export * from './program-week';
export * from './prompts';
export * from './validate-template';
