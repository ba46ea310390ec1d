import { subsequenceLetter } from '../flow/graph';
import type { KartraProfile } from '../kartra/profile';
import type {
  Connection,
  Diagnostic,
  PageModel,
  ProfileSource,
  SequenceModel,
  StartingRule,
  Step,
} from '../model/model';
import { assignBranches, type Branch } from './branches';
import { type CardCheckId, emptyReadStats, profileFit, type ReadStats } from './fit';
import { isFiniteRect } from './geometry';
import { orientLines, traceLines } from './match-lines';
import { type Owner, type PlacedNode, placeNodes, typicalNodeSize } from './match-nodes';
import { resolveRoles } from './node-roles';
import { parseCount, parsePublicName } from './parse-fields';
import { iconValue, statusFromIcon } from './parse-icons';
import { cardWhere, REF_PATTERN } from './read-step';
import type { Scene, SceneCard, SceneLeftOutCard } from './scene';
import { StepCache } from './step-cache';
import { afterPrefix, collapse, samePhrase } from './text';

/**
 * The builder page, read as a person reads it: a pure function from what the page showed
 * (a Scene) to the sequence model the checks consume. Unreadable parts become diagnostics.
 */
export function interpretScene(
  scene: Scene,
  profile: KartraProfile,
  url: string,
  source: ProfileSource = 'built-in',
  steps: StepCache = new StepCache(profile),
): Extract<PageModel, { kind: 'editor' | 'unrecognised' }> {
  const missing = missingParts(scene, profile);
  if (missing.length > 0) return { kind: 'unrecognised', url, diagnostics: missing };
  const stats = emptyReadStats();
  const sequence = interpretSequence(scene, profile, url, stats, steps);
  return { kind: 'editor', url, sequence, reading: { profile: source, ...profileFit(stats) } };
}

/** What a builder page must show to be recognised. */
export function missingParts(scene: Scene, profile: KartraProfile): Diagnostic[] {
  const where = 'page';
  if (!scene.found.root)
    return [{ code: 'builder-not-found', where, expected: `the sequence builder (${profile.editor.root})` }];
  const missing: Diagnostic[] = [];
  if (!scene.found.canvas)
    missing.push({
      code: 'canvas-not-found',
      where,
      expected: `the builder canvas (${profile.editor.canvas})`,
    });
  if (scene.cards.length === 0 && scene.startingRules === null)
    missing.push({
      code: 'cards-not-found',
      where,
      expected: `any step card (${profile.card.root}) or the Starting Rules module (${profile.startingRules.module})`,
    });
  return missing;
}

export function sequenceIdFromUrl(url: string, profile: KartraProfile): string | null {
  try {
    const m = new RegExp(profile.urls.editorPath).exec(new URL(url).pathname);
    return m?.[1] ?? null;
  } catch {
    return null;
  }
}

