import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@pingan/access';
import { SECURITY_LEDGER_CONTEXT } from '@pingan/contracts';
import { InjectRuntime, XLSX_TYPE, returnXlsx, type ServiceRuntime } from '@pingan/platform';
import { SECURITY_LEDGER_ROLES } from '../ledger.controller.js';
import { LedgerQueryDto } from '../ledger.dto.js';
import { RegionLedgerQuery } from '../queries/region-ledger.js';
import { ledgerReturn, type RegionLedger } from './ledger-return.js';

/** The ledger as an Excel return: the same query as GET /security-ledger/ledger, the same readers. */
@ApiTags('security-ledger')
@ApiBearerAuth()
@Controller('security-ledger')
export class LedgerExportController {
  constructor(
    private readonly queries: QueryBus,
    @InjectRuntime(SECURITY_LEDGER_CONTEXT) private readonly runtime: ServiceRuntime,
  ) {}

  @Get('ledger.xlsx')
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({ description: 'An Excel workbook', schema: { type: 'string', format: 'binary' } })
  @Roles(...SECURITY_LEDGER_ROLES.ledger)
  @ApiOperation({
    summary:
      '《医院安全秩序管理工作台账》 of a region as XLSX: one row per hospital (names, grade, ownership), each requirement’s status in words with its figure, ' +
      'overall compliance, last filing; a 合计 row (police and commissions of that region or above)',
  })
  async xlsx(@CurrentPrincipal() p: Principal, @Query() query: LedgerQueryDto) {
    const ledger = (await this.queries.execute(new RegionLedgerQuery(p, query.region, query.compliance))) as RegionLedger;
    return new StreamableFile(await returnXlsx(ledgerReturn(ledger, this.runtime.clock())), {
      type: XLSX_TYPE,
      disposition: `attachment; filename="security-ledger-${ledger.regionCode}-${ledger.asOf}.xlsx"`,
    });
  }
}
