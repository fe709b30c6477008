import { IncidentsPage } from '../shared/IncidentsPage';

export default function HospitalIncidentsPage() {
  return <IncidentsPage title="本院警情" />;
}
