// End-to-end test in real VS Code (code-server 4.100.3 + Debian chromium + playwright-core): what a user does
// with the example workspace. Screenshots go to test-results/e2e/. Prints "N passed, N failed"; exit 0 when
// everything passed. Run with `npm run test:e2e` (installs code-server on first use, see install.sh).
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { EXAMPLE, ROOT, WORK, buildExtension, ensureInstalled, freePort, prepareProfile, startCodeServer, workbenchUrl } from './code-server.mjs';

const SHOTS = path.join(ROOT, 'test-results', 'e2e');
const TOTAL_BUDGET_MS = Number(process.env.STEPVISOR_E2E_BUDGET_MS || 300_000);
const SOURCE = 'sensors.c';
const BREAK_TEXT = 's->count++;';
const BREAK_LINE = fs.readFileSync(path.join(EXAMPLE, SOURCE), 'utf8').split('\n').findIndex((l) => l.includes(BREAK_TEXT)) + 1;
if (BREAK_LINE === 0) throw new Error(`${SOURCE} has no line with ${BREAK_TEXT}`);

const t0 = Date.now();
const timings = {};
const mark = (k) => (timings[k] = Date.now() - t0);
const results = [];
let page;
let server;
let ctx;

fs.rmSync(SHOTS, { recursive: true, force: true });
fs.mkdirSync(SHOTS, { recursive: true });
const shots = [];
async function shot(name) {
  if (!page) return;
  const file = path.join(SHOTS, `${name}.png`);
  await page.mouse.move(5, 500).catch(() => {}); // no toolbar tooltip in the picture
  await page.waitForTimeout(200);
  await page.screenshot({ path: file });
  shots.push(path.relative(ROOT, file));
}

/** Runs the checks in order; after the first failure the rest cannot mean anything and count as failed. */
const checks = [];
const check = (name, fn) => checks.push({ name, fn });

async function retry(what, attempts, fn) {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (e) {
      if (i >= attempts) throw new Error(`${what}: ${e instanceof Error ? e.message.split('\n')[0] : e}`);
      await page.keyboard.press('Escape').catch(() => {});
      await page.waitForTimeout(1000);
    }
  }
}

/** The quick input is only useful once the remote extension host has registered its contributions. */
async function quickPick(key, text, rowText) {
  const input = page.locator('.quick-input-widget input');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: rowText }).first();
  await retry(`quick input "${text}"`, 20, async () => {
    await page.keyboard.press(key);
    await input.waitFor({ timeout: 10_000 });
    await input.fill(text);
    await row.waitFor({ timeout: 3000 });
  });
  return row;
}

async function runCommand(title) {
  const row = await quickPick('F1', `>${title}`, new RegExp(`^\\s*${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  await row.click(); // not Enter: Enter runs whichever fuzzy match is highlighted
}

const callStack = () => page.locator('.debug-call-stack');
const variables = () => page.locator('.debug-variables');
const hardwarePane = () => page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Debug Hardware' }) });

/** The top frame's "file line:col" from the Call Stack view, e.g. { name: 'record', line: 57 }. */
async function topFrame() {
  const row = callStack().locator('.monaco-list-row', { has: page.locator('.stack-frame') }).first();
  const name = (await row.locator('.function-name, .label').first().innerText()).trim();
  const text = await row.innerText();
  const m = /(\d+):\d+/.exec(text);
  return { name, line: m ? Number(m[1]) : NaN, text: text.replace(/\s+/g, ' ') };
}

async function waitFor(what, fn, timeout = 30_000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      if (e && e.fatal) throw e;
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? `: ${last.message.split('\n')[0]}` : ''}`);
    await page.waitForTimeout(250);
  }
}

check('VS Code opens the example workspace with Stepvisor loaded', async () => {
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.getByRole('treeitem', { name: new RegExp(SOURCE.replace('.', '\\.')) }).first().waitFor({ timeout: 60_000 });
  mark('explorerReady');
  // A wider side bar, so the Debug Hardware view's descriptions are readable in the screenshots.
  const bar = await page.locator('.part.sidebar').boundingBox();
  if (bar) {
    await page.mouse.move(bar.x + bar.width - 1, bar.y + bar.height / 2);
    await page.mouse.down();
    await page.mouse.move(bar.x + 560, bar.y + bar.height / 2, { steps: 5 });
    await page.mouse.up();
  }
  await shot('01-workbench');
});

