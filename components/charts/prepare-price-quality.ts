import { CAPABILITIES, type Capability } from "@/server/orchestrator/spec";
import type { CapabilityScoreLike } from "./prepare-capability-heat";

export interface PricedModelLike {
  id: string;
  name: string;
  inputUsdPerMTok: number;
  outputUsdPerMTok: number;
  enabled: boolean;
  isSimulated: boolean;
  capabilities: Partial<Record<Capability, CapabilityScoreLike>>;
}

export interface PriceQualityPoint {
  id: string;
  name: string;
  /** blended $/MTok, floored at `minPrice` so a log axis can show free models */
  price: number;
  /** the real blended price, for the tooltip */
  actualPrice: number;
  /** mean of the twelve capability scores (hand-set ones win), 0..1 */
  quality: number;
  enabled: boolean;
  simulated: boolean;
}

/** Output tokens usually dominate a call's cost; weigh them three to one. */
export function blendedPrice(inputUsdPerMTok: number, outputUsdPerMTok: number): number {
  return (inputUsdPerMTok + 3 * outputUsdPerMTok) / 4;
}

export function averageQuality(capabilities: Partial<Record<Capability, CapabilityScoreLike>>): number {
  const scores = CAPABILITIES.map((c) => capabilities[c]).filter((c): c is CapabilityScoreLike => Boolean(c)).map((c) => c.manualScore ?? c.mean);
  return scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : 0;
}

/** One point per model for the price / quality scatter, cheapest first. */
export function preparePriceQuality(models: readonly PricedModelLike[], minPrice = 0.01): PriceQualityPoint[] {
  return models
    .map((m) => {
      const actualPrice = blendedPrice(m.inputUsdPerMTok, m.outputUsdPerMTok);
      return {
        id: m.id,
        name: m.name,
        price: Math.max(minPrice, actualPrice),
        actualPrice,
        quality: averageQuality(m.capabilities),
        enabled: m.enabled,
        simulated: m.isSimulated,
      };
    })
    .sort((a, b) => a.actualPrice - b.actualPrice || a.id.localeCompare(b.id));
}
