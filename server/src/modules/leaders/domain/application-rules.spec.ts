import { CURRENT_LEADER_AGREEMENT } from './leader-agreement';
import { applicationViolation, type ApplicationFacts } from './application-rules';

const ok: ApplicationFacts = {
  agreementAccepted: true,
  agreementVersion: CURRENT_LEADER_AGREEMENT.version,
  currentAgreementVersion: CURRENT_LEADER_AGREEMENT.version,
  existingStatus: null,
  applicantMemberId: 7,
};

describe('leader application rules', () => {
  it('accepts a first application without an invite code', () => {
    expect(applicationViolation(ok)).toBeNull();
  });

  it("accepts an active leader's invite code and a re-application after a rejection", () => {
    expect(applicationViolation({ ...ok, inviter: { memberId: 3, status: 'active' } })).toBeNull();
    expect(applicationViolation({ ...ok, existingStatus: 'rejected' })).toBeNull();
  });

  it.each(['pending', 'active', 'suspended'] as const)(
    'refuses a member whose leader row is %s',
    (status) => {
      expect(applicationViolation({ ...ok, existingStatus: status })).toMatchObject({
        code: 'LEADER_ALREADY_EXISTS',
        status: 409,
      });
    },
  );

  it('needs the agreement accepted, in its current version', () => {
    expect(applicationViolation({ ...ok, agreementAccepted: false })).toMatchObject({
      code: 'LEADER_AGREEMENT_NOT_ACCEPTED',
      status: 400,
    });
    const outdated = applicationViolation({ ...ok, agreementVersion: '2020-01-v0' });
    expect(outdated).toMatchObject({ code: 'LEADER_AGREEMENT_OUTDATED', status: 400 });
    expect(outdated?.message).toContain('重新阅读');
  });

  it("refuses unknown codes, codes of leaders who are not active, and the applicant's own code", () => {
    expect(applicationViolation({ ...ok, inviter: null })?.code).toBe('LEADER_INVITE_CODE_INVALID');
    for (const status of ['pending', 'rejected', 'suspended'] as const) {
      expect(applicationViolation({ ...ok, inviter: { memberId: 3, status } })?.code).toBe(
        'LEADER_INVITE_CODE_INVALID',
      );
    }
    expect(applicationViolation({ ...ok, inviter: { memberId: 7, status: 'active' } })).toMatchObject({
      code: 'LEADER_INVITE_CODE_INVALID',
      message: '不能使用自己的邀请码',
    });
  });

  it('reports an existing application before anything else', () => {
    expect(
      applicationViolation({ ...ok, existingStatus: 'pending', agreementAccepted: false, inviter: null })
        ?.code,
    ).toBe('LEADER_ALREADY_EXISTS');
  });
});

describe('the leader agreement', () => {
  it('has a version, a title and about ten clauses', () => {
    expect(CURRENT_LEADER_AGREEMENT.version).toMatch(/\S/);
    const paragraphs = CURRENT_LEADER_AGREEMENT.content.split('\n\n');
    expect(paragraphs.length).toBeGreaterThanOrEqual(10);
    expect(CURRENT_LEADER_AGREEMENT.content).toContain('佣金');
    expect(CURRENT_LEADER_AGREEMENT.content).toContain('食品安全');
  });
});