/** Opens `file` and toggles a breakpoint on `line` by clicking the editor's glyph margin, as a user does. */
async function gutterBreakpoint(file, line) {
  await (await quickPick('Control+P', file, file)).click();
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await page.locator('.tab.active', { hasText: file }).waitFor({ timeout: 15_000 });
  await editor.locator('.view-lines').waitFor({ timeout: 15_000 });
  const before = await editor.locator('.codicon-debug-breakpoint').count();
  // Reveal the line (Go to Line centres it), then click the glyph margin left of its line number.
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input').waitFor({ timeout: 10_000 });
  await page.locator('.quick-input-widget input').fill(`:${line}`);
  await page.keyboard.press('Enter');
  const lineNumber = editor.locator('.margin-view-overlays .line-numbers', { hasText: new RegExp(`^\\s*${line}\\s*$`) }).first();
  await lineNumber.waitFor({ timeout: 10_000 });
  const lb = await lineNumber.boundingBox();
  const mb = await editor.locator('.margin').first().boundingBox();
  if (!lb || !mb) throw new Error('editor margin not laid out');
  await page.mouse.move(mb.x + 9, lb.y + lb.height / 2);
  await page.waitForTimeout(200);
  await page.mouse.click(mb.x + 9, lb.y + lb.height / 2);
  await waitFor(`a breakpoint glyph at ${file}:${line}`, async () => (await editor.locator('.codicon-debug-breakpoint').count()) > before, 10_000);
}

/** Waits until the Call Stack shows frames; a launch error (modal dialog) fails at once with its text. */
async function waitForStop(what) {
  await waitFor(what, async () => {
    const dialog = page.locator('.monaco-dialog-box');
    if (await dialog.isVisible()) throw Object.assign(new Error(`launch failed: ${(await dialog.innerText()).replace(/\s+/g, ' ')}`), { fatal: true });
    // The adapter's stop description replaces VS Code's "Paused on breakpoint" label: look for a frame.
    return (await callStack().locator('.monaco-list-row .stack-frame').count()) > 0;
  }, 60_000);
}

async function stopSession() {
  await page.locator('.debug-toolbar .action-item .codicon-debug-stop').first().click();
  await page.locator('.debug-toolbar').waitFor({ state: 'hidden', timeout: 15_000 });
}

/** Rows of the Debug Hardware view (label and description run together), after making room for it. */
async function hardwareRows() {
  const pane = hardwarePane();
  await pane.waitFor({ timeout: 15_000 });
  const header = pane.locator('.pane-header').first();
  if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
  // Make room: Watch is empty in this test and Breakpoints lists the exception filters.
  for (const title of [/^\s*Watch/i, /^\s*Breakpoints/i]) {
    const h = page.locator('.pane-header', { hasText: title }).first();
    if ((await h.count()) > 0 && (await h.getAttribute('aria-expanded')) === 'true') await h.click();
  }
  return (await pane.locator('.monaco-list-row').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim());
}

check(`a breakpoint set by clicking the gutter at ${SOURCE}:${BREAK_LINE}`, async () => {
  await gutterBreakpoint(SOURCE, BREAK_LINE);
  await shot('02-breakpoint-in-gutter');
});

check('Start Debugging stops at the breakpoint', async () => {
  await runCommand('Debug: Start Debugging');
  mark('startRequested');
  await waitForStop('the session to stop on the breakpoint');
  mark('stoppedAtBreakpoint');
});

let stopLine;
check('the Call Stack shows record ← main at the breakpoint line', async () => {
  const text = await waitFor('record and main in the call stack', async () => {
    const t = await callStack().innerText();
    return /\brecord\b/.test(t) && /\bmain\b/.test(t) ? t : undefined;
  });
  if (text.search(/\brecord\b/) > text.search(/\bmain\b/)) throw new Error(`record is not above main:\n${text}`);
  const top = await topFrame();
  if (top.name !== 'record') throw new Error(`top frame is ${top.text}`);
  if (top.line !== BREAK_LINE) throw new Error(`stopped at line ${top.line}, expected ${BREAK_LINE} (${top.text})`);
  stopLine = top.line;
  await shot('03-stopped-call-stack');
});

