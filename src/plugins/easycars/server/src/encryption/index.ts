export * from './keys';
export * from './binding';
export * from './envelope';
export * from './cipher';
export * from './load-keys';
