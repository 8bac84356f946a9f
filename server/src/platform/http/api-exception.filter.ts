import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import '../request-context/fastify-augmentation';
import { mapError } from './error-mapping';

/** Every error leaving a controller becomes an ApiErrorBody; unexpected ones are logged with stack. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const mapped = mapError(exception, request.requestId ?? String(request.id));
    if (mapped.unexpected) {
      this.logger.error({ err: exception, requestId: mapped.body.requestId }, 'unhandled error');
    }
    void reply
      .status(mapped.status)
      .header('content-type', 'application/json; charset=utf-8')
      .send(mapped.body);
  }
}
