export { createSeededRandom } from "../random";
