export * from './enums';
export * from './coerce';
export * from './sydney-time';
export * from './stock';
export * from './lead';
export * from './contact';
export * from './quotation';
