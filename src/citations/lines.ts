import type { SourceLocation } from './errors.ts';

/**
 * Locates many offsets in one text: line starts are indexed once and each lookup is a binary search,
 * where calling `locate` per entry rescans the text and makes a 10,000-entry library quadratic.
 */
export function lineLocator(text: string, file: string): (offset: number) => SourceLocation {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { file, line: low + 1, column: offset - starts[low]! + 1 };
  };
}
