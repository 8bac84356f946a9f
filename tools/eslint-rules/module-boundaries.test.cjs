// Run with: node --test tools/  (npm test runs it with the unit tests)
const { test } = require('node:test');
const path = require('node:path');
const { RuleTester } = require('eslint');
const rule = require('./module-boundaries.cjs');

const modules = path.join(__dirname, '..', '..', 'server', 'src', 'modules');
const inMembers = path.join(modules, 'members', 'members.service.ts');
const inMembersApi = path.join(modules, 'members', 'api', 'admin-members.controller.ts');
const outside = path.join(__dirname, '..', '..', 'server', 'src', 'app.module.ts');

RuleTester.describe = (_name, fn) => fn();
RuleTester.it = (name, fn) => test(name, fn);
RuleTester.itOnly = RuleTester.it;

new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: 'module' } }).run(
  'module-boundaries',
  rule,
  {
    valid: [
      { filename: inMembers, code: "import { Member } from './persistence/member.entity';" },
      { filename: inMembersApi, code: "import { Member } from '../persistence/member.entity';" },
      { filename: inMembers, code: "import { LeadersService } from '../leaders';" },
      { filename: inMembers, code: "import { LeadersService } from '../leaders/index';" },
      { filename: inMembers, code: "import { BusinessError } from '../../platform';" },
      { filename: inMembers, code: "import { Injectable } from '@nestjs/common';" },
      { filename: outside, code: "import { Staff } from './modules/identity/persistence/staff.entity';" },
    ],
    invalid: [
      {
        filename: inMembers,
        code: "import { Leader } from '../leaders/persistence/leader.entity';",
        errors: [{ messageId: 'persistence' }],
      },
      {
        filename: inMembersApi,
        code: "export { Leader } from '../../leaders/persistence/leader.entity';",
        errors: [{ messageId: 'persistence' }],
      },
      {
        filename: inMembers,
        code: "import { LeadersService } from '../leaders/leaders.service';",
        errors: [{ messageId: 'internal' }],
      },
    ],
  },
);
