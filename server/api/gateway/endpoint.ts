// On globalThis: server.ts opens the port, and the Next bundle's own copy of this module answers the keys page.
const state = globalThis as unknown as { ensembleGatewayPort?: number };

/** Records the gateway port the I/O thread listens on (server.ts, once it is bound). */
export function setGatewayPortInUse(port: number): void {
  state.ensembleGatewayPort = port;
}

/** The gateway's own port if this server opened one (not under `next dev`, not with ENSEMBLE_GATEWAY_PORT=off). */
export function gatewayPortInUse(): number | null {
  return state.ensembleGatewayPort ?? null;
}
