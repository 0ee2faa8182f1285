// Generates profiles/fhir-elements.json: for every FHIR STU3 (3.0.2) and R4 (4.0.1) resource and
// data type, each element's JSON kind and whether it repeats. The XML ⇄ JSON converter needs this
// (XML does not say which elements are arrays or which primitives are numbers/booleans).
// Source: @types/fhir (r3.d.ts, r4.d.ts), itself generated from the hl7.fhir.r3.core / r4.core
// StructureDefinitions, so it covers every base element, not only the profiled ones.
// Run: node --import tsx profiles/build-element-table.ts
import ts from 'typescript';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const typesDir = dirname(require.resolve('@types/fhir/package.json'));
const here = dirname(fileURLToPath(import.meta.url));

/** Element kind codes: s string-like, n number, b boolean, x xhtml, r resource, else a type name; '*' suffix = repeats. */
function kindOf(t: ts.TypeNode, generics: Set<string>): { kind: string; array: boolean } | undefined {
  if (ts.isUnionTypeNode(t)) {
    const parts = t.types.filter((p) => !(ts.isTypeReferenceNode(p) && p.typeName.getText() === 'undefined') && p.kind !== ts.SyntaxKind.UndefinedKeyword);
    if (parts.length === 1) return kindOf(parts[0], generics);
    if (parts.every((p) => ts.isLiteralTypeNode(p) || ts.isParenthesizedTypeNode(p))) return { kind: 's', array: false };
    return kindOf(parts[0], generics);
  }
  if (ts.isParenthesizedTypeNode(t)) return kindOf(t.type, generics);
  if (ts.isArrayTypeNode(t)) { const k = kindOf(t.elementType, generics); return k && { kind: k.kind, array: true }; }
  if (ts.isLiteralTypeNode(t)) return { kind: 's', array: false };
  switch (t.kind) {
    case ts.SyntaxKind.StringKeyword: return { kind: 's', array: false };
    case ts.SyntaxKind.NumberKeyword: return { kind: 'n', array: false };
    case ts.SyntaxKind.BooleanKeyword: return { kind: 'b', array: false };
  }
  if (ts.isTypeReferenceNode(t)) {
    const name = t.typeName.getText();
    if (name === 'Array' && t.typeArguments?.[0]) { const k = kindOf(t.typeArguments[0], generics); return k && { kind: k.kind, array: true }; }
    if (name === 'FhirResource' || name === 'Resource' || generics.has(name)) return { kind: 'r', array: false };
    return { kind: name, array: false };
  }
  return undefined;
}

function table(file: string): Record<string, Record<string, string>> {
  const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: Record<string, Record<string, string>> = {};
  for (const st of src.statements) {
    if (!ts.isInterfaceDeclaration(st)) continue;
    const name = st.name.text;
    const generics = new Set((st.typeParameters ?? []).map((p) => p.name.text));
    const fields: Record<string, string> = {};
    const base = st.heritageClauses?.[0]?.types[0]?.expression.getText();
    if (base) fields['^'] = base;
    for (const m of st.members) {
      if (!ts.isPropertySignature(m) || !m.type) continue;
      const f = m.name.getText().replace(/['"]/g, '');
      if (f.startsWith('_') || f === 'resourceType') continue;
      const k = kindOf(m.type, generics);
      if (!k) continue;
      const kind = name === 'Narrative' && f === 'div' ? 'x' : k.kind;
      fields[f] = kind + (k.array ? '*' : '');
    }
    out[name] = fields;
  }
  return out;
}

const result = { STU3: table(join(typesDir, 'r3.d.ts')), R4: table(join(typesDir, 'r4.d.ts')) };
writeFileSync(join(here, 'fhir-elements.json'), JSON.stringify(result));
console.log('types', Object.keys(result.STU3).length, Object.keys(result.R4).length);
