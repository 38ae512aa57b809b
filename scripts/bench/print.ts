import { phasesTable, sizeDetails, sizeTable, type SizeResult } from './report.ts';
import { checkScaling, checkTargets, formatChecks } from './targets.ts';

/** What `npm run bench` saves in results.json: the machine it ran on and every size's figures. */
export interface BenchRecord {
  machine: string;
  results: SizeResult[];
}

/** The printed report: per size the run table, phases, details and targets, then scaling between sizes. */
export function formatReport({ machine, results }: BenchRecord): string {
  const parts = [`Evidence Library benchmark · ${machine}`];
  for (const result of results) {
    parts.push(
      `## ${result.size.toLocaleString('en-US')} articles · ${result.references.toLocaleString('en-US')} references · ${result.citations.toLocaleString('en-US')} citations`,
      sizeTable(result),
      phasesTable(result),
      sizeDetails(result).join('\n'),
      `Targets (the issue sets them for 1,000 articles; ratios are judged on CPU time):\n${formatChecks(checkTargets(result)).join('\n')}`,
    );
  }
  for (let i = 1; i < results.length; i++) {
    const scaling = formatChecks(checkScaling(results[i - 1]!, results[i]!));
    if (scaling.length) parts.push(`Scaling:\n${scaling.join('\n')}`);
  }
  return `\n${parts.join('\n\n')}\n`;
}
