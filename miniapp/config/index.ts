import path from 'node:path';
import { defineConfig } from '@tarojs/cli';
import type { IProjectConfig } from '@tarojs/taro/types/compile';
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin';
import devConfig from './dev';
import prodConfig from './prod';

type WebpackChain = Parameters<NonNullable<NonNullable<IProjectConfig<'webpack5'>['h5']>['webpackChain']>>[0];

/** The weapp build has no same origin: it calls this absolute API base (override with TARO_APP_API_BASE). */
const apiBase = process.env.TARO_APP_API_BASE || 'http://127.0.0.1:3000';

/**
 * In the npm workspace some Taro packages are hoisted to the root and some stay under miniapp/node_modules.
 * Loaders run from the root copy and then cannot find the un-hoisted framework plugin, so we point webpack
 * at wherever Node actually resolves it from here.
 */
// The dist project.config.json takes TARO_APP_ID; let the server's WECHAT_APPID feed it when given.
if (process.env.WECHAT_APPID && !process.env.TARO_APP_ID) {
  process.env.TARO_APP_ID = process.env.WECHAT_APPID;
}

function packageDir(name: string): string {
  return path.dirname(require.resolve(`${name}/package.json`, { paths: [__dirname] }));
}

function sharedWebpackChain(chain: WebpackChain): void {
  chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin);
  chain.resolve.alias.set('@tarojs/plugin-framework-react', packageDir('@tarojs/plugin-framework-react'));
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: IProjectConfig<'webpack5'> = {
    projectName: 'linli-miniapp',
    date: '2026-11-23',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {
      LINLI_API_BASE: JSON.stringify(apiBase),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain: sharedWebpackChain,
    },
    h5: {
      publicPath: '/h5/',
      staticDirectory: 'static',
      router: { mode: 'browser', basename: '/h5' },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain: sharedWebpackChain,
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
