'use strict';
// awsmap report shell. Every value from the inventory reaches the page
// through textContent or DOM properties: nothing here parses HTML.
(() => {
  const ROW = 32, OVERSCAN = 8, SHOWN = 100;
  const SEV = ['critical', 'high', 'medium', 'low', 'info'];
  const PROBLEM = new Set(['partial', 'denied', 'throttled', 'error', 'skipped']);
  const api = window.awsmapReport = {ready: false, errors: [], timings: {start: performance.now()}};

  // ---------- DOM helpers ----------
  function el(tag, props, ...kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else if (k === 'on') for (const [ev, fn] of Object.entries(v)) e.addEventListener(ev, fn);
      else if (k === 'dataset') Object.assign(e.dataset, v);
      else e[k] = v;
    }
    append(e, kids);
    return e;
  }
  function append(e, kids) {
    for (const k of kids.flat()) if (k !== null && k !== undefined && k !== false) e.append(k instanceof Node ? k : String(k));
  }
  function svg(tag, attrs) {
    const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
    return e;
  }
  const $ = id => document.getElementById(id);
  const fmt = n => Number(n).toLocaleString('en-US');
  const money = n => '$' + Number(n || 0).toLocaleString('en-US', {minimumFractionDigits: 2, maximumFractionDigits: 2});
  // A waste finding awsmap cannot price says so; a total with such findings is a lower bound.
  const findingCost = f => f.cost_unknown ? 'UNKNOWN' : money(f.estimated_monthly_usd);
  const totalCost = (t, findings) => !t.unpriced_findings ? money(t.estimated_monthly_usd)
    : t.unpriced_findings === findings ? 'UNKNOWN' : money(t.estimated_monthly_usd) + ' + UNKNOWN';
  function toast(msg) {
    const t = $('toast');
    t.textContent = msg;
    t.classList.add('show');
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => t.classList.remove('show'), 1400);
  }
  function copy(text) {
    const done = () => toast('Copied ' + (text.length > 60 ? text.slice(0, 57) + '…' : text));
    const fallback = () => {
      const ta = el('textarea', {value: text});
      document.body.append(ta);
      ta.select();
      try { document.execCommand('copy'); done(); } catch (e) { toast('Copy failed'); }
      ta.remove();
    };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, fallback);
    else fallback();
  }
  // highlight returns text with the search terms marked.
  function highlight(text, terms) {
    text = String(text ?? '');
    if (!terms.length || !text) return document.createTextNode(text);
    const low = text.toLowerCase(), f = document.createDocumentFragment();
    let i = 0;
    while (i < text.length) {
      let best = -1, len = 0;
      for (const t of terms) {
        const j = low.indexOf(t, i);
        if (j >= 0 && (best < 0 || j < best)) { best = j; len = t.length; }
      }
      if (best < 0) break;
      if (best > i) f.append(text.slice(i, best));
      f.append(el('mark', {text: text.slice(best, best + len)}));
      i = best + len;
    }
    if (i < text.length) f.append(text.slice(i));
    return f;
  }
  function ago(iso) {
    const t = Date.parse(iso);
    if (isNaN(t)) return String(iso);
    const s = (Date.now() - t) / 1000, a = Math.abs(s);
    const units = [[31536000, 'year'], [2592000, 'month'], [86400, 'day'], [3600, 'hour'], [60, 'minute']];
    for (const [n, u] of units) if (a >= n) {
      const v = Math.floor(a / n);
      return s >= 0 ? `${v} ${u}${v > 1 ? 's' : ''} ago` : `in ${v} ${u}${v > 1 ? 's' : ''}`;
    }
    return 'just now';
  }
  function timeEl(iso) {
    return iso ? el('time', {text: ago(iso), title: String(iso).replace('T', ' ').replace('Z', ' UTC'), dateTime: iso}) : el('span', {class: 'muted', text: '—'});
  }
  function download(name, type, text) {
    const a = el('a', {href: URL.createObjectURL(new Blob([text], {type})), download: name});
    document.body.append(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  function table(cols, rows) {
    const t = el('table', {class: 't'});
    t.append(el('thead', {}, el('tr', {}, cols.map(c => el('th', {class: c.num ? 'num' : '', text: c.label})))));
    const tb = el('tbody');
    for (const r of rows) tb.append(el('tr', {}, r.map((v, i) => el('td', {class: cols[i].num ? 'num' : ''}, v instanceof Node ? v : (v ?? '')))));
    t.append(tb);
    return t;
  }
  function limited(cols, rows, render) {
    const box = el('div');
    const draw = all => {
      box.replaceChildren(table(cols, (all ? rows : rows.slice(0, SHOWN)).map(render)));
      if (!all && rows.length > SHOWN) box.append(el('button', {class: 'more link', text: `Show all ${fmt(rows.length)}`, on: {click: () => draw(true)}}));
    };
    draw(false);
    return box;
  }
  function card(label, value, cls, small) {
    return el('div', {class: 'card ' + (cls || '')}, el('div', {class: 'k', text: label}), el('div', {class: 'v'}, String(value), small ? el('small', {text: small}) : null));
  }
  const sevRank = s => { const i = SEV.indexOf(s); return i < 0 ? SEV.length : i; };

  // ---------- data ----------
  // decode reads the gzipped, base64-encoded JSON of a data element.
  async function decode(id) {
    const b64 = $(id).textContent.trim();
    let bytes;
    if (Uint8Array.fromBase64) bytes = Uint8Array.fromBase64(b64);
    else {
      const bin = atob(b64);
      bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    }
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    const text = await new Response(stream).text();
    api.timings[id + '-decoded'] = performance.now();
    const d = JSON.parse(text);
    api.timings[id + '-parsed'] = performance.now();
    return d;
  }

  // Inventory: columns of resources, with derived indexes. Details stay
  // JSON text until a row needs them (parsing 100k objects up front costs
  // more than the first paint).
  function inventory(d) {
    const R = d.res || {dict: [], id: []}, n = R.id.length, dict = R.dict;
    const keyOf = i => [dict[R.account[i]], dict[R.region[i]], dict[R.service[i]], dict[R.type[i]], R.id[i]].join('\u0001');
    const byId = new Map();
    for (let i = 0; i < n; i++) {
      const j = byId.get(R.id[i]);
      if (j === undefined) byId.set(R.id[i], i);
      else if (Array.isArray(j)) j.push(i);
      else byId.set(R.id[i], [j, i]);
    }
    const types = new Map((d.types || []).map(t => [t.service + '/' + t.type, t]));
    return {R, n, dict, byId, keyOf, types, edges: d.edges || [], outside: d.outside || [], kinds: d.edgeKinds || [],
      det: new Array(n), text: new Array(n), textDone: 0, blob: null, offs: null, hasDetails: false, detailsReady: null};
  }
  const str = (I, col, i) => I.dict[I.R[col][i]];
  const typeKey = (I, i) => str(I, 'service', i) + '/' + str(I, 'type', i);
  const label = (I, i) => I.R.name[i] || I.R.id[i];
  // details are {} until the page has decoded them (after the first paint).
  function details(I, i) {
    if (!I.hasDetails) return {};
    let d = I.det[i];
    if (d === undefined) { try { d = JSON.parse(I.R.details[i]); } catch (e) { d = {}; } I.det[i] = d; }
    return d;
  }
  function keyIndex(I, acct, region, service, type, id) {
    const j = I.byId.get(String(id));
    if (j === undefined) return -1;
    for (const i of Array.isArray(j) ? j : [j]) {
      if (str(I, 'account', i) === acct && str(I, 'region', i) === region && str(I, 'service', i) === service && str(I, 'type', i) === type) return i;
    }
    return -1;
  }
  function indexOfKey(I, key) {
    const k = String(key || '').split('\u0001');
    return k.length === 5 ? keyIndex(I, ...k) : -1;
  }
  // neighbours lists resource i's edges: [other end, kind, +1 out / -1 in].
  function neighbours(I, i) {
    const out = [], inc = [];
    for (const [f, t, k] of I.edges) {
      if (f === i) out.push([t, k, 1]);
      if (t === i) inc.push([f, k, -1]);
    }
    return out.concat(inc);
  }

  // The search index is every row's text (name, id, ARN, tags, details),
  // lower-cased, joined into one string with offsets: one native indexOf
  // pass over it finds a word in every row at once. It is built after the
  // details arrive, in slices, so the page stays responsive.
  function searchText(I, i) {
    const R = I.R;
    let s = R.name[i] + '\n' + R.id[i] + '\n' + R.arn[i];
    const tags = R.tags[i];
    for (const k in tags) s += '\n' + k + '=' + tags[k];
    return (s + '\n' + R.details[i]).toLowerCase().replaceAll('\u0000', ' ');
  }
  function buildIndex(I, upto) {
    const end = Math.min(I.n, upto);
    for (let i = I.textDone; i < end; i++) I.text[i] = searchText(I, i);
    I.textDone = Math.max(I.textDone, end);
    if (I.textDone < I.n || I.blob !== null) return;
    I.offs = new Int32Array(I.n + 1);
    for (let i = 0, o = 0; i <= I.n; i++) { I.offs[i] = o; if (i < I.n) o += I.text[i].length + 1; }
    I.blob = I.text.join('\u0000');
    I.text = null;
    api.indexed = true;
  }
  function buildIndexIdle(I) {
    const step = () => { buildIndex(I, I.textDone + 5000); if (I.blob === null) setTimeout(step, 0); };
    setTimeout(step, 0);
  }
  // matchRows marks the rows whose text holds every term.
  function matchRows(I, terms) {
    if (I.blob === null) buildIndex(I, I.n);
    const offs = I.offs, n = I.n;
    let acc = null;
    for (const t of terms) {
      const m = new Uint8Array(n);
      let pos = 0;
      while ((pos = I.blob.indexOf(t, pos)) >= 0) {
        let lo = 0, hi = n; // the row holding pos: offs[lo] <= pos < offs[lo + 1]
        while (hi - lo > 1) { const mid = (lo + hi) >> 1; if (offs[mid] <= pos) lo = mid; else hi = mid; }
        if (!acc || acc[lo]) m[lo] = 1;
        pos = offs[lo + 1];
      }
      acc = m;
    }
    return acc;
  }

  // ---------- state in the URL hash ----------
  const FACETS = [['account', 'Account'], ['region', 'Region'], ['service', 'Service'], ['type', 'Type'], ['tagkey', 'Tag key'], ['tagval', 'Tag value']];
  const S = {view: 'inventory', q: '', f: {}, sort: 'name', dir: 1, r: null};
  function resetFilters() { for (const [k] of FACETS) S.f[k] = new Set(); }
  resetFilters();
  function toHash() {
    const p = new URLSearchParams();
    if (S.view !== 'inventory') p.set('view', S.view);
    if (S.q) p.set('q', S.q);
    for (const [k] of FACETS) for (const v of S.f[k]) p.append(k, v);
    if (S.sort !== 'name' || S.dir !== 1) p.set('sort', (S.dir < 0 ? '-' : '') + S.sort);
    if (S.r) p.set('r', S.r);
    return p.toString();
  }
  function fromHash(h) {
    const p = new URLSearchParams(h.replace(/^#/, ''));
    S.view = p.get('view') || 'inventory';
    S.q = p.get('q') || '';
    resetFilters();
    for (const [k] of FACETS) for (const v of p.getAll(k)) S.f[k].add(v);
    const s = p.get('sort') || 'name';
    S.dir = s.startsWith('-') ? -1 : 1;
    S.sort = s.replace(/^-/, '');
    S.r = p.get('r');
  }
  let written = null;
  function saveHash() {
    const h = toHash();
    if (h === location.hash.replace(/^#/, '')) return;
    written = '#' + h;
    location.replace('#' + h);
  }

  // ---------- app ----------
  const page = JSON.parse($('awsmap-page').textContent);
  let D, I, findings = {count: new Int32Array(0), worst: new Int8Array(0), total: 0};

  function shell() {
    document.title = page.title || 'awsmap report';
    const tabs = el('nav', {class: 'tabs', id: 'tabs'});
    const dark = el('button', {class: 'iconbtn', id: 'dark', title: 'Dark mode (d)', text: '◐', on: {click: toggleDark}});
    const print = el('button', {class: 'iconbtn', title: 'Print', text: 'Print', on: {click: () => window.print()}});
    document.body.append(
      el('header', {class: 'top'},
        el('div', {class: 'brand'}, el('span', {class: 'logo'}), 'awsmap'),
        el('div', {class: 'subtitle', id: 'subtitle'}), tabs, el('div', {class: 'spacer'}), print, dark),
      el('main', {id: 'main'}, el('div', {class: 'loading', id: 'loading', text: 'Loading…'})),
      el('aside', {class: 'panel', id: 'panel', tabIndex: -1}),
      el('div', {class: 'toast', id: 'toast'}));
    let dk = null;
    try { dk = localStorage.getItem('awsmap-dark'); } catch (e) { /* storage off for file:// */ }
    if (dk === '1' || (dk === null && matchMedia('(prefers-color-scheme: dark)').matches)) document.documentElement.classList.add('dark');
  }
  function toggleDark() {
    const on = document.documentElement.classList.toggle('dark');
    try { localStorage.setItem('awsmap-dark', on ? '1' : '0'); } catch (e) { /* ignore */ }
  }

  const views = {};
  function addView(name, labelText, count, build) {
    const v = el('section', {class: 'view', id: 'view-' + name});
    $('main').append(v);
    views[name] = {el: v, build, built: false};
    $('tabs').append(el('button', {id: 'tab-' + name, dataset: {view: name}, on: {click: () => go(name)}},
      labelText, count !== null ? el('span', {class: 'count', text: count}) : null));
  }
  function go(name) {
    if (!views[name]) name = Object.keys(views)[0];
    S.view = name;
    for (const [k, v] of Object.entries(views)) {
      v.el.classList.toggle('active', k === name);
      $('tab-' + k).classList.toggle('active', k === name);
      if (k === name && !v.built) { v.built = true; v.build(v.el); }
    }
    if (name === 'inventory' && inv) inv.refresh();
    saveHash();
  }

  async function main() {
    shell();
    window.addEventListener('error', e => api.errors.push(String(e.message)));
    try {
      D = await decode('awsmap-data');
    } catch (e) {
      $('loading').textContent = 'This report could not be decoded: ' + e;
      throw e;
    }
    $('loading').remove();
    fromHash(location.hash);
    if (page.kind === 'waste') {
      $('subtitle').textContent = page.title;
      addView('findings', 'Waste', money(D.estimated_monthly_usd) + '/mo', v => buildFindings(v, [], D));
    } else if (page.kind === 'diff') {
      $('subtitle').textContent = page.title;
      addView('changes', 'Changes', fmt((D.changes || []).length), v => buildChanges(v, D));
    } else if (page.kind === 'tags') {
      $('subtitle').textContent = page.title;
      addView('tags', 'Tag compliance', (D.overall.percent || 0).toFixed(1) + '%', v => buildTags(v, D));
    } else {
      I = inventory(D);
      api.timings.inventory = performance.now();
      indexFindings();
      api.timings.indexed = performance.now();
      const m = D.meta;
      $('subtitle').textContent = [m.title, m.scanId ? `scan ${m.scanId} · ${String(m.scanTime).slice(0, 16).replace('T', ' ')} UTC` : 'no scan', m.status === 'partial' ? 'PARTIAL' : null].filter(Boolean).join(' · ');
      const gaps = D.coverage.collections.filter(c => PROBLEM.has(c[4])).length;
      addView('inventory', 'Inventory', fmt(I.n), buildInventory);
      addView('findings', 'Findings', fmt(findings.total), v => buildFindings(v, D.findings, D.waste));
      addView('coverage', 'Coverage', gaps ? gaps + ' gaps' : 'complete', buildCoverage);
      if (D.changes) addView('changes', 'Changes', fmt((D.changes.changes || []).length), v => buildChanges(v, D.changes));
      // Details are most of the data: they are decoded after the first
      // paint; what needs them (search, detail columns, the panel) waits.
      I.detailsReady = decode('awsmap-lazy').then(det => {
        I.R.details = det;
        I.hasDetails = true;
        buildIndexIdle(I);
        if (inv) inv.detailsLoaded();
        api.complete = true;
      });
    }
    go(S.view);
    if (S.r && I) openResource(indexOfKey(I, S.r), false);
    window.addEventListener('hashchange', () => {
      if (location.hash === written) return;
      fromHash(location.hash);
      if (inv) inv.syncControls();
      go(S.view);
      if (I && S.r) openResource(indexOfKey(I, S.r), false); else closePanel(false);
    });
    document.addEventListener('keydown', keys);
    api.renderedAt = performance.now();
    api.ready = true;
    if (!I) api.complete = true;
  }

  // ---------- findings index ----------
  // indexFindings counts each resource's findings and keeps its worst
  // severity (rank in SEV; 5: waste only).
  const COST = SEV.length;
  const sevName = r => r === COST ? 'cost' : SEV[r];
  function indexFindings() {
    findings.count = new Int32Array(I.n);
    findings.worst = new Int8Array(I.n).fill(127);
    const add = (i, rank) => {
      if (i < 0) return;
      findings.count[i]++;
      if (rank < findings.worst[i]) findings.worst[i] = rank;
    };
    for (const q of D.findings) {
      const rank = Math.min(sevRank(q.severity), COST - 1);
      for (const i of q.idx) add(i, rank);
      findings.total += q.rows.length;
    }
    const w = D.waste;
    if (w && w.findings) for (const f of w.findings) {
      f.idx = keyIndex(I, f.account_id, f.region, f.service, f.type, f.id);
      add(f.idx, COST);
      findings.total++;
    }
  }
  // findingsOf lists resource i's findings for its panel.
  function findingsOf(i) {
    const out = [];
    for (const q of D.findings) if (q.idx.includes(i)) out.push({sev: q.severity, title: q.title});
    if (D.waste && D.waste.findings) for (const f of D.waste.findings) if (f.idx === i) out.push({sev: 'cost', title: `Waste: ${f.rule} (${f.cost_unknown ? 'cost UNKNOWN' : '~' + findingCost(f) + '/month'})`});
    return out;
  }

  // ---------- inventory view ----------
  let inv = null;
  function buildInventory(v) {
    const facetBox = el('aside', {class: 'facets', id: 'facets'});
    const search = el('input', {id: 'search', type: 'search', placeholder: 'Search names, ids, ARNs, tags, details…  ( / )', value: S.q, autocomplete: 'off', spellcheck: false});
    const chips = el('div', {class: 'chips', id: 'chips'});
    const head = el('div', {class: 'head', id: 'head'});
    const sizer = el('div', {class: 'sizer'});
    const body = el('div', {class: 'body', id: 'rows', tabIndex: 0}, sizer);
    const grid = el('div', {class: 'grid', id: 'grid'}, head, body);
    const cards = el('div', {class: 'cards', id: 'cards'}), tops = el('div', {class: 'tops', id: 'tops'});
    const toolbar = el('div', {class: 'toolbar'},
      el('div', {class: 'search'}, search),
      el('button', {class: 'iconbtn', id: 'export-csv', text: 'Export CSV', on: {click: () => download('awsmap-resources.csv', 'text/csv', exportCSV())}}),
      el('button', {class: 'iconbtn', id: 'export-json', text: 'Export JSON', on: {click: () => download('awsmap-resources.json', 'application/json', exportJSON())}}),
      el('span', {class: 'help'}, el('kbd', {text: '/'}), ' search ', el('kbd', {text: 'j'}), el('kbd', {text: 'k'}), ' move ', el('kbd', {text: '↵'}), ' open ', el('kbd', {text: 'esc'}), ' close'));
    v.append(facetBox, el('div', {class: 'inv'}, cards, tops, toolbar, chips, grid));

    let rows = new Int32Array(0), cols = [], terms = [], sel = -1, timer = 0;
    const state = {};
    search.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => { S.q = search.value; refresh(); saveHash(); }, 60);
    });
    body.addEventListener('scroll', () => paint());
    new ResizeObserver(() => paint()).observe(body);

    function columns() {
      const base = [{id: 'badge', label: '', w: '44px'}, {id: 'name', label: 'Name', w: 'minmax(160px,2fr)'}, {id: 'id', label: 'ID', w: 'minmax(140px,1.6fr)'}];
      const tail = [{id: 'region', label: 'Region', w: '120px'}, {id: 'account', label: 'Account', w: '120px'}, {id: 'created', label: 'Created', w: '130px'}];
      const onlyType = S.f.type.size === 1 && S.f.service.size <= 1 ? [...S.f.type][0] : null;
      let t = null;
      if (onlyType) for (const [k, ti] of I.types) if (ti.type === onlyType && (!S.f.service.size || S.f.service.has(ti.service))) t = ti;
      if (!t) return [...base, {id: 'type', label: 'Type', w: 'minmax(120px,1fr)'}, ...tail];
      const fields = t.fields.filter(f => f[1] !== 'json').slice(0, 4);
      return [...base, ...fields.map(f => ({id: 'd:' + f[0], label: f[0].replace(/_/g, ' '), w: 'minmax(90px,1fr)', field: f})), ...tail];
    }
    function cellValue(c, i) {
      const R = I.R;
      switch (c.id) {
        case 'name': return R.name[i];
        case 'id': return R.id[i];
        case 'type': return typeKey(I, i);
        case 'region': return str(I, 'region', i);
        case 'account': return str(I, 'account', i);
        case 'created': return R.created[i];
      }
      const v = details(I, i)[c.id.slice(2)];
      return v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : v;
    }

    // One pass: the rows passing every filter, and for each facet the
    // counts of the rows passing every filter but that facet's.
    function filter() {
      const R = I.R, n = I.n, f = S.f, dict = I.dict;
      terms = S.q.toLowerCase().split(/\s+/).filter(Boolean);
      const hit = terms.length ? matchRows(I, terms) : null;
      const dsets = {};
      for (const k of ['account', 'region', 'service', 'type']) {
        dsets[k] = f[k].size ? new Set(dict.map((s, j) => f[k].has(s) ? j : -1).filter(j => j >= 0)) : null;
      }
      const tk = f.tagkey.size ? f.tagkey : null, tv = f.tagval.size ? f.tagval : null;
      const counts = {account: new Int32Array(dict.length), region: new Int32Array(dict.length), service: new Int32Array(dict.length), type: new Int32Array(dict.length), tagkey: new Map(), tagval: new Map()};
      const inSvc = new Int32Array(dict.length), inReg = new Int32Array(dict.length), inAcct = new Int32Array(dict.length), inType = new Int32Array(dict.length);
      const out = new Int32Array(n);
      let m = 0, withFindings = 0, untagged = 0;
      for (let i = 0; i < n; i++) {
        if (hit && !hit[i]) continue;
        let miss = null, misses = 0;
        if (dsets.account && !dsets.account.has(R.account[i])) { miss = 'account'; misses++; }
        if (dsets.region && !dsets.region.has(R.region[i])) { miss = 'region'; misses++; }
        if (dsets.service && !dsets.service.has(R.service[i])) { miss = 'service'; if (++misses > 1) continue; }
        if (dsets.type && !dsets.type.has(R.type[i])) { miss = 'type'; if (++misses > 1) continue; }
        if (misses > 1) continue;
        const tags = R.tags[i];
        if (tk) { let ok = false; for (const k in tags) if (tk.has(k)) { ok = true; break; } if (!ok) { miss = 'tagkey'; if (++misses > 1) continue; } }
        if (tv) { let ok = false; for (const k in tags) if (tv.has(k + '=' + tags[k])) { ok = true; break; } if (!ok) { miss = 'tagval'; if (++misses > 1) continue; } }
        const all = misses === 0;
        if (all || miss === 'account') counts.account[R.account[i]]++;
        if (all || miss === 'region') counts.region[R.region[i]]++;
        if (all || miss === 'service') counts.service[R.service[i]]++;
        if (all || miss === 'type') counts.type[R.type[i]]++;
        if (all || miss === 'tagkey') for (const k in tags) counts.tagkey.set(k, (counts.tagkey.get(k) || 0) + 1);
        if (tk && (all || miss === 'tagval')) {
          for (const k in tags) if (tk.has(k)) { const kv = k + '=' + tags[k]; counts.tagval.set(kv, (counts.tagval.get(kv) || 0) + 1); }
        }
        if (!all) continue;
        out[m++] = i;
        inSvc[R.service[i]]++; inReg[R.region[i]]++; inAcct[R.account[i]]++; inType[R.type[i]]++;
        if (findings.count[i]) withFindings++;
        let any = false;
        for (const k in tags) { any = true; break; }
        if (!any) untagged++;
      }
      Object.assign(state, {counts, inSvc, inReg, inAcct, inType, withFindings, untagged});
      return out.subarray(0, m);
    }
    function sortRows(r) {
      const col = S.sort, dir = S.dir;
      let keyFn;
      const c = cols.find(c => c.id === col) || {id: col};
      if (col === 'badge') keyFn = i => findings.count[i] ? findings.worst[i] * 1e6 - findings.count[i] : 1e9; // most severe first
      else keyFn = i => { const v = cellValue(c, i); return typeof v === 'string' ? v.toLowerCase() : v; };
      const keys = new Array(I.n);
      for (const i of r) keys[i] = keyFn(i);
      const arr = Array.from(r);
      arr.sort((a, b) => {
        const x = keys[a], y = keys[b];
        if (x === y) return a - b;
        if (x === '' || x === undefined) return 1;
        if (y === '' || y === undefined) return -1;
        return (x < y ? -1 : 1) * dir;
      });
      return Int32Array.from(arr);
    }
    function refresh() {
      if (S.q.trim() && !I.hasDetails) { I.detailsReady.then(refresh); return; }
      const t0 = performance.now();
      cols = columns();
      if (!cols.some(c => c.id === S.sort) && S.sort !== 'name') S.sort = 'name';
      rows = filter();
      // Rows come sorted by name: the default order needs no sort.
      if (S.sort !== 'name' || S.dir !== 1) rows = sortRows(rows);
      grid.style.setProperty('--cols', cols.map(c => c.w).join(' '));
      drawHead();
      drawFacets();
      drawCards();
      drawChips();
      sizer.style.height = (rows.length * ROW) + 'px';
      sel = Math.min(sel, rows.length - 1);
      body.scrollTop = Math.min(body.scrollTop, Math.max(0, rows.length * ROW - body.clientHeight));
      paint(true);
      api.lastRefreshMs = performance.now() - t0;
      api.refreshes = (api.refreshes || 0) + 1;
      api.visible = rows.length;
      api.query = S.q;
    }
    function drawHead() {
      head.replaceChildren(...cols.map(c => el('button', {
        class: S.sort === c.id ? 'sorted' : '', dataset: {col: c.id}, title: c.field ? c.field[2] : 'Sort by ' + (c.label || 'findings'),
        text: c.label + (S.sort === c.id ? (S.dir > 0 ? ' ▲' : ' ▼') : ''),
        on: {click: () => { if (S.sort === c.id) S.dir = -S.dir; else { S.sort = c.id; S.dir = 1; } refresh(); saveHash(); }}})));
    }
    let painted = new Map();
    function paint(force) {
      const top = body.scrollTop, h = body.clientHeight || 600;
      const first = Math.max(0, Math.floor(top / ROW) - OVERSCAN), last = Math.min(rows.length, Math.ceil((top + h) / ROW) + OVERSCAN);
      if (force) { for (const r of painted.values()) r.remove(); painted = new Map(); }
      for (const [pos, r] of painted) if (pos < first || pos >= last) { r.remove(); painted.delete(pos); }
      for (let pos = first; pos < last; pos++) {
        if (painted.has(pos)) { painted.get(pos).classList.toggle('sel', pos === sel); continue; }
        const r = rowEl(rows[pos], pos);
        painted.set(pos, r);
        body.append(r);
      }
      const empty = body.querySelector('.empty');
      if (!rows.length && !empty) body.append(el('div', {class: 'empty', text: I.n ? 'No resource matches these filters.' : 'The inventory holds no resource.'}));
      if (rows.length && empty) empty.remove();
    }
    function rowEl(i, pos) {
      const r = el('div', {class: 'row' + (pos === sel ? ' sel' : ''), dataset: {i: i}, on: {click: () => { sel = pos; openResource(i, true); paint(); }}});
      r.style.transform = `translateY(${pos * ROW}px)`;
      for (const c of cols) {
        if (c.id === 'badge') {
          const n = findings.count[i];
          r.append(el('div', {class: 'c'}, n ? el('span', {class: 'badge ' + sevName(findings.worst[i]), title: `${n} finding${n > 1 ? 's' : ''}, worst: ${sevName(findings.worst[i])}`, text: String(n)}) : null));
          continue;
        }
        const v = cellValue(c, i);
        if (c.id === 'created') { r.append(el('div', {class: 'c'}, timeEl(v))); continue; }
        const cell = el('div', {class: 'c' + (c.id === 'id' ? ' id' : ''), title: String(v)}, c.id === 'name' || c.id === 'id' ? highlight(v, terms) : String(v));
        if (c.id === 'id') cell.addEventListener('click', e => { e.stopPropagation(); copy(String(v)); });
        r.append(cell);
      }
      return r;
    }
    function drawFacets() {
      const c = state.counts, dict = I.dict;
      const sections = FACETS.map(([k, name]) => {
        let entries;
        if (c[k] instanceof Map) entries = [...c[k]];
        else entries = dict.map((s, j) => [s, c[k][j]]).filter(([s, n]) => n > 0 || S.f[k].has(s));
        for (const s of S.f[k]) if (!entries.some(e => e[0] === s)) entries.push([s, 0]);
        entries.sort((a, b) => (S.f[k].has(b[0]) - S.f[k].has(a[0])) || b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
        if (k === 'tagval' && !entries.length) return null;
        const box = el('div', {class: 'facet', dataset: {facet: k}}, el('h4', {text: name + (k === 'tagval' && S.f.tagkey.size ? ' (' + [...S.f.tagkey].join(', ') + ')' : '')}));
        const list = el('div');
        const drawList = all => list.replaceChildren(...(all ? entries : entries.slice(0, 8)).map(([s, n]) =>
          el('button', {class: 'fv' + (S.f[k].has(s) ? ' on' : '') + (n ? '' : ' zero'), dataset: {value: s}, title: s, on: {click: () => toggleFacet(k, s)}},
            el('span', {class: 'lbl', text: s || '(empty)'}), el('span', {class: 'n', text: fmt(n)}))));
        drawList(false);
        box.append(list);
        if (entries.length > 8) {
          const more = el('button', {class: 'more', text: `+ ${entries.length - 8} more`});
          more.addEventListener('click', () => { drawList(true); more.remove(); });
          box.append(more);
        }
        return box;
      });
      facetBox.replaceChildren(...sections.filter(Boolean));
    }
    function toggleFacet(k, s) {
      if (S.f[k].has(s)) S.f[k].delete(s); else S.f[k].add(s);
      if (k === 'tagkey' && !S.f.tagkey.size) S.f.tagval.clear();
      refresh();
      saveHash();
    }
    function drawCards() {
      const nz = a => a.reduce((x, v) => x + (v > 0 ? 1 : 0), 0);
      cards.replaceChildren(
        card('Resources', fmt(rows.length), '', rows.length !== I.n ? 'of ' + fmt(I.n) : null),
        card('Accounts', nz(state.inAcct)), card('Regions', nz(state.inReg)), card('Services', nz(state.inSvc)), card('Types', nz(state.inType)),
        card('With findings', fmt(state.withFindings), state.withFindings ? 'warn' : 'good'),
        card('Untagged', fmt(state.untagged), state.untagged ? 'warn' : 'good'));
      const bars = (title, arr, facet) => {
        const top = I.dict.map((s, j) => [s, arr[j]]).filter(e => e[1] > 0).sort((a, b) => b[1] - a[1]).slice(0, 5);
        const max = top.length ? top[0][1] : 1;
        return el('div', {class: 'bars'}, el('h5', {text: title}), top.map(([s, n]) => {
          const fill = el('div', {class: 'fill'});
          fill.style.width = (100 * n / max).toFixed(1) + '%';
          return el('button', {class: 'bar', title: `Filter ${facet} = ${s}`, on: {click: () => toggleFacet(facet, s)}},
            el('span', {class: 'lbl', text: s}), el('span', {class: 'track'}, fill), el('span', {class: 'n', text: fmt(n)}));
        }));
      };
      tops.replaceChildren(bars('Top services', state.inSvc, 'service'), bars('Top regions', state.inReg, 'region'));
    }
    function drawChips() {
      const list = [];
      if (S.q) list.push(el('span', {class: 'chip'}, 'search: ' + S.q, el('button', {text: '×', title: 'Clear search', on: {click: () => { S.q = ''; search.value = ''; refresh(); saveHash(); }}})));
      for (const [k, name] of FACETS) for (const s of S.f[k]) list.push(el('span', {class: 'chip'}, name.toLowerCase() + ': ' + s, el('button', {text: '×', title: 'Remove filter', on: {click: () => toggleFacet(k, s)}})));
      if (list.length > 1) list.push(el('button', {class: 'link', text: 'Clear all', on: {click: () => { resetFilters(); S.q = ''; search.value = ''; refresh(); saveHash(); }}}));
      chips.replaceChildren(...list);
    }
    function move(delta) {
      if (!rows.length) return;
      sel = Math.max(0, Math.min(rows.length - 1, sel + delta));
      const top = sel * ROW;
      if (top < body.scrollTop) body.scrollTop = top;
      else if (top + ROW > body.scrollTop + body.clientHeight) body.scrollTop = top + ROW - body.clientHeight;
      paint();
      if ($('panel').classList.contains('open')) openResource(rows[sel], true);
    }
    function exportCSV() {
      const R = I.R, extra = cols.filter(c => c.field);
      const head = ['account_id', 'region', 'service', 'type', 'id', 'arn', 'name', 'created_at', ...extra.map(c => c.field[0]), 'tags'];
      const lines = [head.map(csvCell).join(',')];
      for (const i of rows) {
        lines.push([str(I, 'account', i), str(I, 'region', i), str(I, 'service', i), str(I, 'type', i), R.id[i], R.arn[i], R.name[i], R.created[i],
          ...extra.map(c => cellValue(c, i)), JSON.stringify(R.tags[i])].map(csvCell).join(','));
      }
      return lines.join('\r\n') + '\r\n';
    }
    function exportJSON() {
      const R = I.R;
      return JSON.stringify(Array.from(rows, i => ({account_id: str(I, 'account', i), region: str(I, 'region', i), service: str(I, 'service', i), type: str(I, 'type', i),
        id: R.id[i], arn: R.arn[i], name: R.name[i], created_at: R.created[i], is_default: !!R.default[i], tags: R.tags[i], details: details(I, i)})), null, 2);
    }
    function syncControls() { search.value = S.q; }
    function detailsLoaded() { if (cols.some(c => c.field) || S.sort.startsWith('d:')) refresh(); }
    api.exportCSV = exportCSV;
    api.exportJSON = exportJSON;
    api.visibleIds = () => Array.from(rows, i => I.R.id[i]);
    inv = {refresh, move, syncControls, detailsLoaded, open: () => { if (sel >= 0) openResource(rows[sel], true); }, focus: () => search.focus()};
    refresh();
  }
  function csvCell(v) {
    let s = String(v ?? '');
    // Spreadsheets run cells that start like formulas.
    if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = "'" + s;
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  // ---------- resource panel ----------
  function resLink(i, text) {
    return el('button', {class: 'link', dataset: {res: i}, text: text ?? label(I, i), on: {click: () => openResource(i, true)}});
  }
  function keyText(k) { return `${k.service}/${k.type} ${k.id} (${k.account_id}/${k.region})`; }
  function openResource(i, save) {
    if (i === undefined || i < 0 || !I) return;
    if (!I.hasDetails) { I.detailsReady.then(() => openResource(i, save)); return; }
    const R = I.R, p = $('panel');
    S.r = I.keyOf(i);
    const t = I.types.get(typeKey(I, i));
    const fieldDesc = new Map((t ? t.fields : []).map(f => [f[0], f]));
    const kv = rows => el('table', {class: 'kv'}, el('tbody', {}, rows.map(([k, d, v]) => el('tr', {}, el('td', {class: 'k'}, k, d ? el('span', {class: 'd', text: d}) : null), el('td', {class: 'v'}, v)))));
    const idBtn = (v) => el('button', {class: 'link mono', title: 'Copy', text: v, on: {click: () => copy(v)}});
    p.replaceChildren(
      el('button', {class: 'iconbtn close', text: '✕', title: 'Close (Esc)', on: {click: () => closePanel(true)}}),
      el('h2', {id: 'panel-title', text: label(I, i)}),
      el('div', {class: 'muted'}, typeKey(I, i), t && t.description ? ' — ' + t.description : ''));
    const f = findingsOf(i);
    if (f.length) p.append(el('h3', {text: 'Findings'}), el('ul', {class: 'list'}, f.map(x => el('li', {}, el('span', {class: 'badge ' + x.sev, text: x.sev}), ' ', x.title))));
    p.append(el('h3', {text: 'Identity'}), kv([
      ['ID', null, idBtn(R.id[i])], ['ARN', null, R.arn[i] ? idBtn(R.arn[i]) : '—'], ['Name', null, R.name[i] || '—'],
      ['Account', null, str(I, 'account', i)], ['Region', null, str(I, 'region', i)],
      ['Created', null, timeEl(R.created[i])], ['First seen', null, timeEl(I.dict[R.firstSeen[i]])], ['Last changed', null, timeEl(I.dict[R.changed[i]])],
      ['AWS default', null, typed(!!R.default[i], 'boolean')]]));
    const det = details(I, i), names = [...new Set([...(t ? t.fields.map(f => f[0]) : []), ...Object.keys(det)])].filter(k => k in det);
    p.append(el('h3', {text: `Fields (${names.length})`}), names.length ? kv(names.map(k => {
      const fd = fieldDesc.get(k);
      return [k, fd ? fd[2] : null, typed(det[k], fd ? fd[1] : null)];
    })) : el('p', {class: 'muted', text: 'No details stored.'}));
    const tags = Object.entries(R.tags[i]).sort();
    p.append(el('h3', {text: `Tags (${tags.length})`}), tags.length ? kv(tags.map(([k, v]) => [k, null, v])) : el('p', {class: 'muted', text: 'No tags.'}));
    const nb = neighbours(I, i);
    p.append(el('h3', {text: `Relationships (${nb.length})`}));
    if (nb.length) {
      p.append(graph(i, nb));
      const node = n => n >= 0 ? resLink(n, label(I, n) + ' · ' + typeKey(I, n)) : el('span', {class: 'muted', title: 'Not in this inventory', text: keyText(I.outside[-n - 1])});
      p.append(table([{label: 'Direction'}, {label: 'Kind'}, {label: 'Resource'}], [
        ...nb.map(([n, k, dir]) => [dir > 0 ? '→ out' : '← in', I.kinds[k], node(n)])]));
    } else p.append(el('p', {class: 'muted', text: 'No relationship recorded.'}));
    p.classList.add('open');
    p.scrollTop = 0;
    if (save) saveHash();
  }
  function closePanel(save) {
    $('panel').classList.remove('open');
    S.r = null;
    if (save) saveHash();
  }
  function typed(v, kind) {
    if (v === null || v === undefined || v === '') return el('span', {class: 'muted', text: '—'});
    if (typeof v === 'boolean' || kind === 'boolean') return el('span', {class: v ? 'yes' : 'no', text: v ? '✓ yes' : '✗ no'});
    if (kind === 'timestamp' || (typeof v === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/.test(v))) return timeEl(v);
    if (typeof v === 'number') return el('span', {class: 'mono', text: fmt(v)});
    if (Array.isArray(v) && v.every(x => typeof x !== 'object' || x === null)) {
      return v.length ? el('ul', {class: 'list'}, v.map(x => el('li', {text: String(x)}))) : el('span', {class: 'muted', text: '(empty list)'});
    }
    if (typeof v === 'object') {
      const n = Array.isArray(v) ? v.length + ' items' : Object.keys(v).length + ' keys';
      return el('details', {}, el('summary', {text: n}), el('pre', {text: JSON.stringify(v, null, 2)}));
    }
    return el('span', {text: String(v)});
  }
  // graph draws the resource and its direct neighbours on a circle.
  function graph(i, all) {
    const nb = all.slice(0, 16);
    const W = 500, H = 260, cx = W / 2, cy = H / 2, rx = 190, ry = 95;
    const g = svg('svg', {class: 'graph', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'Neighbourhood graph'});
    const short = s => (s.length > 20 ? s.slice(0, 19) + '…' : s);
    nb.forEach(([n, k, dir], j) => {
      const a = 2 * Math.PI * j / nb.length - Math.PI / 2, x = cx + rx * Math.cos(a), y = cy + ry * Math.sin(a);
      g.append(svg('line', {class: 'edge', x1: cx, y1: cy, x2: x, y2: y}));
      const lab = svg('text', {class: 'elabel', x: cx + (x - cx) * 0.55, y: cy + (y - cy) * 0.55 - 3, 'text-anchor': 'middle'});
      lab.textContent = (dir > 0 ? '' : '← ') + I.kinds[k] + (dir > 0 ? ' →' : '');
      g.append(lab);
      const node = svg('g', {class: 'node' + (n < 0 ? ' outside' : ''), transform: `translate(${x},${y})`});
      const title = svg('title', {});
      title.textContent = n >= 0 ? label(I, n) + ' (' + typeKey(I, n) + ')' : keyText(I.outside[-n - 1]);
      const t = svg('text', {y: 20, 'text-anchor': 'middle'});
      t.textContent = short(n >= 0 ? label(I, n) : I.outside[-n - 1].id);
      node.append(title, svg('circle', {r: 8}), t);
      if (n >= 0) node.addEventListener('click', () => openResource(n, true));
      g.append(node);
    });
    const c = svg('g', {class: 'node center', transform: `translate(${cx},${cy})`});
    const t = svg('text', {y: 24, 'text-anchor': 'middle'});
    t.textContent = short(label(I, i));
    c.append(svg('circle', {r: 11}), t);
    g.append(c);
    return g;
  }

  // ---------- findings ----------
  function gapText(g) {
    const why = g.outcome === 'missing' ? 'never collected' : (g.error_code || g.outcome);
    return `UNKNOWN for ${g.account_id}/${g.region}: ${g.service} ${g.type}${g.operation ? ' ' + g.operation : ''} ${why}`;
  }
  // unknownList shows UNKNOWN lines, folded when there are many.
  function unknownList(lines, what) {
    const notes = lines.map(t => el('div', {class: 'unknown-note', text: t}));
    if (lines.length <= 3) return notes;
    return el('details', {}, el('summary', {}, el('span', {class: 'badge unknown', text: 'UNKNOWN'}), ` ${fmt(lines.length)} ${what}`), notes);
  }
  function resourceCell(idx, id, name) {
    return idx >= 0 ? resLink(idx, name || id) : el('span', {class: 'mono', text: name ? `${name} (${id})` : id});
  }
  function buildFindings(v, named, waste) {
    v.classList.add('scrollview');
    const list = [...named].sort((a, b) => sevRank(a.severity) - sevRank(b.severity) || b.rows.length - a.rows.length);
    const hit = list.filter(q => q.rows.length), unknown = list.filter(q => (q.incomplete || []).length);
    const bySev = s => hit.filter(q => q.severity === s).reduce((n, q) => n + q.rows.length, 0);
    const cards = el('div', {class: 'cards'});
    if (named.length) for (const s of SEV.slice(0, 4)) cards.append(card(s, fmt(bySev(s)), bySev(s) ? (s === 'critical' || s === 'high' ? 'bad' : 'warn') : 'good', 'findings'));
    if (named.length) cards.append(card('Queries UNKNOWN', unknown.length, unknown.length ? 'warn' : 'good', 'of ' + named.length));
    if (waste) cards.append(card('Waste (est.)', totalCost(waste, waste.total_findings), waste.total_findings ? 'warn' : 'good', '/mo'));
    v.append(cards);
    if (named.length) {
      const sec = el('div', {class: 'section', id: 'named-findings'}, el('h2', {text: 'Audit findings'}),
        el('p', {class: 'desc', text: 'Named audit queries run on this inventory when the report was made. UNKNOWN means part of a query\'s input was not collected: no finding there is not a clean result.'}));
      for (const q of list) if (q.rows.length || (q.incomplete || []).length) sec.append(findingBlock(q));
      const clean = list.filter(q => !q.rows.length && !(q.incomplete || []).length);
      if (clean.length) sec.append(el('details', {class: 'finding'}, el('summary', {}, el('span', {class: 'badge ok', text: 'pass'}), el('span', {class: 'title', text: `${clean.length} queries found nothing (input complete)`})),
        el('ul', {class: 'list'}, clean.map(q => el('li', {text: `${q.title} (${q.name})`})))));
      v.append(sec);
    }
    if (waste) v.append(wasteSection(waste));
  }
  function findingBlock(q) {
    const extra = q.columns.slice(6);
    const d = el('details', {class: 'finding', dataset: {query: q.name}, open: q.rows.length > 0 && sevRank(q.severity) <= 1},
      el('summary', {}, el('span', {class: 'badge ' + q.severity, text: q.severity}), el('span', {class: 'title', text: q.title}),
        (q.incomplete || []).length ? el('span', {class: 'badge unknown', text: 'UNKNOWN'}) : null,
        el('span', {class: 'count', text: fmt(q.rows.length)}), el('span', {class: 'muted mono', text: q.name})));
    d.append(el('p', {class: 'desc', text: q.description}));
    append(d, [unknownList((q.incomplete || []).map(gapText), 'places where this query\'s input was not collected')]);
    if (q.rows.length) {
      const cell = x => x === null || x === undefined ? '' : typeof x === 'object' ? JSON.stringify(x) : String(x);
      d.append(limited([{label: 'Resource'}, {label: 'Type'}, {label: 'Region'}, {label: 'Account'}, ...extra.map(c => ({label: c}))],
        q.idx.map((i, j) => j), j => {
          const i = q.idx[j], k = q.keys[j] || [], x = q.rows[j] || [];
          const where = i >= 0 ? [resLink(i), typeKey(I, i), str(I, 'region', i), str(I, 'account', i)] : [resourceCell(-1, k[4], k[5]), k[2] + '/' + k[3], k[1], k[0]];
          return [...where, ...x.map(cell)];
        }));
    }
    return d;
  }
  function wasteSection(w) {
    const sec = el('div', {class: 'section', id: 'waste'}, el('h2', {}, 'Waste ', el('span', {class: 'badge cost', text: totalCost(w, w.total_findings) + '/month'})),
      el('p', {class: 'desc', text: `Estimated monthly cost in USD from on-demand list prices as of ${w.prices_as_of} (${w.cost_note}). Minimum age ${w.min_age_days} days.`}));
    append(sec, [unknownList((w.incomplete || []).map(gapText), 'places where the rules\' input was not collected')]);
    sec.append(table([{label: 'Rule'}, {label: 'Title'}, {label: 'Findings', num: true}, {label: 'Est. $/month', num: true}, {label: ''}],
      [...(w.rules || [])].sort((a, b) => b.estimated_monthly_usd - a.estimated_monthly_usd || b.findings - a.findings).map(r => [el('span', {class: 'mono', text: r.rule}), r.title, fmt(r.findings), totalCost(r, r.findings),
        (r.incomplete || []).length ? el('span', {class: 'badge unknown', title: r.incomplete.map(gapText).join('\n'), text: 'UNKNOWN'}) : ''])));
    const fs = [...(w.findings || [])].sort((a, b) => b.estimated_monthly_usd - a.estimated_monthly_usd);
    if (fs.length) {
      sec.append(el('h3', {text: 'Findings'}), limited([{label: 'Resource'}, {label: 'Rule'}, {label: 'Region'}, {label: 'Account'}, {label: 'Est. $/month', num: true}, {label: 'Details'}], fs,
        f => [resourceCell(f.idx ?? -1, f.id, f.name), f.rule, f.region, f.account_id, findingCost(f),
          Object.entries(f.details || {}).map(([k, x]) => k + '=' + (typeof x === 'object' ? JSON.stringify(x) : x)).join(' ')]));
    }
    return sec;
  }

  // ---------- coverage ----------
  function buildCoverage(v) {
    v.classList.add('scrollview');
    const cols = D.coverage.collections, calls = D.coverage.calls;
    const bad = cols.filter(c => PROBLEM.has(c[4]));
    const sum = (k) => calls.reduce((n, c) => n + Number(c[k] || 0), 0);
    v.append(el('div', {class: 'cards'}, card('Collections', fmt(cols.length)), card('Not seen', fmt(bad.length), bad.length ? 'bad' : 'good', 'failed or denied'),
      card('API calls', fmt(sum(4))), card('Retries', fmt(sum(7))), card('Throttled', fmt(sum(8)), sum(8) ? 'warn' : ''), card('Call errors', fmt(sum(9)), sum(9) ? 'bad' : 'good')));
    const badge = o => el('span', {class: 'badge ' + (PROBLEM.has(o) ? 'bad' : 'ok'), text: o});
    v.append(el('div', {class: 'section', id: 'coverage-gaps'}, el('h2', {text: 'What this report cannot show'}),
      el('p', {class: 'desc', text: bad.length ? 'These collections failed, were denied or were skipped: resources of these types in these places may exist and are not in the inventory.' : 'Every planned collection succeeded.'}),
      bad.length ? table([{label: 'Account'}, {label: 'Region'}, {label: 'Service'}, {label: 'Type'}, {label: 'Outcome'}, {label: 'Operation'}, {label: 'Error code'}, {label: 'Message'}],
        bad.map(c => [c[0], c[1], c[2], c[3], badge(c[4]), el('span', {class: 'mono', text: c[5]}), el('span', {class: 'mono', text: c[6]}), c[7]])) : null));
    const groups = new Map();
    for (const c of cols) {
      const k = [c[0], c[1], c[2]].join('\u0001');
      if (!groups.has(k)) groups.set(k, {acct: c[0], region: c[1], svc: c[2], ok: 0, total: 0, items: 0, worst: 'ok'});
      const g = groups.get(k);
      g.total++; g.items += Number(c[8] || 0);
      if (PROBLEM.has(c[4])) g.worst = c[4]; else g.ok++;
    }
    v.append(el('div', {class: 'section', id: 'coverage-table'}, el('h2', {text: 'Collected per account, region and service'}),
      limited([{label: 'Account'}, {label: 'Region'}, {label: 'Service'}, {label: 'Types collected', num: true}, {label: 'Items', num: true}, {label: 'Outcome'}], [...groups.values()],
        g => [g.acct, g.region, g.svc, `${g.ok} / ${g.total}`, fmt(g.items), badge(g.worst)])));
    const failed = calls.filter(c => c[10] !== 'ok' || Number(c[9]) > 0);
    v.append(el('div', {class: 'section', id: 'coverage-calls'}, el('h2', {text: 'API operations with errors'}),
      failed.length ? limited([{label: 'Account'}, {label: 'Region'}, {label: 'Service'}, {label: 'Operation'}, {label: 'Calls', num: true}, {label: 'Retries', num: true}, {label: 'Throttles', num: true}, {label: 'Errors', num: true}, {label: 'Outcome'}, {label: 'Error code'}, {label: 'Message'}], failed,
        c => [c[0], c[1], c[2], el('span', {class: 'mono', text: c[3]}), fmt(c[4]), fmt(c[7]), fmt(c[8]), fmt(c[9]), badge(c[10]), el('span', {class: 'mono', text: c[11]}), c[12]]) : el('p', {class: 'muted', text: 'No API operation failed.'})));
  }

  // ---------- changes (internal/diff's result) ----------
  function buildChanges(v, c) {
    v.classList.add('scrollview');
    const entries = c.changes || [], gaps = c.incomplete || [];
    const of = kind => entries.filter(e => e.change === kind);
    const when = s => `scan ${s.id} (${String(s.started_at).slice(0, 16).replace('T', ' ')} UTC)`;
    v.append(el('div', {class: 'cards'}, card('Added', fmt(of('added').length), of('added').length ? 'good' : ''),
      card('Removed', fmt(of('removed').length), of('removed').length ? 'bad' : ''), card('Modified', fmt(of('modified').length), of('modified').length ? 'warn' : ''),
      card('Unknown', fmt(of('unknown').length), of('unknown').length ? 'warn' : '')));
    v.append(el('div', {class: 'section', id: 'changes-summary'}, el('h2', {text: `Changes from ${when(c.from)} to ${when(c.to)}`}),
      el('p', {class: 'desc', text: 'Only a collection that succeeded retires a resource: what a failed collection held is unknown, never removed.'}),
      unknownList(gaps.map(g => `${gapText(g)} (${g.side} scan ${g.scan})`), 'collections failed in one of the two scans: what they hold there is UNKNOWN')));
    const ref = e => resourceCell(I ? keyIndex(I, e.account_id, e.region, e.service, e.type, e.id) : -1, e.id, e.name);
    const basic = [{label: 'Resource'}, {label: 'Type'}, {label: 'Region'}, {label: 'Account'}];
    const row = e => [ref(e), e.service + '/' + e.type, e.region, e.account_id];
    const val = x => x === undefined ? el('span', {class: 'muted', text: '(absent)'}) : el('code', {text: JSON.stringify(x)});
    const what = e => {
      const lines = [...(e.fields || []).map(f => [f.path, f]), ...(e.tags || []).map(f => ['tag ' + f.path, f])];
      const edges = (e.edges || []).map(x => `${x.change === 'added' ? '+' : '−'} ${x.kind} → ${x.to.service}/${x.to.type} ${x.to.id}`);
      const names = [...lines.map(l => l[0]), edges.length ? `${edges.length} edge${edges.length > 1 ? 's' : ''}` : null].filter(Boolean).join(', ');
      return el('details', {}, el('summary', {text: names || '(no field)'}),
        el('table', {class: 't diff'}, el('tbody', {}, lines.map(([p, f]) => el('tr', {}, el('td', {class: 'mono', text: p}), el('td', {class: 'before'}, val(f.before)), el('td', {class: 'after'}, val(f.after)))),
          edges.map(x => el('tr', {}, el('td', {class: 'mono', text: 'edge'}), el('td', {colSpan: 2, text: x}))))));
    };
    const section = (id, title, list, cols, render) => el('div', {class: 'section', id: 'changes-' + id}, el('h2', {text: `${title} (${fmt(list.length)})`}),
      list.length ? limited(cols, list, render) : el('p', {class: 'muted', text: 'None.'}));
    v.append(section('modified', 'Modified', of('modified'), [...basic, {label: 'What changed'}], e => [...row(e), what(e)]),
      section('added', 'Added', of('added'), basic, row),
      section('removed', 'Removed', of('removed'), basic, row),
      section('unknown', 'Unknown', of('unknown'), [...basic, {label: 'Why'}], e => [...row(e), e.reason || '']));
  }

  // ---------- tags page ----------
  function buildTags(v, t) {
    v.classList.add('scrollview');
    const pc = x => (x || 0).toFixed(1) + '%';
    v.append(el('div', {class: 'cards'}, card('Compliance', pc(t.overall.percent), t.overall.percent >= 90 ? 'good' : 'warn'),
      card('Compliant', fmt(t.overall.compliant), '', 'of ' + fmt(t.overall.total)), card('Required keys', (t.required || []).length ? t.required.join(', ') : 'any tag')));
    if ((t.incomplete || []).length) v.append(el('div', {class: 'section', id: 'tag-unknown'}, el('h2', {}, el('span', {class: 'badge unknown', text: 'UNKNOWN'}), 'Tags not collected everywhere'),
      el('p', {class: 'desc', text: 'The tags of these types were not (fully) collected: their compliance is unknown there.'}), unknownList(t.incomplete.map(gapText), 'places')));
    if ((t.per_tag || []).length) v.append(el('div', {class: 'section'}, el('h2', {text: 'Required tag coverage'}),
      table([{label: 'Tag'}, {label: 'Present', num: true}, {label: 'Total', num: true}, {label: 'Percent', num: true}], t.per_tag.map(k => [k.key, fmt(k.present), fmt(k.total), pc(k.percent)]))));
    v.append(el('div', {class: 'section'}, el('h2', {text: 'By service'}),
      table([{label: 'Service'}, {label: 'Compliant', num: true}, {label: 'Total', num: true}, {label: 'Percent', num: true}], (t.by_service || []).map(s => [s.service, fmt(s.compliant), fmt(s.total), pc(s.percent)]))));
    const res = t.resources || [];
    v.append(el('div', {class: 'section', id: 'tag-resources'}, el('h2', {text: `${t.listing === 'untagged' ? 'Untagged' : 'Non-compliant'} resources (${fmt(res.length)})`}),
      limited([{label: 'Resource'}, {label: 'Type'}, {label: 'Region'}, {label: 'Account'}, {label: 'Missing'}], res,
        r => [el('span', {class: 'mono', text: r.name ? `${r.name} (${r.id})` : r.id}), r.service + '/' + r.type, r.region, r.account_id, (r.missing || []).join(', ')])));
  }

  // ---------- keyboard ----------
  function keys(e) {
    const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement && document.activeElement.tagName);
    if (e.key === 'Escape') {
      if ($('panel').classList.contains('open')) closePanel(true);
      else if (typing) document.activeElement.blur();
      return;
    }
    if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
    const names = Object.keys(views);
    if (/^[1-9]$/.test(e.key) && names[e.key - 1]) { go(names[e.key - 1]); return; }
    if (e.key === 'd') { toggleDark(); return; }
    if (!inv || S.view !== 'inventory') return;
    if (e.key === '/') { e.preventDefault(); inv.focus(); }
    else if (e.key === 'j' || e.key === 'ArrowDown') { e.preventDefault(); inv.move(1); }
    else if (e.key === 'k' || e.key === 'ArrowUp') { e.preventDefault(); inv.move(-1); }
    else if (e.key === 'Enter') inv.open();
  }

  main().catch(e => { api.errors.push(String(e && e.stack || e)); console.error(e); });
})();
