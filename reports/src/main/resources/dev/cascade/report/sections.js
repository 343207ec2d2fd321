// The report's sections other than the swimlanes, as HTML text, in the page's order.
var Sections = (function () {
  'use strict';
  var esc = Describe.escape;
  var VERDICT_SHAPES = { PASS: '✓', FAIL: '✗', INCONCLUSIVE: '?', RAN: '•', FAILED: '✗', PASSED: '✓' };

  function badge(verdict, label) {
    var v = String(verdict).toUpperCase();
    var cls = v === 'PASS' || v === 'PASSED' ? 'pass' : v === 'FAIL' || v === 'FAILED' ? 'fail' : v === 'INCONCLUSIVE' ? 'inconclusive' : 'neutral';
    return '<span class="badge ' + cls + '">' + (VERDICT_SHAPES[v] || '•') + ' ' + esc(label ? label + ': ' + v : v) + '</span>';
  }

  function header(model) {
    var run = model.run, trace = model.trace;
    var scheduler = trace.scheduler.kind === 'real'
      ? 'real' + (trace.scheduler.carriers ? ' (' + trace.scheduler.carriers + ' carriers)' : ' (virtual threads)')
      : (trace.scheduler.kind || 'unknown');
    var rows = [
      ['seed', trace.seed === undefined ? 'none (real scheduler)' : String(trace.seed)],
      ['scheduler', scheduler + (run.backend ? ', ' + run.backend + ' backend' : '')],
      [trace.scheduler.kind === 'real' ? 'duration' : 'virtual duration', Describe.time(Math.round((model.end - model.start) * 1000) / 1000)],
      ['events', (model.data.page && model.data.page.events > model.events.length
        ? model.data.page.events + ' (' + model.events.length + ' on this page, see the swimlanes)' : String(model.events.length))
        + (model.leftOut.events ? ' (+' + model.leftOut.events + ' left out by a bounded trace)' : '')]
    ];
    var verdicts = (run.verdicts || []).map(function (v) { return badge(v.verdict, v.label); }).join(' ');
    return '<header id="header"><p class="kicker">Cascade run report</p><h1>' + esc(trace.name || run.name || 'run') + '</h1>'
      + (verdicts ? '<div class="verdicts">' + verdicts + '</div>' : '')
      + '<dl class="facts">' + rows.map(function (r) { return '<dt>' + esc(r[0]) + '</dt><dd>' + esc(r[1]) + '</dd>'; }).join('') + '</dl>'
      + (run.replay ? '<div class="replay"><span>Replay:</span> <code id="replay">' + esc(run.replay)
        + '</code> <button type="button" id="copy-replay">copy</button></div>' : '')
      + '</header>';
  }

  function explanation(model) {
    var list = model.explanations;
    var body;
    if (!list.length) {
      body = '<p class="quiet">Nothing to explain: no process crashed, no supervisor gave up and no message was lost or dropped.</p>';
    } else {
      body = list.map(function (x, n) {
        var about = model.byId.get(x.about);
        return '<div class="explanation"><h3>' + (list.length > 1 ? (n + 1) + '. ' : '') + 'Why '
          + esc(about ? Describe.event(about, model) : 'event #' + x.about) + '</h3><ol class="steps">'
          + (x.steps || []).map(function (step, i) {
            var evs = (step.events || []).map(function (id) { return model.byId.get(id); }).filter(Boolean);
            return '<li class="step" data-ev="' + (step.events || []).join(' ') + '">'
              + (i > 0 ? '<span class="arrow-glyph" aria-hidden="true">→ </span>' : '') + esc(step.text)
              + (evs.length ? ' <a href="#lanes" class="show-events" data-ev="' + (step.events || []).join(' ') + '">show in the swimlanes</a> '
                + '<details class="step-events"><summary>' + evs.length + ' event' + (evs.length > 1 ? 's' : '') + '</summary><ul>' + evs.slice(0, 50).map(function (e) {
                  return '<li><a href="#ev-' + e.id + '" data-ev="' + e.id + '" class="event-link">#' + e.id + '</a> '
                    + esc(Describe.time(e.t) + ': ' + Describe.event(e, model)) + '</li>';
                }).join('') + (evs.length > 50 ? '<li>… and ' + (evs.length - 50) + ' more</li>' : '') + '</ul></details>' : '')
              + '</li>';
          }).join('') + '</ol></div>';
      }).join('');
    }
    return '<section id="explanation"><h2>What happened</h2>' + body + '</section>';
  }

  // What happened to each path: untouched, restarted n times, gave up, or ended.
  function fates(model) {
    var byPath = new Map();
    function of(path) {
      var f = byPath.get(path);
      if (!f) { f = { incarnations: [], restarts: 0, gaveUp: false, alive: false }; byPath.set(path, f); }
      return f;
    }
    model.lanes.list.forEach(function (lane) {
      if (!lane.path) { return; }
      var f = of(lane.path);
      lane.segments.forEach(function (s) { if (s.incarnation > 0) { f.incarnations.push(s); } });
      var last = lane.segments[lane.segments.length - 1];
      f.alive = !!last && last.to === null;
      f.started = lane.segments.length > 0;
      lane.marks.forEach(function (m) {
        if (m.kind === 'gave-up') { f.gaveUp = true; }
        if (m.kind === 'start-failed') { f.failedWith = m.event.reason; }
      });
    });
    model.events.forEach(function (e) {
      if (e.type === 'restart_decided') { (e.group && e.group.length ? e.group : [e.child]).forEach(function (p) { of(p).restarts++; }); }
    });
    byPath.forEach(function (f) {
      // Restarted = a new incarnation came (with its supervisor too); a temporary child in a restart group is not restarted.
      f.restarts = Math.max(0, f.incarnations.length - 1);
      f.fate = f.gaveUp ? 'gave-up' : !f.alive && f.started ? 'ended' : f.restarts > 0 ? 'restarted'
        : !f.started && f.failedWith !== undefined ? 'never-started' : 'untouched';
    });
    return byPath;
  }

  var FATE_TEXT = { 'gave-up': 'gave up', ended: 'ended', restarted: 'restarted', untouched: 'untouched',
                    'never-started': 'never started' };

  function tree(model) {
    var f = fates(model);
    // Children a dynamic supervisor started at run time: paths the events name that the static tree does not.
    var dynamic = model.lanes.list.filter(function (l) { return l.path && !l.node; });
    var placed = new Set();
    function grown(n) {
      return dynamic.filter(function (l) { return l.path.substring(0, l.path.lastIndexOf('/')) === n.path; }).map(function (l) {
        placed.add(l.path);
        var started = (f.get(l.path) || { started: true }).started;
        return { path: l.path, id: l.path.substring(l.path.lastIndexOf('/') + 1), kind: 'worker',
                 restart: started ? 'started at run time' : 'asked to start at run time' };
      });
    }
    function node(n) {
      var fate = f.get(n.path) || { fate: 'untouched', incarnations: [], restarts: 0 };
      var spec = n.kind === 'supervisor'
        ? [n.strategy, n.intensity !== undefined ? 'intensity ' + n.intensity + ' in ' + Describe.time(n.period_ms) : '', n.restart]
            .filter(function (part) { return part; }).join(', ')
        : (n.restart || 'worker');
      var label = fate.fate === 'restarted' ? 'restarted ' + fate.restarts + '×'
        : fate.fate === 'never-started' ? 'never started: ' + fate.failedWith
        : FATE_TEXT[fate.fate] + (fate.restarts ? ', restarted ' + fate.restarts + '×' : '');
      var incs = fate.incarnations.map(function (s) {
        return '<span class="inc" title="' + esc(s.pid + (s.exit ? ', exited ' + s.exit.reason : ', alive at the end')) + '">#' + s.incarnation
          + (s.exit ? (Model.abnormal(s.exit.reason) ? ' ◆' : ' |') : ' ▶') + '</span>';
      }).join(' ');
      return '<li class="tree-node" data-path="' + esc(n.path) + '"><div class="card fate-' + fate.fate + '">'
        + '<span class="shape">' + (n.kind === 'supervisor' ? '■' : '●') + '</span> <strong>' + esc(n.id) + '</strong> '
        + '<span class="spec">' + esc(spec) + '</span> <span class="fate">' + esc(label) + '</span>'
        + (incs ? ' <span class="incs">' + incs + '</span>' : '') + '</div>'
        + children(n) + '</li>';
    }
    // Many children: the ones something happened to are listed, the untouched ones folded into one line.
    function children(n) {
      var list = (n.children || []).concat(grown(n));
      if (!list.length) { return ''; }
      if (list.length <= 12) { return '<ul>' + list.map(node).join('') + '</ul>'; }
      var quiet = list.filter(function (c) { return (f.get(c.path) || { fate: 'untouched' }).fate === 'untouched' && !(c.children || []).length; });
      var loud = list.filter(function (c) { return quiet.indexOf(c) < 0; });
      return '<ul>' + loud.map(node).join('') + (quiet.length ? '<li class="tree-node folded-children"><details><summary>' + quiet.length
        + ' more untouched ' + (quiet.length > 1 ? 'children' : 'child') + '</summary><ul>' + quiet.map(node).join('') + '</ul></details></li>' : '') + '</ul>';
    }
    var drawn = node(model.tree);
    var unplaced = dynamic.filter(function (l) { return !placed.has(l.path); });
    return '<section id="tree"><h2>The tree</h2>'
      + '<p class="legend-line">Shape: ■ supervisor, ● worker. Fate: <span class="card-key fate-untouched">untouched</span> '
      + '<span class="card-key fate-restarted">restarted n×</span> <span class="card-key fate-gave-up">gave up</span> '
      + '<span class="card-key fate-ended">ended</span> '
      + '<span class="card-key fate-never-started">never started</span>. Incarnations: ▶ alive at the end, | ended normally or shut down, ◆ crashed.</p>'
      + '<ul class="tree">' + drawn + '</ul>'
      + (unplaced.length ? '<p class="quiet">Started at run time (not in the static tree): ' + unplaced.map(function (l) { return esc(l.path); }).join(', ') + '</p>' : '')
      + '</section>';
  }

  function ledger(model) {
    var rows = model.ledger;
    if (!rows.length) { return '<section id="ledger"><h2>Fault ledger</h2><p class="quiet">No faults were planned for this run.</p></section>'; }
    var fired = new Map();
    model.events.forEach(function (e) { if (e.type === 'fault_fired' || e.type === 'fault_skipped') { (fired.get(e.fault) || fired.set(e.fault, []).get(e.fault)).push(e.id); } });
    return '<section id="ledger"><h2>Fault ledger</h2><table class="ledger"><thead><tr><th>#</th><th>planned at</th><th>fault</th><th>status</th><th>hits / why</th></tr></thead><tbody>'
      + rows.map(function (r) {
        var status = { fired: '▲ fired', skipped: '△ skipped', pending: '… pending' }[r.status] || r.status;
        var evs = fired.get(r.number) || [];
        var hits = (r.hits || []).map(function (h) {
          return esc(Describe.time(h.at_ms) + ' ' + h.path + (h.incarnation ? '#' + h.incarnation : '') + (h.detail ? ': ' + h.detail : ''));
        });
        var shown = hits.slice(0, 12).join('<br>') + (hits.length > 12 ? '<br>… and ' + (hits.length - 12) + ' more hits' : '');
        return '<tr class="' + esc(r.status) + '"><td>' + r.number + '</td><td>' + esc(Describe.time(r.at_ms)) + '</td><td>' + esc(r.fault) + '</td>'
          + '<td class="status">' + esc(status) + '</td><td>' + shown + (r.why ? (shown ? '<br>' : '') + '<em>' + esc(r.why) + '</em>' : '')
          + (evs.length ? ' <a href="#lanes" class="show-events" data-ev="' + evs.join(' ') + '">show</a>' : '') + '</td></tr>';
      }).join('') + '</tbody></table></section>';
  }

  function accounting(model) {
    var acc = model.accounting;
    if (!acc) { return '<section id="accounting"><h2>Messages</h2><p class="quiet">The trace has no accounting.</p></section>'; }
    var paths = Object.keys(acc.paths || {});
    function row(name, a) {
      var ok = a.sent === a.handled + a.dropped + a.lost + a.queued;
      return '<tr class="' + (ok ? 'balanced' : 'unbalanced') + (a.lost ? ' has-lost' : '') + '"><th scope="row">' + esc(name) + '</th><td>' + a.sent + '</td><td>' + a.handled
        + '</td><td>' + a.dropped + '</td><td>' + a.lost + '</td><td>' + a.queued + '</td><td>' + (ok ? '✓ balanced' : '✗ UNBALANCED') + '</td></tr>';
    }
    var lost = model.messages.filter(function (m) { return m.lost || m.dropped; });
    return '<section id="accounting"><h2>Messages: sent = handled + dropped + lost + queued</h2>'
      + '<table class="accounting"><thead><tr><th>path</th><th>sent</th><th>handled</th><th>dropped</th><th>lost</th><th>queued</th><th></th></tr></thead><tbody>'
      + paths.map(function (p) { return row(p, acc.paths[p]); }).join('') + (acc.total ? row('whole run', acc.total) : '') + '</tbody></table>'
      + (lost.length ? '<details class="lost-list"' + (lost.length <= 30 ? ' open' : '') + '><summary>' + lost.length + ' message' + (lost.length > 1 ? 's' : '')
        + ' lost or dropped</summary><ul>' + lost.slice(0, 500).map(function (m) {
          var e = m.lost || m.dropped;
          return '<li><a href="#ev-' + e.id + '" class="event-link" data-ev="' + e.id + ' ' + m.sent.id + '">✕ #' + m.sent.id + '</a> '
            + esc(Describe.time(e.t) + ': ' + Describe.event(e, model)) + '</li>';
        }).join('') + (lost.length > 500 ? '<li>… and ' + (lost.length - 500) + ' more</li>' : '') + '</ul></details>' : '<p class="quiet">No message was lost or dropped.</p>')
      + '</section>';
  }

  function verdicts(model) {
    var list = model.verdicts;
    if (!list.length) { return '<section id="verdicts"><h2>Specifications</h2><p class="quiet" id="no-specs">No specifications were checked for this run.</p></section>'; }
    return '<section id="verdicts"><h2>Specifications</h2><ul class="verdict-list">' + list.map(function (v) {
      return '<li class="verdict">' + badge(v.verdict) + ' <strong>' + esc(v.spec) + '</strong>' + (v.why ? ': ' + esc(v.why) : '')
        + ((v.events || []).length ? ' <a href="#lanes" class="show-events" data-ev="' + v.events.join(' ') + '">show the violating events</a>' : '') + '</li>';
    }).join('') + '</ul></section>';
  }

  function legend() {
    function shape(kind, text) {
      return '<span class="key"><svg width="20" height="20" viewBox="-10 -10 20 20" class="mark ' + kind + '" aria-hidden="true">' + Lanes.SHAPES[kind](0, 0) + '</svg>' + text + '</span>';
    }
    return '<div class="legend" aria-label="legend">'
      + '<span class="key"><svg width="34" height="14" aria-hidden="true"><rect class="segment" x="1" y="2" width="32" height="10"/></svg>incarnation</span>'
      + '<span class="key"><svg width="34" height="14" aria-hidden="true"><rect class="segment crashed" x="1" y="2" width="32" height="10"/></svg>incarnation that crashed</span>'
      + '<span class="key"><svg width="34" height="14" aria-hidden="true"><rect class="slice" x="1" y="5" width="32" height="5"/></svg>handling (when it took time)</span>'
      + '<span class="key"><svg width="34" height="14" aria-hidden="true"><line class="arrow" x1="2" y1="7" x2="30" y2="7"/></svg>message</span>'
      + '<span class="key"><svg width="34" height="14" aria-hidden="true"><line class="arrow signal" x1="2" y1="7" x2="30" y2="7"/></svg>exit signal / DOWN</span>'
      + shape('lost', 'lost or dropped (hover: why)') + shape('fault', 'fault fired') + shape('crash', 'crash') + shape('exit', 'normal exit / shutdown')
      + shape('restart', 'restart') + shape('gave-up', 'supervisor gave up') + shape('timeout', 'call timed out')
      + '<span class="key"><svg width="34" height="14" aria-hidden="true"><rect class="window" x="1" y="1" width="32" height="12"/></svg>restarts count against intensity</span>'
      + '<span class="key"><svg width="34" height="14" aria-hidden="true"><rect class="window broken" x="1" y="1" width="32" height="12"/></svg>window that broke intensity</span>'
      + '</div>';
  }

  return { header: header, explanation: explanation, tree: tree, ledger: ledger, accounting: accounting, verdicts: verdicts, legend: legend, fates: fates };
})();
