import type { IncomingMessage, ServerResponse } from 'node:http';
import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import type { AppConfig } from '../config/app-config';
import { requestIdFor } from '../http/request-id';

/** Paths pino must never write: credentials travel in headers and bodies. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.refreshToken',
  '*.accessToken',
  '*.secret',
];

/** Structured JSON logs; every line written while serving a request carries its requestId. */
@Module({})
export class PlatformLoggerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: PlatformLoggerModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: [
            {
              level: config.logLevel,
              // Fastify already chose the id (see createFastifyAdapter); it is on the raw request.
              genReqId: (req: IncomingMessage) =>
                (req as IncomingMessage & { id?: string }).id ?? requestIdFor(req),
              customProps: (req: IncomingMessage) => ({
                requestId: (req as IncomingMessage & { id?: string }).id,
              }),
              redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
              serializers: {
                req: (req: { id: string; method: string; url: string; remoteAddress?: string }) => ({
                  id: req.id,
                  method: req.method,
                  url: req.url,
                  remoteAddress: req.remoteAddress,
                }),
                res: (res: ServerResponse & { statusCode: number }) => ({ statusCode: res.statusCode }),
              },
              autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/health' },
              customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
                error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
            },
            // Buffered: one write per 4 KB of lines instead of one system call per line (a busy server
            // logs thousands of requests a second). Flushed on exit, so a clean shutdown loses nothing.
            pino.destination({ dest: 1, minLength: 4096, sync: false }),
          ],
        }),
      ],
    };
  }
}
