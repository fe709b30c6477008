import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@pingan/access';
import { LABELS } from '@pingan/contracts';

// The document states each group and value, so a generated client knows `labels.incidentCategory.assault_on_staff`.
const LABELS_SCHEMA = {
  type: 'object' as const,
  properties: Object.fromEntries(
    Object.entries(LABELS).map(([group, values]) => [
      group,
      {
        type: 'object' as const,
        properties: Object.fromEntries(
          Object.entries(values).map(([value, label]) => [value, { type: 'string' as const, example: label }]),
        ),
        required: Object.keys(values),
      },
    ]),
  ),
  required: Object.keys(LABELS),
};

/**
 * The Chinese words for every coded value (libs/contracts/src/labels.ts), so every client shows
 * the same ones. Public: nothing in it is about a case, and a login page may need it.
 */
@ApiTags('gateway')
@Controller('meta')
export class LabelsController {
  @Public()
  @Get('labels')
  @Header('cache-control', 'public, max-age=3600')
  @ApiOperation({
    summary: 'Chinese labels of every enum value the API uses, by group: { incidentCategory: { assault_on_staff: "暴力伤医" }, ... }',
  })
  @ApiOkResponse({ description: 'Group → value → label', schema: LABELS_SCHEMA })
  labels(): typeof LABELS {
    return LABELS;
  }
}
