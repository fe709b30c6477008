import type { SealedField } from '@pingan/contracts';
import { CALLER_ERASED_NOTE, callerViewOf, hasCallerData } from './caller-view.js';

const SEALED: { sealed: SealedField } = { sealed: { alg: 'A256GCM', keyId: 'k', iv: 'aXY=', data: 'ZA==', tag: 'dA==' } };
const DETAILS = { name: '张三', phone: '13800000000' };

describe('the caller as a reader sees it', () => {
  it('police working the case: the opened details', () => {
    expect(callerViewOf(SEALED, { entitled: true, erased: false, opened: DETAILS })).toEqual({ ...DETAILS, status: 'shown' });
  });
  it('anyone else: withheld, name and phone null', () => {
    expect(callerViewOf(SEALED, { entitled: false, erased: false, opened: null })).toEqual({ name: null, phone: null, status: 'withheld' });
  });
  it('after erasure, for everyone: 已按规定删除', () => {
    for (const entitled of [true, false]) {
      expect(callerViewOf(SEALED, { entitled, erased: true, opened: null })).toEqual({
        name: null,
        phone: null,
        status: 'erased',
        note: CALLER_ERASED_NOTE,
      });
    }
  });
  it('an event written before sealing (plain) is personal data too; a caller who gave nothing is not', () => {
    expect(hasCallerData({ name: null, phone: '13800000000' })).toBe(true);
    expect(hasCallerData({ name: null, phone: null })).toBe(false);
    expect(callerViewOf({ name: null, phone: null }, { entitled: true, erased: false, opened: null }).status).toBe('none');
  });
});
