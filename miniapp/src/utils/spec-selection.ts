import { type CampaignProductOption, type SpecDimension } from '@linli/shared-types';

/**
 * The product page's spec selector, without any UI: one row of chips per dimension, a selection of at
 * most one value per dimension (null = not chosen yet), and which chips can be chosen. A chip is
 * disabled when no offered option that still has stock carries that value together with the values
 * chosen in the other dimensions (Taobao-style greying; tapping a chosen chip again clears it).
 */

export type SpecOption = Pick<CampaignProductOption, 'specValues' | 'remaining'>;
export type SpecSelection = (string | null)[];

export interface SpecChip {
  value: string;
  selected: boolean;
  disabled: boolean;
}

function available(option: SpecOption): boolean {
  return option.remaining > 0;
}

/** Does the option agree with the selection on every dimension except `skip`? */
function matchesOthers(option: SpecOption, selection: SpecSelection, skip: number): boolean {
  return selection.every(
    (value, index) => index === skip || value === null || option.specValues[index] === value,
  );
}

/** Chip rows, one per dimension, in dimension order. */
export function specChips(
  dimensions: SpecDimension[],
  options: SpecOption[],
  selection: SpecSelection,
): SpecChip[][] {
  return dimensions.map((dimension, index) =>
    dimension.values.map((value) => ({
      value,
      selected: selection[index] === value,
      disabled: !options.some(
        (option) =>
          available(option) && option.specValues[index] === value && matchesOthers(option, selection, index),
      ),
    })),
  );
}

/** Taps a chip: chooses it, or clears it when it was chosen. Disabled chips change nothing. */
export function toggleSpec(
  dimensions: SpecDimension[],
  options: SpecOption[],
  selection: SpecSelection,
  dimension: number,
  value: string,
): SpecSelection {
  const chip = specChips(dimensions, options, selection)[dimension]?.find((c) => c.value === value);
  if (!chip || chip.disabled) return selection;
  return selection.map((current, index) =>
    index === dimension ? (current === value ? null : value) : current,
  );
}

/** The option the selection names completely, or null while a dimension is still open. */
export function selectedOption<T extends SpecOption>(options: T[], selection: SpecSelection): T | null {
  if (selection.some((value) => value === null)) return null;
  return (
    options.find(
      (option) =>
        option.specValues.length === selection.length &&
        option.specValues.every((value, index) => value === selection[index]),
    ) ?? null
  );
}

/** Starts on the first option that still has stock, so a price shows at once; all open if none has. */
export function initialSelection(dimensions: SpecDimension[], options: SpecOption[]): SpecSelection {
  const first = options.find(available);
  return dimensions.map((_, index) => first?.specValues[index] ?? null);
}

/** The names of the dimensions still to choose, e.g. ['产地']. */
export function missingDimensions(dimensions: SpecDimension[], selection: SpecSelection): string[] {
  return dimensions.filter((_, index) => (selection[index] ?? null) === null).map((d) => d.name);
}

/**
 * How many of one option a member may take now: bounded by what is left and by 限购 (0 = no limit).
 * 0 when sold out.
 */
export function maxQuantity(option: Pick<CampaignProductOption, 'remaining' | 'perMemberLimit'>): number {
  const left = Math.max(0, option.remaining);
  return option.perMemberLimit > 0 ? Math.min(left, option.perMemberLimit) : left;
}

/** Keeps a stepper value inside [1, max] (or 0 when nothing can be taken). */
export function clampQuantity(quantity: number, max: number): number {
  if (max <= 0) return 0;
  if (!Number.isFinite(quantity)) return 1;
  return Math.min(max, Math.max(1, Math.floor(quantity)));
}

/** Lowest and highest group price over the options (fen), for the price line before a choice is made. */
export function priceRange(options: Pick<CampaignProductOption, 'groupPrice'>[]): [number, number] | null {
  if (options.length === 0) return null;
  const prices = options.map((option) => option.groupPrice);
  return [Math.min(...prices), Math.max(...prices)];
}