/** The Variables view's text for x0, sp and pc (scrolling its virtual list), and pc's value. */
async function readRegisters() {
  let seen = '';
  const text = await waitFor('x0, sp and pc in Variables', async () => {
    const box = await variables().boundingBox();
    if (box) {
      await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 100));
      await page.mouse.wheel(0, -5000);
      await page.waitForTimeout(300);
      seen = '';
      for (let i = 0; i < 25 && !(/\bx0\b/.test(seen) && /\bpc\b/.test(seen) && /\bsp\b/.test(seen)); i++) {
        seen += '\n' + (await variables().innerText());
        await page.mouse.wheel(0, 120);
        await page.waitForTimeout(50);
      }
    }
    const t = seen + '\n' + (await variables().innerText());
    if (/\bx0\b/.test(t) && /\bpc\b/.test(t) && /\bsp\b/.test(t)) return t;
    // The registers scope may be collapsed: expand the first collapsed scope whose name says so.
    const scope = variables().locator('.monaco-list-row[aria-expanded="false"]', { hasText: /regist/i }).first();
    if ((await scope.count()) > 0) await scope.click();
    return undefined;
  });
  const m = /\bpc\b\s*[:=]?\s*(0x[0-9a-f]+)/i.exec(text);
  if (!m) throw new Error(`no pc value in:\n${text.slice(0, 400)}`);
  return { text, pc: BigInt(m[1]) };
}

let pc;
check('the Variables view shows the core registers', async () => {
  pc = (await readRegisters()).pc;
  await shot('04-registers');
});

check('the Debug Hardware view shows the breakpoint in a slot (effective = pc, guest untouched)', async () => {
  let rows = [];
  const row = await waitFor('a slot held by the breakpoint', async () => {
    rows = await hardwareRows();
    return rows.find((r) => new RegExp(`^BP\\d+\\s*effective 0x[0-9a-f]+ ← ${SOURCE.replace('.', '\\.')}:${BREAK_LINE}\\b.* \\| guest off$`).test(r));
  }, 15_000).catch((e) => {
    throw new Error(`${e.message}; rows: ${JSON.stringify(rows)}`);
  });
  const eff = /effective (0x[0-9a-f]+)/.exec(row);
  if (!eff || BigInt(eff[1]) !== pc) throw new Error(`slot "${row}" does not hold pc ${pc !== undefined ? '0x' + pc.toString(16) : '?'}`);
  for (const reg of ['MDSCR_EL1', 'OSLSR_EL1', 'MDCR_EL2']) if (!rows.some((r) => r.startsWith(reg))) throw new Error(`${reg} missing from the view: ${JSON.stringify(rows)}`);
  console.log(`  Debug Hardware: ${row}`);
  await shot('05-debug-hardware');
});

check('Step Over moves to the next line in record', async () => {
  await page.locator('.debug-toolbar .action-item .codicon-debug-step-over').first().click();
  const top = await waitFor('the top frame to move', async () => {
    const f = await topFrame();
    return f.line !== stopLine && Number.isFinite(f.line) ? f : undefined;
  });
  if (top.name !== 'record' || !(top.line > stopLine)) throw new Error(`after Step Over: ${top.text}`);
  console.log(`  stepped ${SOURCE}:${stopLine} -> ${top.line}`);
  mark('stepped');
  await shot('06-after-step-over');
});

check('Stop ends the session', stopSession);

check('Select and Start Debugging offers the workspace ELFs (dynamic configurations)', async () => {
  await (await quickPick('F1', '>Debug: Select and Start Debugging', /Debug: Select and Start Debugging/)).click();
  const provider = page.locator('.quick-input-list .monaco-list-row', { hasText: /Stepvisor/ }).filter({ hasNotText: /Sensors|Self-debugging/ }).first();
  await provider.waitFor({ timeout: 15_000 });
  await provider.click();
  const offered = page.locator('.quick-input-list .monaco-list-row', { hasText: /Stepvisor: .*\.elf/ });
  await waitFor('sensors.elf and selfdebug.elf offered', async () => {
    const rows = (await offered.allInnerTexts()).join(' | ');
    return rows.includes('sensors.elf') && rows.includes('selfdebug.elf') ? rows : undefined;
  }, 15_000);
  const n = await offered.count();
  if (n !== 2) throw new Error(`expected each ELF offered once, got ${n}: ${(await offered.allInnerTexts()).join(' | ')}`);
  await shot('07-dynamic-configurations');
  await page.keyboard.press('Escape');
});

