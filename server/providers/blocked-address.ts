/**
 * The addresses Ensemble never sends a provider call to: link-local ranges and cloud metadata endpoints, where
 * a base URL would let whoever registers a provider read the host's cloud credentials through the server
 * (SSRF). Localhost and private LAN addresses stay allowed: Ollama, vLLM and LM Studio run there.
 *
 * One predicate for both places that check: the registration schema (`server/api/schemas/providers.ts`, on an
 * IP literal in the base URL) and `http-fetch.ts` (on every address a host name resolves to, at connect time,
 * so a DNS name pointing there, or re-pointed there later, is refused too). No imports: the schema also runs
 * in the browser.
 */

/** The `code` of the error httpFetch fails with for a refused address; provider-errors.ts looks for it. */
export const BLOCKED_ADDRESS_CODE = "ENSEMBLE_BLOCKED_ADDRESS";

const LINK_LOCAL = "link-local (cloud metadata)";

function parseIpv4(text: string): [number, number, number, number] | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  const bytes = parts.map((part) => (/^\d{1,3}$/.test(part) ? Number(part) : NaN));
  if (bytes.some((byte) => !(byte >= 0 && byte <= 255))) return undefined;
  return bytes as [number, number, number, number];
}

/** Eight 16-bit groups, or undefined when `text` is not an IPv6 address. Accepts a zone (`%eth0`) and a dotted IPv4 tail. */
function parseIpv6(text: string): number[] | undefined {
  const address = text.replace(/%.*$/, "");
  if (!address.includes(":")) return undefined;
  const halves = address.split("::");
  if (halves.length > 2) return undefined;
  const groupsOf = (half: string, last: boolean): number[] | undefined => {
    if (half === "") return [];
    const groups: number[] = [];
    const pieces = half.split(":");
    for (const [i, piece] of pieces.entries()) {
      if (last && i === pieces.length - 1 && piece.includes(".")) {
        const v4 = parseIpv4(piece);
        if (!v4) return undefined;
        groups.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      } else if (/^[0-9a-f]{1,4}$/i.test(piece)) groups.push(Number.parseInt(piece, 16));
      else return undefined;
    }
    return groups;
  };
  const head = groupsOf(halves[0]!, halves.length === 1);
  const tail = halves.length === 2 ? groupsOf(halves[1]!, true) : [];
  if (!head || !tail) return undefined;
  if (halves.length === 1) return head.length === 8 ? head : undefined;
  const missing = 8 - head.length - tail.length;
  return missing >= 1 ? [...head, ...Array<number>(missing).fill(0), ...tail] : undefined;
}

function ipv4Reason([a, b, c, d]: [number, number, number, number]): string | undefined {
  if (a === 169 && b === 254) return LINK_LOCAL; // 169.254.0.0/16; AWS, GCP, Azure, OCI metadata at 169.254.169.254
  if (a === 100 && b === 100 && c === 100 && d === 200) return "a cloud metadata address (Alibaba Cloud)";
  return undefined;
}

/**
 * Why Ensemble refuses to call this IP address, or undefined when it may (or when `address` is not an IP
 * address at all, e.g. a host name). Refused: IPv4 169.254.0.0/16 and 100.100.100.200, IPv6 fe80::/10 and
 * fd00:ec2::254, and those IPv4 addresses written as IPv6 (`::ffff:169.254.169.254`, NAT64 `64:ff9b::…`).
 */
export function blockedAddressReason(address: string): string | undefined {
  const text = address.trim().replace(/^\[(.*)\]$/, "$1");
  const v4 = parseIpv4(text);
  if (v4) return ipv4Reason(v4);
  const v6 = parseIpv6(text);
  if (!v6) return undefined;
  const [g0, g1, g2, g3, g4, g5, g6, g7] = v6 as [number, number, number, number, number, number, number, number];
  if ((g0 & 0xffc0) === 0xfe80) return LINK_LOCAL; // fe80::/10
  if (g0 === 0xfd00 && g1 === 0x0ec2 && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0 && g6 === 0 && g7 === 0x254) return "a cloud metadata address (AWS, IPv6)";
  const embedsIpv4 =
    (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0xffff) || // ::ffff:a.b.c.d, IPv4-mapped
    (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0); // 64:ff9b::a.b.c.d, NAT64
  return embedsIpv4 ? ipv4Reason([g6 >> 8, g6 & 0xff, g7 >> 8, g7 & 0xff]) : undefined;
}

export function isBlockedAddress(address: string): boolean {
  return blockedAddressReason(address) !== undefined;
}

/** e.g. "provider address 169.254.169.254 is link-local (cloud metadata); Ensemble does not call it" */
export function blockedAddressMessage(address: string, reason: string): string {
  return `provider address ${address} is ${reason}; Ensemble does not call it`;
}

/** What httpFetch fails with (as the cause of its `TypeError("fetch failed")`) for a refused address. */
export class BlockedAddressError extends Error {
  readonly code = BLOCKED_ADDRESS_CODE;

  constructor(
    readonly address: string,
    reason: string,
  ) {
    super(blockedAddressMessage(address, reason));
    this.name = "BlockedAddressError";
  }
}
