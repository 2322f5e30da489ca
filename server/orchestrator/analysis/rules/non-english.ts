import type { Rule } from "./types";

/**
 * Requests written in Spanish, French, German, Italian, Portuguese (and a few CJK forms). The learned
 * model sees few of these words, so without cues an unknown-vocabulary prompt drifts to "chat".
 * Patterns run on the diacritic-folded instruction ("¿Quién" → "¿quien").
 */
export const NON_ENGLISH_RULES: Rule[] = [
  {
    id: "foreign-question",
    capability: "knowledge",
    boost: 1.5,
    pattern:
      /^¿?(?:(?:que|quien|cual|como|cuando|donde|por que|cuantos?|pourquoi|qui a|quel(?:le)?s?|comment|quand|combien|wie (?:funktioniert|viele|lange|hoch|alt)|warum|wer|welche[rs]?|wann|wieviel|was (?:ist|sind|war)|quanto|quem|qual|quando|onde|por que|perche|chi|quale|dove|cos'?e)\b)/,
  },
  { id: "foreign-question-cjk", capability: "knowledge", boost: 1.2, test: ({ view }) => /(?:ですか|とは|是什么|什么是|為什麼|为什么|谁|무엇|누구|왜)/.exec(view.instruction)?.[0] ?? null },
  { id: "foreign-greeting", capability: "chat", boost: 2.5, pattern: /\b(?:como estas|que tal|ca va|comment (?:vas-tu|allez-vous)|wie geht'?s|wie geht es dir|come stai|come va|tudo bem|como vai|buenas noches|bonne (?:soiree|nuit))\b/ },
  { id: "foreign-greeting-script", capability: "chat", boost: 2.5, test: ({ view }) => /元気|你好吗|你好嗎|잘 지내|как дела|привет/.exec(view.instruction)?.[0] ?? null },
  { id: "foreign-classify", capability: "classification", boost: 3, pattern: /\b(?:clasific\w*|kategori[sz]\w*|klassifizier\w*|classifi(?:e|ez|er)|categoriz\w*|etiquet\w*)\b|\b(?:positi[fv]|positiv[oa]) (?:ou|o|oder|oppure) (?:negati[fv]|negativ[oa])\b/ },
  {
    id: "foreign-compose",
    capability: "writing",
    boost: 3,
    pattern:
      /\b(?:ecris|ecrire|ecrivez|redige\w*|escribe|escribir|escreva|escrever|schreib\w*|verfass\w*|scrivi|scrivere)\b[^.?!\n]{0,40}\b(?:texte?|texto|testo|mensaje|mensagem|message|messaggio|nachricht|correo|courriel|e-?mail|mail|brief|carta|lettre|lettera|poeme|poema|poesia|gedicht|histoire|historia|geschichte|storia|discours|discurso|rede|ensayo|essai|aufsatz)\w*\b/,
  },
  { id: "foreign-persona", capability: "roleplay", boost: 3, pattern: /^(?:tu es|vous etes|eres|usted es|du bist|sie sind|tu sei|sei|voce e|tu e) (?:un|une|una|ein|eine|einen|uno|um|uma|mon|ma|mi|mein|meine|il|le|la|el|o|a)\b|\b(?:jouons|juguemos|spielen wir|giochiamo|vamos jogar)\b/ },
  { id: "foreign-persona-cjk", capability: "roleplay", boost: 3, test: ({ view }) => /あなたは.{1,20}です.{0,20}私は|你是.{1,20}我是|너는.{1,20}나는/.exec(view.instruction)?.[0] ?? null },
  { id: "foreign-extract", capability: "extraction", boost: 3, pattern: /\b(?:extrahier\w*|estrai\w*|extrayez|extrais)\b/ },
];
