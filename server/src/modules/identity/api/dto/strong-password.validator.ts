import { registerDecorator, type ValidationOptions } from 'class-validator';
import { passwordPolicyProblems } from '../../domain/password-policy';

/** Validates against the staff password policy and reports its Chinese problems. */
export function IsStrongPassword(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isStrongPassword',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && passwordPolicyProblems(value).length === 0,
        defaultMessage: (args) =>
          typeof args?.value === 'string' ? passwordPolicyProblems(args.value).join('；') : '密码必须是文本',
      },
    });
  };
}
