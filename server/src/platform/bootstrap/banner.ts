import type { AppConfig } from '../config/app-config';
import { frontendMounts, isBuilt } from '../static/serve-frontends';

/** The few lines a person starting the server needs: where everything is and how to log in. */
/** What the start-up seed wrote (see server/src/seed/startup-seed.ts). */
export type SeedOutcome = 'demo-seeded' | 'admin-created' | 'nothing';

export function startupBanner(config: AppConfig, seedResult: SeedOutcome): string {
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const base = `http://${host}:${config.port}`;
  const mode =
    config.database.type === 'sqlite'
      ? `嵌入模式 (SQLite ${config.database.path}, ${config.redisUrl ? 'Bull 队列' : '进程内队列'})`
      : `服务模式 (MySQL, ${config.redisUrl ? 'Redis/Bull 队列' : '进程内队列'})`;
  const lines = ['', `  Linli 邻里团购 v${config.version} 已启动 — ${mode}, 角色 ${config.processRole}`];
  if (config.staticRoot) {
    for (const mount of frontendMounts(config.staticRoot)) {
      const note = isBuilt(mount) ? '' : `  (尚未构建: ${mount.buildCommand})`;
      lines.push(`  ${mount.label.padEnd(8)} ${base}${mount.prefix}/${note}`);
    }
  }
  lines.push(`  API 文档     ${base}/api/docs`, `  健康检查     ${base}/api/health`);
  if (seedResult === 'demo-seeded') {
    lines.push(`  已写入演示数据; 管理员登录: admin / ${config.adminInitialPassword ?? ''}`);
  }
  if (seedResult === 'admin-created') {
    // The operator chose this password; do not echo it into logs.
    lines.push('  已创建首个管理员: 用户名 admin, 密码为 ADMIN_INITIAL_PASSWORD 的值');
  }
  if (config.devLogin) lines.push('  开发登录 (DEV_LOGIN) 已开启, 仅用于本地演示');
  return `${lines.join('\n')}\n\n`;
}
