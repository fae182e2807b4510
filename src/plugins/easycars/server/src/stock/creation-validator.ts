/**
 * Strapi's entity validator, made affordable for thousands of creations of one content type.
 *
 * `strapi.entityValidator.validateEntityCreation` builds a fresh yup schema for every entity
 * (~40 attribute validators, each cloned several times): ~3 ms of CPU and ~0.4 MB of garbage per
 * vehicle, which dominated an initial sync's time and memory. Strapi's builder reads the entity's
 * data only for `unique` attributes, conditional visibility, and the values of media, relation,
 * component and dynamic-zone attributes. For a content type without the first two, and data that
 * carries values for scalar attributes only, the schema Strapi builds for the first entity is the
 * schema it would build for every other one. So the first entity goes through Strapi's validator
 * and its schema object is kept; the rest are validated against that same schema with Strapi's
 * own `validateYupSchema` and the same options (`strict: false, abortEarly: false`): same casts,
 * defaults, messages and ValidationError details. Any other content type, or a Strapi whose
 * validator no longer works this way (nothing captured), gets the per-entity validator.
 * tests/integration/stock-creation-validator.test.ts compares both on valid and invalid data.
 */
import type { Core, UID } from '@strapi/strapi';
import { validateYupSchema, yup } from '@strapi/utils';

export type CreationValidator = (data: Record<string, unknown>) => Promise<Record<string, unknown>>;

interface Validatable {
  validate: (...args: unknown[]) => unknown;
}

const STRAPI_VALIDATION_OPTIONS = { strict: false, abortEarly: false };

const NON_SCALAR = new Set(['media', 'relation', 'component', 'dynamiczone']);

/** Whether Strapi's schema for this content type could differ from one entity to the next. */
export function schemaDependsOnData(attributes: Record<string, any>): boolean {
  return Object.values(attributes).some((attr) => attr?.unique || attr?.conditions);
}

/** The attributes whose validator Strapi builds from the entity's value. */
export function nonScalarAttributes(attributes: Record<string, any>): string[] {
  return Object.keys(attributes).filter((name) => NON_SCALAR.has(attributes[name]?.type));
}

/** Whether the data gives a value to an attribute whose validator Strapi builds from that value. */
export function hasNonScalarValues(attributes: Record<string, any>, data: Record<string, unknown>, nonScalar = nonScalarAttributes(attributes)): boolean {
  return nonScalar.some((name) => data[name] !== undefined);
}

/** The prototype that defines yup's `validate` (what Strapi's validator calls on its schema). */
function validateOwner(): Validatable | null {
  let proto = Object.getPrototypeOf(yup.object());
  while (proto && !Object.prototype.hasOwnProperty.call(proto, 'validate')) proto = Object.getPrototypeOf(proto);
  return proto ?? null;
}

/**
 * Runs `run` (a call into Strapi's validator) and returns its result with the schema it validated
 * against. Strapi builds the schema and calls `validate` on it synchronously inside the call, so
 * the patched `validate` is in place only for that synchronous stretch, when nothing else can run.
 */
function captureSchema<T>(run: () => T): { result: T; schema?: Validatable } {
  const owner = validateOwner();
  if (!owner) return { result: run() };
  let schema: Validatable | undefined;
  const original = owner.validate;
  owner.validate = function captureValidated(this: Validatable, ...args: unknown[]) {
    schema ??= this;
    return original.apply(this, args);
  };
  try {
    const result = run();
    return { result, schema };
  } finally {
    owner.validate = original;
  }
}

export function createCreationValidator(strapi: Core.Strapi, uid: UID.ContentType): CreationValidator {
  const model = strapi.contentType(uid as any) as any;
  const perEntity: CreationValidator = async (data) =>
    (await strapi.entityValidator.validateEntityCreation(model, data as any, { isDraft: false } as any)) as Record<string, unknown>;
  if (schemaDependsOnData(model.attributes)) return perEntity;

  const nonScalar = nonScalarAttributes(model.attributes);
  let reuse: CreationValidator | undefined;
  let captured = false;
  return async (data) => {
    if (hasNonScalarValues(model.attributes, data, nonScalar)) return perEntity(data);
    if (reuse) return reuse(data);
    if (captured) return perEntity(data);
    captured = true;
    const { result, schema } = captureSchema(() => perEntity(data));
    if (schema) {
      const validate = validateYupSchema(schema as any, STRAPI_VALIDATION_OPTIONS);
      reuse = async (next) => (await validate(next)) as Record<string, unknown>;
    }
    return result;
  };
}
