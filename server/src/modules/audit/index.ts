export { AuditService, type AuditRecordInput } from './audit.service';
export { AuditModule } from './audit.module';
