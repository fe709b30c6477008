import { Alert, App, Button, Form, Modal, type ButtonProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { ApiProblem, fieldMessage, messageOf } from '../shared/api/problem';
import { showFieldErrors } from '../shared/formErrors';

/**
 * A button opening a small form in a dialog: the API's field problems beside their fields (the API's path is the
 * form's name path, `findings[1].note` → ['findings', 1, 'note'], unless `fieldOf` maps it), any other problem above
 * the buttons.
 */
export function ActionButton<V extends object>({
  label,
  title,
  okText = '确定',
  done,
  submit,
  children,
  initialValues,
  fieldOf,
  button,
}: {
  label: string;
  title: string;
  okText?: string;
  done: string;
  submit: (values: V) => Promise<unknown>;
  children: ReactNode;
  initialValues?: Partial<V>;
  fieldOf?: (apiField: string) => string | undefined;
  button?: ButtonProps;
}) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string[]>([]);
  const [form] = Form.useForm<V>();
  const onFinish = async (values: V) => {
    setProblem([]);
    setPending(true);
    try {
      await submit(values);
      message.success(done);
      setOpen(false);
    } catch (error) {
      let unplaced: string[] = [];
      if (fieldOf) unplaced = showFieldErrors(form, error, fieldOf);
      else if (error instanceof ApiProblem)
        // The cast only drops the form's literal name types: the API's paths are the form's.
        form.setFields(error.errors.map((e) => ({ name: namePathOf(e.field) as never, errors: [fieldMessage(e)] })));
      const placed = error instanceof ApiProblem && error.errors.length > 0 && unplaced.length === 0;
      setProblem(placed ? [] : [messageOf(error), ...unplaced]);
    } finally {
      setPending(false);
    }
  };
  return (
    <>
      <Button style={{ minHeight: 44 }} {...button} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal
        open={open}
        title={title}
        okText={okText}
        cancelText="取消"
        onOk={() => form.submit()}
        confirmLoading={pending}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form<V> form={form} layout="vertical" onFinish={(v) => void onFinish(v)} initialValues={initialValues}>
          {children}
          {problem.length > 0 && <Alert type="error" showIcon message={problem.join('；')} />}
        </Form>
      </Modal>
    </>
  );
}

/** The API's field path as a form name path: `findings[1].note` → ['findings', 1, 'note']. */
const namePathOf = (field: string): (string | number)[] =>
  field
    .split(/[.[\]]+/)
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/** Lines of a text area as a list, blank lines and repeats dropped (evidence references, one a line). */
export const linesOf = (text: string | undefined): string[] => [
  ...new Set(
    (text ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  ),
];
