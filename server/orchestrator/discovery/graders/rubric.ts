import { brokenResult, type Grader } from "./ports";

/**
 * Open-ended items (writing, roleplay, brainstorming, chat) are judged by a judge model through the
 * `judge` port against the item's criteria; the judge's own words are kept in `judgeVerdict` so an
 * operator can see why. An empty reply fails without asking anyone.
 */
export const gradeRubric: Grader<"rubric"> = async (item, response, ports) => {
  if (!ports.judge) return brokenResult("no judge model configured (ports.judge)");
  if (response.trim() === "") return { pass: false, score: 0, detail: "empty reply", method: "grader" };
  const rubric = item.rubric ? `${item.grader.criteria}\n${item.rubric}` : item.grader.criteria;
  const judged = await ports.judge(rubric, item.prompt, response);
  return {
    pass: judged.pass,
    score: judged.pass ? 1 : 0,
    detail: judged.pass ? "judge: meets the rubric" : "judge: does not meet the rubric",
    judgeVerdict: judged.verdict,
    method: "grader",
  };
};
