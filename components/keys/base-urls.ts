export interface BaseUrl {
  url: string;
  note: string;
}

/** Where an OpenAI client points its base URL, as seen from the page's own address. */
export function gatewayBaseUrls(page: { protocol: string; hostname: string; origin: string }, gatewayPort: number | null): BaseUrl[] {
  const host = page.hostname.includes(":") ? `[${page.hostname}]` : page.hostname;
  const viaDashboard = { url: `${page.origin}/api/v1`, note: "the dashboard's port" };
  if (gatewayPort === null) return [viaDashboard];
  return [{ url: `${page.protocol}//${host}:${gatewayPort}/api/v1`, note: "the gateway's own port — fastest" }, viaDashboard];
}
