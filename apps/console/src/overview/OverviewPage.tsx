import { NeedsMe } from '../shared/NeedsMe';

/** The workbench of the roles whose own screens come with the next issue: what they may see that is open. */
export default function OverviewPage() {
  return <NeedsMe title="辖区待处置警情" />;
}
