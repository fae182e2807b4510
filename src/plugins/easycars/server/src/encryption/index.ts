export * from './keys';
export * from './cipher';
export * from './load-keys';
