import { useOrganisations } from '../shared/api/queries';
import type { Me } from '../shared/api/views';

/** What a report says about the hospital, from the directory (the user never types it). */
export function useHospitalFacts(me: Me) {
  const organisations = useOrganisations();
  const own = organisations.data?.find((o) => o.organisationId === me.organisationId);
  const county = organisations.data?.find(
    (o) => o.kind === 'health_commission' && o.details.healthCommission?.level === 'county' && o.regionCode === me.organisationRegion,
  );
  return {
    isPending: organisations.isPending,
    error: organisations.error,
    facts: {
      hospitalId: me.organisationId,
      regionCode: me.organisationRegion,
      hasPoliceOffice: own?.details.hospital?.hasPoliceOffice ?? false,
      ...(county ? { countyHealthCommissionId: county.organisationId } : {}),
    },
  };
}
