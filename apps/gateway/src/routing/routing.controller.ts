import { Controller, Get, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '@pingan/access';
import { ServiceRouter } from './service-router.js';

/** The combined API description of the distributed system, served by the gateway. */
@ApiExcludeController()
@Controller()
export class RoutingController {
  constructor(private readonly router: ServiceRouter) {}

  @Public()
  @Get('openapi.json')
  async combined(@Req() req: Request): Promise<unknown> {
    // The gateway's own document is what Swagger serves at /docs-json of this very app.
    const own = (await fetch(`${req.protocol}://${req.get('host')}/docs-json`).then((r) => r.json())) as Parameters<
      ServiceRouter['combinedDocument']
    >[0];
    await this.router.refresh();
    return this.router.combinedDocument(own);
  }
}
