import { Injectable } from '@nestjs/common';
import { NATIONAL_REGION, parentRegion, type OrganisationDirectory } from '@pingan/access';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';
import type { HospitalRef } from '../domain/index.js';
import { INCIDENTS_CONTEXT_NAME } from '../incidents.context.js';

/**
 * What the incidents service takes from its copy of the access directory instead of from the
 * request: a hospital's county, police office and the bodies over it; a police unit's superior.
 * Every organisation id a request names is checked here (422 naming the field when unknown).
 * The deciders stay pure: these facts reach them in the command's data.
 */
@Injectable()
export class IncidentDirectory {
  private readonly directory: OrganisationDirectory;

  constructor(@InjectRuntime(INCIDENTS_CONTEXT_NAME) runtime: ServiceRuntime) {
    if (!runtime.directory) throw new Error('the incidents runtime keeps a copy of the directory (option directory)');
    this.directory = runtime.directory;
  }

  /** The hospital as the decider needs it. */
  async hospital(hospitalId: string, field = 'hospital.hospitalId'): Promise<HospitalRef> {
    const hospital = await this.directory.require(hospitalId, field, ['hospital']);
    // The health chain level by level up from the hospital's county, and the county's 综治.
    const county = hospital.regionCode;
    const city = parentRegion(county);
    const province = city && parentRegion(city);
    const [countyHc, cityHc, provinceHc, nationalHc, politicalLegal] = await Promise.all([
      this.directory.seatedAt('health_commission', county),
      city ? this.directory.seatedAt('health_commission', city) : undefined,
      province ? this.directory.seatedAt('health_commission', province) : undefined,
      this.directory.seatedAt('health_commission', NATIONAL_REGION),
      this.directory.seatedAt('political_legal', county),
    ]);
    const addressees = Object.fromEntries(
      (
        [
          ['health:county', countyHc],
          ['health:city', cityHc],
          ['health:province', provinceHc],
          ['health:national', nationalHc],
          ['political_legal:local', politicalLegal],
        ] as const
      ).flatMap(([level, organisation]) => (organisation ? [[level, organisation.organisationId]] : [])),
    );
    return {
      hospitalId,
      regionCode: hospital.regionCode,
      hasPoliceOffice: hospital.details.hospital?.hasPoliceOffice === true,
      ...(countyHc ? { countyHealthCommissionId: countyHc.organisationId } : {}),
      escalationAddressees: addressees,
    };
  }

  /** A police unit sent to the scene and the unit above it (a station's bureau), which supervises the arrival clock. */
  async policeUnit(unitId: string, field: string): Promise<{ unitOrganisationId: string; supervisingOrganisationId?: string }> {
    const unit = await this.directory.require(unitId, field, ['police']);
    if (unit.parentId === null) return { unitOrganisationId: unitId };
    const parent = await this.directory.find(unit.parentId);
    return { unitOrganisationId: unitId, ...(parent?.active ? { supervisingOrganisationId: parent.organisationId } : {}) };
  }
}
