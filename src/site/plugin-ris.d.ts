// @citation-js/plugin-ris ships no types: declare the output format this project uses.
declare module '@citation-js/plugin-ris';

declare module '@citation-js/core' {
  namespace plugins {
    namespace output {
      interface Formats {
        ris: (options: { format: 'object'; spec?: 'mixed' | 'new' | 'old' }) => Record<string, string | number | (string | number)[]>[];
      }
    }
  }
}

export {};
