import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsString, ValidateNested } from 'class-validator';
import { createValidationPipe, RequestValidationError } from './validation.js';

class Base {
  @IsIn(['a']) kind!: 'a';
}
class KindA extends Base {
  @IsString() name!: string;
}
class Body {
  @IsString() note!: string;
  @IsDefined()
  @ValidateNested()
  @Type(() => Base, { keepDiscriminatorProperty: true, discriminator: { property: 'kind', subTypes: [{ name: 'a', value: KindA }] } })
  item!: Base;
}

const metadata = { type: 'body' as const, metatype: Body };

describe('the request validation pipe', () => {
  it('answers a list of nulls where a discriminated object belongs as a 400 naming that field, not a crash', async () => {
    const error = await createValidationPipe()
      .transform({ note: 'x', item: [null] }, metadata)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).errors).toEqual([expect.objectContaining({ field: 'item', code: 'MALFORMED' })]);
  });

  it('still turns a well-formed body into its DTO', async () => {
    const body = (await createValidationPipe().transform({ note: 'x', item: { kind: 'a', name: 'n' } }, metadata)) as Body;
    expect(body.item).toBeInstanceOf(KindA);
  });
});