export function interpretSequence(
  scene: Scene,
  profile: KartraProfile,
  url: string,
  stats: ReadStats = emptyReadStats(),
  cache: StepCache = new StepCache(profile),
): SequenceModel {
  const diagnostics: Diagnostic[] = [];
  const id = sequenceIdFromUrl(url, profile);
  if (id === null)
    diagnostics.push({
      code: 'sequence-id-missing',
      where: 'address bar',
      expected: 'a sequence id in the editor URL',
      found: url,
    });

  const { all, selected } = readTabs(scene, profile, diagnostics);
  const tab = selected ?? (scene.startingRules ? profile.editor.mainTabLabel : '');

  const toolbar = readToolbar(scene, profile, diagnostics);
  const startingRules = readStartingRules(scene, profile, diagnostics);

  cache.startRead();
  const readings = scene.cards.map((card, i) => cache.read(card, i, tab));
  const steps: (Step | null)[] = readings.map((r) => r.step);
  for (const r of readings) diagnostics.push(...r.diagnostics);
  const seenRefs = new Set<string>();
  stats.cards = steps.length;
  stats.startSeen = startingRules !== null;
  // Named only for a miss: most cards have none, and a name per card is a string per card per read.
  const missOn = (i: number, step: Step | null, id: CardCheckId, blank = false, shown?: string) => {
    const where = step ? `step ${step.ref}` : `card ${i + 1}`;
    stats.misses[id].push(shown === undefined ? { where, blank } : { where, blank, shown });
  };
  readings.forEach(({ step, diagnostics: own }, i) => {
    if (!step) {
      missOn(i, step, 'cards-numbered');
      missOn(i, step, 'kinds-known');
      missOn(i, step, 'timings-read');
      return;
    }
    const numbered = REF_PATTERN.test(step.ref);
    if (numbered) stats.numbered++;
    else missOn(i, step, 'cards-numbered');
    if (numbered && subsequenceLetter(step.ref) === null) stats.mainSteps++;
    if (step.kind === 'goto') {
      stats.gotos++;
      if (step.goto !== null) stats.gotosRead++;
      else
        missOn(
          i,
          step,
          'gotos-read',
          own.some((d) => d.code === 'goto-target-not-shown'),
        );
    }
    if (step.kind !== 'unknown') stats.kindsKnown++;
    else missOn(i, step, 'kinds-known');
    if (step.delay !== null) stats.timingsRead++;
    else missOn(i, step, 'timings-read', false, own.find((d) => d.code === 'timing-unread')?.found);
    if (seenRefs.has(step.ref))
      diagnostics.push({
        code: 'step-number-duplicate',
        where: `step ${step.ref}`,
        expected: 'each number bubble once',
        found: 'two cards with this number',
        step: step.ref,
      });
    else stats.uniqueNumbers++;
    seenRefs.add(step.ref);
  });

  diagnostics.push(...fadedButActive(scene.cards, steps, profile.words.inactive));
  for (const box of scene.leftOut ?? []) diagnostics.push(leftOutDiagnostic(box, profile));

  const connections = readConnections(scene, profile, steps, diagnostics, stats);

  return {
    id: id ?? '',
    name: toolbar.name,
    publicName: toolbar.publicName,
    status: toolbar.status,
    subscribers: toolbar.subscribers,
    startingRules,
    steps: steps.filter((s): s is Step => s !== null),
    connections,
    tabs: { all, seen: selected === null ? [] : [selected] },
    diagnostics,
  };
}

/** A card the profile's selector misses, named by the number and kind it shows. */
function leftOutDiagnostic(box: SceneLeftOutCard, profile: KartraProfile): Diagnostic {
  const pieces = box.pieces.map(collapse);
  const ref = pieces.find((p) => REF_PATTERN.test(p)) ?? null;
  const label = pieces.find((p) => profile.card.kindLabels.some((k) => samePhrase(p, k.label))) ?? null;
  return {
    code: 'card-left-out',
    where: ref === null ? 'canvas' : `step ${ref}`,
    expected: `a step card in the markup the other cards share (${profile.card.root})`,
    found: `a box showing ${label === null ? 'a step' : `"${label}"`}${ref === null ? '' : ` numbered ${ref}`} in markup of its own, not read as a step`,
    ...(ref === null ? {} : { step: ref }),
  };
}

function readTabs(
  scene: Scene,
  profile: KartraProfile,
  diagnostics: Diagnostic[],
): { all: string[]; selected: string | null } {
  const tabs = scene.tabs
    .map((t) => ({ label: collapse(t.label), selected: t.selected }))
    .filter((t) => t.label !== '' && !samePhrase(t.label, profile.editor.tabs.addLabel));
  if (!scene.found.tabs || tabs.length === 0) {
    diagnostics.push({
      code: 'tabs-not-found',
      where: 'tab bar',
      expected: `the sub-sequence tabs (${profile.editor.tabs.tab})`,
    });
    return { all: [], selected: null };
  }
  const selected = tabs.filter((t) => t.selected);
  if (selected.length !== 1)
    diagnostics.push({
      code: 'tab-selection-unclear',
      where: 'tab bar',
      expected: 'exactly one selected tab',
      found: selected.length === 0 ? 'none selected' : `${selected.length} selected`,
    });
  return {
    all: tabs.map((t) => t.label),
    selected: selected.length === 1 ? (selected[0]?.label ?? null) : null,
  };
}

