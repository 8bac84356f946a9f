/**
 * linli/module-boundaries: a server module (server/src/modules/<name>/) may reach another module only
 * through that module's public surface, its `index.ts`. Importing another module's `persistence/`
 * (entities, repositories) or any other inner file is an error.
 */
const path = require('node:path');

const MODULES_SEGMENT = `${path.sep}server${path.sep}src${path.sep}modules${path.sep}`;

/** Returns the module name and the path inside it, or null when `file` is not inside a module. */
function locate(file) {
  const at = file.indexOf(MODULES_SEGMENT);
  if (at < 0) return null;
  const rest = file.slice(at + MODULES_SEGMENT.length).split(path.sep);
  return { name: rest[0], inner: rest.slice(1).join('/') };
}

module.exports = {
  meta: {
    type: 'problem',
    docs: { description: "Forbid importing another server module's internals (use its index.ts)" },
    schema: [],
    messages: {
      persistence:
        "Module '{{from}}' must not import '{{to}}' persistence ({{source}}). Use ids and the public services exported by modules/{{to}}/index.ts.",
      internal: "Module '{{from}}' must import module '{{to}}' only through its index.ts, not '{{source}}'.",
    },
  },
  create(context) {
    const filename = context.filename ?? context.getFilename();
    const here = locate(path.resolve(filename));
    if (!here) return {};
    function check(node, source) {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = locate(path.resolve(path.dirname(filename), source));
      if (!target || target.name === here.name) return;
      if (target.inner === '' || target.inner === 'index' || target.inner === 'index.ts') return;
      const messageId = target.inner.split('/')[0] === 'persistence' ? 'persistence' : 'internal';
      context.report({ node, messageId, data: { from: here.name, to: target.name, source } });
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
