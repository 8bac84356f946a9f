/** A configuration mistake; the message names the variable so the operator can fix it. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`配置错误: ${variable} ${detail}`);
    this.name = 'ConfigError';
  }
}