// The assembly guest that programs its own breakpoint 0 and sets the OS Lock (examples/debug-hardware/selfdebug.S).
const ASM = 'selfdebug.S';
const ASM_LINE = fs.readFileSync(path.join(EXAMPLE, ASM), 'utf8').split('\n').findIndex((l) => l.includes('no trap: the OS Lock')) + 1;
const ASM_CONFIG = 'Self-debugging guest with OS Lock (assembly)';

check(`assembly: a gutter breakpoint at ${ASM}:${ASM_LINE}, the OS Lock guest launched, stops on entry`, async () => {
  await gutterBreakpoint(ASM, ASM_LINE);
  const row = await quickPick('F1', '>Debug: Select and Start Debugging', /Debug: Select and Start Debugging/);
  await row.click();
  const config = page.locator('.quick-input-list .monaco-list-row', { hasText: ASM_CONFIG }).first();
  await config.waitFor({ timeout: 15_000 });
  await config.click();
  await waitForStop('the stop on entry');
  await waitFor('_start on top of the call stack', async () => (await topFrame()).name === '_start', 15_000);
});

check(`assembly: Continue stops at ${ASM}:${ASM_LINE} while the OS Lock is set`, async () => {
  await page.locator('.debug-toolbar .action-item .codicon-debug-continue').first().click();
  const top = await waitFor(`the stop at ${ASM}:${ASM_LINE}`, async () => {
    const f = await topFrame();
    return f.line === ASM_LINE ? f : undefined;
  });
  if (!top.text.includes(ASM)) throw new Error(`stopped in ${top.text}`);
});

check("assembly: Debug Hardware shows the guest's own BP0 and OSLK=1 beside the debugger's effective slot", async () => {
  let rows = [];
  await waitFor('OSLK=1, a guest-armed BP0 and the debugger-held slot', async () => {
    rows = await hardwareRows();
    const oslk = rows.some((r) => /^OSLSR_EL1.*OSLK=1/.test(r));
    const guestBp0 = rows.some((r) => /^BP0.*\| guest 0x[0-9a-f]+$/.test(r)); // the guest armed slot 0 on `target`
    const held = rows.some((r) => new RegExp(`^BP\\d+\\s*effective 0x[0-9a-f]+ ← ${ASM.replace('.', '\\.')}:${ASM_LINE}\\b`).test(r));
    const mdscr = rows.find((r) => r.startsWith('MDSCR_EL1'));
    return oslk && guestBp0 && held && mdscr !== undefined && /0xa000/.test(mdscr); // the guest's MDE|KDE
  }, 15_000).catch((e) => {
    throw new Error(`${e.message}; rows: ${JSON.stringify(rows)}`);
  });
  for (const r of rows.filter((r) => /^(BP0|OSLSR|MDSCR)/.test(r))) console.log(`  Debug Hardware: ${r}`);
  await shot('08-asm-oslock-debug-hardware');
});

check('two sessions: Debug Hardware follows the focused session (debug.activeStackItem)', async () => {
  const slotOf = (file, line) => new RegExp(`^BP\\d+\\s*effective 0x[0-9a-f]+ ← ${file.replace('.', '\\.')}:${line}\\b`);
  const viewShows = (re) => waitFor(`Debug Hardware to show ${re}`, async () => (await hardwareRows()).some((r) => re.test(r)), 15_000);
  // A second session (the C guest) next to the stopped assembly guest: it takes the focus.
  await (await quickPick('F1', '>Debug: Select and Start Debugging', /Debug: Select and Start Debugging/)).click();
  const config = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Sensors (C)' }).first();
  await config.waitFor({ timeout: 15_000 });
  await config.click();
  // With two sessions the Call Stack lists one (collapsed) row per session: expand them to reach the frames.
  const rows = callStack().locator('.monaco-list-row');
  const frame = async (name) => {
    const i = (await rows.allInnerTexts()).findIndex((t) => new RegExp(`^\\s*${name}\\b`).test(t));
    if (i < 0) throw new Error(`no frame ${name} in the Call Stack`);
    return rows.nth(i);
  };
  await waitFor('both sessions with their frames in the Call Stack', async () => {
    const collapsed = callStack().locator('.monaco-list-row[aria-expanded="false"]');
    if ((await collapsed.count()) > 0) await collapsed.first().locator('.monaco-tl-twistie').click();
    return (await frame('record')) && (await frame('locked'));
  }, 30_000).catch(async (e) => {
    const rows = await callStack().locator('.monaco-list-row').evaluateAll((els) => els.map((el) => el.className + ' :: ' + el.innerHTML.slice(0, 300)));
    throw new Error(`${e.message}; rows: ${JSON.stringify(rows)}`);
  });
  // Focus the C guest's frame, the assembly guest's, then the C guest's again.
  await (await frame('record')).click();
  await viewShows(slotOf(SOURCE, BREAK_LINE));
  await (await frame('locked')).click();
  await viewShows(slotOf(ASM, ASM_LINE));
  await (await frame('record')).click();
  await viewShows(slotOf(SOURCE, BREAK_LINE));
  await shot('09-two-sessions');
});

