/**
 * The Stepvisor assembly language server (AArch64 and x86-64 GNU assembly): its own process, started by the
 * extension through vscode-languageclient (IPC) or by tests (`--stdio`). No `vscode` import.
 */
import { type Connection, ProposedFeatures, TextDocumentSyncKind, TextDocuments, createConnection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type Arch, type ParsedDoc, detectArch, parseDocument } from './document';
import { type Settings, completion, definition, diagnostics, documentSymbols, hover, references } from './features';
import { lookupSysReg, sysRegMarkdown, x86RegByName, x86RegMarkdown } from './registers';

const DEFAULTS: Settings = { architecture: 'auto', breakpoints: 6, watchpoints: 4 };
const DIAGNOSTIC_DELAY_MS = 150;

/** The `stepvisor.asm` settings section, validated (anything malformed falls back to the default). */
function readSettings(raw: unknown): Settings {
  const o = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const count = (v: unknown, d: number): number => (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 16 ? v : d);
  const a = o.architecture;
  return {
    architecture: a === 'arm64' || a === 'x86_64' ? a : 'auto',
    breakpoints: count(o.breakpoints, DEFAULTS.breakpoints),
    watchpoints: count(o.watchpoints, DEFAULTS.watchpoints),
  };
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let settings = DEFAULTS;
  const cache = new Map<string, { version: number; arch: Arch; parsed: ParsedDoc }>();
  const timers = new Map<string, NodeJS.Timeout>();

  const parsed = (doc: TextDocument): ParsedDoc => {
    const text = doc.getText();
    const arch = settings.architecture === 'auto' ? detectArch(text) : settings.architecture;
    const c = cache.get(doc.uri);
    if (c && c.version === doc.version && c.arch === arch) return c.parsed;
    const p = parseDocument(text, arch);
    cache.set(doc.uri, { version: doc.version, arch, parsed: p });
    return p;
  };
  // TextDocument's own line index walks the text a character at a time (about 0.1 s for 10 MB); indexOf is
  // native, so the server keeps its own per version.
  const lineStarts = new Map<string, { version: number; starts: Int32Array }>();
  const lineText = (doc: TextDocument, line: number): string => {
    const text = doc.getText();
    let e = lineStarts.get(doc.uri);
    if (!e || e.version !== doc.version) {
      let n = 1;
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
      const starts = new Int32Array(n);
      let k = 1;
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[k++] = i + 1;
      e = { version: doc.version, starts };
      lineStarts.set(doc.uri, e);
    }
    if (line < 0 || line >= e.starts.length) return '';
    const start = e.starts[line];
    const end = line + 1 < e.starts.length ? e.starts[line + 1] - 1 : text.length;
    // Only the analysed prefix of a very long line is ever needed.
    return text.slice(start, Math.min(end, start + 1000)).replace(/\r$/, '');
  };

  const validate = (doc: TextDocument): void => {
    const version = doc.version;
    const diags = diagnostics(parsed(doc), settings);
    if (documents.get(doc.uri)?.version === version) void connection.sendDiagnostics({ uri: doc.uri, version, diagnostics: diags });
  };
  const schedule = (doc: TextDocument): void => {
    clearTimeout(timers.get(doc.uri));
    timers.set(doc.uri, setTimeout(() => {
      timers.delete(doc.uri);
      const d = documents.get(doc.uri);
      if (d) validate(d);
    }, DIAGNOSTIC_DELAY_MS));
  };

  connection.onInitialize((params) => {
    const init = (params.initializationOptions ?? {}) as Record<string, unknown>;
    settings = readSettings(init.settings ?? init);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['%', '.', ' ', ','] },
        definitionProvider: true,
        referencesProvider: true,
        documentSymbolProvider: true,
      },
      serverInfo: { name: 'stepvisor-asm', version: '0.1.0' },
    };
  });

  connection.onDidChangeConfiguration((change) => {
    const s = (change.settings ?? {}) as { stepvisor?: { asm?: unknown } };
    settings = readSettings(s.stepvisor?.asm);
    cache.clear();
    for (const d of documents.all()) schedule(d);
  });

  documents.onDidOpen((e) => schedule(e.document));
  documents.onDidChangeContent((e) => schedule(e.document));
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    cache.delete(e.document.uri);
    lineStarts.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onHover((p) => {
    const doc = documents.get(p.textDocument.uri);
    return doc ? hover(parsed(doc), lineText(doc, p.position.line), p.position, settings) : null;
  });
  connection.onCompletion((p) => {
    const doc = documents.get(p.textDocument.uri);
    return doc ? completion(parsed(doc), lineText(doc, p.position.line), p.position, settings) : [];
  });
  connection.onDefinition((p) => {
    const doc = documents.get(p.textDocument.uri);
    return doc ? definition(parsed(doc), doc.uri, lineText(doc, p.position.line), p.position) : null;
  });
  connection.onReferences((p) => {
    const doc = documents.get(p.textDocument.uri);
    return doc ? references(parsed(doc), doc.uri, lineText(doc, p.position.line), p.position, p.context.includeDeclaration) : [];
  });
  connection.onDocumentSymbol((p) => {
    const doc = documents.get(p.textDocument.uri);
    return doc ? documentSymbols(parsed(doc)) : [];
  });

  /**
   * The extension's hover middleware asks for the field table of a live value read from the debug adapter,
   * so the rendering stays here, next to the table.
   */
  connection.onRequest('stepvisor/describeRegister', (p: { uri?: string; name: string; value: string }) => {
    let value: bigint;
    try {
      value = BigInt(p.value);
    } catch {
      return null;
    }
    const doc = p.uri !== undefined ? documents.get(p.uri) : undefined;
    const arch = doc ? parsed(doc).arch : 'arm64';
    if (arch === 'arm64') {
      const r = lookupSysReg(p.name);
      const def = r.kind === 'known' ? r.def : r.kind === 'generic' ? r.def : undefined;
      return def ? { markdown: sysRegMarkdown(def, settings, value, 'Live value') } : null;
    }
    const def = x86RegByName(p.name);
    return def ? { markdown: x86RegMarkdown(def, value, 'Live value') } : null;
  });

  documents.listen(connection);
  connection.listen();
}

startServer(createConnection(ProposedFeatures.all));
