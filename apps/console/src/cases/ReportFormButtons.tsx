import { DownloadOutlined, FileTextOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { documentUrl } from '../shared/api/client';
import { messageOf } from '../shared/api/problem';

/** The incident report form (涉医案事件信息报送表): the print-ready page in a new tab, or the PDF saved. */
export function ReportFormButtons({ caseNumber }: { caseNumber: string }) {
  const { message } = App.useApp();
  const open = async (format: 'html' | 'pdf') => {
    // The tab is opened within the click (one opened after the fetch would be blocked as a popup).
    const tab = format === 'html' ? window.open('', '_blank') : null;
    try {
      const url = await documentUrl(`/incidents/${encodeURIComponent(caseNumber)}/report-form?format=${format}`);
      if (tab) tab.location.href = url;
      else {
        const link = document.createElement('a');
        link.href = url;
        link.download = `涉医案事件信息报送表-${caseNumber}.pdf`;
        link.click();
      }
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      tab?.close();
      void message.error(messageOf(error));
    }
  };
  return (
    <>
      <Button icon={<FileTextOutlined />} onClick={() => void open('html')} data-testid="report-form-html">
        打印报送表
      </Button>
      <Button icon={<DownloadOutlined />} onClick={() => void open('pdf')} data-testid="report-form-pdf">
        下载 PDF
      </Button>
    </>
  );
}
