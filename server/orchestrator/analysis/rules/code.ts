import { CODE_LANGS } from "./languages";
import type { Rule } from "./types";

/** Code cues: program artifacts, language and tool names, errors, stubs and output prediction. */
export const CODE_RULES: Rule[] = [
  { id: "write-code-artifact", capability: "code", boost: 3.5, pattern: /\b(?:write|implement|create|build|code|make|generate|give me|need|show me)\b[^.?!\n]{0,50}\b(?:function|method|script(?! for (?:a|an|my|the) (?:video|film|movie|youtube|podcast|play|commercial|skit|scene))|program|regex|regexp|regular expression|(?:sql )?query|endpoint|api|component|unit tests?|(?<!(?:writing|yoga|dance|cooking|art|english|math|fitness|music|history|science|spin|pottery|drawing|language|school|my|our) )class(?! of \d| of (?:students|kids|\d+))|tests? for|algorithm|cli|dockerfile|one-liner|module|hook|decorator|workflow|makefile|data class|struct|lambda|snippet|code)\b/ },
  // Words that are also plain English (react, swift, rust, node...) only count after "in/using/with".
  { id: "code-language", capability: "code", boost: 2, pattern: /\b(?:python|javascript|typescript|java|golang|ruby|php|kotlin|scala|haskell|perl|powershell|sql|postgres(?:ql)?|mysql|sqlite|html|css|flexbox|reactjs|vue|angular|node\.?js|django|flask|fastapi|pandas|numpy|dockerfile|docker|kubernetes|kubectl|git|github actions|npm|pip|venv|jest|pytest|graphql|terraform|regex|excel formula|vba|json schema|zod|useeffect|usestate|usememo|usecallback|useref|usecontext|usereducer|async\/await|vim|neovim|emacs|tmux|grep|sed|awk|curl|wget|chmod|chown|sudo|apt-get|homebrew|conda|jupyter|vscode|intellij|xcode|gradle|maven|webpack|nginx|apache|redis|mongodb|elasticsearch|kafka|rabbitmq|graphql|grpc|oauth|jwt|websockets?|cron(?:tab)?|systemd|ssh|ci pipeline)\b|\bbash (?:line|script|one-liner|command|alias|function|loop|prompt)\b|\bc(?:\+\+|#)(?!\w)|\b(?:in|using|with|for) (?:react|node|swift|rust|go|c|lua|bash|excel)\b|\breact (?:component|hook|app|native|state|list|query|router)/ },
  { id: "error-trace", capability: "code", boost: 3, test: ({ signals }) => (signals.errorTrace ? "error message / stack trace" : null) },
  { id: "debug-refactor", capability: "code", boost: 2.5, pattern: /\b(?:debug\w*|refactor\w*|fix (?:this|my|the) (?:code|function|script|bug|query|loop|test|regex|program)|code review|review (?:my|this) (?:code|pr|pull request)|time complexity|big[- ]o|optimi[sz]e (?:this|my) (?:code|query|function)|compil(?:e|er|ing)|runtime error|memory leak|race condition|deadlock|null ?pointer|syntax error)\b/ },
  { id: "code-tooling", capability: "code", boost: 2.5, pattern: /\b(?:one-liner|shell command|bash command|terminal command|git command|cli command|command to|command line)\b|\b(?:convert|refactor|rewrite|port|migrate|clean up|modernize|optimi[sz]e|speed up|make)\b[^.?\n]{0,40}\b(?:code|function|script|query|class|method|loop|snippet|program)\b/ },
  { id: "convert-code", capability: "code", boost: 4, pattern: new RegExp(`\\b(?:translate|convert|port|rewrite|turn)\\b[^.\\n]{0,60}\\b(?:to|into|in)\\s+(?:idiomatic\\s+)?(?:${CODE_LANGS})(?!\\w)`) },
  { id: "convert-code-not-language", capability: "translation", boost: -3, pattern: new RegExp(`\\b(?:translate|convert|port)\\b[^.\\n]{0,60}\\b(?:to|into|in)\\s+(?:idiomatic\\s+)?(?:${CODE_LANGS})(?!\\w)`) },
  { id: "tech-terms", capability: "code", boost: 1.2, pattern: /\b(?:database|databases|db|orm|sql|fetch\(|with fetch|api|apis|localhost|cors|json|http|https|endpoint|frontend|backend|null|undefined|async|callback|runtime|repo|pull request|deploy\w*|webpack|vite|eslint|js|jsx|tsx|sdk|vscode|linux|ssh|ci\/cd|stdout|stderr|env var\w*|environment variables?)\b/ },
  { id: "inline-code", capability: "code", boost: 1.2, test: ({ view }) => (/`[^`\n]{3,}`/.test(view.instruction) ? "inline code span" : null) },
  { id: "pasted-code", capability: "code", boost: 1.2, test: ({ signals, view }) => (signals.pastedCode ? `pasted code${view.codeLanguages.length > 0 ? ` (${view.codeLanguages.join(", ")})` : ""}` : null) },
  // HumanEval / MBPP stubs: a signature with a docstring or JSDoc and no request around it.
  {
    id: "function-stub",
    capability: "code",
    boost: 2.5,
    test: ({ view }) =>
      /^\s*(?:(?:from \S+ )?import [^\n]+\n+)*\s*(?:def |function |export function |class |fn |func |public |\/\*\*|\/\/ )/.test(view.codeScan) &&
      /"""|'''|\/\*\*|>>>|\/\/ ?todo/i.test(view.codeScan)
        ? "function signature with a docstring"
        : null,
  },
  // CRUXEval: "assert f(...) == ??" and "what does this print".
  { id: "predict-output", capability: "code", boost: 2.5, pattern: /\bassert \w+\(.*\) ?== ?\?\?|\[python\]|\bcomplete the assertion\b|\bwhat (?:does|will|would) (?:this|the following|it|that|the)(?: \w+)?(?: code| snippet| program| script| line| function| query)? (?:print|output|return|log|evaluate to)\b|\b(?:predict|what(?:'s| is)) the output\b|\boutput of (?:this|the following)\b/ },
  { id: "web-terms", capability: "code", boost: 2, pattern: /\b(?:div|divs|iframe|navbar|media quer(?:y|ies)|localstorage|stack ?overflow|leetcode|hackerrank|codewars)\b/ },
  { id: "sql-statement", capability: "code", boost: 2, test: ({ view }) => /\b(?:select\s+(?:\*|[\w.]+(?:\s*,\s*[\w.()*]+)*)\s+from\s+\w+|insert\s+into\s+\w+|update\s+\w+\s+set\s+\w+|create\s+table\s+\w+|alter\s+table\s+\w+|delete\s+from\s+\w+)/i.exec(view.codeScan)?.[0] ?? null },
];