check('both sessions stop', async () => {
  for (let i = 0; i < 4 && (await page.locator('.debug-toolbar').isVisible()); i++) {
    await page.locator('.debug-toolbar .action-item .codicon-debug-stop').first().click();
    await page.waitForTimeout(1000);
  }
  await page.locator('.debug-toolbar').waitFor({ state: 'hidden', timeout: 15_000 });
});

/** Address of a symbol in an ELF64 little-endian file (.symtab), so the test needs no toolchain. */
function elfSymbol(file, name) {
  const b = fs.readFileSync(file);
  const shoff = Number(b.readBigUInt64LE(0x28));
  const shentsize = b.readUInt16LE(0x3a);
  const shnum = b.readUInt16LE(0x3c);
  const sh = (i) => ({ type: b.readUInt32LE(shoff + i * shentsize + 4), offset: Number(b.readBigUInt64LE(shoff + i * shentsize + 0x18)), size: Number(b.readBigUInt64LE(shoff + i * shentsize + 0x20)), link: b.readUInt32LE(shoff + i * shentsize + 0x28) });
  for (let i = 0; i < shnum; i++) {
    const s = sh(i);
    if (s.type !== 2) continue; // SHT_SYMTAB
    const str = sh(s.link);
    for (let o = s.offset; o < s.offset + s.size; o += 24) {
      const n = b.readUInt32LE(o);
      const end = b.indexOf(0, str.offset + n);
      if (b.toString('latin1', str.offset + n, end) === name) return b.readBigUInt64LE(o + 8);
    }
  }
  throw new Error(`${name} not in ${file}`);
}

// A data breakpoint on stats.max (struct stats { u32 count; s32 min; s32 max; ... }: offset 8, 4 bytes).
const MAX_ADDR = elfSymbol(path.join(EXAMPLE, 'sensors.elf'), 'stats') + 8n;
const C_CONFIG = 'Sensors (C)';

check(`data breakpoint: stopped at ${SOURCE}:${BREAK_LINE} again, a write watchpoint on stats.max (0x${MAX_ADDR.toString(16)}) is added`, async () => {
  await (await quickPick('F1', '>Debug: Select and Start Debugging', /Debug: Select and Start Debugging/)).click();
  const config = page.locator('.quick-input-list .monaco-list-row', { hasText: C_CONFIG }).first();
  await config.waitFor({ timeout: 15_000 });
  await config.click();
  await waitForStop('the stop at the breakpoint');
  await waitFor(`record:${BREAK_LINE} on top`, async () => {
    const f = await topFrame();
    return f.name === 'record' && f.line === BREAK_LINE;
  }, 15_000);
  await (await quickPick('F1', '>Add Data Breakpoint at Address', /Add Data Breakpoint at Address/)).click();
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10_000 });
  await input.fill(`0x${MAX_ADDR.toString(16)} + 4`);
  await page.keyboard.press('Enter');
  const write = page.locator('.quick-input-list .monaco-list-row', { hasText: /^\s*write\s*$/ }).first();
  await write.waitFor({ timeout: 10_000 });
  await write.click();
  let rows = [];
  await waitFor('the watchpoint in a WP slot', async () => {
    rows = await hardwareRows();
    return rows.some((r) => new RegExp(`^WP\\d+\\s*effective 0x${MAX_ADDR.toString(16)} write 4 bytes ← `).test(r));
  }, 15_000).catch((e) => {
    throw new Error(`${e.message}; rows: ${JSON.stringify(rows)}`);
  });
});

