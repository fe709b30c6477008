import { isValidResidentId, normaliseResidentId, residentIdCheckCharacter, residentIdProblem } from './resident-id.js';

const today = new Date('2026-01-15T00:00:00Z');

describe('resident ID numbers (GB 11643-1999, ISO 7064 MOD 11-2)', () => {
  it.each([
    ['11010519491231002X'], // the standard's own example (北京市朝阳区), check character X
    ['11010519491231002x'], // lower-case x is the same number
    ['500101199003071236'], // 重庆市万州区
    ['510108200002294560'], // born on a leap day
  ])('accepts %s', (id) => {
    expect(residentIdProblem(id, today)).toBeNull();
    expect(isValidResidentId(id, today)).toBe(true);
  });

  it('computes the check character from the weighted sum mod 11', () => {
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
    expect(residentIdCheckCharacter('44052418800101001')).toBe('4'); // the well-known 440524188001010014
    expect(residentIdCheckCharacter('50010119900307123')).toBe('6');
  });

  it.each([
    ['110105194912310021', 'checksum'], // last character off by one
    ['500101199003071235', 'checksum'],
    ['500101199003071237', 'checksum'],
    ['510108200002294561', 'checksum'],
    ['11010519491231002', 'format'], // 17 characters
    ['1101051949123100211', 'format'], // 19
    ['11010519491231002Y', 'format'],
    ['', 'format'],
    ['990101199003071234', 'region'], // no province 99
    ['500000199003071235', 'region'], // no county under the province code
    ['510108200102294560', 'birth_date'], // 2001-02-29 does not exist
    ['500101199013071236', 'birth_date'], // month 13
    ['500101203001011234', 'birth_date'], // born in the future
    ['440524188001010014', 'birth_date'], // valid checksum, but born 1880: not a living person's number
  ])('rejects %s (%s)', (id, problem) => {
    expect(residentIdProblem(id, today)).toBe(problem);
  });

  it('normalises spaces and case before comparing or hashing', () => {
    expect(normaliseResidentId(' 110105 19491231 002x ')).toBe('11010519491231002X');
  });
});
