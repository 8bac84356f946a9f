export { FlashSaleGate } from './flash-sale-gate';
export {
  GateUnavailableError,
  type FlashSaleGateOptions,
  type GateBuildResult,
  type GateDecision,
  type GateLine,
  type GateSnapshot,
} from './flash-sale-gate.types';
