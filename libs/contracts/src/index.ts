export * from './limits';
export * from './auth';
export * from './users';
export * from './errors';
export * from './health';
export * from './messaging';
export * from './realtime';
