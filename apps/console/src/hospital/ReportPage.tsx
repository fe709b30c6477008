import { AlertOutlined } from '@ant-design/icons';
import { App, AutoComplete, Button, Card, Form, Input } from 'antd';
import { useNavigate, useOutletContext } from 'react-router';
import { useReportIncident } from '../shared/api/queries';
import type { Me } from '../shared/api/views';
import { fromBeijingInput, toBeijingInput } from '../shared/time';
import {
  classificationOf,
  PARTICULARS_DEFAULTS,
  ParticularsFields,
  particularsFieldOf,
  particularsOf,
  useParticularsForm,
  type ParticularsValues,
} from './ParticularsFields';

const LOCATIONS = ['急诊科', '急诊科分诊台', '门诊大厅', '住院部', '收费处', '药房', '医生办公室', '护士站', '停车场'];

interface Values extends ParticularsValues {
  occurredAt: string;
  location?: string;
}

const particularsField = particularsFieldOf('intake.');
// Where the API's field paths show on this form: the particulars' fields, the time and the place.
const fieldOf = (apiField: string): string | undefined =>
  apiField === 'occurredAt' ? 'occurredAt' : apiField === 'intake.location' ? 'location' : particularsField(apiField);

/** 上报警情: one screen, phone first (375 px), time defaulting to now, injuries by grade. */
export default function ReportPage() {
  const me = useOutletContext<Me>();
  const report = useReportIncident();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { form, problem, values } = useParticularsForm<Values>(fieldOf);

  const submit = async (v: Values) => {
    problem.clear();
    try {
      const result = await report.mutateAsync({
        // The server derives the hospital's region, police office and commission from the directory.
        hospital: { hospitalId: me.organisationId },
        occurredAt: v.occurredAt ? fromBeijingInput(v.occurredAt) : '',
        intake: {
          channel: 'hospital_report',
          ...particularsOf(v),
          ...(v.location ? { location: v.location } : {}),
        },
        classification: classificationOf(v),
      });
      message.success(`已上报，警情编号 ${result.caseNumber}`);
      navigate(`/case/${result.caseNumber}`);
    } catch (error) {
      problem.show(error);
    }
  };

  return (
    <Card
      title={
        <span>
          <AlertOutlined style={{ color: '#cf1322', marginRight: 8 }} />
          上报警情
        </span>
      }
      styles={{ body: { padding: 16 } }}
      style={{ maxWidth: 760 }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={report.isPending}
        initialValues={{ occurredAt: toBeijingInput(new Date()), ...PARTICULARS_DEFAULTS }}
        scrollToFirstError
      >
        <ParticularsFields
          values={values}
          beside={
            <Form.Item name="occurredAt" label="发生时间（北京时间）" rules={[{ required: true, message: '请填写发生时间' }]}>
              <Input type="datetime-local" size="large" />
            </Form.Item>
          }
          afterBehaviour={
            <Form.Item name="location" label="院内地点">
              <AutoComplete options={LOCATIONS.map((value) => ({ value }))} placeholder="如：急诊科分诊台" size="large" />
            </Form.Item>
          }
        />
        {problem.alert}
        <Button type="primary" danger htmlType="submit" block size="large" loading={report.isPending} style={{ minHeight: 48 }}>
          立即上报
        </Button>
      </Form>
    </Card>
  );
}
