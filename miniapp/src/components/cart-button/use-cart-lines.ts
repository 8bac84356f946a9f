import { useEffect, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { cart, type CartLine } from '@/services/cart';
import { onSessionChange } from '@/services/session';

/**
 * The current leader's cart lines, re-rendering on every change: this page's own, another page's (shown
 * again on return), and a switch of leader (another cart).
 */
export function useCartLines(): CartLine[] {
  const [lines, setLines] = useState<CartLine[]>(() => cart.lines());
  useEffect(() => cart.subscribe(setLines), []);
  useEffect(() => onSessionChange(() => setLines(cart.lines())), []);
  useDidShow(() => setLines(cart.lines()));
  return lines;
}
