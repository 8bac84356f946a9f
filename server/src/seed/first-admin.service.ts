import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, ConfigError, systemContext, TransactionRunner } from '../platform';
import { StaffService } from '../modules/identity';
import { DEMO_ADMIN_USERNAME } from './demo-seed';

/**
 * A production install starts with an empty database and no demo data (SEED_DEMO=false). Without this
 * nobody could ever log in: on a database with no staff at all it creates the one `admin` account from
 * ADMIN_INITIAL_PASSWORD (audited as a system write). Once any staff member exists it does nothing.
 */
@Injectable()
export class FirstAdminService {
  private readonly logger = new Logger(FirstAdminService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionRunner,
    private readonly staff: StaffService,
  ) {}

  /** True when this call created the admin. */
  async ensureFirstAdmin(): Promise<boolean> {
    const password = this.config.adminInitialPassword;
    try {
      return await this.tx.run(async (m) => {
        if ((await this.staff.count(m)) > 0) return false;
        if (password === null) {
          throw new ConfigError(
            'ADMIN_INITIAL_PASSWORD',
            '数据库里还没有任何员工账号，首次启动必须设置它来创建管理员 admin（至少 8 位，含字母和数字）',
          );
        }
        await this.staff.createWith(m, systemContext('first-admin'), {
          username: DEMO_ADMIN_USERNAME,
          name: '系统管理员',
          password,
          roles: ['admin'],
        });
        return true;
      });
    } catch (error) {
      if (error instanceof ConfigError) throw error;
      // API and worker starting together: the other process created the admin first.
      if (await this.tx.run(async (m) => (await this.staff.count(m)) > 0)) {
        this.logger.warn('first admin was created by another process; nothing to do');
        return false;
      }
      throw error;
    }
  }
}
