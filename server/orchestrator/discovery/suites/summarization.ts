import { unkeyed, type BuiltinEntry } from "./build";

/**
 * summarization: short news-style passages from four generated families (match report, company results,
 * weather warning, product recall), each with a one-sentence reference built from the same facts. chrF
 * against a single reference is a coarse measure for summaries, so the pass mark is lower than for
 * translation: it checks that the key facts (names, numbers, the outcome) come through, and rejects an
 * off-topic or templated reply. Calibrated in the suite tests with paraphrased and off-topic summaries.
 * chrF alone would pass an echo of the passage (chrF 53–81: recall counts four times precision), so the
 * grader also fails a reply longer than 1.5× the reference or copying most of the prompt
 * (graders/chrf-limits.ts; the references here are 0.38–0.63 of their passage's length).
 */

export const SUMMARY_THRESHOLD = 35;

const MATCHES: ReadonlyArray<[string, string, number, number, string, string]> = [
  ["Riverside Rovers", "Hillcrest United", 2, 1, "Tomás Ortega", "Marlow Park"],
  ["Northgate City", "Bayview Athletic", 3, 2, "Kwame Mensah", "the Northgate Arena"],
  ["Eastfield Wanderers", "Oakridge Town", 1, 0, "Lisa Berg", "Eastfield Stadium"],
  ["Portside FC", "Glenmoor Albion", 4, 3, "Daniel Reyes", "the Harbour Ground"],
  ["Kingsbridge Rangers", "Ashford Rovers", 2, 0, "Mei Lin", "Kingsbridge Lane"],
  ["Westbrook United", "Stonehill City", 3, 1, "Ahmed Saleh", "Westbrook Park"],
  ["Lakeside Athletic", "Millbrook Town", 1, 0, "Sara Nilsson", "the Lakeside Bowl"],
  ["Highfield Albion", "Riverton Rangers", 2, 1, "Jonas Weber", "Highfield Road"],
  ["Cliffside FC", "Brookfield Wanderers", 3, 0, "Paulo Costa", "the Cliffside Ground"],
  ["Fairview City", "Redwood United", 2, 1, "Emma Clarke", "Fairview Stadium"],
  ["Sunnydale Rovers", "Greenway Athletic", 1, 0, "Yusuf Demir", "Sunnydale Park"],
];

const RESULTS: ReadonlyArray<[string, string, number, number, string, number]> = [
  ["Brightwave", "headphone", 412, 18, "noise-cancelling headphones", 6],
  ["Corelink", "router", 275, 12, "mesh Wi-Fi systems", 4],
  ["Solara", "solar panel", 980, 25, "rooftop solar kits", 9],
  ["Pinecrest", "furniture", 156, 7, "flat-pack desks", 3],
  ["Vitalis", "fitness tracker", 334, 21, "sleep-tracking watches", 8],
  ["Aquaflow", "water filter", 89, 15, "countertop filters", 5],
  ["Nimbus", "drone", 221, 30, "camera drones", 11],
  ["Terraform", "garden tool", 143, 9, "battery lawn mowers", 2],
  ["Lumina", "lighting", 267, 14, "smart light bulbs", 4],
  ["Kettleworks", "kitchen appliance", 198, 11, "electric kettles", 3],
  ["Voltline", "e-bike", 512, 27, "folding electric bikes", 10],
];

const WARNINGS: ReadonlyArray<[string, string, string, string, string]> = [
  ["storm", "the northern coast", "Monday", "Winds of up to 110 km/h are expected, with heavy rain overnight", "stay indoors and secure loose objects"],
  ["heat", "the southern valleys", "Wednesday", "Temperatures are forecast to reach 41 degrees in the afternoon", "drink plenty of water and avoid the midday sun"],
  ["snow", "the central highlands", "Friday", "Up to 40 centimetres of snow could fall in twelve hours", "avoid all but essential travel"],
  ["flood", "the river towns of the east", "Tuesday", "River levels are rising quickly after a week of rain", "move valuables upstairs and follow evacuation advice"],
  ["fog", "the western motorways", "Thursday", "Visibility may drop below 50 metres in the early morning", "drive slowly and use fog lights"],
  ["ice", "the mountain passes", "Saturday", "Freezing rain will leave roads covered in black ice", "fit winter tyres or delay their journeys"],
  ["wildfire", "the dry southern hills", "Sunday", "Hot, dry winds make fires likely to spread quickly", "avoid lighting fires and prepare to leave if told to"],
  ["thunderstorm", "the capital region", "Monday evening", "Lightning, hail and sudden downpours are likely", "unplug electrical devices and stay away from trees"],
  ["high tide", "the harbour districts", "Wednesday", "Unusually high tides combined with strong winds could flood the seafront", "keep away from sea walls and promenades"],
  ["dust storm", "the eastern plains", "Friday afternoon", "Strong winds will carry dust and cut visibility sharply", "keep windows closed and wear a mask outdoors"],
  ["cold", "the northern villages", "Tuesday night", "Temperatures may fall to minus 25 degrees", "check on elderly neighbours and keep their homes heated"],
];