function readToolbar(scene: Scene, profile: KartraProfile, diagnostics: Diagnostic[]) {
  const t = scene.toolbar;
  const where = 'toolbar';
  const name = t.name === null ? null : collapse(t.name);
  if (name === null)
    diagnostics.push({
      code: 'name-not-found',
      where,
      expected: `the sequence name (${profile.editor.name})`,
    });
  const publicName = parsePublicName(t.publicName, profile.editor);
  if (publicName === null)
    diagnostics.push({
      code: 'public-name-unread',
      where,
      expected: `the public name ("${profile.editor.publicNamePrefix} …")`,
      ...(t.publicName === null ? {} : { found: `"${collapse(t.publicName)}"` }),
    });
  const status = statusFromIcon(t.statusIconClasses, profile.status, t.statusGlyphs);
  // The live editor may show no status control at all (the list page always does): its absence
  // is not a misreading. A control whose icon says neither is.
  if (status === null && t.statusIconClasses !== null)
    diagnostics.push({
      code: 'status-unread',
      where,
      expected: `the status button with a ${profile.status.runningIcon} or ${profile.status.pausedIcon} icon`,
      found: `classes ${t.statusIconClasses.join(' ') || '(none)'}`,
    });
  const subscribers = parseCount(t.subscribers);
  if (subscribers === null)
    diagnostics.push({
      code: 'subscribers-unread',
      where,
      expected: 'the number of contacts in the sequence',
      ...(t.subscribers === null ? {} : { found: `"${collapse(t.subscribers)}"` }),
    });
  return { name, publicName, status, subscribers };
}

function readStartingRules(
  scene: Scene,
  profile: KartraProfile,
  diagnostics: Diagnostic[],
): StartingRule[] | null {
  if (!scene.startingRules) return null;
  return scene.startingRules.rules.map((rule, i) => {
    // The icon says what kind of rule it is; without a known icon, the sentence's own words do.
    const type =
      iconValue(rule.iconClasses, profile.startingRules.ruleIcons) ?? typeFromPrefix(rule.label, profile);
    const label = ruleSubject(
      rule.label,
      type ? [profile.words.rulePrefixes[type]] : Object.values(profile.words.rulePrefixes),
    );
    if (type === null)
      diagnostics.push({
        code: 'rule-type-unknown',
        where: 'Starting Rules',
        expected: `a starting rule icon or sentence the reader knows (rule ${i + 1})`,
        found: `classes ${rule.iconClasses.join(' ') || '(none)'}`,
      });
    return { type: type ?? 'unknown', label };
  });
}

function typeFromPrefix(
  text: string,
  profile: KartraProfile,
): Exclude<StartingRule['type'], 'unknown'> | null {
  for (const [type, prefix] of Object.entries(profile.words.rulePrefixes) as [
    Exclude<StartingRule['type'], 'unknown'>,
    string,
  ][])
    if (afterPrefix(text, prefix) !== null) return type;
  return null;
}

/**
 * A rule reads "<what happened>: <subject>" ("Tag applied: Buyers"); the icon already says what
 * happened, so the model keeps the subject. A sentence without a known prefix is kept whole.
 */
function ruleSubject(text: string, prefixes: readonly string[]): string {
  for (const prefix of prefixes) {
    const subject = afterPrefix(text, prefix);
    if (subject !== null) return subject;
  }
  return collapse(text);
}

