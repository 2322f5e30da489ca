/**
 * The JavaScript a reply contains. Models answer with prose around one or more fenced blocks (sometimes a
 * usage example after the function, sometimes a cut-off final fence), so: prefer a complete fenced block
 * that mentions the function and is tagged as JavaScript, then any block that mentions it, then the first
 * block, then an unterminated trailing block, then the bare reply. `export` keywords are dropped because
 * the sandbox evaluates a script, not a module.
 */

const JS_TAGS = new Set(["", "js", "javascript", "jsx", "mjs", "cjs", "node"]);

interface Block {
  tag: string;
  body: string;
}

function fencedBlocks(response: string): Block[] {
  const blocks = [...response.matchAll(/```[ \t]*([\w+-]*)[^\n]*\n([\s\S]*?)```/g)].map((m) => ({
    tag: (m[1] ?? "").toLowerCase(),
    body: m[2] ?? "",
  }));
  if (blocks.length > 0) return blocks;
  const unterminated = response.match(/```[ \t]*([\w+-]*)[^\n]*\n([\s\S]*)$/);
  return unterminated ? [{ tag: (unterminated[1] ?? "").toLowerCase(), body: unterminated[2] ?? "" }] : [];
}

function stripModuleSyntax(source: string): string {
  return source
    .replace(/^\s*export\s+(?:default\s+[\w$]+|\{[^}]*\});?\s*$/gm, "")
    .replace(/^\s*import\s[^\n]*$/gm, "")
    .replace(/^(\s*)export\s+default\s+(?=(?:async\s+)?function|class)/gm, "$1")
    .replace(/^(\s*)export\s+(?=(?:async\s+)?function|const|let|var|class)/gm, "$1");
}

export function extractCode(response: string, functionName: string): string | undefined {
  const blocks = fencedBlocks(response);
  const mentions = (b: Block) => new RegExp(`\\b${functionName.replace(/\$/g, "\\$")}\\b`).test(b.body);
  const chosen =
    blocks.find((b) => mentions(b) && JS_TAGS.has(b.tag)) ?? blocks.find(mentions) ?? blocks.find((b) => JS_TAGS.has(b.tag)) ?? blocks[0];
  const source = chosen?.body ?? response;
  return source.trim() === "" ? undefined : stripModuleSyntax(source).trim();
}