const RECALLS: ReadonlyArray<[string, number, string, number, string, string]> = [
  ["HomeChef", 12000, "slow cooker", 2022, "the lid handle can overheat and cause burns", "stop using it and return it for a full refund"],
  ["TinyTots", 8500, "baby stroller", 2023, "a faulty brake may fail to hold on slopes", "stop using it and contact the company for a free repair"],
  ["PowerPal", 40000, "phone charger", 2021, "the casing can crack and expose live parts", "unplug it immediately and request a replacement"],
  ["CozyNest", 3200, "electric blanket", 2022, "a wiring fault can cause it to overheat", "stop using it and return it to the shop"],
  ["SwiftRide", 15000, "scooter", 2023, "the folding joint may come loose while riding", "stop riding it and book a free inspection"],
  ["BrightSpark", 27000, "string light set", 2020, "the plugs do not meet safety standards", "unplug them and claim a refund online"],
  ["PureSip", 60000, "water bottle", 2023, "the lid can break into small pieces that are a choking hazard", "throw away the lid and order a free replacement"],
  ["ClimbHigh", 2100, "ladder", 2021, "a rivet in the hinge may shear under load", "stop using it and return it for a refund"],
  ["FreshBrew", 9800, "coffee machine", 2022, "the water tank can leak onto electrical parts", "unplug it and contact customer service for a replacement"],
  ["SafeStep", 18000, "bath mat", 2023, "the suction cups fail and the mat can slip", "stop using it and return it for a refund"],
  ["GlowKid", 5400, "night light", 2024, "the battery cover can open and release small batteries", "remove the batteries and return it to the retailer"],
];

const PROMPT = "Summarize the following text in one sentence.\n\n";

export function summarizationEntries(): BuiltinEntry[] {
  const entry = (family: string, i: number, passage: string, reference: string) =>
    unkeyed("summarization", family, i, `${PROMPT}${passage}`, { kind: "chrf", reference, threshold: SUMMARY_THRESHOLD });
  const matches = MATCHES.map(([home, away, h, a, scorer, venue], i) =>
    entry(
      "match",
      i,
      `On Saturday ${home} beat ${away} ${h}-${a} at ${venue}. ${scorer} scored the winning goal with five minutes left, after a tense second half in which both sides hit the post. The result lifts ${home} to the top of the league table, while ${away} drop to fourth.`,
      `${home} beat ${away} ${h}-${a} thanks to a late winner from ${scorer}, moving to the top of the league.`,
    ),
  );
  const results = RESULTS.map(([company, industry, revenue, growth, product, shares], i) =>
    entry(
      "results",
      i,
      `${company}, the ${industry} maker, reported quarterly revenue of ${revenue} million dollars on Tuesday, up ${growth} percent from a year earlier. The company said strong demand for its ${product} drove the growth and that it expects the trend to continue. Its shares rose ${shares} percent in early trading.`,
      `${company}'s quarterly revenue rose ${growth} percent to ${revenue} million dollars on strong demand for its ${product}, and its shares rose ${shares} percent.`,
    ),
  );
  const warnings = WARNINGS.map(([kind, region, day, detail, advice], i) =>
    entry(
      "weather",
      i,
      `Forecasters have issued a ${kind} warning for ${region} from ${day}. ${detail}. Schools may close and public transport could be disrupted. Residents are advised to ${advice}.`,
      `A ${kind} warning has been issued for ${region} from ${day}, and residents are advised to ${advice}.`,
    ),
  );
  const recalls = RECALLS.map(([company, units, product, since, defect, action], i) =>
    entry(
      "recall",
      i,
      `${company} is recalling about ${units} units of its ${product} sold since ${since} because ${defect}. No injuries have been reported so far, the company said in a statement. Customers who own one should ${action}.`,
      `${company} is recalling about ${units} ${product} units because ${defect}; owners should ${action}.`,
    ),
  );
  return [...matches, ...results, ...warnings, ...recalls];
}
