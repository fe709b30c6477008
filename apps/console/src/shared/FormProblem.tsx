import { Alert, type FormInstance } from 'antd';
import { useState } from 'react';
import { ApiProblem, messageOf } from './api/problem';
import { showFieldErrors } from './formErrors';

/**
 * A form's refusal by the API: each field's problem beside its field; what no field shows (or a problem that is not
 * about fields) in one alert above the submit button.
 */
export function useFormProblem(form: FormInstance, fieldOf: (apiField: string) => string | undefined) {
  const [problem, setProblem] = useState<string[]>([]);
  return {
    clear: () => setProblem([]),
    show: (error: unknown) => {
      const unplaced = showFieldErrors(form, error, fieldOf);
      const allBesideTheirFields = error instanceof ApiProblem && error.errors.length > 0 && unplaced.length === 0;
      setProblem(allBesideTheirFields ? [] : [messageOf(error), ...unplaced]);
    },
    alert:
      problem.length > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={problem[0]}
          description={problem.slice(1).join('；') || undefined}
        />
      ) : null,
  };
}
