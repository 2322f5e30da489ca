/** Language names as users type them (English and a few native spellings), for translation cues. */
export const LANGS =
  "english|spanish|french|german|italian|portuguese|japanese|chinese|mandarin|cantonese|korean|russian|arabic|hindi|dutch|swedish|norwegian|danish|finnish|polish|turkish|greek|hebrew|vietnamese|thai|indonesian|malay|swahili|ukrainian|czech|romanian|hungarian|tagalog|filipino|persian|farsi|urdu|bengali|latin|catalan|ingles|espanol|frances|aleman|anglais|francais|allemand|englisch\\w*|deutsch\\w*|inglese|italiano";
/** Target languages for code conversion; "go" and "c" are left out: "translate 'time to go' to..." */
export const CODE_LANGS =
  "python|javascript|js|typescript|golang|rust|java|kotlin|swift|scala|haskell|ruby|php|perl|lua|c\\+\\+|c#|sql|bash|powershell";

export const LANGUAGE_NAME = new RegExp(`\\b(?:${LANGS})\\b`);
