import type { FormInstance } from 'antd';
import { ApiProblem, fieldMessage } from './api/problem';

/**
 * Puts the API's field problems (problem+json `errors[].field`, dotted paths of the request) beside the form's
 * fields. `fieldOf` maps an API path to the form's field name; a problem no field shows is returned for an alert.
 */
export function showFieldErrors(form: FormInstance, error: unknown, fieldOf: (apiField: string) => string | undefined): string[] {
  if (!(error instanceof ApiProblem) || error.errors.length === 0) return [];
  const unplaced: string[] = [];
  const byField = new Map<string, string[]>();
  for (const problem of error.errors) {
    const name = fieldOf(problem.field);
    if (!name) unplaced.push(`${problem.field}：${fieldMessage(problem)}`);
    else byField.set(name, [...(byField.get(name) ?? []), fieldMessage(problem)]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return unplaced;
}