function readConnections(
  scene: Scene,
  profile: KartraProfile,
  steps: readonly (Step | null)[],
  diagnostics: Diagnostic[],
  stats: ReadStats,
): Connection[] {
  stats.canvasHasCards = scene.cards.length > 0;
  stats.nodes = scene.nodes.length;
  if (scene.nodes.length === 0 && scene.lines.length === 0) {
    // Every card shows its connection nodes, linked or not: none at all means they were not
    // read, not that nothing is connected.
    if (scene.cards.length > 0)
      diagnostics.push({
        code: 'connections-not-found',
        where: 'canvas',
        expected: `the connection nodes on the cards (${profile.graph.node}) and the lines between them (${profile.graph.line})`,
        found: 'none',
      });
    return [];
  }
  // A card left out (in markup of its own) still owns the nodes on its edges: they are not
  // misplaced, and its lines are not the profile's misreads.
  const leftOut = scene.leftOut ?? [];
  const cardRects = [...scene.cards.map((c) => c.rect), ...leftOut.map((box) => box.rect)];
  const isLeftOut = (owner: Owner) => owner.type === 'card' && owner.card >= scene.cards.length;
  const nodeSize = typicalNodeSize(scene.nodes, cardRects);
  const hasLayout =
    nodeSize > 0 && cardRects.concat(scene.startingRules ? [scene.startingRules.rect] : []).some(hasArea);
  if (!hasLayout) {
    diagnostics.push({
      code: 'layout-missing',
      where: 'canvas',
      expected: 'the positions of cards, connection nodes and lines',
      found: 'no layout (every size was zero)',
    });
    return [];
  }

  const { placed: onEdges, problems } = placeNodes(
    scene.nodes,
    cardRects,
    scene.startingRules?.rect ?? null,
    nodeSize,
  );
  for (const p of problems)
    diagnostics.push({
      code: p.code,
      where: 'canvas',
      expected: "a connection node on a card's edge",
      found: p.found,
    });
  stats.nodesOnEdges = onEdges.filter((n) => n.owner !== null).length;

  const ownerName = (owner: Owner): string | null =>
    owner.type === 'start' ? 'start' : (steps[owner.card]?.ref ?? null);
  const ownerWhere = (owner: Owner): string => {
    if (owner.type === 'start') return 'Starting Rules';
    const card = scene.cards[owner.card];
    return card ? cardWhere(card, owner.card) : 'a card not read as a step';
  };

  const branches = readBranches(scene, profile, onEdges, steps, diagnostics);

  const { traced, problems: traceProblems, touched } = traceLines(scene.lines, onEdges, nodeSize);
  // Roles from the lines and the cards; the edge a node sits on only where nothing else tells.
  const placed = resolveRoles(
    onEdges,
    traced.map((t) => t.ends),
    new Set(branches.keys()),
  );
  const { pairs, problems: orientProblems } = orientLines(traced, placed);
  for (const p of [...traceProblems, ...orientProblems].sort((a, b) => a.line - b.line))
    diagnostics.push({
      code: 'line-untraced',
      where: `line ${p.line + 1}`,
      expected: p.expected,
      found: p.found,
    });
  stats.lines = scene.lines.length;
  stats.linesTraced = scene.lines.length - new Set(traceProblems.map((p) => p.line)).size;

  const connections: Connection[] = [];
  const seen = new Set<string>();
  for (const { line, output, input } of pairs) {
    if (!output.owner || !input.owner) continue;
    // Where it leads is unknown: the card-left-out diagnostic says so for the whole flow.
    if (isLeftOut(output.owner) || isLeftOut(input.owner)) continue;
    const from = ownerName(output.owner);
    const to = ownerName(input.owner);
    if (from === null || to === null) {
      diagnostics.push({
        code: 'line-end-unnumbered',
        where: `line ${line + 1}`,
        expected: 'a line between numbered steps',
        found: `a line touching ${from === null ? ownerWhere(output.owner) : ownerWhere(input.owner)}, which shows no number`,
      });
      continue;
    }
    if (to === 'start') continue; // the module has outputs only; placeNodes never makes it an input
    const branch = branches.get(output.index);
    const fromStep = output.owner.type === 'card' ? steps[output.owner.card] : null;
    if (fromStep?.kind === 'split') {
      stats.splitLines++;
      if (branch !== undefined) stats.splitLinesLabelled++;
    }
    if (fromStep?.kind === 'split' && branch === undefined)
      diagnostics.push({
        code: 'split-output-unlabelled',
        where: `step ${from}`,
        expected: `a "${profile.words.yes}" or "${profile.words.no}" label beside the split's output`,
        found: `a line to step ${to} from an unlabelled output`,
        step: from,
      });
    const connection: Connection = branch === undefined ? { from, to } : { from, to, branch };
    const key = `${from}\u0000${to}\u0000${branch ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    connections.push(connection);
  }

  const unread = unreadLines(scene, placed, touched, traced.length);
  if (unread !== null) {
    // One diagnostic for the whole canvas: the lines are unknown, not each linked node's own.
    diagnostics.push({
      code: 'lines-unreadable',
      where: 'canvas',
      expected: `lines the reader can follow between the connection nodes (${profile.graph.line})`,
      found: unread,
    });
  }

  for (const node of placed) {
    if (node.linked !== true || !node.owner) continue;
    stats.linkedNodes++;
    if (touched.has(node.index)) {
      stats.linkedNodesWithLines++;
      continue;
    }
    if (unread !== null) continue;
    const where = ownerWhere(node.owner);
    const ref = ownerName(node.owner);
    diagnostics.push({
      code: 'linked-node-without-line',
      where,
      expected: 'a line at each linked (yellow) node',
      found: `a linked ${node.role ?? ''} node with no line end on it`.replace('  ', ' '),
      ...(ref !== null && ref !== 'start' ? { step: ref } : {}),
    });
  }
  return connections;
}

/**
 * Why the page's lines were not read although it shows them, or null: a drawing layer the reader
 * cannot read covers the cards and no line was traced, or nodes look linked but no line ends on
 * any of them. Either way no step can be called unconnected.
 */
function unreadLines(
  scene: Scene,
  placed: readonly PlacedNode[],
  touched: ReadonlySet<number>,
  traced: number,
): string | null {
  if (traced === 0 && scene.unreadDrawings.length > 0) {
    const canvas = scene.unreadDrawings.some((d) => d.kind === 'canvas');
    return canvas
      ? 'the lines are painted on a <canvas> laid across the cards, which holds no element per line'
      : 'the lines are drawn in an SVG layer whose shapes are not lines the reader can follow';
  }
  const linked = placed.filter((n) => n.linked === true && n.owner !== null);
  if (linked.length > 0 && linked.every((n) => !touched.has(n.index)))
    return `${linked.length} connection node${linked.length === 1 ? ' is' : 's are'} shown as linked but no line the reader found ends on any of them`;
  return null;
}

function hasArea(r: { x: number; y: number; width: number; height: number }): boolean {
  return isFiniteRect(r) && r.width > 0 && r.height > 0;
}

function readBranches(
  scene: Scene,
  profile: KartraProfile,
  placed: readonly PlacedNode[],
  steps: readonly (Step | null)[],
  diagnostics: Diagnostic[],
): Map<number, Branch> {
  // Every node of a card may carry a label: the labels say which nodes are outputs, whatever
  // edge they sit on.
  const outputsByCard = new Map<number, PlacedNode[]>();
  for (const node of placed)
    if (node.owner?.type === 'card') {
      const list = outputsByCard.get(node.owner.card);
      if (list) list.push(node);
      else outputsByCard.set(node.owner.card, [node]);
    }
  const all = new Map<number, Branch>();
  scene.cards.forEach((card, i) => {
    if (card.outputLabels.length === 0) return;
    const { branches, unknownLabels } = assignBranches(
      outputsByCard.get(i) ?? [],
      card.outputLabels,
      profile.words,
    );
    const ref = steps[i]?.ref;
    for (const text of unknownLabels)
      diagnostics.push({
        code: 'split-label-unknown',
        where: cardWhere(card, i),
        expected: `a split output labelled "${profile.words.yes}" or "${profile.words.no}"`,
        found: `"${text}"`,
        ...(ref ? { step: ref } : {}),
      });
    for (const [node, branch] of branches) all.set(node, branch);
  });
  return all;
}

/** A card drawn at less than this share of the other active steps' ink looks faded. */
const FADED = 0.75;

/**
 * Steps read as active (no "Inactive" label the profile knows) whose card is drawn fainter than
 * the other active steps' (faded or greyed, as builders show a step contacts skip): a person would
 * take them for inactive, so the reader does not vouch that they run.
 */
function fadedButActive(
  cards: readonly SceneCard[],
  steps: readonly (Step | null)[],
  inactiveWord: string,
): Diagnostic[] {
  const active: { step: Step; ink: number }[] = [];
  steps.forEach((step, i) => {
    const ink = cards[i]?.ink;
    if (step?.active && ink !== undefined) active.push({ step, ink });
  });
  if (active.length < 2) return [];
  const inks = active.map((entry) => entry.ink).sort((a, b) => a - b);
  const usual = inks[Math.floor(inks.length / 2)] ?? 1;
  return active
    .filter((entry) => entry.ink < FADED * usual)
    .map(({ step, ink }) => ({
      code: 'inactive-look-unread' as const,
      where: `step ${step.ref}`,
      expected: `the "${inactiveWord}" label on a step drawn greyed out`,
      found: `drawn at ${Math.round((ink / usual) * 100)}% of the other steps' strength`,
      step: step.ref,
    }));
}
