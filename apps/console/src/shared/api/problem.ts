/** An RFC 9457 problem from the API (application/problem+json), with the fields at fault for bad input. */
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: FieldProblem[] = [],
  ) {
    super(`${code}: ${detail}`);
  }
}

/** No answer at all (the network is down, or the server is). */
export class OfflineError extends Error {
  constructor() {
    super('无法连接服务器');
  }
}

// What a person reads for the codes that are not about one field. The rest fall back to the API's detail.
const MESSAGES: Record<string, string> = {
  'ACCESS.INVALID_CREDENTIALS': '用户名或密码不正确',
  'ACCESS.LOGIN_LOCKED': '登录失败次数过多，账号已锁定 15 分钟，请稍后再试',
  'ACCESS.TOO_MANY_REQUESTS': '登录请求过于频繁，请一分钟后再试',
  'ACCESS.LOGIN_THROTTLED': '此网络地址登录失败次数过多，请稍候几秒再试',
  'ACCESS.LAST_ADMINISTRATOR': '这是最后一位在用的系统管理员，请先指定另一位系统管理员',
  'SERVICE.UNAVAILABLE': '数据库暂时无法访问，请稍后重试',
  'REQUEST.NOT_AN_OBJECT': '请求格式不正确',
  'ACCESS.UNAUTHENTICATED': '登录已过期，请重新登录',
  'ACCESS.REFRESH_TOKEN_INVALID': '登录已过期，请重新登录',
  'ACCESS.DENIED': '您无权查看或办理此事项',
  'VALIDATION.FAILED': '填写有误，请按提示修改',
  'STREAM.CONCURRENCY_CONFLICT': '此案件刚被他人更新，请刷新后重试',
  'INCIDENT.NOT_FOUND': '没有这个警情',
  'INCIDENT.ALREADY_DISPATCHED': '已出警，无需重复派警',
  'INCIDENT.NOT_DISPATCHED': '尚未出警，请先派警',
  'INCIDENT.ALREADY_ARRIVED': '已记录到场',
  'INCIDENT.CLOSED': '警情已办结',
  'SECURITY_LEDGER.ALREADY_FILED': '本次自查已提交，无需重复填报',
  'SECURITY_LEDGER.NO_PROFILE': '请先填报安全台账，再提交自查',
  'SECURITY_LEDGER.NOT_IN_RETURN': '本院不在此次自查范围内',
  'SECURITY_LEDGER.REGION_OUTSIDE_SCOPE': '只能为本辖区或下级辖区发布自查任务',
  'SECURITY_LEDGER.NOT_FOUND': '没有这家医院',
  'SECURITY_LEDGER.RETURN_NOT_FOUND': '没有这个自查任务',
};

// Field messages by validation code (class-validator constraint names, as the API reports them).
const FIELD_MESSAGES: Record<string, string> = {
  IS_DEFINED: '必填',
  IS_NOT_EMPTY: '必填',
  IS_STRING: '请填写文字',
  IS_INT: '请填写整数',
  MIN: '数值过小',
  MAX: '数值过大',
  LENGTH: '长度不符合要求（不能为空）',
  IS_BOOLEAN: '请选择是或否',
  IS_IN: '请从选项中选择',
  IS_ISO8601: '时间格式不正确',
  ARRAY_MIN_SIZE: '至少选择一项',
  IS_REGION_CODE: '行政区划代码不正确',
  MATCHES: '格式不正确',
  // 安全台账 (the security ledger's own checks)
  NOT_A_COUNT: '请填写0或正整数',
  MORE_THAN_GUARDS: '持证人数不能多于保安员人数',
  STAFF_WITHOUT_OFFICE: '未设警务室时不能填写警务室人员',
  MORE_THAN_ENTRANCES: '已安检出入口不能多于主要出入口',
  IN_FUTURE: '不能晚于今天',
  NOT_A_DAY: '请填写日期',
  REVISED_WITHOUT_PLAN: '未制定预案时不能填写修订日期',
  BLANK: '必填',
  DUE_BEFORE_AS_OF: '截止日不能早于基准日',
  IN_PAST: '截止日不能早于今天',
  NO_HOSPITALS: '该辖区没有医院',
};

export function messageOf(error: unknown): string {
  if (error instanceof OfflineError) return '网络中断，无法连接服务器。恢复后请重试。';
  if (error instanceof ApiProblem) return MESSAGES[error.code] ?? error.detail;
  return error instanceof Error ? error.message : String(error);
}

export function fieldMessage(problem: FieldProblem): string {
  return FIELD_MESSAGES[problem.code] ?? problem.message;
}
