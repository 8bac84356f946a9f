// The platform's public surface: business modules import from here only.
export {
  APP_CONFIG,
  ConfigError,
  loadConfig,
  type AppConfig,
  type NodeEnv,
  type ProcessRole,
} from './config/app-config';
export type { OrdersConfig, PaymentsConfig, WechatPayConfigValues } from './config/payments-config';
export type { CommissionConfig } from './config/commission-config';
export {
  BusinessError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
} from './errors/business-error';
export type { Actor, MemberActor, StaffActor } from './request-context/actor';
export {
  Ctx,
  requestContextOf,
  requireMember,
  requirePermission,
  requireStaff,
  systemContext,
  type RequestContext,
} from './request-context/request-context';
export { TransactionRunner } from './database/transaction';
export { bulkInsert, type BulkValue } from './database/bulk-insert';
export {
  CreatedAtColumn,
  JsonColumn,
  MoneyColumn,
  UpdatedAtColumn,
  UtcDateTimeColumn,
} from './database/columns';
export {
  bigIdColumn,
  createdAtColumn,
  datetimeColumn,
  idColumn,
  isMysql,
  nowDefault,
  updatedAtColumn,
} from './database/migration-columns';
export { SnakeNamingStrategy } from './database/snake-naming.strategy';
export { OutboxService, type AlongWithRetry, type FailedDelivery } from './outbox/outbox.service';
export { OnOutboxEvent } from './outbox/event-handler';
export type { OutboxEvent, NewOutboxEvent } from './outbox/outbox-event';
export { JobQueue, type JobName, type JobOptions, type JobPayloads, type QueuedJob } from './queue/job-queue';
export { JobHandler, defineJob } from './queue/job-handler.decorator';
export { SweepChain, type SweepJobName } from './queue/sweep-chain';
export { IS_PUBLIC_KEY, Public } from './http/public.decorator';
export { ApiErrorBodyDto, ApiErrorResponses, FieldErrorDto } from './http/api-error-responses';
export { MAX_PAGE, MAX_PAGE_SIZE, PageQueryDto } from './http/page-query.dto';
export { sendXlsx, XLSX_TYPE } from './http/xlsx-reply';
export { PlatformModule } from './platform.module';
export {
  isUniqueViolation,
  likePattern,
  lockForUpdate,
  prefixPattern,
  suffixPattern,
} from './database/query-helpers';
export { FILE_STORAGE, type FileStorage } from './storage/file-storage';
export { RedisClient } from './redis/redis-client';
export { newStorageKey, type StoredExtension } from './storage/storage-key';
export { SHANGHAI_OFFSET_MS, addDays, shanghaiDate, shanghaiTime } from './time/shanghai';
