import { DomainError, defineErrors, type ErrorCode } from '@pingan/contracts';

class SampleError extends defineErrors({
  NotFound: { code: 'SAMPLE.NOT_FOUND', status: 404, message: 'No such sample' },
  Closed: { code: 'SAMPLE.CLOSED', status: 409 },
  Incomplete: { code: 'SAMPLE.INCOMPLETE', status: 422, title: 'Invalid sample' },
}) {}

class SampleConflictError extends SampleError {
  declare readonly code: ErrorCode<typeof SampleError, { status: 409 }>;
}

describe('defineErrors', () => {
  it('gives each declared code its status, title and default message', () => {
    const notFound = new SampleError('SAMPLE.NOT_FOUND');
    expect(notFound).toBeInstanceOf(DomainError);
    expect(notFound).toMatchObject({ name: 'SampleError', code: 'SAMPLE.NOT_FOUND', status: 404, message: 'No such sample' });
    const closed = new SampleConflictError('SAMPLE.CLOSED', 'closed on 1 May');
    expect(closed).toMatchObject({ name: 'SampleConflictError', status: 409, message: 'closed on 1 May' });
    expect(closed).toBeInstanceOf(SampleError);
  });

  it('takes the fields at fault, or options that override the status', () => {
    const fields = [{ field: 'name', code: 'REQUIRED', message: 'name is required' }];
    expect(new SampleError('SAMPLE.INCOMPLETE', 'incomplete', fields)).toMatchObject({
      status: 422,
      title: 'Invalid sample',
      errors: fields,
    });
    expect(new SampleError('SAMPLE.CLOSED', 'closed', { status: 422 }).status).toBe(422);
  });

  it('names the codes, and refuses a code declared twice or not dotted upper case', () => {
    expect(SampleError.codes).toEqual({ NotFound: 'SAMPLE.NOT_FOUND', Closed: 'SAMPLE.CLOSED', Incomplete: 'SAMPLE.INCOMPLETE' });
    expect(() => defineErrors({ A: { code: 'X.A', status: 409 }, B: { code: 'X.A', status: 422 } })).toThrow(TypeError);
    expect(() => defineErrors({ A: { code: 'x.a', status: 409 } })).toThrow(TypeError);
  });
});
