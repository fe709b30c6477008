import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INCIDENT_CHANNELS, INCIDENT_OUTCOMES } from '@pingan/contracts';

/**
 * What the incidents endpoints answer, for the OpenAPI document (a generated client types its
 * reads from these). Only the parts a client acts on are spelled out; the rest is described as an
 * open object, so that a field added to the state is not a breaking change of the document.
 */
export class IncidentPoliceResponseDto {
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) dispatchedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) unitOrganisationId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) arrivedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) disturbanceStoppedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) sceneClearedAt!: string | null;
}

export class IncidentResponseDto {
  @ApiProperty({ enum: ['open', 'closed'] }) status!: 'open' | 'closed';
  @ApiProperty({ enum: INCIDENT_CHANNELS }) channel!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ format: 'date-time' }) reportedAt!: string;
  @ApiProperty({ description: 'a death, a serious injury or a mass incident: reported up to the national commission' }) major!: boolean;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'categories, casualties (staff, patients, perpetrators, bystanders: deaths, seriousInjuries 重伤, lightInjuries 轻伤, slightInjuries 轻微伤), massIncident, weaponsInvolved, seriousInjuryPendingAppraisal',
  })
  classification!: Record<string, unknown>;
  @ApiProperty({ type: IncidentPoliceResponseDto }) police!: IncidentPoliceResponseDto;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'per chain (health, police, political_legal), per level' })
  escalation!: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true, enum: INCIDENT_OUTCOMES }) outcome!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) closedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) policeCaseNumber!: string | null;
  @ApiProperty({ type: String, nullable: true }) disputeCaseNumber!: string | null;
}

export class IncidentCommandResponseDto {
  @ApiProperty({ example: '500101-20261122-0001' }) caseNumber!: string;
  @ApiProperty({ type: [String], description: 'the events the command recorded', example: ['PoliceDispatched'] }) recorded!: string[];
  @ApiProperty({ type: IncidentResponseDto, description: 'the incident after them' }) incident!: IncidentResponseDto;
}

export class IncidentHistoryEntryDto {
  @ApiProperty() version!: number;
  @ApiProperty() eventId!: string;
  @ApiProperty({ example: 'IncidentReported' }) type!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'userId, organisationId, role' }) actor!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export class IncidentDetailResponseDto {
  @ApiProperty() caseNumber!: string;
  @ApiProperty({ type: IncidentResponseDto }) incident!: IncidentResponseDto;
  @ApiProperty({ type: [String], description: 'organisations party to the incident' }) parties!: string[];
  @ApiPropertyOptional({ type: [String], description: 'organisations the reports were addressed to' }) escalationAddressedTo?: string[];
  @ApiProperty({ type: [IncidentHistoryEntryDto] }) history!: IncidentHistoryEntryDto[];
}
