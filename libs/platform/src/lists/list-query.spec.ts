import { createValidationPipe, RequestValidationError } from '../errors/validation.js';
import { ListQueryDto, MAX_PAGE_LIMIT, MAX_PAGE_OFFSET } from './list-query.js';

describe('a list query’s numbers are bounded', () => {
  const pipe = createValidationPipe();
  const parse = (query: Record<string, string>) => pipe.transform(query, { type: 'query', metatype: ListQueryDto });
  const refusal = async (query: Record<string, string>) => {
    const error = await parse(query).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    return [...new Set((error as RequestValidationError).errors.map((e) => e.field))];
  };

  it('takes offsets up to a million and limits from 1 to the maximum', async () => {
    await expect(parse({ offset: String(MAX_PAGE_OFFSET), limit: String(MAX_PAGE_LIMIT) })).resolves.toMatchObject({
      offset: MAX_PAGE_OFFSET,
      limit: MAX_PAGE_LIMIT,
    });
    await expect(parse({ offset: '0', limit: '1' })).resolves.toMatchObject({ offset: 0, limit: 1 });
  });

  it('refuses an offset past a bigint, past a million, negative or not whole, naming the field', async () => {
    for (const offset of ['9223372036854775808', '1000001', '-1', '1.5', 'abc', '1e400']) {
      expect(await refusal({ offset })).toEqual(['offset']);
    }
  });

  it('refuses a limit out of range, naming the field', async () => {
    for (const limit of ['0', String(MAX_PAGE_LIMIT + 1), '9223372036854775808', 'NaN']) {
      expect(await refusal({ limit })).toEqual(['limit']);
    }
  });
});
