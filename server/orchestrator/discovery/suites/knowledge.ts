import { keyed, type BuiltinEntry } from "./build";

/**
 * knowledge: settled, unambiguous facts (no disputed records such as the longest river, no figures that
 * change). Alternatives list other correct spellings; wrong answers are the classic confusions. The
 * answer-key book already holds capitals and chemical symbols, so these cover other ground.
 */

type Fact = [family: string, question: string, answer: string, wrong: string[], alternatives?: string[]];

const FACTS: readonly Fact[] = [
  ["literature", 'Who wrote the play "Romeo and Juliet"?', "William Shakespeare", ["Christopher Marlowe", "Charles Dickens"], ["Shakespeare"]],
  ["literature", 'Who wrote the novel "Pride and Prejudice"?', "Jane Austen", ["Charlotte Brontë", "Emily Brontë"], ["Austen"]],
  ["literature", 'Who wrote the novel "Nineteen Eighty-Four"?', "George Orwell", ["Aldous Huxley", "Ray Bradbury"], ["Orwell", "Eric Arthur Blair"]],
  ["literature", 'Who wrote the novel "War and Peace"?', "Leo Tolstoy", ["Fyodor Dostoevsky", "Anton Chekhov"], ["Tolstoy", "Lev Tolstoy"]],
  ["literature", 'Who wrote the novel "Don Quixote"?', "Miguel de Cervantes", ["Lope de Vega", "Gabriel García Márquez"], ["Cervantes"]],
  ["literature", 'Which ancient Greek poet is traditionally credited with the "Odyssey"?', "Homer", ["Hesiod", "Virgil"]],
  ["art", 'Who painted the "Mona Lisa"?', "Leonardo da Vinci", ["Michelangelo", "Raphael"], ["da Vinci", "Leonardo"]],
  ["art", 'Who painted "The Starry Night"?', "Vincent van Gogh", ["Claude Monet", "Paul Gauguin"], ["van Gogh"]],
  ["music", 'Which composer wrote the "Moonlight Sonata"?', "Ludwig van Beethoven", ["Wolfgang Amadeus Mozart", "Frédéric Chopin"], ["Beethoven"]],
  ["history", "In which year did the Second World War end?", "1945", ["1944", "1939", "1918"]],
  ["history", "In which year did people first land on the Moon?", "1969", ["1968", "1972", "1961"]],
  ["history", "In which year did the Berlin Wall fall?", "1989", ["1991", "1990", "1961"]],
  ["history", "Who was the first President of the United States?", "George Washington", ["Thomas Jefferson", "John Adams", "Abraham Lincoln"], ["Washington"]],
  ["history", "Who was the first person to walk on the Moon?", "Neil Armstrong", ["Buzz Aldrin", "Yuri Gagarin"], ["Armstrong"]],
  ["history", "Who was the first person to travel into space?", "Yuri Gagarin", ["Neil Armstrong", "Alan Shepard"], ["Gagarin"]],
  ["science", "Who proposed the theory of evolution by natural selection in \"On the Origin of Species\"?", "Charles Darwin", ["Gregor Mendel", "Jean-Baptiste Lamarck"], ["Darwin"]],
  ["science", "Who developed the general theory of relativity?", "Albert Einstein", ["Isaac Newton", "Niels Bohr"], ["Einstein"]],
  ["science", "Who discovered penicillin in 1928?", "Alexander Fleming", ["Louis Pasteur", "Joseph Lister"], ["Fleming"]],
  ["science", "Which gas do plants take in from the air for photosynthesis?", "carbon dioxide", ["oxygen", "nitrogen"], ["CO2", "CO₂"]],
  ["science", "What is the chemical formula of water?", "H2O", ["HO2", "H2O2", "CO2"], ["H₂O"]],
  ["science", "Which chemical element has the atomic number 1?", "hydrogen", ["helium", "lithium"]],
  ["science", "Which chemical element has the atomic number 6?", "carbon", ["nitrogen", "oxygen"]],
  ["science", "Which chemical element has the atomic number 8?", "oxygen", ["nitrogen", "carbon"]],
  ["science", "Which chemical element has the atomic number 79?", "gold", ["silver", "platinum"]],
  ["science", "What is the hardest naturally occurring mineral?", "diamond", ["quartz", "corundum"]],
  ["science", "At what temperature in degrees Celsius does pure water boil at sea level?", "100", ["90", "212", "110"], ["100 °C", "100 degrees"]],
  ["science", "At what temperature in degrees Fahrenheit does pure water freeze at sea level?", "32", ["0", "31", "212"], ["32 °F", "32 degrees"]],
  ["science", "How many bones are there in the typical adult human body?", "206", ["205", "208", "212"]],
  ["science", "Which organelle is known as the powerhouse of the cell?", "mitochondria", ["nucleus", "ribosome", "chloroplast"], ["mitochondrion", "the mitochondria"]],
  ["science", "Which organ pumps blood around the human body?", "heart", ["lungs", "liver"], ["the heart"]],
  ["astronomy", "Which planet is closest to the Sun?", "Mercury", ["Venus", "Mars"]],
  ["astronomy", "What is the largest planet in the Solar System?", "Jupiter", ["Saturn", "Neptune"]],
  ["astronomy", "Which planet is known as the Red Planet?", "Mars", ["Jupiter", "Venus"]],
  ["astronomy", "Which planet in the Solar System has the most extensive and visible ring system?", "Saturn", ["Jupiter", "Uranus"]],
  ["geography", "What is the largest ocean on Earth?", "Pacific Ocean", ["Atlantic Ocean", "Indian Ocean"], ["Pacific", "the Pacific"]],
  ["geography", "What is the highest mountain on Earth above sea level?", "Mount Everest", ["K2", "Kangchenjunga"], ["Everest", "Sagarmatha", "Chomolungma"]],
  ["geography", "What is the official language of Brazil?", "Portuguese", ["Spanish", "Brazilian"]],
  ["geography", "What is the largest hot desert in the world?", "Sahara", ["Gobi", "Kalahari", "Arabian Desert"], ["Sahara Desert", "the Sahara"]],
  ["nature", "What is the largest animal that has ever lived?", "blue whale", ["African elephant", "whale shark", "Argentinosaurus"], ["the blue whale"]],
  ["nature", "What is the fastest land animal?", "cheetah", ["lion", "pronghorn", "greyhound"]],
  ["nature", "How many legs does a spider have?", "8", ["6", "10"], ["eight"]],
  ["nature", "How many legs does an insect have?", "6", ["8", "4"], ["six"]],
  ["math-facts", "How many sides does a hexagon have?", "6", ["5", "8", "7"], ["six"]],
  ["math-facts", "How many degrees do the interior angles of a triangle add up to?", "180", ["360", "90", "270"], ["180 degrees", "180°"]],
  ["math-facts", "What is the smallest prime number?", "2", ["1", "3", "0"], ["two"]],
  ["everyday", "How many days are there in a leap year?", "366", ["365", "364"]],
  ["everyday", "What is the currency of Japan?", "yen", ["yuan", "won"], ["Japanese yen"]],
  ["everyday", "How many players does a football (soccer) team have on the pitch at once, including the goalkeeper?", "11", ["10", "12", "9"], ["eleven"]],
];

const SUFFIX = "Answer with the answer only, no explanation.";

export function knowledgeEntries(): BuiltinEntry[] {
  const counters = new Map<string, number>();
  return FACTS.map(([family, question, answer, wrong, alternatives]) => {
    const index = counters.get(family) ?? 0;
    counters.set(family, index + 1);
    return keyed("knowledge", family, index, `${question} ${SUFFIX}`, alternatives ? { kind: "exact", alternatives } : { kind: "exact" }, answer, wrong);
  });
}
