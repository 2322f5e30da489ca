import type { JsonValue } from "../suite-types";
import { unkeyed, type BuiltinEntry } from "./build";

/**
 * code: small JavaScript functions, each graded by running the reply in the sandbox against test cases.
 * Every case here is checked against a reference implementation in code.test.ts, so a wrong expected
 * value cannot slip in. Descriptions pin down edge cases (ties, empty input) so there is one right answer.
 */

interface CodeSpec {
  name: string;
  params: string;
  does: string;
  cases: ReadonlyArray<[args: JsonValue[], expected: JsonValue]>;
}

export const CODE_SPECS: readonly CodeSpec[] = [
  { name: "sumDigits", params: "n", does: "returns the sum of the decimal digits of the non-negative integer n", cases: [[[0], 0], [[123], 6], [[9999], 36], [[1005], 6]] },
  { name: "reverseString", params: "s", does: "returns the string s with its characters in reverse order", cases: [[["hello"], "olleh"], [[""], ""], [["ab c"], "c ba"]] },
  { name: "isPalindrome", params: "s", does: "returns true if the string s reads the same forwards and backwards, comparing characters exactly, and false otherwise", cases: [[["racecar"], true], [["abca"], false], [[""], true], [["abba"], true], [["Abba"], false]] },
  { name: "factorial", params: "n", does: "returns n! for a non-negative integer n (0! is 1)", cases: [[[0], 1], [[1], 1], [[5], 120], [[10], 3628800]] },
  { name: "fibonacci", params: "n", does: "returns the n-th Fibonacci number, where fibonacci(0) is 0 and fibonacci(1) is 1", cases: [[[0], 0], [[1], 1], [[10], 55], [[20], 6765]] },
  { name: "countVowels", params: "s", does: "returns how many vowels (a, e, i, o, u, in either case) the string s contains", cases: [[["hello"], 2], [["AEIOU xyz"], 5], [["rhythm"], 0]] },
  { name: "maxOfArray", params: "arr", does: "returns the largest number in the non-empty array arr", cases: [[[[3, 9, 2]], 9], [[[-5, -2, -9]], -2], [[[7]], 7]] },
  { name: "gcd", params: "a, b", does: "returns the greatest common divisor of the non-negative integers a and b (gcd(0, b) is b)", cases: [[[12, 18], 6], [[17, 5], 1], [[0, 9], 9], [[100, 75], 25]] },
  { name: "lcm", params: "a, b", does: "returns the least common multiple of the positive integers a and b", cases: [[[4, 6], 12], [[5, 7], 35], [[12, 18], 36], [[3, 3], 3]] },
  { name: "isPrime", params: "n", does: "returns true if the integer n is a prime number and false otherwise (0 and 1 are not prime)", cases: [[[2], true], [[1], false], [[15], false], [[97], true], [[0], false]] },
  { name: "capitalize", params: "s", does: "returns s with its first character in upper case and the rest unchanged", cases: [[["hello world"], "Hello world"], [[""], ""], [["a"], "A"], [["already Up"], "Already Up"]] },
  { name: "range", params: "start, end", does: "returns an array of the integers from start (inclusive) to end (exclusive), or an empty array if end <= start", cases: [[[0, 5], [0, 1, 2, 3, 4]], [[3, 3], []], [[-2, 1], [-2, -1, 0]]] },
  { name: "flattenOnce", params: "arr", does: "flattens an array of arrays by exactly one level", cases: [[[[[1, 2], [3], []]], [1, 2, 3]], [[[[["a"]], ["b"]]], [["a"], "b"]], [[[]], []]] },
  { name: "unique", params: "arr", does: "returns the values of arr without duplicates, keeping the order of first occurrence", cases: [[[[1, 2, 1, 3, 2]], [1, 2, 3]], [[["a", "a"]], ["a"]], [[[]], []]] },
  { name: "chunk", params: "arr, size", does: "splits arr into consecutive arrays of length size (the last may be shorter)", cases: [[[[1, 2, 3, 4, 5], 2], [[1, 2], [3, 4], [5]]], [[[1, 2], 5], [[1, 2]]], [[[], 3], []]] },
  { name: "camelToSnake", params: "s", does: "converts a camelCase identifier such as helloWorld to snake_case (hello_world); every upper-case letter becomes an underscore followed by its lower-case form", cases: [[["helloWorld"], "hello_world"], [["simple"], "simple"], [["oneTwoThree"], "one_two_three"]] },
  { name: "countWords", params: "s", does: "returns the number of words in s, where words are separated by any amount of whitespace (leading and trailing whitespace is ignored)", cases: [[["hello world"], 2], [["  a  b   c "], 3], [[""], 0], [["   "], 0]] },
  { name: "fizzBuzz", params: "n", does: 'returns "FizzBuzz" if n is divisible by 3 and 5, "Fizz" if only by 3, "Buzz" if only by 5, and otherwise n as a string', cases: [[[3], "Fizz"], [[10], "Buzz"], [[30], "FizzBuzz"], [[7], "7"]] },
  { name: "clamp", params: "x, lo, hi", does: "returns x limited to the range [lo, hi]", cases: [[[5, 0, 10], 5], [[-3, 0, 10], 0], [[42, 0, 10], 10]] },
  { name: "sumArray", params: "arr", does: "returns the sum of the numbers in arr (0 for an empty array)", cases: [[[[1, 2, 3]], 6], [[[]], 0], [[[-1, 1]], 0]] },
  { name: "average", params: "arr", does: "returns the arithmetic mean of the numbers in the non-empty array arr", cases: [[[[1, 2, 3, 4]], 2.5], [[[10]], 10], [[[2, 4]], 3]] },
  { name: "median", params: "arr", does: "returns the median of the non-empty array of numbers arr (which may be unsorted); for an even length it is the mean of the two middle values", cases: [[[[3, 1, 2]], 2], [[[4, 1, 3, 2]], 2.5], [[[7]], 7], [[[10, 2, 38, 23, 38]], 23]] },
  { name: "isAnagram", params: "a, b", does: "returns true if the strings a and b contain exactly the same letters the same number of times, ignoring case, and false otherwise", cases: [[["Listen", "Silent"], true], [["abc", "abd"], false], [["aab", "abb"], false]] },
  { name: "removeVowels", params: "s", does: "returns s with every vowel (a, e, i, o, u, in either case) removed", cases: [[["hello"], "hll"], [["AEIOUxyz"], "xyz"], [[""], ""]] },
  { name: "titleCase", params: "s", does: "returns s with the first letter of every space-separated word in upper case and the other letters in lower case", cases: [[["hello world"], "Hello World"], [["tHE quick"], "The Quick"], [["a"], "A"]] },
  { name: "repeatString", params: "s, n", does: "returns the string s repeated n times (an empty string when n is 0)", cases: [[["ab", 3], "ababab"], [["x", 0], ""], [["", 5], ""]] },
  { name: "binaryToDecimal", params: "s", does: "converts a string of binary digits to the number it represents", cases: [[["101"], 5], [["0"], 0], [["11111111"], 255]] },
  { name: "decimalToBinary", params: "n", does: "returns the binary representation of the non-negative integer n as a string without leading zeros (\"0\" for 0)", cases: [[[5], "101"], [[0], "0"], [[255], "11111111"]] },
  { name: "digitalRoot", params: "n", does: "repeatedly sums the decimal digits of the non-negative integer n until a single digit remains, and returns it", cases: [[[16], 7], [[942], 6], [[0], 0], [[493193], 2]] },
  { name: "isLeapYear", params: "year", does: "returns true if year is a leap year in the Gregorian calendar and false otherwise", cases: [[[2000], true], [[1900], false], [[2024], true], [[2023], false]] },
  { name: "celsiusToFahrenheit", params: "c", does: "converts a temperature from degrees Celsius to degrees Fahrenheit", cases: [[[0], 32], [[100], 212], [[-40], -40], [[37], 98.6]] },
  { name: "countOccurrences", params: "arr, value", does: "returns how many elements of arr are strictly equal to value", cases: [[[[1, 2, 1, 1], 1], 3], [[["a", "b"], "c"], 0], [[[], 1], 0]] },
  { name: "longestWord", params: "s", does: "returns the longest space-separated word in s; if several are equally long, the first of them", cases: [[["the quick brown fox"], "quick"], [["a bb cc"], "bb"], [["one"], "one"]] },
  { name: "zip", params: "a, b", does: "returns an array of pairs [a[i], b[i]], as long as the shorter of the two arrays", cases: [[[[1, 2, 3], ["a", "b", "c"]], [[1, "a"], [2, "b"], [3, "c"]]], [[[1, 2], [3]], [[1, 3]]], [[[], [1]], []]] },
  { name: "lastElement", params: "arr", does: "returns the last element of arr, or null if arr is empty", cases: [[[[1, 2, 3]], 3], [[[]], null], [[["x"]], "x"]] },
  { name: "compact", params: "arr", does: "returns a new array with every falsy value (false, null, 0, \"\", undefined, NaN) removed", cases: [[[[0, 1, false, 2, "", 3, null]], [1, 2, 3]], [[["a", "b"]], ["a", "b"]], [[[0, null]], []]] },
  { name: "intersection", params: "a, b", does: "returns the distinct values of a that also appear in b, in the order they first appear in a", cases: [[[[1, 2, 3, 4], [2, 4, 6]], [2, 4]], [[[1, 1, 2], [1]], [1]], [[[1], [2]], []]] },
  { name: "rotateLeft", params: "arr, k", does: "returns arr rotated left by k positions (k may be larger than the length; an empty array stays empty)", cases: [[[[1, 2, 3, 4, 5], 2], [3, 4, 5, 1, 2]], [[[1, 2, 3], 0], [1, 2, 3]], [[[1, 2, 3], 4], [2, 3, 1]], [[[], 3], []]] },
  { name: "isSorted", params: "arr", does: "returns true if the numbers in arr are in non-decreasing order and false otherwise (an empty array is sorted)", cases: [[[[1, 2, 2, 5]], true], [[[3, 1]], false], [[[]], true]] },
  { name: "secondLargest", params: "arr", does: "returns the second largest distinct value in arr, which has at least two distinct values", cases: [[[[4, 1, 7, 7, 3]], 4], [[[10, 20]], 10], [[[5, 5, 2]], 2]] },
  { name: "toRoman", params: "n", does: "converts an integer from 1 to 3999 to a Roman numeral in standard subtractive form", cases: [[[4], "IV"], [[9], "IX"], [[14], "XIV"], [[1994], "MCMXCIV"], [[2024], "MMXXIV"]] },
  { name: "fromRoman", params: "s", does: "converts a Roman numeral in standard subtractive form to an integer", cases: [[["III"], 3], [["XLII"], 42], [["MCMXCIV"], 1994], [["IX"], 9]] },
  { name: "wordFrequency", params: "s", does: "returns an object mapping each lower-cased space-separated word of s to how many times it occurs; an empty string gives an empty object", cases: [[["the cat the"], { the: 2, cat: 1 }], [[""], {}], [["Go go GO"], { go: 3 }]] },
  { name: "sumOfSquares", params: "n", does: "returns 1² + 2² + … + n² for a non-negative integer n (0 for n = 0)", cases: [[[3], 14], [[1], 1], [[0], 0], [[10], 385]] },
  { name: "countChar", params: "s, c", does: "returns how many times the single character c occurs in the string s", cases: [[["banana", "a"], 3], [["hello", "z"], 0], [["", "a"], 0]] },
  { name: "truncate", params: "s, n", does: 'returns s unchanged if its length is at most n, otherwise its first n characters followed by "..."', cases: [[["hello world", 5], "hello..."], [["hi", 5], "hi"], [["abcde", 5], "abcde"]] },
  { name: "transpose", params: "matrix", does: "returns the transpose of a rectangular matrix given as an array of rows", cases: [[[[[1, 2, 3], [4, 5, 6]]], [[1, 4], [2, 5], [3, 6]]], [[[[1]]], [[1]]]] },
  { name: "isPowerOfTwo", params: "n", does: "returns true if the integer n is a power of two (1, 2, 4, 8, …) and false otherwise", cases: [[[1], true], [[16], true], [[18], false], [[0], false]] },
];

export function codeEntries(): BuiltinEntry[] {
  return CODE_SPECS.map((spec) =>
    unkeyed(
      "code",
      spec.name,
      0,
      `Write a JavaScript function \`${spec.name}(${spec.params})\` that ${spec.does}. Reply with the function in a fenced code block.`,
      { kind: "code", language: "javascript", functionName: spec.name, cases: spec.cases.map(([args, expected]) => ({ args, expected })) },
      { tags: ["javascript"] },
    ),
  );
}
