import { Alert, Card, Form, Input, List, Typography } from 'antd';
import { messageOf } from '../shared/api/problem';
import { apiLabel } from '../shared/labels';
import { ActionButton, linesOf } from './ActionButton';
import { ItemHistory, ItemSummary } from './InspectionPage';
import { useOpenItems, useReportFix } from './inspectionsApi';

/** 整改事项 of the hospital's security office: each open item with its due day counting down, and 报告整改. */
export function HospitalRectification({ hospitalId }: { hospitalId: string }) {
  const { items, isPending, error } = useOpenItems(hospitalId);
  const report = useReportFix();
  return (
    <Card size="small" title="整改事项" data-testid="rectification-items">
      {error ? (
        <Alert type="error" showIcon message={messageOf(error)} />
      ) : (
        <List
          loading={isPending}
          dataSource={items}
          locale={{ emptyText: '暂无待整改事项' }}
          renderItem={({ item, inspection }) => {
            const finding = inspection.findings.find((f) => f.findingId === item.findingId);
            const open = item.status === 'issued' || item.status === 'sent_back';
            return (
              <List.Item style={{ display: 'block' }} data-testid={`rectification-${inspection.inspectionId}-${item.itemId}`}>
                <Typography.Text strong>{apiLabel('securityRequirementKind', item.requirement)}</Typography.Text>
                <div>{finding?.note}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {inspection.inspectedOn} {apiLabel('inspectionKind', inspection.kind)} · {inspection.inspector.name}
                </Typography.Text>
                <div style={{ marginTop: 4 }}>
                  <ItemSummary item={item} />
                </div>
                <ItemHistory item={item} />
                {open && (
                  <div style={{ marginTop: 8 }}>
                    <ActionButton<{ note: string; evidence: string }>
                      label="报告整改"
                      title="报告整改情况"
                      okText="提交"
                      done="已报告，待检查单位核验销号"
                      button={{ type: 'primary', block: true }}
                      submit={(v) =>
                        report.mutateAsync({
                          inspectionId: inspection.inspectionId,
                          itemId: item.itemId,
                          note: v.note ?? '',
                          evidence: linesOf(v.evidence),
                        })
                      }
                    >
                      <Form.Item name="note" label="整改情况">
                        <Input.TextArea rows={3} maxLength={2000} />
                      </Form.Item>
                      <Form.Item name="evidence" label="佐证材料" extra="附件编号或链接，每行一项，至少一项">
                        <Input.TextArea rows={3} />
                      </Form.Item>
                    </ActionButton>
                  </div>
                )}
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}