check('data breakpoint: Continue stops in record where stats.max is written', async () => {
  await page.locator('.debug-toolbar .action-item .codicon-debug-continue').first().click();
  const maxLine = fs.readFileSync(path.join(EXAMPLE, SOURCE), 'utf8').split('\n').findIndex((l) => l.includes('s->max = value;')) + 1;
  const top = await waitFor('the data breakpoint stop', async () => {
    const f = await topFrame();
    return f.name === 'record' && f.line !== BREAK_LINE ? f : undefined;
  });
  // The watchpoint reports after the store: at the store's line or the next one.
  if (top.line !== maxLine && top.line !== maxLine + 1) throw new Error(`stopped at ${top.text}, expected ${SOURCE}:${maxLine}`);
  // The Call Stack header carries the stop's description (reason and syndrome).
  const header = (await page.locator('.pane-header', { hasText: /Call Stack/i }).first().innerText()).replace(/\s+/g, ' ');
  console.log(`  data breakpoint stop: ${top.text}; ${header}`);
  for (const r of (await hardwareRows()).filter((r) => r.startsWith('WP0'))) console.log(`  Debug Hardware: ${r}`);
  await shot('10-data-breakpoint');
  if (!/data breakpoint/i.test(header) || !header.includes(`0x${MAX_ADDR.toString(16)}`)) throw new Error(`stop description does not name the data breakpoint: ${header}`);
});

check('Reset CPU (debug toolbar) stops at the entry point', async () => {
  await page.locator('.debug-toolbar .action-item a[aria-label*="Reset CPU"], .debug-toolbar .action-item [aria-label*="Reset CPU"]').first().click();
  await waitFor('_start on top after the reset', async () => (await topFrame()).name === '_start', 15_000);
  const entry = fs.readFileSync(path.join(EXAMPLE, 'sensors.elf')).readBigUInt64LE(0x18); // e_entry
  const regs = await waitFor('pc = the ELF entry point', async () => {
    const r = await readRegisters();
    return r.pc === entry ? r : undefined;
  }, 15_000);
  console.log(`  after Reset CPU: pc = 0x${regs.pc.toString(16)} (_start)`);
  await shot('11-reset-cpu');
});

check('data breakpoint: Stop ends the session', stopSession);

// The assembly language server (src/language-server): hovering a system register in the editor shows its
// field table from the emulator's register database, with the value the code writes there decoded.
const HOVER_LINE = fs.readFileSync(path.join(EXAMPLE, ASM), 'utf8').split('\n').findIndex((l) => /^\s+msr\s+oslar_el1, x0/.test(l)) + 1;
check(`language server: hovering oslar_el1 in ${ASM}:${HOVER_LINE} shows its field table`, async () => {
  await (await quickPick('Control+P', ASM, ASM)).click();
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await page.locator('.tab.active', { hasText: ASM }).waitFor({ timeout: 15_000 });
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input').waitFor({ timeout: 10_000 });
  await page.locator('.quick-input-widget input').fill(`:${HOVER_LINE}`);
  await page.keyboard.press('Enter');
  const line = editor.locator('.view-line', { hasText: /^\s*msr\s+oslar_el1,\s*x0/ }).first();
  await line.waitFor({ timeout: 10_000 });
  const hover = page.locator('.monaco-hover:visible', { hasText: 'OSLAR_EL1' }).first();
  const text = await retry('the hover on oslar_el1', 10, async () => {
    // The grammar gives the register its own token; without it, fall back to the line's text offset.
    const token = line.locator('span', { hasText: /^oslar_el1$/ }).first();
    let box = (await token.count()) > 0 ? await token.boundingBox() : null;
    if (!box) {
      const lb = await line.boundingBox();
      const raw = await line.innerText();
      const col = raw.replace(/\u00a0/g, ' ').indexOf('oslar_el1') + 3;
      if (!lb) throw new Error('line not laid out');
      box = { x: lb.x + col * 7.7, y: lb.y, width: 1, height: lb.height };
    }
    await page.mouse.move(5, 500);
    await page.waitForTimeout(100);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
    await hover.waitFor({ timeout: 5000 });
    await hover.locator('table').first().waitFor({ timeout: 5000 });
    return (await hover.innerText()).replace(/\s+/g, ' ');
  });
  console.log(`  hover: ${text.slice(0, 300)}`);
  await page.waitForTimeout(600); // the hover fades in
  const file = path.join(SHOTS, '12-asm-hover.png');
  await page.screenshot({ path: file }); // not shot(): it moves the mouse away and the hover closes
  shots.push(path.relative(ROOT, file));
  const rows = await hover.locator('table tr').allInnerTexts();
  const oslk = rows.map((r) => r.replace(/\s+/g, ' ').trim()).find((r) => /^0 OSLK /.test(r));
  if (!/write-only/.test(text) || !oslk || !/0x1/.test(oslk)) throw new Error(`the hover has no OSLK row with the written value 0x1: ${text}`);
});

