import { type ReactNode } from 'react';
import { Input, Text, View } from '@tarojs/components';
import './form-field.scss';

interface FieldShellProps {
  label: string;
  required?: boolean;
  error?: string;
  hint?: string;
  /** Hook for browser tests on the error text: `<id>-error`. */
  errorId?: string;
  children: ReactNode;
}

/** A labelled form row with its error (shown in place, under the input) or a quiet hint. */
export function FieldShell({ label, required, error, hint, errorId, children }: FieldShellProps) {
  return (
    <View className={`form-field${error ? ' form-field--invalid' : ''}`}>
      <View className="form-field__row">
        <Text className="form-field__label">
          {label}
          {required ? <Text className="form-field__required">*</Text> : null}
        </Text>
        <View className="form-field__control">{children}</View>
      </View>
      {error ? (
        <Text className="form-field__error" id={errorId}>
          {error}
        </Text>
      ) : hint ? (
        <Text className="form-field__hint">{hint}</Text>
      ) : null}
    </View>
  );
}

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  required?: boolean;
  error?: string;
  hint?: string;
  type?: 'text' | 'number' | 'digit';
  maxlength?: number;
}

export function TextField({
  id,
  label,
  value,
  onChange,
  placeholder,
  required,
  error,
  hint,
  type = 'text',
  maxlength = 140,
}: TextFieldProps) {
  return (
    <FieldShell label={label} required={required} error={error} hint={hint} errorId={`${id}-error`}>
      <Input
        id={id}
        className="form-field__input"
        type={type}
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        placeholderClass="form-field__placeholder"
        onInput={(event) => onChange(event.detail.value)}
      />
    </FieldShell>
  );
}
