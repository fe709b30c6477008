import { IncidentsPage } from '../shared/IncidentsPage';

export default function PoliceIncidentsPage() {
  return <IncidentsPage title="辖区警情" />;
}
