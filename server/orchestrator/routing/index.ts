export { createRouter, type RouteDecision, type Router, type RouterConfig, type RouterDeps } from "./router";
export { createPlanner, type PlanOptions, type Planner, type PlannerDeps } from "./planner";
export { DEFAULT_OUTPUT_TOKENS, type RouteOptions } from "./context";
export { chooseStrategy, type ConcreteStrategy, type StrategyChoice } from "./strategy";
export { CONSTRAINT_KEYS, type ConstraintKey } from "./constraints";
export { POLICY_WEIGHTS, COST_REF_USD, LATENCY_REF_MS } from "./scoring";
export { sampleBeta, sampleGamma, sampleNormal } from "./beta-sampler";
