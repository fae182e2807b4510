import { hasNonScalarValues, nonScalarAttributes, schemaDependsOnData } from '../../../src/plugins/easycars/server/src/stock/creation-validator';

const attributes = {
  title: { type: 'string' },
  year: { type: 'integer' },
  images: { type: 'media', multiple: true },
  dealership: { type: 'relation', relation: 'manyToOne' },
};

describe('when Strapi builds the same validation schema for every entity', () => {
  it('a unique attribute or a conditional field makes the schema depend on the data', () => {
    expect(schemaDependsOnData(attributes)).toBe(false);
    expect(schemaDependsOnData({ ...attributes, vin: { type: 'string', unique: true } })).toBe(true);
    expect(schemaDependsOnData({ ...attributes, note: { type: 'string', conditions: { visible: { '==': [{ var: 'year' }, 2020] } } } })).toBe(true);
  });

  it('values for media or relations (read by their validators) do too; scalars and absent values do not', () => {
    expect(hasNonScalarValues(attributes, { title: 'A', year: 2020, images: undefined })).toBe(false);
    expect(hasNonScalarValues(attributes, { title: 'A', dealership: 4 })).toBe(true);
    expect(hasNonScalarValues(attributes, { images: [1, 2] })).toBe(true);
  });

  it('the attributes to look at are listed once per content type', () => {
    expect(nonScalarAttributes(attributes)).toEqual(['images', 'dealership']);
    expect(nonScalarAttributes({ ...attributes, seats: { type: 'component' }, blocks: { type: 'dynamiczone' } })).toEqual(['images', 'dealership', 'seats', 'blocks']);
    const listed = nonScalarAttributes(attributes);
    expect(hasNonScalarValues(attributes, { title: 'A', dealership: 4 }, listed)).toBe(true);
    expect(hasNonScalarValues(attributes, { title: 'A', dealership: undefined }, listed)).toBe(false);
  });
});
