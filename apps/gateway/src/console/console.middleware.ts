import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Inject, Injectable, Logger, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** Injection token: the directory of the built console (`vite build` of apps/console into dist/console). */
export const CONSOLE_DIR = Symbol('pingan.ConsoleDir');

/** CONSOLE_DIR from the environment, else `dist/console` under the working directory (where `npm run build` puts it). */
export const consoleDirFromEnv = (env: NodeJS.ProcessEnv = process.env): string => resolve(env.CONSOLE_DIR?.trim() || 'dist/console');

// Swagger UI is the apps' own HTML; a name with an extension is a file (the console's, or an export such as timeline.html).
const SWAGGER = /^\/docs(\/|-json$|$)/;
const FILE = /^\/assets\/|\.[A-Za-z0-9]+$/;

/**
 * Serves the web console at `/` on the API's own origin, before any route or forwarding: its built files
 * (hashed names, cached for good), and `index.html` for a browser's navigation to any client route (a GET
 * that asks for text/html). API calls never ask for HTML (fetch sends `*∕*`, clients JSON), so `/incidents/…`
 * stays the API for them, while a person who opens a console link lands in the console, whose router shows the page.
 * Without a built console (the backend's own tests) it passes everything on.
 */
@Injectable()
export class ConsoleMiddleware implements NestMiddleware {
  private readonly index: string;

  constructor(@Inject(CONSOLE_DIR) private readonly dir: string) {
    this.index = resolve(dir, 'index.html');
    if (!existsSync(this.index)) new Logger('Console').log(`no web console at ${dir} (npm run build makes it)`);
  }

  use(req: Request, res: Response, next: NextFunction): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    // The original URL: Nest mounts middleware on a path, which Express strips from req.url.
    const path = new URL(req.originalUrl, 'http://console').pathname;
    if (SWAGGER.test(path)) return next();
    if (FILE.test(path)) return this.file(path, res, next);
    // Checked per page, not once: a console built after the start (or rebuilt) is served without a restart.
    if (!(req.headers.accept ?? '').includes('text/html') || !existsSync(this.index)) return next();
    res.setHeader('Cache-Control', 'no-cache'); // the page names the current build's files: never keep an old one
    res.sendFile(this.index, (error) => error && next(error));
  }

  /** A built file (Express's send: within `dir` only, no dotfiles); none such falls through to the API. */
  private file(path: string, res: Response, next: NextFunction): void {
    const hashed = path.startsWith('/assets/'); // content-hashed names never change: cache them for good
    let name: string;
    try {
      name = decodeURIComponent(path).slice(1);
    } catch {
      return next(); // not a name the console could have
    }
    res.sendFile(
      name,
      { root: this.dir, dotfiles: 'deny', immutable: hashed, maxAge: hashed ? '365d' : 0 },
      (error?: Error & { status?: number; statusCode?: number }) => {
        if (!error) return;
        if (res.headersSent) return next(error);
        next(error.status === 404 || error.statusCode === 404 ? undefined : error);
      },
    );
  }
}
