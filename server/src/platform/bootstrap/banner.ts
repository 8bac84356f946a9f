import type { AppConfig } from '../config/app-config';
import { frontendMounts, isBuilt } from '../static/serve-frontends';

/** The few lines a person starting the server needs: where everything is and how to log in. */
export function startupBanner(config: AppConfig, seedResult: 'seeded' | 'skipped' | 'absent'): string {
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
  if (seedResult === 'seeded') {
    lines.push(`  已写入演示数据; 管理员登录: admin / ${config.adminInitialPassword}`);
  }
  if (config.devLogin) lines.push('  开发登录 (DEV_LOGIN) 已开启, 仅用于本地演示');
  return `${lines.join('\n')}\n\n`;
}
