import type { Node as EsNode, Program } from 'estree';
import type { Nodes, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { CitationError, type Diagnostic } from '../citations/index.ts';
import { nodeLocation } from './find-citations.ts';

// Names every MDX page can read without declaring them.
const PROVIDED = new Set(['props', 'frontmatter', 'undefined', 'NaN', 'Infinity']);

/** Names the file's own `import` and `export` statements declare. */
function declaredNames(tree: Root): Set<string> {
  const names = new Set(PROVIDED);
  visit(tree, 'mdxjsEsm', (node) => {
    const program = node.data?.estree as Program | undefined;
    for (const statement of program?.body ?? []) {
      const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
      if (declaration?.type === 'ImportDeclaration') for (const specifier of declaration.specifiers) names.add(specifier.local.name);
      if (declaration?.type === 'VariableDeclaration') for (const { id } of declaration.declarations) if (id.type === 'Identifier') names.add(id.name);
      if ((declaration?.type === 'FunctionDeclaration' || declaration?.type === 'ClassDeclaration') && declaration.id) names.add(declaration.id.name);
    }
  });
  return names;
}

/** Whether an expression is only numbers, undeclared names and the operators between them: prose, not code. */
function looksLikeProse(node: EsNode, declared: Set<string>): boolean {
  switch (node.type) {
    case 'Literal':
      return typeof node.value === 'number';
    case 'Identifier':
      return !declared.has(node.name);
    case 'BinaryExpression':
      return looksLikeProse(node.left, declared) && looksLikeProse(node.right, declared);
    case 'UnaryExpression':
      return looksLikeProse(node.argument, declared);
    case 'SequenceExpression':
      return node.expressions.every((expression) => looksLikeProse(expression, declared));
    default:
      return false;
  }
}

/**
 * Braces in a summary's text that MDX would run as JavaScript though they were written as text: `{1-2} mg`
 * prints "-1 mg", `{0.1, 0.3}` prints "0.3" and `{n}` stops the page with "n is not defined". Expressions
 * that use what the file imports or exports, `frontmatter` or `props`, and comments, are left alone.
 */
export function proseExpressions(tree: Root, file: VFile): Diagnostic[] {
  const declared = declaredNames(tree);
  const found: Diagnostic[] = [];
  visit(tree, (node: Nodes) => {
    if (node.type !== 'mdxTextExpression' && node.type !== 'mdxFlowExpression') return;
    const statement = (node.data?.estree as Program | undefined)?.body[0];
    if (statement?.type !== 'ExpressionStatement' || !looksLikeProse(statement.expression, declared)) return;
    found.push({
      code: 'prose-expression',
      severity: 'error',
      message: `{${node.value}} is read as JavaScript, not as text: MDX would print what it computes, or stop on a name it does not know`,
      hint: `Write \\{${node.value}\\} to show the braces, or leave them out (\`1-2 mg\`).`,
      location: nodeLocation(node, file),
    });
  });
  return found;
}

/** Stops the build at the first summary that has such braces, naming each place. */
export default function remarkProseExpressions() {
  return (tree: Root, file: VFile) => {
    const errors = proseExpressions(tree, file);
    if (errors.length) throw new CitationError(errors);
  };
}
