import { Injectable } from '@nestjs/common';
import { requireAgreement, type OrganisationDirectory, type OrganisationKind } from '@pingan/access';
import { PROSECUTION_CONTEXT } from '@pingan/contracts';
import { InjectRuntime, type ServiceRuntime } from '@pingan/platform';

/**
 * What the prosecution service takes from its copy of the access directory instead of from the
 * request: the region of a case (the hospital's). Every organisation id a request names is checked
 * here: 422 naming the field when the directory does not have it, has deactivated it, or has it as
 * another kind (a procuratorate id that is a court…).
 */
@Injectable()
export class CaseDirectory {
  private readonly directory: OrganisationDirectory;

  constructor(@InjectRuntime(PROSECUTION_CONTEXT) runtime: ServiceRuntime) {
    if (!runtime.directory) throw new Error('the prosecution runtime keeps a copy of the directory (option directory)');
    this.directory = runtime.directory;
  }

  /** The hospital where it happened and its region; a stated region must be the hospital's. */
  async hospital(hospitalId: string, statedRegion: string | undefined): Promise<{ hospitalId: string; regionCode: string }> {
    const hospital = await this.directory.require(hospitalId, 'hospitalId', ['hospital']);
    requireAgreement('regionCode', statedRegion, hospital.regionCode);
    return { hospitalId, regionCode: hospital.regionCode };
  }

  /** The organisation `field` names, of `kind`. */
  async unit(organisationId: string, field: string, kind: OrganisationKind): Promise<string> {
    return (await this.directory.require(organisationId, field, [kind])).organisationId;
  }
}
