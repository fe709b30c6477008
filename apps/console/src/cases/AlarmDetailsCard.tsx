import { AlertOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Typography } from 'antd';
import { messageOf } from '../shared/api/problem';
import { useCompleteAlarmDetails } from '../shared/api/queries';
import type { Incident } from '../shared/api/views';
import { beijing } from '../shared/time';
import {
  classificationOf,
  PARTICULARS_DEFAULTS,
  ParticularsFields,
  particularsFieldOf,
  particularsOf,
  useParticularsForm,
  type ParticularsValues,
} from '../hospital/ParticularsFields';

// The alarm's details carry parties and behaviour at the top of the body (no `intake.`).
const fieldOf = particularsFieldOf('');

/**
 * 一键报警待补录详情: the alarm was raised with the place and time only; the hospital's security officer states what
 * happened afterwards [S3 二(二)], with the report form's fields (less the time and place the alarm already has).
 */
export function AlarmDetailsCard({ caseNumber, incident }: { caseNumber: string; incident: Incident }) {
  const complete = useCompleteAlarmDetails();
  const { message } = App.useApp();
  const { form, problem, values } = useParticularsForm<ParticularsValues>(fieldOf);

  const submit = async (v: ParticularsValues) => {
    problem.clear();
    try {
      await complete.mutateAsync({
        caseNumber,
        classification: { classification: classificationOf(v) },
        details: particularsOf(v),
      });
      message.success('已补录报警详情');
    } catch (error) {
      // The particulars are on record (the card goes with the refetch): what was not saved is said where it stays.
      if ((error as { detailsRecorded?: boolean }).detailsRecorded)
        message.error(`已补录报警详情，但类别和伤亡情况未保存：${messageOf(error)}`, 10);
      else problem.show(error);
    }
  };

  return (
    <Card styles={{ body: { padding: 16 } }} data-testid="alarm-details" className="no-print">
      <Alert
        type="warning"
        showIcon
        icon={<AlertOutlined />}
        style={{ marginBottom: 16 }}
        message={<Typography.Text strong>一键报警待补录详情</Typography.Text>}
        description={`${beijing(incident.occurredAt)} 于「${incident.intake.location ?? '—'}」触发一键报警。请补录当事方人数、具体行为和伤亡情况。`}
      />
      <Form<ParticularsValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={complete.isPending}
        initialValues={PARTICULARS_DEFAULTS}
        scrollToFirstError
      >
        <ParticularsFields values={values} />
        {problem.alert}
        <Button type="primary" htmlType="submit" block size="large" loading={complete.isPending} style={{ minHeight: 48 }}>
          补录详情
        </Button>
      </Form>
    </Card>
  );
}