async function main() {
  ensureInstalled();
  buildExtension();
  mark('installedAndBuilt');
  armBudget(); // the first-use install has its own bound (run.sh)
  const port = await freePort(Number(process.env.STEPVISOR_E2E_PORT || 18123));
  // STEPVISOR_E2E_ADAPTER=external|server runs the same test against the adapter as a process (see src/adapter-factory.ts).
  const mode = process.env.STEPVISOR_E2E_ADAPTER || 'inline';
  const profile = prepareProfile('e2e', { fresh: true, settings: { 'stepvisor.adapter.mode': mode } });
  console.log(`  adapter mode: ${mode}`);
  server = await startCodeServer({ port, profile, logFile: path.join(profile.dir, 'code-server.log') });
  mark('codeServerUp');
  const browserProfile = path.join(profile.dir, 'chromium');
  ctx = await chromium.launchPersistentContext(browserProfile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1600, height: 1000 },
    // Chromium's crash handler writes under XDG_CONFIG_HOME even with a fresh profile.
    env: { ...process.env, ...profile.xdg },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    timeout: 60_000,
  });
  page = ctx.pages()[0] ?? (await ctx.newPage());
  page.setDefaultTimeout(30_000);
  const consoleLog = fs.createWriteStream(path.join(SHOTS, 'browser-console.log'));
  page.on('console', (m) => consoleLog.write(`[${m.type()}] ${m.text()}\n`));
  page.on('pageerror', (e) => consoleLog.write(`[pageerror] ${e}\n`));
  await page.goto(workbenchUrl(server.base, EXAMPLE, ROOT), { waitUntil: 'domcontentloaded', timeout: 60_000 });
  mark('pageLoaded');
  let failedAt = -1;
  for (let i = 0; i < checks.length; i++) {
    const c = checks[i];
    if (failedAt >= 0) {
      results.push({ name: c.name, ok: false, why: 'not run (an earlier check failed)' });
      continue;
    }
    const s = Date.now();
    try {
      await c.fn();
      results.push({ name: c.name, ok: true, ms: Date.now() - s });
    } catch (e) {
      failedAt = i;
      results.push({ name: c.name, ok: false, why: e instanceof Error ? e.message : String(e), ms: Date.now() - s });
      await shot('99-failure').catch(() => {});
    }
  }
}

function report() {
  for (const r of results) console.log(`${r.ok ? '  ✓' : '  ✗'} ${r.name}${r.ms !== undefined ? ` (${r.ms} ms)` : ''}${r.ok ? '' : `\n      ${r.why}`}`);
  for (const s of shots) console.log(`  screenshot ${s}`);
  console.log(`  timings (ms from start): ${JSON.stringify(timings)}`);
  if (timings.stoppedAtBreakpoint !== undefined && timings.pageLoaded !== undefined)
    console.log(`  page load -> stopped at breakpoint: ${timings.stoppedAtBreakpoint - timings.pageLoaded} ms`);
  const passed = results.filter((r) => r.ok).length;
  console.log(`${passed} passed, ${results.length - passed} failed`);
  return passed === results.length && results.length === checks.length;
}

async function cleanup() {
  await ctx?.close().catch(() => {});
  server?.stop();
}

let budget;
const armBudget = () => (budget = setTimeout(async () => {
  results.push({ name: `finished within ${TOTAL_BUDGET_MS / 1000} s`, ok: false, why: 'time budget exceeded' });
  await shot('99-timeout').catch(() => {});
  await cleanup();
  report();
  process.exit(1);
}, TOTAL_BUDGET_MS));

let ok = false;
try {
  await main();
  ok = report();
} catch (e) {
  console.log(`e2e setup failed: ${e instanceof Error ? e.stack : e}`);
  results.push({ name: 'setup (code-server, chromium, workbench)', ok: false, why: String(e) });
  report();
} finally {
  clearTimeout(budget);
  await cleanup();
}
console.log(`  artefacts: ${path.relative(ROOT, SHOTS)}/ (screenshots, browser-console.log), server log ${path.relative(ROOT, path.join(WORK, 'e2e', 'code-server.log'))}`);
process.exit(ok ? 0 : 1);
