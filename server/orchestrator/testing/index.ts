/** Test doubles for the orchestrator's ports: use them in any unit test that runs models or waits. */
export { createManualClock, type ManualClock } from "./clock";
export { createSeededRandom } from "./random";
export { byPrompt, createScriptedClient, lastUserText, type Script, type ScriptReply, type ScriptedClient } from "./scripted-client";
export { runChain, step } from "./run";
export { createTestPorts, makeChain, makeRequirements, makeSpec, makeTask, type TestModel, type TestPorts } from "./fixtures";
