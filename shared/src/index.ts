export * from './domain.ts';
export * from './errors.ts';
export * from './format.ts';
export * from './api.ts';
export * from './disclosure.ts';
export * from './cohorts.ts';
export * from './significance.ts';
export * from './benchmarks.ts';
